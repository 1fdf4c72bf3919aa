// Shared text helpers for the YAML rules: line lookups, scalar quoting and small edit builders.
import type { ChunkEdit, FindingFix } from '../diagnostics/rule';
import { lineOfOffset, type ParsedChunk } from '../parser/parsedChunk';
import type { Localized } from '../l10n/localized';

/** Chunk-relative offset at which the line containing `offset` starts. */
export function lineStartAt(chunk: ParsedChunk, offset: number): number {
  return chunk.lineStarts[lineOfOffset(chunk.lineStarts, offset)]!;
}

/** Offset of the `\n` (or text end) closing the line that contains `offset`, CR of CRLF excluded. */
export function lineEndAt(text: string, offset: number): number {
  let end = text.indexOf('\n', offset);
  if (end === -1) end = text.length;
  if (end > 0 && text.charCodeAt(end - 1) === 13 /* \r */) end -= 1;
  return end;
}

const WHITESPACE = /\s/;

/** Whether the UTF-16 code unit at `index` is whitespace as `/\s/` reads it (without a regex for ASCII). */
export function isWhitespaceAt(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  if (code < 128) return code === 32 || (code >= 9 && code <= 13);
  return WHITESPACE.test(text[index]!);
}

/** The offset after the last non-whitespace character in `text[start, end)` (`start` if none; `end` is clamped). */
export function contentEnd(text: string, start: number, end: number): number {
  let e = Math.min(end, text.length);
  while (e > start && isWhitespaceAt(text, e - 1)) e--;
  return e;
}

/** Zero-based column of an offset. */
export function columnAt(chunk: ParsedChunk, offset: number): number {
  return offset - lineStartAt(chunk, offset);
}

/** Number of leading spaces of the line that starts at `lineStart`. */
export function leadingSpaces(text: string, lineStart: number): number {
  let i = lineStart;
  while (text.charCodeAt(i) === 32) i++;
  return i - lineStart;
}

/** A range that never collapses to nothing on a non-empty line: at least one character when possible. */
export function visibleRange(text: string, start: number, end: number): { start: number; end: number } {
  if (end > start) return { start, end };
  const lineEnd = lineEndAt(text, start);
  if (start < lineEnd) return { start, end: start + 1 };
  return { start, end: start };
}

/** Quotes a plain scalar for YAML: single quotes unless it contains one, then double quotes. */
export function quoteScalar(value: string): string {
  if (!value.includes("'")) return `'${value}'`;
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/** Quotes a plain scalar with double quotes (the Kubernetes docs' usual style). */
export function doubleQuote(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/** One fix made of one edit. */
/** The line ending a file uses, so fixes that insert lines keep CRLF files CRLF. */
export function eolOf(text: string): string {
  return text.includes('\r\n') ? '\r\n' : '\n';
}

export function singleEditFix(title: Localized, start: number, end: number, newText: string, isPreferred: boolean): FindingFix {
  const edit: ChunkEdit = { start, end, newText };
  return { title, edits: [edit], isPreferred };
}

/** Binary search: whether `offset` falls inside one of the sorted, non-overlapping `[start, end)` ranges. */
export function insideRanges(ranges: ReadonlyArray<readonly [number, number]>, offset: number): boolean {
  let low = 0;
  let high = ranges.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const range = ranges[mid]!;
    if (offset < range[0]) high = mid - 1;
    else if (offset >= range[1]) low = mid + 1;
    else return true;
  }
  return false;
}

/** Shortens long source text for messages. */
export function excerpt(value: string, max = 40): string {
  const oneLine = value.replace(/\r?\n[\s\S]*$/, '…');
  return oneLine.length > max ? `${oneLine.slice(0, max - 1)}…` : oneLine;
}
