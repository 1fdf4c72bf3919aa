// Where the time of one validation goes, in process and warm: splitting, parsing per chunk, each rule, building diagnostics.
// Usage: node out/bench/breakdown.js [--lines 10000] [--runs 5]
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Composer, Parser, parseAllDocuments } from 'yaml';
import { createLanguageService } from '../server/src/service/languageService';
import { normalizeSettings } from '../server/src/service/settings';
import { ParsedFileCache } from '../server/src/service/parser/parsedFile';
import { createKubernetesResources } from '../server/src/node/kubernetesSchemaLoader';
import type { Finding } from '../server/src/service/diagnostics/rule';
import { generateManifest } from './manifests';
import { median } from './stats';

const root = resolve(__dirname, '..', '..');
const arg = (name: string, fallback: string): string => {
  const index = process.argv.indexOf(name);
  return index !== -1 && process.argv[index + 1] ? process.argv[index + 1]! : fallback;
};

function timeIt(runs: number, work: () => unknown): number {
  work();
  work();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    work();
    samples.push(performance.now() - start);
  }
  return median(samples);
}

function main(): void {
  const lines = Number(arg('--lines', '10000'));
  const runs = Number(arg('--runs', '5'));
  const text = generateManifest(lines, 1000 + lines).text;
  const kubernetes = createKubernetesResources(join(root, 'server', 'schemas'));
  const settings = normalizeSettings({});
  let version = 0;
  const fresh = () => TextDocument.create(`file:///bench/breakdown-${version++}.yaml`, 'yaml', 1, text);

  const rows: Array<[string, number]> = [];
  rows.push(['yaml parseAllDocuments (floor)', timeIt(runs, () => parseAllDocuments(text))]);
  rows.push(['yaml Parser+Composer (floor)', timeIt(runs, () => Array.from(new Composer().compose(new Parser().parse(text))))]);
  rows.push(['ParsedFileCache.get (split + parseChunk per document)', timeIt(runs, () => new ParsedFileCache().get(fresh()))]);
  const service = createLanguageService({ kubernetes });
  rows.push(['service.validate, fresh document (parse + rules + diagnostics)', timeIt(runs, () => service.validate(fresh(), settings))]);
  const reused = fresh();
  service.validate(reused, settings);
  rows.push(['service.validate, same version again (cached chunks and findings)', timeIt(runs, () => service.validate(reused, settings))]);

  // Each rule alone over every chunk of an already parsed file.
  const file = new ParsedFileCache().get(fresh());
  const ruleRows: Array<[string, number, number]> = [];
  for (const rule of service.registry.rules) {
    let found = 0;
    const elapsed = timeIt(runs, () => {
      found = 0;
      for (const chunk of file.chunks) {
        rule.check({
          chunk: chunk.parsed,
          file: { uri: file.uri, chunkIndex: chunk.index, chunkCount: file.chunks.length, isHelmTemplate: false },
          settings,
          kubernetes,
          report: (_finding: Finding) => {
            found++;
          },
        });
      }
    });
    ruleRows.push([rule.id, elapsed, found]);
  }
  ruleRows.sort((a, b) => b[1] - a[1]);
  console.log(`${lines} lines, ${file.chunks.length} documents, ${text.length} chars; median of ${runs} warm runs (ms)\n`);
  for (const [what, value] of rows) console.log(`${value.toFixed(1).padStart(9)}  ${what}`);
  console.log(`\nrules (sum ${ruleRows.reduce((s, r) => s + r[1], 0).toFixed(1)} ms):`);
  for (const [id, value, found] of ruleRows) console.log(`${value.toFixed(1).padStart(9)}  ${id} (${found} findings)`);
}

main();
