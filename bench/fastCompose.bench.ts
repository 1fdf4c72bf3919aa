// Benchmark: fastCompose vs yaml's Composer on the same CST tokens, per `---` chunk and on the whole text.
// Run: npx tsc -p . && node out/bench/fastCompose.bench.js [--runs 7]
import { Composer, Parser, type CST } from 'yaml';
import { fastCompose, lastDeclineReason } from '../server/src/service/parser/fastCompose';
import { splitIntoChunks } from '../server/src/service/parser/documentSplitter';
import { generateManifest } from './manifests';
import { median, ms, table } from './stats';

const runsArg = process.argv.indexOf('--runs');
const RUNS = runsArg >= 0 ? Number(process.argv[runsArg + 1]) : 7;
const SIZES = [1_000, 10_000, 50_000];
const composeOptions = { uniqueKeys: false, keepSourceTokens: false, merge: true, intAsBigInt: false } as const;

interface Input {
  readonly tokens: CST.Token[];
  readonly length: number;
}

function time(fn: () => void): number {
  const start = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

function composeAll(inputs: readonly Input[]): number {
  let documents = 0;
  for (const { tokens, length } of inputs) documents += Array.from(new Composer(composeOptions).compose(tokens, true, length)).length;
  return documents;
}

/** fastCompose with the fallback parsedChunk.ts would use, so declined inputs cost what they cost there. */
function fastAll(inputs: readonly Input[]): number {
  let documents = 0;
  for (const { tokens, length } of inputs) {
    const docs = fastCompose(tokens, length) ?? Array.from(new Composer(composeOptions).compose(tokens, true, length));
    documents += docs.length;
  }
  return documents;
}

const rows: string[][] = [];
const declines = new Map<string, number>();
for (const size of SIZES) {
  const manifest = generateManifest(size, 3);
  const text = manifest.text;
  const chunks: Input[] = splitIntoChunks(text).map((slice) => {
    const chunk = text.slice(slice.start, slice.end);
    return { tokens: Array.from(new Parser().parse(chunk)), length: chunk.length };
  });
  const whole: Input[] = [{ tokens: Array.from(new Parser().parse(text)), length: text.length }];
  let declined = 0;
  for (const { tokens, length } of chunks) {
    if (fastCompose(tokens, length) === undefined) {
      declined++;
      declines.set(lastDeclineReason(), (declines.get(lastDeclineReason()) ?? 0) + 1);
    }
  }
  const wholeDeclined = fastCompose(whole[0]!.tokens, text.length) === undefined;
  for (const [label, inputs] of [['chunks', chunks], ['whole', whole]] as const) {
    // Warm-up (JIT), then alternate the two so neither profits from the other's garbage collection timing.
    for (let i = 0; i < 2; i++) {
      composeAll(inputs);
      fastAll(inputs);
    }
    const real: number[] = [];
    const fast: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      real.push(time(() => composeAll(inputs)));
      fast.push(time(() => fastAll(inputs)));
    }
    const r = median(real);
    const f = median(fast);
    // The minimum is less disturbed by other processes and garbage collection than the median on a shared machine.
    const rMin = Math.min(...real);
    const fMin = Math.min(...fast);
    rows.push([
      `${manifest.lines.toLocaleString('en')} lines, ${label === 'chunks' ? `${chunks.length} chunks` : 'whole text'}`,
      ms(r),
      ms(f),
      `${(r / f).toFixed(2)}×`,
      `${ms(rMin)} / ${ms(fMin)} = ${(rMin / fMin).toFixed(2)}×`,
      label === 'chunks' ? `${declined}/${chunks.length}` : wholeDeclined ? 'declined' : '0/1',
    ]);
  }
}
console.log(`Node ${process.version}, median of ${RUNS} warm runs (ms), same tokens for both`);
console.log(table(['input', 'Composer', 'fastCompose', 'speed-up', 'min: Composer / fast', 'declined'], rows));
if (declines.size > 0) console.log('decline reasons:', Object.fromEntries(declines));
