// Folding ranges per YAML document and per block: mappings, sequences, block scalars, multi-line flow collections and
// scalars, comment blocks and `# region` markers. Pure; iterative; cached per chunk in chunk-relative lines.
import { type Document, type Node } from 'yaml';
import { isMap, isPair, isScalar, isSeq } from '../yaml/yamlNodes';
import { FoldingRangeKind, type FoldingRange } from 'vscode-languageserver-types';
import type { ParsedFile, PlacedChunk } from '../parser/parsedFile';
import { endOfLine, lineOfOffset } from '../parser/parsedChunk';
import { contentEnd, isWhitespaceAt } from '../yaml/yamlText';

/** Default cap when the client sends no `rangeLimit` (VS Code's own default is 5000). */
export const DEFAULT_FOLDING_LIMIT = 5000;
/** Ranges kept per chunk before placing (bounds memory on hostile input). */
const MAX_RANGES_PER_CHUNK = 20000;
const MEMO_KEY = 'symbols:folding';

const REGION_START = /^\s*#\s*region\b/;
const REGION_END = /^\s*#\s*endregion\b/;

function chunkFolding(chunk: PlacedChunk): readonly FoldingRange[] {
  const parsed = chunk.parsed;
  const text = parsed.text;
  const starts = parsed.lineStarts;
  const lineCount = starts.length;
  const lineOf = (offset: number): number => lineOfOffset(starts, Math.max(0, Math.min(offset, text.length)));
  /** Line of the last non-whitespace character before `end` (not before `start`). */
  const lastContentLine = (start: number, end: number): number => lineOf(Math.max(start, contentEnd(text, start, end) - 1));
  const ranges: FoldingRange[] = [];
  const add = (startLine: number, endLine: number, kind?: string): void => {
    if (endLine <= startLine || ranges.length >= MAX_RANGES_PER_CHUNK) return;
    ranges.push(kind ? { startLine, endLine, kind } : { startLine, endLine });
  };
  /** Lines inside multi-line scalars: a `#` there is content, not a comment. */
  const scalarLine = new Uint8Array(lineCount);
  const range = (node: unknown): readonly number[] | undefined => (node as { range?: readonly number[] } | null)?.range ?? undefined;

  for (const document of parsed.documents as readonly Document.Parsed[]) {
    const contents = document.contents as Node | null;
    const contentRange = range(contents);
    if (!contents || !contentRange) continue;
    const docStart = document.range[0];
    const startLine = text.startsWith('---', docStart) ? lineOf(docStart) : lineOf(contentRange[0]!);
    add(startLine, lastContentLine(contentRange[0]!, contentRange[1]!));

    // Explicit stack: (node, line where its fold starts). The document's own collection is covered above.
    const stack: Array<{ node: unknown; foldLine: number }> = [];
    const pushChildren = (node: unknown): void => {
      if (isMap(node)) {
        for (let i = node.items.length - 1; i >= 0; i--) {
          const pair = node.items[i]!;
          const keyRange = range(pair.key);
          const keyLine = keyRange ? lineOf(keyRange[0]!) : undefined;
          const valueRange = range(pair.value);
          if (pair.value && valueRange) stack.push({ node: pair.value, foldLine: keyLine ?? lineOf(valueRange[0]!) });
          if (pair.key && keyRange && (isMap(pair.key) || isSeq(pair.key))) stack.push({ node: pair.key, foldLine: lineOf(keyRange[0]!) });
        }
      } else if (isSeq(node)) {
        for (let i = node.items.length - 1; i >= 0; i--) {
          const item = node.items[i];
          const itemRange = range(item);
          if (item && itemRange && !isPair(item)) stack.push({ node: item, foldLine: lineOf(itemRange[0]!) });
        }
      }
    };
    pushChildren(contents);
    if (isScalar(contents) && contentRange) stack.push({ node: contents, foldLine: lineOf(contentRange[0]!) });
    while (stack.length > 0 && ranges.length < MAX_RANGES_PER_CHUNK) {
      const { node, foldLine } = stack.pop()!;
      const nodeRange = range(node);
      if (!nodeRange) continue;
      const [start, end] = [nodeRange[0]!, nodeRange[1]!];
      if (isMap(node) || isSeq(node)) {
        if (node.flow) {
          const close = end - 1;
          const closeChar = text[close];
          if (closeChar === ']' || closeChar === '}') {
            const closeLine = lineOf(close);
            const lineStart = starts[closeLine]!;
            const bracketFirst = text.slice(lineStart, close).trim() === '';
            add(foldLine, bracketFirst ? closeLine - 1 : closeLine);
          } else {
            add(foldLine, lastContentLine(start, end));
          }
        } else {
          add(foldLine, lastContentLine(start, end));
        }
        pushChildren(node);
      } else if (isScalar(node)) {
        const first = lineOf(start);
        const last = lastContentLine(start, end);
        if (last > first) for (let line = first; line <= last && line < lineCount; line++) scalarLine[line] = 1;
        add(foldLine, last);
      }
    }
  }

  // Comment blocks (two or more lines) and regions.
  const regions: number[] = [];
  let runStart = -1;
  let runEnd = -1;
  const flushRun = (): void => {
    if (runStart >= 0 && runEnd > runStart) add(runStart, runEnd, FoldingRangeKind.Comment);
    runStart = -1;
  };
  for (let line = 0; line < lineCount; line++) {
    const lineEnd = endOfLine(starts, line, text.length);
    let first = starts[line]!;
    while (first < lineEnd && isWhitespaceAt(text, first)) first++;
    const isComment = scalarLine[line] === 0 && first < lineEnd && text.charCodeAt(first) === 35; /* # */
    if (!isComment) {
      flushRun();
      continue;
    }
    const lineText = text.slice(starts[line]!, lineEnd);
    if (REGION_START.test(lineText)) {
      flushRun();
      regions.push(line);
      continue;
    }
    if (REGION_END.test(lineText)) {
      flushRun();
      const open = regions.pop();
      if (open !== undefined) add(open, line, FoldingRangeKind.Region);
      continue;
    }
    if (runStart < 0) runStart = line;
    runEnd = line;
  }
  flushRun();
  return ranges;
}

