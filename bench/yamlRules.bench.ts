// Benchmark: kube-notes YAML diagnostics vs the `yaml` parser alone on 1,000 / 10,000 / 50,000-line multi-document manifests.
// Run: npx tsc -p . && node out/bench/yamlRules.bench.js [--runs 5]
import { parseAllDocuments } from 'yaml';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createLanguageService } from '../server/src/service/languageService';
import { normalizeSettings } from '../server/src/service/settings';
import { yamlRules } from '../server/src/service/yaml/yamlRules';
import { generateManifest } from './manifests';
import { median, ms, table } from './stats';

const runsArg = process.argv.indexOf('--runs');
const RUNS = runsArg >= 0 ? Number(process.argv[runsArg + 1]) : 5;
const SIZES = [1_000, 10_000, 50_000];

function time(fn: () => void): number {
  const start = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

const rows: string[][] = [];
for (const size of SIZES) {
  const manifest = generateManifest(size, 3);
  const text = manifest.text;
  const parse: number[] = [];
  const cold: number[] = [];
  const rulesOnly: number[] = [];
  const edit: number[] = [];
  let findings = 0;
  // Warm-up (JIT) once per size.
  parseAllDocuments(text, { uniqueKeys: false });
  createLanguageService({ rules: yamlRules }).validate(TextDocument.create('file:///w.yaml', 'yaml', 1, text), normalizeSettings({}));
  for (let run = 0; run < RUNS; run++) {
    parse.push(time(() => {
      const docs = parseAllDocuments(text, { uniqueKeys: false });
      if (!Array.isArray(docs)) throw new Error('empty');
    }));
    const service = createLanguageService({ rules: yamlRules });
    const uri = `file:///bench/${size}-${run}.yaml`;
    const settings = normalizeSettings({});
    cold.push(time(() => {
      findings = service.validate(TextDocument.create(uri, 'yaml', 1, text), settings).length;
    }));
    // Same parse (chunks cached), new settings object with a different raw key: every rule runs again.
    const other = normalizeSettings({ bench: run });
    rulesOnly.push(time(() => service.validate(TextDocument.create(uri, 'yaml', 1, text), other)));
    // One-character edit in the middle document: only that chunk is parsed and checked again.
    const middle = manifest.documentStarts[Math.floor(manifest.documentStarts.length / 2)]!;
    const lines = text.split('\n');
    lines[middle + 1] = `${lines[middle + 1]!}x`;
    const edited = lines.join('\n');
    edit.push(time(() => service.validate(TextDocument.create(uri, 'yaml', 2, edited), other)));
  }
  const p = median(parse);
  rows.push([
    `${manifest.lines.toLocaleString('en')} lines / ${manifest.documents} docs`,
    ms(p),
    ms(median(cold)),
    `${(median(cold) / p).toFixed(2)}×`,
    ms(median(rulesOnly)),
    `${(median(rulesOnly) / p).toFixed(2)}×`,
    ms(median(edit)),
    String(findings),
  ]);
}
console.log(`Node ${process.version}, ${RUNS} runs, medians`);
console.log(table(['input', 'yaml parseAllDocuments', 'kube-notes cold (parse + rules)', 'cold / parse', 'rules only (parse cached)', 'rules / parse', 'one-char edit', 'findings'], rows));
