// A single, throttled progress line on stderr for large trees, only when stderr is a terminal.

export interface ProgressStream {
  write(text: string): unknown;
  readonly isTTY?: boolean;
  readonly columns?: number;
}

export interface Progress {
  update(done: number, path: string): void;
  /** Erases the line (before other output goes to the same terminal, and at the end). */
  clear(): void;
}

export const PROGRESS_MIN_FILES = 100;
const INTERVAL_MS = 100;

const noProgress: Progress = { update: () => undefined, clear: () => undefined };

export function createProgress(stream: ProgressStream, total: number, enabled: boolean, now: () => number = Date.now): Progress {
  if (!enabled || stream.isTTY !== true || total < PROGRESS_MIN_FILES) return noProgress;
  let last = Number.NEGATIVE_INFINITY;
  let shown = false;
  return {
    update(done, path) {
      const time = now();
      if (time - last < INTERVAL_MS && done < total) return;
      last = time;
      const columns = Math.max(20, (stream.columns || 80) - 1);
      const head = `[${done}/${total}] `;
      const safe = path.replace(/[\u0000-\u001f\u007f-\u009f]/g, '?');
      const room = columns - head.length;
      const tail = safe.length > room ? `…${safe.slice(safe.length - room + 1)}` : safe;
      stream.write(`\r\u001b[K${head}${tail}`);
      shown = true;
    },
    clear() {
      if (!shown) return;
      stream.write('\r\u001b[K');
      shown = false;
    },
  };
}
