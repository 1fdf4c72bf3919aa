// Parses one chunk of a YAML stream into CST tokens and documents, refusing nesting too deep to compose safely.
import { Composer, Parser, type CST, type Document } from 'yaml';
import { isMap } from '../yaml/yamlNodes';
import { resourcesIn } from '../kubernetes/kubernetesList';
import { COMPOSE_OPTIONS, fastCompose } from './fastCompose';
import { fastCst } from './fastCst';
import { FAST_CST_MAX_DEPTH } from './fastCstParser';

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

/** How many documents and resources a chunk holds (kept when its trees are released). */
export interface ChunkCounts {
  /** Documents with content. */
  readonly documents: number;
  /** Documents whose root is a map with a `kind` key. */
  readonly resources: number;
}

/** A parsed chunk; immutable once built so it can be shared across versions of a file. */
export interface ParsedChunk {
  /** The chunk's text (lone CRs already normalised to LF). */
  readonly text: string;
  /** Top-level CST tokens, in order (read again from the text when needed after `releaseSyntax`). */
  readonly tokens: readonly CST.Token[];
  /** Composed documents (usually one; none when the chunk was refused or holds only comments). */
  readonly documents: readonly Document.Parsed[];
  /** Parser errors and warnings of all documents. */
  readonly problems: readonly ParseProblem[];
  /** Deepest collection nesting seen in the CST. */
  readonly maxDepth: number;
  /** Set when the chunk was not composed, and why. */
  readonly refused?: 'depth' | 'size' | 'internal';
  /** Documents and resources in the chunk. */
  readonly counts: ChunkCounts;
  /** Chunk-relative offsets at which each line begins. */
  readonly lineStarts: readonly number[];
  /** Per-chunk memo for derived results (rule findings, symbols, …), keyed by the producer. */
  readonly memo: Map<string, unknown>;
  /** Whether the chunk's CST or documents are in memory now (they are built on first use and released after checks). */
  readonly holdsTrees: boolean;
  /**
   * Drops the CST, the composed documents and the memo entries that hold their nodes (keys starting with
   * `SYNTAX_MEMO_PREFIX`) until they are needed again; both are read again, identically, from the text. The trees
   * are almost all of a chunk's memory, and once its findings, outline and folding ranges are cached (plain data in
   * the memo) only a hover, a completion or a settings change needs them again, for the chunks it touches.
   */
  releaseSyntax(): void;
}

/** Memo keys of results that hold CST tokens or document nodes, which `releaseSyntax` drops with them. */
export const SYNTAX_MEMO_PREFIX = 'syntax:';

/** What parsing a chunk's text tells besides its trees; kept when the trees are released (a re-parse gives the same). */
interface ChunkInfo {
  readonly problems: readonly ParseProblem[];
  /** Undefined when the fast paths took the chunk without measuring it (measured when asked). */
  readonly maxDepth: number | undefined;
  readonly refused?: 'depth' | 'size' | 'internal';
  readonly counts: ChunkCounts;
}

/** One parse of a chunk's text. */
interface ChunkParse {
  readonly info: ChunkInfo;
  readonly documents: readonly Document.Parsed[];
  readonly cst: CST.Token[];
}

/**
 * A chunk parsed on first use, whose trees can be released and read again from its text. Parsing on first use lets
 * validation parse, check and release one chunk after another, so a large file's trees are never all alive at once
 * and each chunk is checked while its nodes are still in the processor's cache.
 */
class Chunk implements ParsedChunk {
  private info: ChunkInfo | undefined;
  private docs: readonly Document.Parsed[] | undefined;
  private cst: CST.Token[] | undefined;
  /** maxDepth, once measured for a chunk the fast paths took unmeasured. */
  private measuredDepth: number | undefined;

  constructor(
    readonly text: string,
    readonly lineStarts: readonly number[],
    readonly memo: Map<string, unknown>,
    parse?: ChunkParse,
  ) {
    if (parse !== undefined) this.keep(parse);
  }

  private keep(parse: ChunkParse): ChunkInfo {
    this.info = parse.info;
    this.docs = parse.documents;
    this.cst = parse.cst;
    return parse.info;
  }

  private get parsedInfo(): ChunkInfo {
    return this.info ?? this.keep(parseText(this.text));
  }

  get documents(): readonly Document.Parsed[] {
    if (this.docs === undefined) this.keep(parseText(this.text));
    return this.docs!;
  }

  get tokens(): readonly CST.Token[] {
    // After a release only the CST is read again (refused chunks keep what they had, possibly nothing).
    if (this.cst === undefined) {
      if (this.info === undefined) this.keep(parseText(this.text));
      else this.cst = readCst(this.text);
    }
    return this.cst!;
  }

  get problems(): readonly ParseProblem[] {
    return this.parsedInfo.problems;
  }

  get maxDepth(): number {
    // Measured on the CST held now or read again for the purpose, which is not kept (as after a release).
    return this.parsedInfo.maxDepth ?? (this.measuredDepth ??= measureDepth(this.cst ?? readCst(this.text)));
  }

  get refused(): 'depth' | 'size' | 'internal' | undefined {
    return this.parsedInfo.refused;
  }

  get counts(): ChunkCounts {
    return this.parsedInfo.counts;
  }

  get holdsTrees(): boolean {
    return this.cst !== undefined || this.docs !== undefined;
  }

  releaseSyntax(): void {
    if (this.info === undefined || this.info.refused !== undefined) return;
    this.cst = undefined;
    this.docs = undefined;
    for (const key of this.memo.keys()) if (key.startsWith(SYNTAX_MEMO_PREFIX)) this.memo.delete(key);
  }
}

