// Process groups started by the e2e harness: each is recorded in the run folder so that the driver
// (scripts/e2e/run.mjs) can end whatever a crashed test process left behind; stopping waits with a deadline.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Whether any process of the group still exists. */
export function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function signalGroup(pgid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pgid, signal);
  } catch {
    // already gone
  }
}

/** Polls until `done()` or the deadline; never a fixed sleep. */
export async function pollUntil(done: () => boolean | Promise<boolean>, timeoutMs: number, intervalMs = 100): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await done()) return true;
    if (Date.now() >= deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

/** SIGTERM to the whole group, then SIGKILL if it has not ended within `graceMs`. */
export async function stopGroup(pgid: number, graceMs = 5_000): Promise<void> {
  if (!groupAlive(pgid)) return;
  signalGroup(pgid, 'SIGTERM');
  if (await pollUntil(() => !groupAlive(pgid), graceMs, 50)) return;
  signalGroup(pgid, 'SIGKILL');
  await pollUntil(() => !groupAlive(pgid), 5_000, 50);
}

/** Records a started process group in `<runDir>/pgids/<pgid>` (removed by `forgetGroup`). */
export function recordGroup(runDir: string | undefined, pgid: number, what: string): void {
  if (!runDir) return;
  const dir = join(runDir, 'pgids');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, String(pgid)), what);
}

export function forgetGroup(runDir: string | undefined, pgid: number): void {
  if (!runDir) return;
  rmSync(join(runDir, 'pgids', String(pgid)), { force: true });
}