/** A chunk's folding ranges, chunk-relative, cached in its memo as plain data (kept when the chunk releases its trees). */
export function cachedChunkFolding(chunk: PlacedChunk): readonly FoldingRange[] {
  const cached = chunk.parsed.memo.get(MEMO_KEY) as readonly FoldingRange[] | undefined;
  if (cached) return cached;
  const computed = chunkFolding(chunk);
  chunk.parsed.memo.set(MEMO_KEY, computed);
  return computed;
}

/** Folding ranges of a file, at most `limit` (the outermost are kept when there are more). */
export function foldingRanges(file: ParsedFile, limit = DEFAULT_FOLDING_LIMIT): FoldingRange[] {
  const byStart = new Map<number, FoldingRange>();
  for (const chunk of file.chunks) {
    const shift = chunk.slice.startLine;
    for (const range of cachedChunkFolding(chunk)) {
      const startLine = range.startLine + shift;
      const endLine = range.endLine + shift;
      const existing = byStart.get(startLine);
      // One range per start line (editors keep only one): the largest.
      if (existing && existing.endLine >= endLine) continue;
      byStart.set(startLine, range.kind ? { startLine, endLine, kind: range.kind } : { startLine, endLine });
    }
  }
  let result = [...byStart.values()];
  const max = Math.max(0, Math.floor(limit));
  if (result.length > max) {
    result.sort((a, b) => b.endLine - b.startLine - (a.endLine - a.startLine) || a.startLine - b.startLine);
    result = result.slice(0, max);
  }
  return result.sort((a, b) => a.startLine - b.startLine);
}
