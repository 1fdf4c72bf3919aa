// A whole YAML file as a list of parsed chunks, re-using unchanged chunks from the previous version.
import { normalizeLoneCarriageReturns, splitIntoChunks, type ChunkSlice } from './documentSplitter';
import { lineOfOffset, parseChunk, type ParsedChunk } from './parsedChunk';

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
    const reusable = new Map<string, ParsedChunk>();
    if (previous) for (const chunk of previous.chunks) reusable.set(chunk.parsed.text, chunk.parsed);
    const chunks = splitIntoChunks(text).map((slice, index): PlacedChunk => {
      const chunkText = text.slice(slice.start, slice.end);
      const parsed = reusable.get(chunkText) ?? parseChunk(chunkText);
      return { slice, parsed, index };
    });
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
