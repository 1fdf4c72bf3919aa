// Benchmark of fastCst against yaml's Lexer and Parser on generated manifests: median of 7 warm runs per size.
// Usage: npx tsc -p . && node out/bench/fastCst.bench.js [lines...]   (default 1000 10000 50000)
// (No forced gc() between runs: after one, V8 shrinks the young generation and every candidate gets slower.)
import { performance } from 'node:perf_hooks';
import { Lexer, Parser } from 'yaml';
import { fastCst } from '../server/src/service/parser/fastCst';
import { splitIntoChunks } from '../server/src/service/parser/documentSplitter';
import { generateManifest } from './manifests';
import { median } from './stats';

const RUNS = 7;

function measure(work: () => unknown): number {
  // Warm-up: at least 5 runs and 300 ms, so the JIT has settled (as in a long-running server).
  for (let i = 0, started = performance.now(); i < 5 || performance.now() - started < 300; i++) work();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    work();
    times.push(performance.now() - start);
  }
  return median(times);
}

function row(lines: number): void {
  const { text, documents } = generateManifest(lines, 1);
  const chunks = splitIntoChunks(text).map((s) => text.slice(s.start, s.end));
  const lexer = measure(() => {
    let n = 0;
    for (const _ of new Lexer().lex(text)) n++;
    return n;
  });
  const parser = measure(() => Array.from(new Parser().parse(text)));
  const fast = measure(() => fastCst(text));
  const perChunk = measure(() => chunks.map((chunk) => fastCst(chunk)));
  const declined = fastCst(text) === undefined;
  const declinedChunks = chunks.filter((chunk) => fastCst(chunk) === undefined).length;
  const ms = (v: number): string => `${v.toFixed(2).padStart(8)} ms`;
  console.log(
    `${String(lines).padStart(6)} lines ${String(documents).padStart(5)} docs | lexer ${ms(lexer)} | parser ${ms(parser)} | fastCst ${ms(fast)} ` +
      `(${(parser / fast).toFixed(1)}x, ${declined ? 'DECLINED' : 'accepted'}) | per chunk ${ms(perChunk)} (${declinedChunks}/${chunks.length} declined)`,
  );
}

const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
for (const lines of sizes.length > 0 ? sizes : [1_000, 10_000, 50_000]) row(lines);
