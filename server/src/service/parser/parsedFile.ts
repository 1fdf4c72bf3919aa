// A whole YAML file as a list of parsed chunks, re-using unchanged chunks from the previous version.
import { chunkBoundaries, normalizeLoneCarriageReturns, type ChunkSlice } from './documentSplitter';
import { lineOfOffset, parseChunk, unparsedChunk, type ParsedChunk } from './parsedChunk';

/**
 * Larger files are not parsed (VS Code itself turns most features off above 20 MB). Kept parsed, a 20 MB manifest
 * took 22 s and 1.8 GB; a 50 MB one gave no diagnostics within two minutes. They get one diagnostic instead.
 */
export const MAX_FILE_CHARS = 20 * 1024 * 1024;

/** A chunk placed in its file. */
export interface PlacedChunk {
  readonly slice: ChunkSlice;
  readonly parsed: ParsedChunk;
  readonly index: number;
}

/** The parse of one version of one file. */
export interface ParsedFile {
  readonly uri: string;
  readonly version: number;
  /** The file text with lone CRs normalised (same length and offsets as the original). */
  readonly text: string;
  readonly chunks: readonly PlacedChunk[];
}

/** Finds the chunk containing a file offset (the last chunk for offsets at the very end). */
export function chunkAtOffset(file: ParsedFile, offset: number): PlacedChunk {
  const chunks = file.chunks;
  let low = 0;
  let high = chunks.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (chunks[mid]!.slice.start <= offset) low = mid;
    else high = mid - 1;
  }
  return chunks[low]!;
}

/** Converts a chunk-relative offset to a file position (line, UTF-16 character). */
export function chunkPosition(chunk: PlacedChunk, offset: number): { line: number; character: number } {
  const starts = chunk.parsed.lineStarts;
  const clamped = Math.max(0, Math.min(offset, chunk.parsed.text.length));
  const line = lineOfOffset(starts, clamped);
  return { line: chunk.slice.startLine + line, character: clamped - starts[line]! };
}

/** Minimal view of a text document (satisfied by vscode-languageserver-textdocument's TextDocument). */
export interface TextSource {
  readonly uri: string;
  readonly version: number;
  getText(): string;
}

/**
 * Parses files incrementally: each file keeps the chunks of its previous version keyed by their text,
 * so an edit re-parses only the documents whose text changed, wherever they moved.
 */
export class ParsedFileCache {
  private readonly files = new Map<string, ParsedFile>();

  get(document: TextSource): ParsedFile {
    const previous = this.files.get(document.uri);
    if (previous && previous.version === document.version) return previous;
    const text = normalizeLoneCarriageReturns(document.getText());
    if (previous && previous.text === text) {
      const same: ParsedFile = { ...previous, version: document.version };
      this.files.set(document.uri, same);
      return same;
    }
    if (text.length > MAX_FILE_CHARS) {
      const megabytes = (text.length / (1024 * 1024)).toFixed(0);
      const parsed = unparsedChunk(text, `the file has ${megabytes} million characters; files over ${MAX_FILE_CHARS / (1024 * 1024)} million are not analysed`);
      const file: ParsedFile = { uri: document.uri, version: document.version, text, chunks: [{ slice: { start: 0, end: text.length, startLine: 0 }, parsed, index: 0 }] };
      this.files.set(document.uri, file);
      return file;
    }
    // Re-use the previous version's chunks: matched in place from both ends (an edit usually changes one document),
    // the rest by text wherever they moved. Comparing in place avoids hashing every chunk after each keystroke.
    // The arrays below are built by push, so they always have the same (packed) kind: made by `new Array(n)` or `map`,
    // their kind changed after the first files and the optimized code reading them was thrown away each time.
    const starts = chunkBoundaries(text);
    const texts: string[] = [];
    const parsed: Array<ParsedChunk | undefined> = [];
    for (let i = 0; i < starts.length; i++) {
      texts.push(text.slice(starts[i]!, starts[i + 1] ?? text.length));
      parsed.push(undefined);
    }
    const before = previous?.chunks ?? [];
    let head = 0;
    while (head < texts.length && head < before.length && before[head]!.parsed.text === texts[head]) {
      parsed[head] = before[head]!.parsed;
      head++;
    }
    let tail = 0;
    while (tail < texts.length - head && tail < before.length - head && before[before.length - 1 - tail]!.parsed.text === texts[texts.length - 1 - tail]) {
      parsed[texts.length - 1 - tail] = before[before.length - 1 - tail]!.parsed;
      tail++;
    }
    let reusable: Map<string, ParsedChunk> | undefined;
    // A new file (the CLI's every file, an editor's first open) has no chunks left to match: no map, and no hashing of
    // every chunk's text to look it up (that was most of this function's time on the CLI's 10,000 files).
    const unmatched = before.length - tail - head;
    for (let i = head; i < texts.length - tail; i++) {
      if (unmatched <= 0) {
        parsed[i] = parseChunk(texts[i]!);
        continue;
      }
      if (!reusable) {
        reusable = new Map();
        for (let j = head; j < before.length - tail; j++) reusable.set(before[j]!.parsed.text, before[j]!.parsed);
      }
      parsed[i] = reusable.get(texts[i]!) ?? parseChunk(texts[i]!);
    }
    let line = 0;
    const chunks: PlacedChunk[] = [];
    for (let index = 0; index < texts.length; index++) {
      const slice = { start: starts[index]!, end: starts[index]! + texts[index]!.length, startLine: line };
      // Every chunk but the last ends with a line break, so its line count is the number of line starts minus one.
      line += parsed[index]!.lineStarts.length - 1;
      chunks.push({ slice, parsed: parsed[index]!, index });
    }
    const file: ParsedFile = { uri: document.uri, version: document.version, text, chunks };
    this.files.set(document.uri, file);
    return file;
  }

  /** The last parse of a file, whatever its version. */
  peek(uri: string): ParsedFile | undefined {
    return this.files.get(uri);
  }

  delete(uri: string): void {
    this.files.delete(uri);
  }

  clear(): void {
    this.files.clear();
  }
}