function readCst(text: string): CST.Token[] {
  return fastCst(text) ?? Array.from(new Parser().parse(text));
}

/** A chunk of a file; parsed when first read. Never throws: failures become problems. */
export function parseChunk(text: string): ParsedChunk {
  return new Chunk(text, computeLineStarts(text), new Map<string, unknown>());
}

/**
 * Parses a chunk's text: fastCst and fastCompose when they take it, yaml's own parser otherwise. An exception of a
 * parser becomes an 'internal' refusal.
 */
function parseText(text: string): ChunkParse {
  let fastTokens: CST.Token[] | undefined;
  try {
    fastTokens = fastCst(text);
  } catch (error) {
    return refusal(text, [], 0, 'internal', String(error));
  }
  // The limits below without walking the tree: fastCst declines collections nested deeper than FAST_CST_MAX_DEPTH
  // (its parser's stack, which holds the document too, never grows past it), and fastCompose declines beyond
  // MAX_DOCUMENT_NODES items (counted as measureTree counts them), so when both take a chunk it is within both
  // (maxDepth is then measured when asked). The walk was ~4 % of the CLI's run on a tree of 10,000 files.
  if (fastTokens === undefined || FAST_CST_MAX_DEPTH > MAX_NESTING_DEPTH) return parseMeasured(text, fastTokens);
  const documents = fastCompose(fastTokens, text.length, MAX_DOCUMENT_NODES);
  return documents === undefined ? parseMeasured(text, fastTokens) : parsed(text, fastTokens, documents, undefined);
}

/**
 * What the fast path did not take: yaml's Parser (unless fastCst made `fastTokens`), the limits measured on the tree,
 * then fastCompose or yaml's Composer. A function of its own so that parseText, run for every chunk, stays small.
 */
function parseMeasured(text: string, fastTokens: CST.Token[] | undefined): ChunkParse {
  let tokens: CST.Token[];
  try {
    tokens = fastTokens ?? Array.from(new Parser().parse(text));
  } catch (error) {
    return refusal(text, [], 0, 'internal', String(error));
  }
  const measured = measureTree(tokens);
  const maxDepth = measured.depth;
  if (maxDepth > MAX_NESTING_DEPTH) {
    return refusal(text, tokens, maxDepth, 'depth', `nesting depth ${maxDepth} exceeds ${MAX_NESTING_DEPTH}`);
  }
  if (measured.nodes > MAX_DOCUMENT_NODES) {
    return refusal(text, [], maxDepth, 'size', `more than ${MAX_DOCUMENT_NODES.toLocaleString('en')} values in one document`);
  }
  let documents: Document.Parsed[];
  try {
    // fastCompose also takes some CSTs of yaml's Parser (a byte-order mark, `...`, tabs outside indentation, nested
    // flows); it already declined this one if fastCst made it.
    documents = (fastTokens !== undefined ? undefined : fastCompose(tokens, text.length)) ?? Array.from(new Composer(COMPOSE_OPTIONS).compose(tokens, true, text.length));
  } catch (error) {
    return refusal(text, tokens, maxDepth, 'internal', String(error));
  }
  return parsed(text, tokens, documents, maxDepth);
}

/** A chunk's parse from its tokens and documents: yaml's errors and warnings as problems, and the counts. */
function parsed(text: string, tokens: CST.Token[], documents: Document.Parsed[], maxDepth: number | undefined): ChunkParse {
  const problems: ParseProblem[] = [];
  const clamp = (offset: number): number => Math.max(0, Math.min(offset, text.length));
  for (const doc of documents) {
    for (const e of doc.errors) problems.push({ yamlCode: e.code, message: e.message, start: clamp(e.pos[0]), end: clamp(e.pos[1]), isWarning: false });
    for (const w of doc.warnings) problems.push({ yamlCode: w.code, message: w.message, start: clamp(w.pos[0]), end: clamp(w.pos[1]), isWarning: true });
  }
  return { info: { problems, maxDepth, counts: countsOf(documents) }, documents, cst: tokens };
}

function countsOf(documents: readonly Document.Parsed[]): ChunkCounts {
  let withContent = 0;
  let resources = 0;
  for (const doc of documents) {
    if (doc.contents === null) continue;
    withContent += 1;
    if (isMap(doc.contents) && doc.contents.has('kind')) resources += resourcesIn(doc.contents);
  }
  return { documents: withContent, resources };
}

/** A whole file that is not parsed at all (see parsedFile.ts MAX_FILE_CHARS): one refused chunk that says why. */
export function unparsedChunk(text: string, message: string): ParsedChunk {
  return new Chunk(text, computeLineStarts(text), new Map<string, unknown>(), refusal(text, [], 0, 'size', message));
}

function refusal(text: string, tokens: CST.Token[], maxDepth: number, reason: 'depth' | 'size' | 'internal', message: string): ChunkParse {
  const problem: ParseProblem = {
    yamlCode: reason === 'depth' ? 'KN_TOO_DEEP' : reason === 'size' ? 'KN_TOO_LARGE' : 'KN_PARSER_FAILURE',
    message,
    start: 0,
    end: Math.min(text.length, lineEndOf(text, 0)),
    isWarning: false,
  };
  return { info: { problems: [problem], maxDepth, refused: reason, counts: { documents: 0, resources: 0 } }, documents: [], cst: tokens };
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

/** Chunk-relative offset where line `line` ends: its `\n` (a CR before it is left to the caller), or the text's end. */
export function endOfLine(lineStarts: readonly number[], line: number, textLength: number): number {
  return line + 1 < lineStarts.length ? lineStarts[line + 1]! - 1 : textLength;
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
