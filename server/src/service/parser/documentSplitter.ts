// Splits a YAML stream into per-document chunks on `---` marker lines so each can be parsed and cached alone.

/** A slice of the file that holds (at most) one YAML document, starting at a line boundary. */
export interface ChunkSlice {
  /** Offset of the chunk's first character in the whole text. */
  readonly start: number;
  /** Offset just past the chunk's last character (start of the next chunk or end of text). */
  readonly end: number;
  /** Zero-based line of the chunk's first character. */
  readonly startLine: number;
}

const DOCUMENT_START = /^---(?:[ \t\r]|$)/;

/**
 * Finds chunk boundaries: every line that begins with `---` (followed by a blank or line end) opens a
 * new chunk, together with any `%` directive lines directly above it. Lines are separated by `\n`;
 * callers normalise lone `\r` first (offsets are unchanged by that).
 */
export function splitIntoChunks(text: string): ChunkSlice[] {
  const slices: ChunkSlice[] = [];
  let chunkStart = 0;
  let chunkStartLine = 0;
  let lineStart = 0;
  let line = 0;
  // Start of a run of directive lines just above the current line (or -1).
  let directiveRunStart = -1;
  let directiveRunLine = -1;
  const length = text.length;
  while (lineStart <= length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd === -1) lineEnd = length;
    const first = text.charCodeAt(lineStart);
    if (first === 45 /* - */ && lineStart > 0 && DOCUMENT_START.test(text.slice(lineStart, Math.min(lineEnd, lineStart + 4)))) {
      const boundary = directiveRunStart >= 0 ? directiveRunStart : lineStart;
      const boundaryLine = directiveRunStart >= 0 ? directiveRunLine : line;
      if (boundary > chunkStart) {
        slices.push({ start: chunkStart, end: boundary, startLine: chunkStartLine });
        chunkStart = boundary;
        chunkStartLine = boundaryLine;
      }
      directiveRunStart = -1;
    } else if (first === 37 /* % */) {
      if (directiveRunStart < 0) {
        directiveRunStart = lineStart;
        directiveRunLine = line;
      }
    } else {
      directiveRunStart = -1;
    }
    if (lineEnd === length) break;
    lineStart = lineEnd + 1;
    line++;
  }
  slices.push({ start: chunkStart, end: length, startLine: chunkStartLine });
  return slices;
}

/**
 * The start offsets of the chunks `splitIntoChunks` finds (the first is 0), without counting lines: a native regex
 * jumps between `---` lines, so re-splitting a 50,000-line file after each keystroke costs a fraction of a
 * millisecond. Line numbers come from the parsed chunks (see parsedFile.ts).
 */
export function chunkBoundaries(text: string): number[] {
  const starts = [0];
  for (const match of text.matchAll(/\n---(?=[ \t\r\n]|$)/g)) {
    let boundary = match.index + 1;
    // `%` directive lines directly above belong to the document that follows.
    while (boundary > 0) {
      const previousLine = text.lastIndexOf('\n', boundary - 2) + 1;
      if (text.charCodeAt(previousLine) !== 37 /* % */) break;
      boundary = previousLine;
    }
    if (boundary > starts[starts.length - 1]!) starts.push(boundary);
  }
  return starts;
}

/** Replaces lone CR (not part of CRLF) with LF; offsets are preserved one-to-one. */
export function normalizeLoneCarriageReturns(text: string): string {
  if (text.indexOf('\r') === -1) return text;
  return text.replace(/\r(?!\n)/g, '\n');
}
