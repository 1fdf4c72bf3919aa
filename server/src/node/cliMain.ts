// Entry of the `kube-notes` command: the only CLI file that touches process, argv, stdout and the exit code.
// The same bundle also runs as the worker thread that checks large files (see cli/largeFileWorker.ts).
import { join } from 'node:path';
import { getHeapStatistics } from 'node:v8';
import { isMainThread } from 'node:worker_threads';
import { runCli } from './cli/runCli';
import { serveLargeFileWorker } from './cli/largeFileWorker';
import { tuneJitForBatch } from './cli/tuneJitForBatch';

// Before any check code runs hot (V8's flags are process-wide, so the large-file worker has the same budget).
if (isMainThread) tuneJitForBatch(process.versions.v8, process.execArgv);

const packageRoot = join(__dirname, '..');

if (isMainThread) {
  // `kube-notes check … | head` closes the pipe early: stop quietly instead of throwing EPIPE.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
      throw error;
    });
  }

  runCli({
    argv: process.argv.slice(2),
    cwd: process.cwd(),
    env: process.env,
    // Created only when `-` is read: touching process.stdin opens the handle.
    get stdin() {
      return process.stdin;
    },
    stdout: process.stdout,
    stderr: process.stderr,
    packageRoot,
    workerScript: __filename,
    heapLimitMb: Math.floor(getHeapStatistics().heap_size_limit / (1024 * 1024)),
  }).then(
    (code) => {
      // Let pending output drain: setting exitCode (not exit()) never truncates a piped report.
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`kube-notes: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exitCode = 2;
    },
  );
} else {
  serveLargeFileWorker();
}
