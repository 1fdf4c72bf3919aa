// Runs the compiled node:test suites of the given tiers (unit, lsp, robustness, ...) from out/test/<tier>.
import { readdirSync, statSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

const tiers = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const extra = process.argv.slice(2).filter((a) => a.startsWith('--'));
if (tiers.length === 0) {
  console.error('usage: node scripts/runTests.mjs <tier...>   (tiers: folders under test/)');
  process.exit(2);
}

function collect(dir) {
  const files = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) files.push(...collect(path));
    else if (name.endsWith('.test.js')) files.push(path);
  }
  return files;
}

const files = [];
for (const tier of tiers) {
  const dir = join('out', 'test', tier);
  if (!existsSync(dir)) {
    console.error(`[test] no compiled tests in ${dir}; run "npm run compile" first`);
    process.exit(2);
  }
  files.push(...collect(dir));
}
if (files.length === 0) {
  console.error('[test] no test files found');
  process.exit(2);
}
const result = spawnSync(process.execPath, ['--test', '--test-reporter=spec', ...extra, ...files], { stdio: 'inherit' });
process.exit(result.status ?? 1);
