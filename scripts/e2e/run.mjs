// `npm run test:e2e`: prepares the tools (cached), installs the built extension into a fresh folder, runs
// the in-editor scenarios (out/test/e2e/*.test.js, node:test, one file at a time) and, whatever happens,
// ends every process the run started. Run `npm run compile && npm run build` first (the npm script does).
//   node scripts/e2e/run.mjs [test files or --test-name-pattern=…]
// Environment: KUBE_NOTES_E2E_KEEP=1 keeps the run folder; KUBE_NOTES_E2E_TIMEOUT_MIN (default 25).
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { prepareAll } from './prepare.mjs';
import { installExtension, REPO } from './installExtension.mjs';

const started = Date.now();
const args = process.argv.slice(2);
const outDir = join(REPO, 'out', 'test', 'e2e');
if (!existsSync(outDir)) {
  console.error('[e2e] no compiled tests in out/test/e2e: run "npm run compile" first');
  process.exit(2);
}

let tools;
try {
  tools = prepareAll();
} catch (error) {
  console.error(`[e2e] cannot prepare the tools: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}

const runDir = mkdtempSync(join(tmpdir(), 'kube-notes-e2e-'));
const artifacts = join(REPO, 'test', 'e2e', '.artifacts');
mkdirSync(artifacts, { recursive: true });
for (const name of readdirSync(artifacts)) rmSync(join(artifacts, name), { recursive: true, force: true });
const extension = installExtension(join(runDir, 'built-extension'));
console.log(`[e2e] extension ${extension.id}: ${extension.files} files; run folder ${runDir}`);

const files = args.filter((a) => !a.startsWith('--'));
const options = args.filter((a) => a.startsWith('--'));
const tests = files.length > 0
  ? files.map((f) => resolve(f))
  : readdirSync(outDir).filter((n) => n.endsWith('.test.js')).sort().map((n) => join(outDir, n));
if (tests.length === 0) {
  console.error('[e2e] no test files in out/test/e2e');
  process.exit(2);
}

/** Ends the process groups the harness recorded and any process that still names the run folder. */
function sweep() {
  const pgidDir = join(runDir, 'pgids');
  const groups = existsSync(pgidDir) ? readdirSync(pgidDir).map(Number).filter((n) => n > 1) : [];
  for (const pgid of groups) {
    try {
      process.kill(-pgid, 'SIGKILL');
      console.error(`[e2e] ended leftover process group ${pgid}`);
    } catch {
      // gone
    }
  }
  for (const entry of readdirSync('/proc')) {
    const pid = Number(entry);
    if (!Number.isInteger(pid) || pid === process.pid) continue;
    let cmdline = '';
    try {
      cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    } catch {
      continue;
    }
    if (cmdline.includes(runDir)) {
      try {
        process.kill(pid, 'SIGKILL');
        console.error(`[e2e] ended leftover process ${pid}: ${cmdline.split('\0').slice(0, 2).join(' ')}`);
      } catch {
        // gone
      }
    }
  }
}

const child = spawn(
  process.execPath,
  ['--test', '--test-concurrency=1', '--test-reporter=spec', ...options, ...tests],
  {
    stdio: 'inherit',
    detached: true,
    env: {
      ...process.env,
      KUBE_NOTES_E2E_NODE: tools.node,
      KUBE_NOTES_E2E_CODE_SERVER: tools.codeServer,
      KUBE_NOTES_E2E_CHROMIUM: tools.chromium,
      KUBE_NOTES_E2E_EXTENSION: extension.dir,
      KUBE_NOTES_E2E_RUN_DIR: runDir,
      KUBE_NOTES_E2E_ARTIFACTS: artifacts,
    },
  },
);

let finished = false;
function finish(code) {
  if (finished) return;
  finished = true;
  clearTimeout(watchdog);
  try {
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    // already ended
  }
  sweep();
  if (process.env.KUBE_NOTES_E2E_KEEP === '1') console.log(`[e2e] kept ${runDir}`);
  else rmSync(runDir, { recursive: true, force: true });
  console.log(`[e2e] finished in ${((Date.now() - started) / 1000).toFixed(1)} s; screenshots in ${artifacts}`);
  process.exit(code);
}

const timeoutMinutes = Number(process.env.KUBE_NOTES_E2E_TIMEOUT_MIN || 25);
const watchdog = setTimeout(() => {
  console.error(`[e2e] the suite ran longer than ${timeoutMinutes} minutes: stopping it`);
  finish(1);
}, timeoutMinutes * 60_000);

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    console.error(`[e2e] ${signal}: stopping`);
    finish(130);
  });
}
child.on('exit', (code, signal) => finish(code ?? (signal ? 1 : 0)));
