// Benchmark: each stage of the CLI's check timed alone over the 10,000-file tree's chunks, first pass and warm.
// Run: npx tsc -p . && taskset -c 0 node out/bench/treeStages.js [--passes 6] [--stage files|cst|compose|scan]
//
// The CLI target is judged on a fresh process (cliWarmup.ts, run.ts); this isolates the stages so a change to one of
// them can be measured with less noise than the whole check: the first pass includes the JIT's warm-up, later ones
// show the stage's own cost. Stages after the first get their input (texts, CSTs) prepared before timing.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chunkBoundaries } from '../server/src/service/parser/documentSplitter';
import { fastCst, keyLinesTakenWhole } from '../server/src/service/parser/fastCst';
import { fastCompose } from '../server/src/service/parser/fastCompose';
import { ParsedFileCache } from '../server/src/service/parser/parsedFile';
import type { ParsedChunk } from '../server/src/service/parser/parsedChunk';
import { scanChunk } from '../server/src/service/yaml/cstScan';
import { generateTree } from './manifests';
import { median, table } from './stats';

const argValue = (name: string, fallback: string): string => {
  const index = process.argv.indexOf(name);
  return index >= 0 ? process.argv[index + 1] ?? fallback : fallback;
};
const PASSES = Number(argValue('--passes', '6'));
const ONLY = argValue('--stage', '');

interface TreeFile {
  readonly uri: string;
  readonly text: string;
}

function readTree(dir: string, files: TreeFile[] = []): TreeFile[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) readTree(path, files);
    else if (entry.name.endsWith('.yaml')) files.push({ uri: `file://${path}`, text: readFileSync(path, 'utf8') });
  }
  return files;
}

/** Milliseconds of each pass of `work`. */
function passes(work: () => number): number[] {
  const times: number[] = [];
  let sink = 0;
  for (let pass = 0; pass < PASSES; pass++) {
    const start = process.hrtime.bigint();
    sink += work();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  if (sink < 0) throw new Error('unreachable'); // keeps the results alive
  return times;
}

function main(): void {
  const tree = generateTree(join(__dirname, '..', '..', 'bench', '.generated', 'tree'), 10_000);
  const files = readTree(tree.root);
  const texts: string[] = [];
  for (const { text } of files) {
    const starts = chunkBoundaries(text);
    starts.forEach((start, i) => texts.push(text.slice(start, starts[i + 1] ?? text.length)));
  }
  // Each stage prepares its input when its turn comes and drops it after: holding every chunk's trees at once made
  // the garbage collector the biggest cost of every stage.
  const stages: Array<[string, string, () => () => number]> = [
    ['files', 'ParsedFileCache.get per file (split, chunk texts, line tables; no parse)', () => () => {
      const cache = new ParsedFileCache();
      let chunks = 0;
      for (const { uri, text } of files) {
        chunks += cache.get({ uri, version: 1, getText: () => text }).chunks.length;
        cache.delete(uri);
      }
      return chunks;
    }],
    ['cst', "fastCst per chunk (yaml's CST)", () => () => texts.reduce((n, text) => n + (fastCst(text)?.length ?? 0), 0)],
    ['compose', "fastCompose per chunk (yaml's documents)", () => {
      const csts = texts.map((text) => fastCst(text) ?? []);
      return () => csts.reduce((n, cst, i) => n + (fastCompose(cst, texts[i]!.length)?.length ?? 0), 0);
    }],
    ['scan', 'CST scan per chunk (what the YAML rules read)', () => {
      const csts = texts.map((text) => fastCst(text) ?? []);
      // What scanChunk reads of a chunk (its text, CST and memo), made afresh per pass: the scan is then garbage as
      // soon as it is read, as in a check (a chunk kept across passes would keep a whole pass of scans alive).
      return () => csts.reduce((n, tokens, i) => {
        const chunk = { text: texts[i]!, tokens, memo: new Map<string, unknown>() } as unknown as ParsedChunk;
        return n + scanChunk(chunk).scalars.length;
      }, 0);
    }],
  ];
  if (ONLY === '') {
    // Each stage in a process of its own, so that no stage runs on a heap or JIT state another one left behind.
    const rows = stages.map(([name]) => {
      const child = spawnSync(process.execPath, [...process.execArgv, __filename, '--stage', name, '--passes', String(PASSES), '--row'], { encoding: 'utf8' });
      if (child.status !== 0) throw new Error(`stage ${name} failed: ${child.stderr}`);
      return JSON.parse(child.stdout) as string[];
    });
    process.stdout.write(`Stages over the tree: ${files.length.toLocaleString('en')} files, ${texts.length.toLocaleString('en')} chunks, node ${process.version}, ${PASSES} passes, one process per stage\n\n`);
    process.stdout.write(`${table(['stage', 'what', 'first pass ms', 'warm median ms', 'all passes ms'], rows)}\n`);
    return;
  }
  const stage = stages.find(([name]) => name === ONLY);
  if (!stage) throw new Error(`unknown stage ${ONLY}: ${stages.map(([name]) => name).join(', ')}`);
  const [name, what, setup] = stage;
  const times = passes(setup());
  let described = what;
  if (name === 'cst') {
    // How much of the tree the whole-line path took (fastCst.ts lexKeyLine): the rest went token by token.
    const lines = texts.reduce((n, text) => n + text.split('\n').length - (text.endsWith('\n') ? 1 : 0), 0);
    described = `${what}; ${((100 * keyLinesTakenWhole()) / PASSES / lines).toFixed(0)} % of ${lines.toLocaleString('en')} lines taken whole`;
  }
  const row = [name, described, times[0]!.toFixed(0), median(times.slice(1)).toFixed(0), times.map((t) => t.toFixed(0)).join(' ')];
  process.stdout.write(process.argv.includes('--row') ? JSON.stringify(row) : `${table(['stage', 'what', 'first pass ms', 'warm median ms', 'all passes ms'], [row])}\n`);
}

if (require.main === module) main();
