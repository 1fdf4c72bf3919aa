// Writes docs/diagnostics.md from the compiled rule registry (run `npx tsc -p .` first; `npm run docs:codes` does both).
import { createRequire } from 'node:module';
import { writeFileSync, readFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const compiled = join(root, 'out', 'server', 'src', 'service', 'languageService.js');
if (!existsSync(compiled)) {
  console.error('[docs:codes] out/ is missing; run "npx tsc -p ." first');
  process.exit(2);
}
const { createLanguageService } = require(compiled);
const { renderCodesDoc } = require(join(root, 'out', 'scripts', 'codesDoc.js'));
const codes = createLanguageService().registry.allCodes();
const target = join(root, 'docs', 'diagnostics.md');
const next = renderCodesDoc(codes);
const check = process.argv.includes('--check');
const current = existsSync(target) ? readFileSync(target, 'utf8') : '';
if (check) {
  if (current !== next) {
    console.error('[docs:codes] docs/diagnostics.md is out of date; run "npm run docs:codes"');
    process.exit(1);
  }
  console.log(`[docs:codes] docs/diagnostics.md is up to date (${codes.length} codes)`);
} else {
  writeFileSync(target, next);
  console.log(`[docs:codes] wrote docs/diagnostics.md (${codes.length} codes)`);
}
