// Benchmark: where a cold CLI run's time goes on one core — JIT warm-up versus the steady state.
//
// Run: npx tsc -p . && node scripts/build.mjs && node out/bench/cliWarmup.js [--runs 3]
// Prints, for the generated 10,000-file tree (bench/.generated/tree, as `npm run bench` uses):
//   - cold: `node dist/cli.js check <tree>` as a fresh process pinned to one core (what the benchmark's target measures);
//   - warm: the same check run four times in one process (the out/ build: the bundle runs its CLI when loaded), so
//     later runs use code V8 has optimized (and the schema, loaded by the first run);
//   - the optimizing compiler: how many compilations a cold run makes (functions, on-stack replacements and
//     re-optimizations) and their time, with compilation on the main thread
//     (`--no-concurrent-recompilation --trace-opt`) so the times are not inflated by sharing the core.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { generateTree } from './manifests';
import { median, table } from './stats';

const root = resolve(__dirname, '..', '..');
const cliJs = join(root, 'dist', 'cli.js');
const runCliJs = join(root, 'out', 'server', 'src', 'node', 'cli', 'runCli.js');
const runsArg = process.argv.indexOf('--runs');
const RUNS = runsArg >= 0 ? Number(process.argv[runsArg + 1]) : 3;
const WARM_REPEATS = 4;
const pin = existsSync('/usr/bin/taskset') ? ['/usr/bin/taskset', '-c', '0'] : [];

function run(args: readonly string[]): { seconds: number; stdout: string; stderr: string } {
  const command = [...pin, process.execPath, ...args];
  const t0 = performance.now();
  const result = spawnSync(command[0]!, command.slice(1), { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, timeout: 600_000 });
  const seconds = (performance.now() - t0) / 1000;
  if (result.status !== 0 && result.status !== 1) throw new Error(`exit ${String(result.status)}: ${result.stderr.slice(0, 500)}`);
  return { seconds, stdout: result.stdout, stderr: result.stderr };
}

/** Runs the check WARM_REPEATS times in one process (pinned to one core) and returns each run's seconds. */
export function warmRuns(tree: string): number[] {
  const script = `
    const { runCli } = require(${JSON.stringify(runCliJs)});
    const { Writable } = require('node:stream');
    const sink = new Writable({ write(chunk, encoding, done) { done(); } });
    (async () => {
      const seconds = [];
      for (let i = 0; i < ${WARM_REPEATS}; i++) {
        const t0 = performance.now();
        await runCli({ argv: ['check', ${JSON.stringify(tree)}], cwd: process.cwd(), env: {}, stdin: process.stdin, stdout: sink,
          stderr: process.stderr, packageRoot: ${JSON.stringify(root)}, workerScript: ${JSON.stringify(cliJs)}, heapLimitMb: 4096 });
        seconds.push((performance.now() - t0) / 1000);
      }
      process.stdout.write(JSON.stringify(seconds));
    })();`;
  return JSON.parse(run(['-e', script]).stdout) as number[];
}

/** TurboFan compilations of one cold run, compiled on the main thread. */
function compilations(tree: string): { count: number; ms: number; seconds: number } {
  const { stdout, seconds } = run(['--no-concurrent-recompilation', '--trace-opt', cliJs, 'check', '--format', 'json', tree]);
  let count = 0;
  let ms = 0;
  for (const match of stdout.matchAll(/completed compiling .*? took ([\d.]+), ([\d.]+), ([\d.]+) ms/g)) {
    count += 1;
    ms += Number(match[1]) + Number(match[2]) + Number(match[3]);
  }
  return { count, ms, seconds };
}

function main(): void {
  if (!existsSync(cliJs) || !existsSync(runCliJs)) throw new Error('build first: npx tsc -p . && node scripts/build.mjs');
  const tree = generateTree(join(root, 'bench', '.generated', 'tree'), 10_000);
  run([cliJs, 'check', tree.root]); // file cache
  const cold = Array.from({ length: RUNS }, () => run([cliJs, 'check', tree.root]).seconds);
  const warm = Array.from({ length: RUNS }, () => warmRuns(tree.root));
  const compiled = compilations(tree.root);
  const rate = (seconds: number): string => `${Math.round(tree.resources / seconds).toLocaleString('en')}/s`;
  const coldMedian = median(cold);
  const warmLater = warm.map((runs) => median(runs.slice(1)));
  const firstInProcess = median(warm.map((runs) => runs[0]!));
  const steady = median(warmLater);
  process.stdout.write(`CLI warm-up on one core: ${tree.files.toLocaleString('en')} files, ${tree.resources.toLocaleString('en')} resources, node ${process.version}\n\n`);
  process.stdout.write(`${table(['measurement', 'seconds', 'resources/s'], [
    ['cold process (`node dist/cli.js check`), median', coldMedian.toFixed(2), rate(coldMedian)],
    ['first run in a process (out/ build), median', firstInProcess.toFixed(2), rate(firstInProcess)],
    [`runs 2–${WARM_REPEATS} in the same process (steady state), median`, steady.toFixed(2), rate(steady)],
    ['cold process with compilation on the main thread', compiled.seconds.toFixed(2), rate(compiled.seconds)],
  ])}\n\n`);
  process.stdout.write(`Optimizing compiler (TurboFan; also Maglev on Node ≥ 22) in that last run: ${compiled.count} compilations, ${(compiled.ms / 1000).toFixed(2)} s of compiling `
    + `(${Math.round((100 * compiled.ms) / 1000 / compiled.seconds)} % of its time).\n`);
  process.stdout.write(`Cold runs: ${cold.map((s) => s.toFixed(2)).join(', ')} s; in-process runs: ${warm.map((runs) => runs.map((s) => s.toFixed(2)).join(' / ')).join('; ')} s.\n`);
}

if (require.main === module) main();
