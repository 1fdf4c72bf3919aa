// Reads one input at a time with a size limit: files by descriptor (small ones into a shared buffer, large ones by size), stdin as a stream.
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import type { Localized } from '../../service/l10n/localized';

export type ReadResult =
  | { readonly kind: 'bytes'; readonly bytes: Uint8Array }
  | { readonly kind: 'tooLarge'; readonly size: number }
  | { readonly kind: 'error'; readonly reason: Localized };

/** A short, localized reason for a file-system error. */
export function errorReason(error: unknown): Localized {
  const code = typeof error === 'object' && error !== null && 'code' in error ? String((error as { code: unknown }).code) : '';
  switch (code) {
    case 'ENOENT':
      return { ko: '존재하지 않습니다 (끊어진 심볼릭 링크일 수 있습니다) (ENOENT)', en: 'it does not exist (possibly a dangling symbolic link) (ENOENT)' };
    case 'EACCES':
    case 'EPERM':
      return { ko: `권한이 없습니다 (${code})`, en: `permission denied (${code})` };
    case 'EISDIR':
      return { ko: '폴더입니다 (EISDIR)', en: 'it is a directory (EISDIR)' };
    case 'ELOOP':
      return { ko: '심볼릭 링크가 너무 많거나 순환합니다 (ELOOP)', en: 'too many levels of symbolic links (ELOOP)' };
    case 'ENAMETOOLONG':
      return { ko: '경로가 너무 깁니다 (ENAMETOOLONG)', en: 'the path is too long (ENAMETOOLONG)' };
    case 'EMFILE':
    case 'ENFILE':
      return { ko: `열린 파일이 너무 많습니다 (${code})`, en: `too many open files (${code})` };
    case 'EIO':
      return { ko: '입출력 오류 (EIO)', en: 'input/output error (EIO)' };
    default: {
      const message = error instanceof Error ? error.message : String(error);
      return { ko: message, en: message };
    }
  }
}

const CHUNK = 64 * 1024;
/** Size of the shared buffer small files are read into (most manifests): they need no fstat and no buffer of their own. */
const SCRATCH_BYTES = 256 * 1024;
let scratch: Buffer | undefined;

/** Reads from the descriptor into `buffer` at `offset` until `want` bytes arrived or the input ended; returns the count. */
function readInto(fd: number, buffer: Buffer, offset: number, want: number): number {
  let length = 0;
  while (length < want) {
    const read = readSync(fd, buffer, offset + length, want - length, null);
    if (read === 0) break;
    length += read;
  }
  return length;
}

/**
 * Reads a file, refusing anything over `limit` bytes (files by their size, without reading them all). Never throws.
 * `bufferBytes` bounds the first read into the shared buffer (the tests make it small to reach the other paths).
 */
export function readFileLimited(path: string, limit: number, bufferBytes = SCRATCH_BYTES): ReadResult {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (error) {
    return { kind: 'error', reason: errorReason(error) };
  }
  try {
    // Most inputs end within the shared buffer: copy out exactly what was read. (A folder fails here with EISDIR.)
    scratch ??= Buffer.allocUnsafe(SCRATCH_BYTES);
    const first = Math.min(limit + 1, bufferBytes, SCRATCH_BYTES);
    const head = readInto(fd, scratch, 0, first);
    if (head < first) return { kind: 'bytes', bytes: Buffer.from(scratch.subarray(0, head)) };
    // A large file, or one over the limit: its size decides.
    const stats = fstatSync(fd);
    if (stats.isFile() && stats.size > limit) return { kind: 'tooLarge', size: stats.size };
    if (stats.isFile() && stats.size >= head) {
      // The file may change while we read: read what is there, up to the limit.
      const bytes = Buffer.allocUnsafe(Math.min(limit + 1, stats.size + 1));
      scratch.copy(bytes, 0, 0, head);
      const length = head + readInto(fd, bytes, head, bytes.length - head);
      if (length > limit) return { kind: 'tooLarge', size: length };
      // Grew since fstat: read the rest in chunks.
      if (length === bytes.length) return readChunks(fd, limit, [bytes.subarray(0, length)], length);
      return { kind: 'bytes', bytes: bytes.subarray(0, length) };
    }
    // FIFOs and character devices named on the command line (`<(cat x)`, /dev/stdin), and files whose size says less
    // than they hold (/proc, a file cut while read): read until EOF. (readChunks copies the head out of the buffer.)
    if (head > limit) return { kind: 'tooLarge', size: head };
    return readChunks(fd, limit, [scratch.subarray(0, head)], head);
  } catch (error) {
    return { kind: 'error', reason: errorReason(error) };
  } finally {
    try {
      closeSync(fd);
    } catch {
      // Nothing to do: the descriptor is gone either way.
    }
  }
}

function readChunks(fd: number, limit: number, parts: Buffer[], total: number): ReadResult {
  for (;;) {
    const chunk = Buffer.allocUnsafe(CHUNK);
    const read = readSync(fd, chunk, 0, CHUNK, null);
    if (read === 0) break;
    parts.push(chunk.subarray(0, read));
    total += read;
    if (total > limit) return { kind: 'tooLarge', size: total };
  }
  return { kind: 'bytes', bytes: Buffer.concat(parts, total) };
}

/** Reads a stream (stdin) to its end, stopping once more than `limit` bytes arrived. */
export function readStreamLimited(stream: NodeJS.ReadableStream, limit: number): Promise<ReadResult> {
  return new Promise((resolve) => {
    const parts: Buffer[] = [];
    let total = 0;
    let done = false;
    const finish = (result: ReadResult): void => {
      if (done) return;
      done = true;
      stream.removeListener('data', onData);
      stream.removeListener('end', onEnd);
      stream.removeListener('error', onError);
      resolve(result);
    };
    const onData = (chunk: Buffer | string): void => {
      const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      total += buffer.length;
      if (total > limit) {
        stream.pause();
        (stream as NodeJS.ReadableStream & { destroy?: () => void }).destroy?.();
        finish({ kind: 'tooLarge', size: total });
        return;
      }
      parts.push(buffer);
    };
    const onEnd = (): void => finish({ kind: 'bytes', bytes: Buffer.concat(parts, total) });
    const onError = (error: unknown): void => finish({ kind: 'error', reason: errorReason(error) });
    stream.on('data', onData);
    stream.on('end', onEnd);
    stream.on('error', onError);
  });
}
