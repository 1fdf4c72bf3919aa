// Parses one chunk of a YAML stream into CST tokens and documents, refusing nesting too deep to compose safely.
import { Composer, Parser, type CST, type Document } from 'yaml';
import { fastCst } from './fastCst';

/** Deeper documents are not composed: `yaml`'s composer can abort the whole process near 10,000 levels. */
export const MAX_NESTING_DEPTH = 256;

/**
 * Documents with more collection items are not composed. A 5 MB line `[1,2,3,…]` (800,000 items) took about 1.3 GB
 * to compose and 2.7 GB in the server while an edit re-parsed it; Kubernetes itself refuses objects over 1.5 MB
 * (etcd), which stay far below this.
 */
export const MAX_DOCUMENT_NODES = 250_000;

/** One problem the parser reported, with chunk-relative offsets. */
export interface ParseProblem {
  /** The `yaml` package's error code (e.g. `BAD_INDENT`), or our own for refusals. */
  readonly yamlCode: string;
  readonly message: string;
  readonly start: number;
  readonly end: number;
  readonly isWarning: boolean;
}

/** A parsed chunk; immutable once built so it can be shared across versions of a file. */
export interface ParsedChunk {
  /** The chunk's text (lone CRs already normalised to LF). */
  readonly text: string;
  /** Top-level CST tokens, in order. */
  readonly tokens: readonly CST.Token[];
  /** Composed documents (usually one; none when the chunk was refused or holds only comments). */
  readonly documents: readonly Document.Parsed[];
  /** Parser errors and warnings of all documents. */
  readonly problems: readonly ParseProblem[];
  /** Deepest collection nesting seen in the CST. */
  readonly maxDepth: number;
  /** Set when the chunk was not composed, and why. */
  readonly refused?: 'depth' | 'size' | 'internal';
  /** Chunk-relative offsets at which each line begins. */
  readonly lineStarts: readonly number[];
  /** Per-chunk memo for derived results (rule findings, symbols, …), keyed by the producer. */
  readonly memo: Map<string, unknown>;
}

// No keepSourceTokens: it costs 15–25 % of the parse; rules read the CST (`tokens`) or `scalar.source` instead.
const composeOptions = { uniqueKeys: false, keepSourceTokens: false, merge: true, intAsBigInt: false } as const;

/** Parses a chunk. Never throws: failures become problems. */
export function parseChunk(text: string): ParsedChunk {
  const lineStarts = computeLineStarts(text);
  const memo = new Map<string, unknown>();
  let tokens: CST.Token[];
  try {
    tokens = fastCst(text) ?? Array.from(new Parser().parse(text));
  } catch (error) {
    return refusedChunk(text, [], lineStarts, memo, 0, 'internal', String(error));
  }
  const { depth: maxDepth, nodes } = measureTree(tokens);
  if (maxDepth > MAX_NESTING_DEPTH) {
    return refusedChunk(text, tokens, lineStarts, memo, maxDepth, 'depth', `nesting depth ${maxDepth} exceeds ${MAX_NESTING_DEPTH}`);
  }
  if (nodes > MAX_DOCUMENT_NODES) {
    return refusedChunk(text, [], lineStarts, memo, maxDepth, 'size', `more than ${MAX_DOCUMENT_NODES.toLocaleString('en')} values in one document`);
  }
  let documents: Document.Parsed[];
  try {
    documents = Array.from(new Composer(composeOptions).compose(tokens, true, text.length));
  } catch (error) {
    return refusedChunk(text, tokens, lineStarts, memo, maxDepth, 'internal', String(error));
  }
  const problems: ParseProblem[] = [];
  const clamp = (offset: number): number => Math.max(0, Math.min(offset, text.length));
  for (const doc of documents) {
    for (const e of doc.errors) problems.push({ yamlCode: e.code, message: e.message, start: clamp(e.pos[0]), end: clamp(e.pos[1]), isWarning: false });
    for (const w of doc.warnings) problems.push({ yamlCode: w.code, message: w.message, start: clamp(w.pos[0]), end: clamp(w.pos[1]), isWarning: true });
  }
  return { text, tokens, documents, problems, maxDepth, lineStarts, memo };
}

/** A whole file that is not parsed at all (see parsedFile.ts MAX_FILE_CHARS): one refused chunk that says why. */
export function unparsedChunk(text: string, message: string): ParsedChunk {
  return refusedChunk(text, [], computeLineStarts(text), new Map<string, unknown>(), 0, 'size', message);
}

function refusedChunk(
  text: string,
  tokens: CST.Token[],
  lineStarts: number[],
  memo: Map<string, unknown>,
  maxDepth: number,
  reason: 'depth' | 'size' | 'internal',
  message: string,
): ParsedChunk {
  const problem: ParseProblem = {
    yamlCode: reason === 'depth' ? 'KN_TOO_DEEP' : reason === 'size' ? 'KN_TOO_LARGE' : 'KN_PARSER_FAILURE',
    message,
    start: 0,
    end: Math.min(text.length, lineEndOf(text, 0)),
    isWarning: false,
  };
  return { text, tokens, documents: [], problems: [problem], maxDepth, refused: reason, lineStarts, memo };
}

function lineEndOf(text: string, offset: number): number {
  const end = text.indexOf('\n', offset);
  return end === -1 ? text.length : end;
}

/** Offsets at which each line starts (LF-separated). */
export function computeLineStarts(text: string): number[] {
  const starts = [0];
  let index = text.indexOf('\n');
  while (index !== -1) {
    starts.push(index + 1);
    index = text.indexOf('\n', index + 1);
  }
  return starts;
}

/** Zero-based line of a chunk-relative offset (binary search over line starts). */
export function lineOfOffset(lineStarts: readonly number[], offset: number): number {
  let low = 0;
  let high = lineStarts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (lineStarts[mid]! <= offset) low = mid;
    else high = mid - 1;
  }
  return low;
}

/**
 * Deepest nesting of collections in the CST, measured with an explicit stack (no recursion), so it is
 * safe on any input the iterative parser accepts.
 */
export function measureDepth(tokens: readonly CST.Token[]): number {
  return measureTree(tokens).depth;
}

/** Depth (stopping past MAX_NESTING_DEPTH) and number of collection items (stopping past MAX_DOCUMENT_NODES). */
export function measureTree(tokens: readonly CST.Token[]): { depth: number; nodes: number } {
  let max = 0;
  let nodes = 0;
  const stack: Array<[CST.Token, number]> = [];
  for (const token of tokens) stack.push([token, 0]);
  while (stack.length > 0) {
    const [token, depth] = stack.pop()!;
    switch (token.type) {
      case 'document':
        if (token.value) stack.push([token.value, depth]);
        break;
      case 'block-map':
      case 'block-seq':
      case 'flow-collection': {
        const inner = depth + 1;
        if (inner > max) max = inner;
        if (inner > MAX_NESTING_DEPTH) return { depth: inner, nodes };
        nodes += token.items.length;
        if (nodes > MAX_DOCUMENT_NODES) return { depth: max, nodes };
        for (const item of token.items) {
          const key = 'key' in item ? item.key : undefined;
          if (key) stack.push([key, inner]);
          if (item.value) stack.push([item.value, inner]);
        }
        break;
      }
      default:
        break;
    }
  }
  return { depth: max, nodes };
}
