// Checks large files in a worker thread with a heap limit: the `yaml` AST of a big file can need hundreds of bytes
// per byte of text (a 2 MB flow list took 1.5 GB), and running out of heap would abort the whole process and lose
// the report. A worker that runs out of memory dies alone; the file gets a finding and the run goes on.
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { normalizeSettings } from '../../service/settings';
import { createChecker, type FileIdentity } from '../../service/check/checker';
import type { FileResult } from '../../service/check/checkTypes';
import { applyWorkspaceIndex, createCheckEnvironment, type WorkspaceIndex } from './checkEnvironment';

export interface WorkerSetup {
  readonly packageRoot: string;
  /** The resolved `kubeNotes` section (plain JSON). */
  readonly section: Record<string, unknown>;
  readonly envLocale?: string;
  readonly index: WorkspaceIndex;
}

interface Job {
  readonly id: number;
  readonly identity: FileIdentity;
  readonly bytes: Uint8Array;
}

type Reply = { readonly id: number; readonly result: FileResult } | { readonly id: number; readonly error: string };

export type LargeFileOutcome =
  | { readonly kind: 'result'; readonly result: FileResult }
  | { readonly kind: 'outOfMemory' }
  | { readonly kind: 'failed'; readonly message: string };

export interface LargeFileChecker {
  check(identity: FileIdentity, bytes: Uint8Array): Promise<LargeFileOutcome>;
  close(): Promise<void>;
}

const WORKER_FLAG = 'kubeNotesCliWorker';

/** Starts workers on demand (one at a time; a new one after a worker died). */
export function createLargeFileChecker(script: string, setup: WorkerSetup, heapMb: number): LargeFileChecker {
  let worker: Worker | undefined;
  let nextId = 1;
  let waiting: { id: number; settle: (outcome: LargeFileOutcome) => void } | undefined;

  const start = (): Worker => {
    const started = new Worker(script, {
      workerData: { [WORKER_FLAG]: setup },
      resourceLimits: { maxOldGenerationSizeMb: heapMb },
      stdout: true,
      stderr: true,
    });
    started.on('message', (reply: Reply) => {
      if (!waiting || reply.id !== waiting.id) return;
      const { settle } = waiting;
      waiting = undefined;
      settle('result' in reply ? { kind: 'result', result: reply.result } : { kind: 'failed', message: reply.error });
    });
    started.on('error', (error: Error & { code?: string }) => {
      if (worker === started) worker = undefined;
      const current = waiting;
      waiting = undefined;
      current?.settle(error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? { kind: 'outOfMemory' } : { kind: 'failed', message: error.message });
    });
    started.on('exit', () => {
      if (worker === started) worker = undefined;
      const current = waiting;
      waiting = undefined;
      current?.settle({ kind: 'failed', message: 'the worker exited' });
    });
    return started;
  };

  return {
    check(identity, bytes) {
      worker ??= start();
      const id = nextId++;
      const job: Job = { id, identity, bytes };
      return new Promise((settle) => {
        waiting = { id, settle };
        worker!.postMessage(job);
      });
    },
    async close() {
      const current = worker;
      worker = undefined;
      if (current) await current.terminate();
    },
  };
}

/** The worker side: when this bundle runs as a CLI worker, serve check jobs and return true. */
export function serveLargeFileWorker(): boolean {
  if (isMainThread || !parentPort) return false;
  const data = workerData as Record<string, unknown> | null;
  const setup = data?.[WORKER_FLAG] as WorkerSetup | undefined;
  if (!setup) return false;
  const port = parentPort;
  const { service, resources } = createCheckEnvironment(setup.packageRoot, setup.envLocale);
  applyWorkspaceIndex(setup.index, resources);
  const checker = createChecker({ service, settings: normalizeSettings(setup.section) });
  port.on('message', (job: Job) => {
    let reply: Reply;
    try {
      reply = { id: job.id, result: checker.checkBytes(job.identity, job.bytes) };
    } catch (error) {
      reply = { id: job.id, error: String(error) };
    }
    port.postMessage(reply);
  });
  return true;
}
