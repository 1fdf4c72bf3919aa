// Runs yamllint and kube-notes (YAML rules, default settings) over the YAML fixtures and prints where they disagree.
// Usage: npx tsc -p . && node scripts/compareYamllint.mjs [--config relaxed|default|<file>] [files...]
import { createRequire } from 'node:module';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const { createLanguageService } = require(join(root, 'out/server/src/service/languageService.js'));
const { yamlRules } = require(join(root, 'out/server/src/service/yaml/yamlRules.js'));
const { normalizeSettings } = require(join(root, 'out/server/src/service/settings.js'));
const { TextDocument } = require('vscode-languageserver-textdocument');

const args = process.argv.slice(2);
const configIndex = args.indexOf('--config');
const config = configIndex >= 0 ? args.splice(configIndex, 2)[1] : 'default';
const files = args.length > 0 ? args : collect(join(root, 'test', 'fixtures', 'yaml'));

function collect(dir) {
  const out = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...collect(path));
    else if (/\.ya?ml$/.test(name)) out.push(path);
  }
  return out;
}

/** yamllint rule → the kube-notes codes that cover the same ground. */
const GROUPS = {
  'syntax': /^YAML0(0\d|1\d|2[0-6])$/,
  'key-duplicates': /^YAML100$/,
  'trailing-spaces': /^YAML105$/,
  'line-length': /^YAML106$/,
  'truthy': /^YAML10[78]$/,
  'octal-values': /^YAML109$/,
  'empty-values': /^YAML112$/,
  'document-start': /^YAML113$/,
  'document-end': /^YAML114$/,
  'new-line-at-end-of-file': /^YAML115$/,
  'empty-lines': /^YAML11[6]$|^YAML121$/,
  'comments': /^YAML117$|^YAML018$/,
  'key-ordering': /^YAML118$/,
  'anchors': /^YAML022$|^YAML119$/,
  'indentation': /^YAML104$|^YAML001$/,
  'colons': /^YAML102$/,
  'commas': /^YAML103$/,
};
const groupOf = (code) => Object.keys(GROUPS).find((g) => GROUPS[g].test(code)) ?? `kube-notes:${code}`;

const yamllintArgs = ['-f', 'parsable'];
if (config === 'relaxed' || config === 'default') yamllintArgs.push('-d', config);
else yamllintArgs.push('-c', config);

const service = createLanguageService({ rules: yamlRules });
const settings = normalizeSettings({ language: 'en' });
let agree = 0;
let onlyYamllint = 0;
let onlyKubeNotes = 0;
for (const file of files) {
  const text = readFileSync(file, 'utf8');
  const uri = pathToFileURL(file).href;
  const ours = service.validate(TextDocument.create(uri, 'yaml', 1, text), settings).map((d) => ({
    line: d.range.start.line + 1,
    group: groupOf(String(d.code)),
    text: `${d.code} ${String(d.message).slice(0, 90)}`,
  }));
  const run = spawnSync('yamllint', [...yamllintArgs, file], { encoding: 'utf8' });
  if (run.error) {
    console.error('yamllint not found: apt-get install -y yamllint');
    process.exit(2);
  }
  const theirs = run.stdout.split('\n').filter(Boolean).map((line) => {
    const m = /^.*?:(\d+):(\d+): \[(\w+)\] (.*?)(?: \(([\w-]+)\))?$/.exec(line);
    return m ? { line: Number(m[1]), group: m[5] ?? 'syntax', text: `[${m[3]}] ${m[4]} (${m[5] ?? 'syntax'})` } : undefined;
  }).filter(Boolean);
  const key = (f) => `${f.line}:${f.group}`;
  const ourKeys = new Set(ours.map(key));
  const theirKeys = new Set(theirs.map(key));
  const lines = [];
  for (const f of theirs) if (!ourKeys.has(key(f))) { lines.push(`  line ${f.line}: only yamllint   ${f.text}`); onlyYamllint++; } else agree++;
  for (const f of ours) if (!theirKeys.has(key(f))) { lines.push(`  line ${f.line}: only kube-notes ${f.text}`); onlyKubeNotes++; }
  if (lines.length > 0) console.log(`${relative(root, file)}\n${lines.join('\n')}`);
}
console.log(`\nyamllint config: ${config}; agreements: ${agree}; only yamllint: ${onlyYamllint}; only kube-notes: ${onlyKubeNotes}`);
