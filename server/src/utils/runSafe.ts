// Runs request handlers so that cancellation is honoured and no exception can kill a request or the server.
import { LSPErrorCodes, ResponseError, type CancellationToken } from 'vscode-languageserver';

export interface Logger {
  error(message: string): void;
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.message}\n${error.stack ?? ''}` : String(error);
}

function cancelled(): ResponseError<void> {
  return new ResponseError<void>(LSPErrorCodes.RequestCancelled, 'Request cancelled');
}

/**
 * Runs `work` on the next turn of the event loop (so a cancellation that arrived meanwhile is seen),
 * returns `fallback` if it throws, and answers "cancelled" when the client cancelled.
 */
export function runSafe<T>(logger: Logger, work: () => T, fallback: T, what: string, token: CancellationToken): Promise<T | ResponseError<void>> {
  return new Promise((resolve) => {
    setImmediate(() => {
      if (token.isCancellationRequested) {
        resolve(cancelled());
        return;
      }
      try {
        const result = work();
        resolve(token.isCancellationRequested ? cancelled() : result);
      } catch (error) {
        logger.error(`${what} failed: ${describe(error)}`);
        resolve(fallback);
      }
    });
  });
}

/** The same for async work. */
export function runSafeAsync<T>(logger: Logger, work: () => Promise<T>, fallback: T, what: string, token: CancellationToken): Promise<T | ResponseError<void>> {
  return new Promise((resolve) => {
    setImmediate(() => {
      if (token.isCancellationRequested) {
        resolve(cancelled());
        return;
      }
      work().then(
        (result) => resolve(token.isCancellationRequested ? cancelled() : result),
        (error: unknown) => {
          logger.error(`${what} failed: ${describe(error)}`);
          resolve(fallback);
        },
      );
    });
  });
}

/** Wraps timer callbacks: an exception thrown in a timer would otherwise exit the server process. */
export function guarded(logger: Logger, what: string, work: () => void): () => void {
  return () => {
    try {
      work();
    } catch (error) {
      logger.error(`${what} failed: ${describe(error)}`);
    }
  };
}
