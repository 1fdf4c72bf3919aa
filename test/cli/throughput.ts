// Measures `kube-notes check` on a generated tree (default 10,000 files, bench/manifests.ts generateTree): resources/s,
// files/s, CPU time and peak memory, pinned to one core when taskset exists. Not a test; run after compile and build:
//   node out/test/cli/throughput.js [files=10000] [runs=3]
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateTree } from '../../bench/manifests';
import { CLI_JS } from './cliRunner';

const files = Number(process.argv[2] ?? 10_000);
const runs = Number(process.argv[3] ?? 3);
const treeRoot = join(tmpdir(), `kube-notes-cli-throughput-${files}`);
const tree = generateTree(treeRoot, files);
const usageFile = join(tmpdir(), `kube-notes-cli-usage-${process.pid}.json`);
const reporter = join(__dirname, 'usageReporter.js');
const taskset = existsSync('/usr/bin/taskset') ? ['/usr/bin/taskset', '-c', '0'] : [];
const command = [...taskset, process.execPath, '--require', reporter, CLI_JS, 'check', '--format', 'json', '--quiet', treeRoot];

interface Run {
  wallS: number;
  cpuS: number;
  maxRssMb: number;
  exit: number | null;
}

const results: Run[] = [];
for (let i = 0; i < runs; i++) {
  rmSync(usageFile, { force: true });
  const t0 = performance.now();
  const child = spawnSync(command[0]!, command.slice(1), { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8', env: { ...process.env, KUBE_NOTES_CLI_USAGE_FILE: usageFile } });
  const wallS = (performance.now() - t0) / 1000;
  const usage = existsSync(usageFile) ? (JSON.parse(readFileSync(usageFile, 'utf8')) as { maxRssKb: number; userMs: number; systemMs: number }) : undefined;
  results.push({ wallS, cpuS: usage ? (usage.userMs + usage.systemMs) / 1000 : Number.NaN, maxRssMb: usage ? usage.maxRssKb / 1024 : Number.NaN, exit: child.status });
  if (child.status !== 0 && child.status !== 1) process.stderr.write(child.stderr);
}
rmSync(usageFile, { force: true });

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const wall = median(results.map((r) => r.wallS));
const cpu = median(results.map((r) => r.cpuS));
const rss = Math.max(...results.map((r) => r.maxRssMb));
const fmt = (n: number): string => Math.round(n).toLocaleString('en');
process.stdout.write(
  [
    `command: ${command.join(' ')}`,
    `tree: ${fmt(tree.files)} files, ${fmt(tree.resources)} resources, ${(tree.bytes / 2 ** 20).toFixed(1)} MiB`,
    `runs: ${runs}, exit codes ${results.map((r) => r.exit).join(',')}`,
    `wall (median): ${wall.toFixed(2)} s → ${fmt(tree.resources / wall)} resources/s, ${fmt(tree.files / wall)} files/s`,
    `CPU user+sys (median): ${cpu.toFixed(2)} s → ${fmt(tree.resources / cpu)} resources per CPU-second, ${fmt(tree.files / cpu)} files per CPU-second`,
    `peak RSS: ${rss.toFixed(0)} MB`,
    '',
  ].join('\n'),
);
