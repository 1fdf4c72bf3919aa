// The parse floor: the `yaml` package alone on a file (lexer, CST, AST with ranges), warm, in its own process.
// Usage: node out/bench/parseFloor.js FILE RUNS  → prints one JSON line { lexer, cst, parseAllDocuments, parserComposer } (ms arrays).
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { Composer, Lexer, Parser, parseAllDocuments } from 'yaml';

export interface FloorResult {
  readonly lexer: number[];
  readonly cst: number[];
  readonly parseAllDocuments: number[];
  readonly parserComposer: number[];
}

function time(work: () => unknown): number {
  const start = performance.now();
  const result = work();
  const elapsed = performance.now() - start;
  if (result === undefined) throw new Error('no result');
  return elapsed;
}

export function measureFloor(text: string, runs: number): FloorResult {
  const result: FloorResult = { lexer: [], cst: [], parseAllDocuments: [], parserComposer: [] };
  const work = {
    lexer: () => {
      let n = 0;
      for (const _ of new Lexer().lex(text)) n++;
      return n;
    },
    cst: () => Array.from(new Parser().parse(text)).length,
    // The whole stream to documents with ranges (the usual way to parse a multi-document file).
    parseAllDocuments: () => parseAllDocuments(text),
    // Parser + Composer streaming one document at a time (what a per-document pipeline pays).
    parserComposer: () => {
      const composer = new Composer();
      let n = 0;
      for (const doc of composer.compose(new Parser().parse(text))) n += doc.contents ? 1 : 0;
      return n;
    },
  };
  // Two warm-up rounds so the JIT has settled, as in a long-running server.
  for (let i = 0; i < 2; i++) for (const fn of Object.values(work)) fn();
  for (let i = 0; i < runs; i++) {
    for (const [name, fn] of Object.entries(work) as Array<[keyof FloorResult, () => unknown]>) result[name].push(time(fn));
  }
  return result;
}

if (require.main === module) {
  const [file, runs] = process.argv.slice(2);
  if (!file) {
    console.error('usage: parseFloor FILE [RUNS]');
    process.exit(2);
  }
  process.stdout.write(`${JSON.stringify(measureFloor(readFileSync(file, 'utf8'), Number(runs ?? 5)))}\n`);
}
