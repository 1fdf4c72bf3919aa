// Prints the size of a .vsix and of its largest entries, and fails if it holds files it should not.
import { execFileSync } from 'node:child_process';
import { statSync } from 'node:fs';

const file = process.argv[2] ?? 'kube-notes.vsix';
const listing = execFileSync('unzip', ['-l', file], { encoding: 'utf8' });
const entries = listing
  .split('\n')
  .map((line) => /^\s*(\d+)\s+\S+\s+\S+\s+(.+)$/.exec(line))
  .filter((m) => m !== null && !m[2].endsWith('/') && m[2] !== 'Name')
  .map((m) => ({ size: Number(m[1]), name: m[2].trim() }));
const forbidden = entries.filter((e) => /(^|\/)(node_modules|src|test|out|bench)\//.test(e.name.replace(/^extension\//, '')) || /\.(ts|map)$/.test(e.name));
const total = entries.reduce((sum, e) => sum + e.size, 0);
console.log(`${file}: ${(statSync(file).size / 1024).toFixed(1)} KiB compressed, ${(total / 1024).toFixed(1)} KiB unpacked, ${entries.length} files`);
for (const e of [...entries].sort((a, b) => b.size - a.size).slice(0, 12)) console.log(`  ${(e.size / 1024).toFixed(1).padStart(9)} KiB  ${e.name}`);
if (forbidden.length > 0) {
  console.error(`unexpected files in the package:\n${forbidden.map((e) => `  ${e.name}`).join('\n')}`);
  process.exit(1);
}
