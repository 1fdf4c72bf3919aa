// Writes the generated kubeNotes.lint.* / kubeNotes.yaml.* settings into package.json and both nls files (run after `npx tsc -p .`).
import { createRequire } from 'node:module';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const compiled = join(root, 'out', 'scripts', 'settingsContributions.js');
if (!existsSync(compiled)) {
  console.error('[settings] out/ is missing; run "npx tsc -p ." first');
  process.exit(2);
}
const { createLanguageService } = require(join(root, 'out', 'server', 'src', 'service', 'languageService.js'));
const { settingContributions, nlsKeyOf } = require(compiled);
const contributions = settingContributions(createLanguageService().registry.allCodes());
const generated = new Set(contributions.map((c) => c.key));
const isGenerated = (key) => key.startsWith('kubeNotes.lint.') || key.startsWith('kubeNotes.yaml.');

const manifestPath = join(root, 'package.json');
const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
const properties = {};
for (const [key, value] of Object.entries(manifest.contributes.configuration.properties)) if (!isGenerated(key)) properties[key] = value;
for (const c of contributions) properties[c.key] = { ...c.schema, markdownDescription: `%${nlsKeyOf(c.key)}%` };
manifest.contributes.configuration.properties = properties;
writeFileSync(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);

for (const [file, lang] of [['package.nls.json', 'en'], ['package.nls.ko.json', 'ko']]) {
  const path = join(root, file);
  const nls = JSON.parse(readFileSync(path, 'utf8'));
  const next = {};
  for (const [key, value] of Object.entries(nls)) if (!/^config\.(lint|yaml)\./.test(key)) next[key] = value;
  for (const c of contributions) next[nlsKeyOf(c.key)] = c.description[lang];
  writeFileSync(path, `${JSON.stringify(next, null, 2)}\n`);
}
console.log(`[settings] ${contributions.length} generated settings (${[...generated].filter((k) => k.startsWith('kubeNotes.lint.')).length} lint severities)`);
