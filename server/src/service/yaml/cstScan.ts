// One linear, iterative walk over a chunk's CST that collects what the lexical YAML rules need (memoised per chunk).
import type { CST } from 'yaml';
import { SYNTAX_MEMO_PREFIX, type ParsedChunk } from '../parser/parsedChunk';

/** Where a flow scalar sits. */
export type ScalarRole = 'key' | 'value' | 'item' | 'root' | 'flowKey' | 'flowValue' | 'flowItem';

export interface ScalarEntry {
  readonly token: CST.FlowScalar;
  readonly role: ScalarRole;
  readonly docIndex: number;
  /** Map values: offset of the `:` before the value. */
  readonly indicator?: number;
  /** Map values: the value starts on a later line than its `:`. */
  readonly onNewLine?: boolean;
  /** Keys: whether a `:` follows the key. */
  readonly hasIndicator?: boolean;
  /** Keys: the key's value is missing (`key:` with nothing after it). */
  readonly emptyValue?: boolean;
  /** A tag (`!!str`, `!x`) is attached, so the plain text does not decide the type. */
  readonly tagged?: boolean;
  /** Map values: the plain source of their key. */
  readonly key?: string;
  /** The key that owns the enclosing collection (`data` for the values of a ConfigMap's data; sequences pass theirs on). */
  readonly owner?: string;
}

export interface PropEntry {
  readonly offset: number;
  readonly source: string;
  readonly docIndex: number;
}

/** A block collection that starts on its own line below its parent key or `-` (an indentation decision). */
export interface NestedBlock {
  readonly token: CST.BlockMap | CST.BlockSequence;
  /** Offset of the parent key or `-` whose column the child is indented from; undefined at the root. */
  readonly parentOffset: number | undefined;
  readonly parentKind: 'key' | 'item' | 'root';
  readonly docIndex: number;
}

export interface YamlScan {
  readonly scalars: readonly ScalarEntry[];
  readonly anchors: readonly PropEntry[];
  readonly aliases: readonly PropEntry[];
  readonly comments: readonly CST.SourceToken[];
  /** Separation whitespace tokens that contain a tab. */
  readonly tabSpaces: readonly CST.SourceToken[];
  readonly mapIndicators: readonly CST.SourceToken[];
  readonly commas: readonly CST.SourceToken[];
  /** Sorted `[start, end)` ranges of block scalar bodies (their whitespace is content). */
  readonly blockBodies: ReadonlyArray<readonly [number, number]>;
  /** Sorted `[start, end)` ranges of quoted scalars. */
  readonly quoted: ReadonlyArray<readonly [number, number]>;
  readonly nestedBlocks: readonly NestedBlock[];
  readonly documents: readonly CST.Document[];
  readonly docStarts: readonly CST.SourceToken[];
  readonly docEnds: readonly CST.DocumentEnd[];
  /** Offsets of directive lines (`%YAML`, `%TAG`). */
  readonly directives: readonly CST.Directive[];
}

// Derived from the CST: released with it (see ParsedChunk.releaseSyntax).
const MEMO_KEY = `${SYNTAX_MEMO_PREFIX}yaml-scan`;

/** The scan of a chunk, computed once and kept in the chunk's memo. */
export function scanChunk(chunk: ParsedChunk): YamlScan {
  const cached = chunk.memo.get(MEMO_KEY) as YamlScan | undefined;
  if (cached) return cached;
  // Token sources are slices of the chunk text: without a tab in the text, no space token needs looking at.
  const scan = buildScan(chunk.tokens, chunk.text.includes('\t'));
  chunk.memo.set(MEMO_KEY, scan);
  return scan;
}

function hasNewline(tokens: readonly CST.SourceToken[] | undefined, from = 0): boolean {
  if (!tokens) return false;
  for (let i = from; i < tokens.length; i++) if (tokens[i]!.type === 'newline') return true;
  return false;
}

/** Bits of listFacts(); the index of the first `:` indicator plus one is stored above them. */
const HAS_TAG = 1, HAS_NEWLINE = 2, NEWLINE_AFTER_INDICATOR = 4, INDICATOR_SHIFT = 3;

/**
 * What the walk asks of an item's `start` or `sep` list, in one pass: a tag, a newline, a newline after the first
 * `:` indicator, and that indicator's index (`indicatorOf`). Each was a loop of its own, up to four per item.
 */
function listFacts(tokens: readonly CST.SourceToken[] | undefined): number {
  if (!tokens) return 0;
  let facts = 0;
  let indicator = -1;
  for (let i = 0; i < tokens.length; i++) {
    const type = tokens[i]!.type;
    if (type === 'newline') facts |= indicator >= 0 ? HAS_NEWLINE | NEWLINE_AFTER_INDICATOR : HAS_NEWLINE;
    else if (type === 'tag') facts |= HAS_TAG;
    else if (type === 'map-value-ind' && indicator < 0) indicator = i;
  }
  return facts | ((indicator + 1) << INDICATOR_SHIFT);
}

/** Whether an item's value starts on a later line: after its `:`, or (without one) after any line break of the item. */
function valueOnNewLine(startFacts: number, sepFacts: number): boolean {
  return indicatorOf(sepFacts) >= 0 ? (sepFacts & NEWLINE_AFTER_INDICATOR) !== 0 : ((startFacts | sepFacts) & HAS_NEWLINE) !== 0;
}

/** The index of the first `:` indicator in the list listFacts() read, or -1. */
function indicatorOf(facts: number): number {
  return (facts >> INDICATOR_SHIFT) - 1;
}

/** Index of the first source token of a type, or -1. */
export function indexOfType(tokens: readonly CST.SourceToken[] | undefined, type: CST.SourceToken['type']): number {
  if (!tokens) return -1;
  for (let i = 0; i < tokens.length; i++) if (tokens[i]!.type === type) return i;
  return -1;
}

/** Offset of the first source token of a type, or undefined. */
export function offsetOfType(tokens: readonly CST.SourceToken[] | undefined, type: CST.SourceToken['type']): number | undefined {
  const index = indexOfType(tokens, type);
  return index === -1 ? undefined : tokens![index]!.offset;
}

/** One fixed shape for every scalar entry (absent facts are undefined), so the walk and its readers stay monomorphic. */
class Entry implements ScalarEntry {
  // `declare` fields and constructor assignments: ES2022 class fields would run an initializer per entry.
  declare readonly token: CST.FlowScalar;
  declare readonly role: ScalarRole;
  declare readonly docIndex: number;
  declare readonly indicator: number | undefined;
  declare readonly onNewLine: boolean | undefined;
  declare readonly hasIndicator: boolean | undefined;
  declare readonly emptyValue: boolean | undefined;
  declare readonly tagged: boolean | undefined;
  declare readonly key: string | undefined;
  declare readonly owner: string | undefined;

  constructor(
    token: CST.FlowScalar,
    role: ScalarRole,
    docIndex: number,
    indicator: number | undefined,
    onNewLine: boolean | undefined,
    hasIndicator: boolean | undefined,
    emptyValue: boolean | undefined,
    tagged: boolean | undefined,
    key: string | undefined,
    owner: string | undefined,
  ) {
    this.token = token;
    this.role = role;
    this.docIndex = docIndex;
    this.indicator = indicator;
    this.onNewLine = onNewLine;
    this.hasIndicator = hasIndicator;
    this.emptyValue = emptyValue;
    this.tagged = tagged;
    this.key = key;
    this.owner = owner;
  }
}

type Collection = CST.BlockMap | CST.BlockSequence | CST.FlowCollection;

/** A collection being walked: items are visited in order; `phase` says where in the current item the walk resumes. */
class Frame {
  declare readonly token: Collection;
  declare readonly isMap: boolean;
  declare readonly inFlow: boolean;
  /** The key that owns this collection's scalars (see `ScalarEntry.owner`). */
  declare readonly owner: string | undefined;
  /** A document's end tokens, walked after its value (document frames only). */
  declare readonly tail: readonly CST.Token[] | undefined;
  declare index: number;
  /** 0: before the item's start tokens and key; 1: before its separator and value; 2: done with the item. */
  declare phase: number;
  /** listFacts() of the current item's `start` and `sep` lists (`indicatorOf(sepFacts)`: the index of its `:`). */
  declare startFacts: number;
  declare sepFacts: number;

  /** Where the nested blocks below this collection go in `nestedBlocks` (see ScanWalker.groups); -1 for flows. */
  declare readonly group: number;

  constructor(token: Collection, isMap: boolean, inFlow: boolean, owner: string | undefined, tail: readonly CST.Token[] | undefined, group: number) {
    this.token = token;
    this.isMap = isMap;
    this.inFlow = inFlow;
    this.owner = owner;
    this.tail = tail;
    this.index = 0;
    this.phase = 0;
    this.group = group;
    this.startFacts = 0;
    this.sepFacts = 0;
  }
}

function isCollection(token: CST.Token): token is Collection {
  return token.type === 'block-map' || token.type === 'block-seq' || token.type === 'flow-collection';
}

function isScalarToken(token: CST.Token): token is CST.FlowScalar {
  return token.type === 'scalar' || token.type === 'single-quoted-scalar' || token.type === 'double-quoted-scalar';
}

/** The plain source of an item's key, when the key is a plain scalar. */
function scalarKeyText(item: CST.CollectionItem): string | undefined {
  return item.key && item.key.type === 'scalar' ? item.key.source : undefined;
}

/**
 * One iterative walk in source order. Collections get a frame each (scalars and single tokens are handled in
 * place), so deep documents cannot overflow the call stack and shallow ones allocate little.
 */
class ScanWalker {
  readonly scalars: ScalarEntry[] = [];
  readonly anchors: PropEntry[] = [];
  readonly aliases: PropEntry[] = [];
  readonly comments: CST.SourceToken[] = [];
  readonly tabSpaces: CST.SourceToken[] = [];
  readonly mapIndicators: CST.SourceToken[] = [];
  readonly commas: CST.SourceToken[] = [];
  readonly blockBodies: Array<readonly [number, number]> = [];
  readonly quoted: Array<readonly [number, number]> = [];
  /**
   * The nested blocks below each collection, in the order the collections were opened (a slot is reserved when one
   * opens and filled as its items are walked): `nestedBlocks` lists a collection's nested blocks together, before
   * those of the collections inside it, without a second pass over the items when a collection opens.
   */
  private readonly groups: Array<NestedBlock[] | undefined> = [];
  readonly documents: CST.Document[] = [];
  readonly docStarts: CST.SourceToken[] = [];
  readonly docEnds: CST.DocumentEnd[] = [];
  readonly directives: CST.Directive[] = [];
  private readonly stack: Frame[] = [];
  private readonly mayHaveTabs: boolean;
  private docIndex = -1;
  private bodiesSorted = true;
  private quotedSorted = true;

  constructor(mayHaveTabs: boolean) {
    this.mayHaveTabs = mayHaveTabs;
  }

  walk(tokens: readonly CST.Token[]): YamlScan {
    for (const token of tokens) {
      switch (token.type) {
        case 'document': {
          this.docIndex += 1;
          this.documents.push(token);
          this.source(token.start);
          const value = token.value;
          if (value) {
            this.pushNested(this.reserveGroup(), value, undefined, 'root', true);
            if (isCollection(value)) {
              this.open(value, undefined, token.end);
              this.drain();
              break;
            }
            this.root(value);
          }
          this.source(token.end);
          break;
        }
        case 'doc-end':
          this.docEnds.push(token);
          this.source(token.end);
          break;
        case 'directive':
          this.directives.push(token);
          break;
        default:
          this.root(token);
          this.drain();
          break;
      }
    }
    if (!this.bodiesSorted) this.blockBodies.sort((a, b) => a[0] - b[0]);
    if (!this.quotedSorted) this.quoted.sort((a, b) => a[0] - b[0]);
    return {
      scalars: this.scalars,
      anchors: this.anchors,
      aliases: this.aliases,
      comments: this.comments,
      tabSpaces: this.tabSpaces,
      mapIndicators: this.mapIndicators,
      commas: this.commas,
      blockBodies: this.blockBodies,
      quoted: this.quoted,
      nestedBlocks: this.nestedBlocks(),
      documents: this.documents,
      docStarts: this.docStarts,
      docEnds: this.docEnds,
      directives: this.directives,
    };
  }

  private sourceToken(t: CST.Token): void {
    switch (t.type) {
      case 'comment':
        this.comments.push(t);
        break;
      case 'space':
        if (this.mayHaveTabs && t.source.includes('\t')) this.tabSpaces.push(t);
        break;
      case 'anchor':
        this.anchors.push({ offset: t.offset, source: t.source, docIndex: this.docIndex });
        break;
      case 'map-value-ind':
        this.mapIndicators.push(t);
        break;
      case 'comma':
        this.commas.push(t);
        break;
      case 'doc-start':
        this.docStarts.push(t);
        break;
      default:
        break;
    }
  }

  private source(list: readonly CST.Token[] | undefined): void {
    if (list) for (let i = 0; i < list.length; i++) this.sourceToken(list[i]!);
  }

  /** A slot in `groups` for the nested blocks of a collection about to be walked. */
  private reserveGroup(): number {
    this.groups.push(undefined);
    return this.groups.length - 1;
  }

  private pushNested(group: number, child: CST.Token | undefined, parentOffset: number | undefined, parentKind: NestedBlock['parentKind'], onNewLine: boolean): void {
    if (child && (child.type === 'block-map' || child.type === 'block-seq') && (onNewLine || parentKind === 'root')) {
      (this.groups[group] ??= []).push({ token: child, parentOffset, parentKind, docIndex: this.docIndex });
    }
  }

  /** The groups' nested blocks, in order. */
  private nestedBlocks(): NestedBlock[] {
    const all: NestedBlock[] = [];
    for (const group of this.groups) if (group) for (const block of group) all.push(block);
    return all;
  }

  /** Records the value of a block collection's item when it is a block collection on a line of its own. */
  private nestedValue(frame: Frame, item: CST.CollectionItem, value: CST.Token): void {
    if (value.type !== 'block-map' && value.type !== 'block-seq') return;
    if (frame.isMap) {
      const newLine = valueOnNewLine(frame.startFacts, frame.sepFacts);
      const explicit = item.key ? -1 : indexOfType(item.start, 'explicit-key-ind');
      this.pushNested(frame.group, value, item.key ? item.key.offset : explicit >= 0 ? item.start[explicit]!.offset : undefined, 'key', newLine);
    } else {
      // An item without its `-` (parser recovery, e.g. a deeper line below `- name: x`) has no parent column.
      const dash = indexOfType(item.start, 'seq-item-ind');
      if (dash >= 0) this.pushNested(frame.group, value, item.start[dash]!.offset, 'item', hasNewline(item.start, dash));
    }
  }

  /** Records a scalar entry built by the caller (its role depends on where the scalar sits). */
  private addScalar(entry: Entry): void {
    this.scalars.push(entry);
    const token = entry.token;
    if (token.type !== 'scalar') {
      const start = token.offset;
      const quoted = this.quoted;
      if (quoted.length > 0 && quoted[quoted.length - 1]![0] > start) this.quotedSorted = false;
      quoted.push([start, start + token.source.length]);
    }
    this.source(token.end);
  }

  /** A node at the top level or as a document's value. */
  private root(token: CST.Token): void {
    if (isScalarToken(token)) this.addScalar(new Entry(token, 'root', this.docIndex, undefined, undefined, undefined, undefined, undefined, undefined, undefined));
    else this.visit(token, undefined);
  }

  /** Handles a node that is not a scalar in place, or opens a frame for a collection (then the caller yields to the stack). */
  private visit(token: CST.Token, owner: string | undefined): boolean {
    switch (token.type) {
      case 'comment':
      case 'space':
      case 'newline':
      case 'byte-order-mark':
      case 'doc-start':
      case 'anchor':
      case 'tag':
      case 'comma':
      case 'map-value-ind':
        this.sourceToken(token);
        return false;
      case 'alias':
        this.aliases.push({ offset: token.offset, source: token.source, docIndex: this.docIndex });
        this.source(token.end);
        return false;
      case 'block-scalar': {
        this.source(token.props);
        let contentStart = token.offset;
        for (const p of token.props) contentStart = Math.max(contentStart, p.offset + ('source' in p ? p.source.length : 0));
        const bodies = this.blockBodies;
        if (bodies.length > 0 && bodies[bodies.length - 1]![0] > contentStart) this.bodiesSorted = false;
        bodies.push([contentStart, contentStart + token.source.length]);
        return false;
      }
      case 'block-map':
      case 'block-seq':
      case 'flow-collection':
        this.open(token, owner, undefined);
        return true;
      default:
        return false;
    }
  }

  /** Starts walking a collection (its nested blocks are recorded as its items are walked, see `groups`). */
  private open(token: Collection, owner: string | undefined, tail: readonly CST.Token[] | undefined): void {
    const inFlow = token.type === 'flow-collection';
    const isMap = token.type === 'block-map' || (token.type === 'flow-collection' && token.start.source === '{');
    if (inFlow) this.sourceToken((token as CST.FlowCollection).start);
    this.stack.push(new Frame(token, isMap, inFlow, owner, tail, inFlow ? -1 : this.reserveGroup()));
  }

  private drain(): void {
    const stack = this.stack;
    while (stack.length > 0) this.step(stack[stack.length - 1]!);
  }

  /** Walks the top frame until it ends or opens a child collection. */
  private step(frame: Frame): void {
    const items = frame.token.items as CST.CollectionItem[];
    while (frame.index < items.length) {
      const item = items[frame.index]!;
      if (frame.phase === 0) {
        this.source(item.start);
        frame.startFacts = listFacts(item.start);
        frame.sepFacts = listFacts(item.sep);
        frame.phase = 1;
        const key = item.key;
        if (key) {
          if (isScalarToken(key)) {
            const hasIndicator = indicatorOf(frame.sepFacts) >= 0;
            const role: ScalarRole = frame.inFlow ? 'flowKey' : 'key';
            this.addScalar(new Entry(key, role, this.docIndex, undefined, undefined, hasIndicator, hasIndicator && !item.value, (frame.startFacts & HAS_TAG) !== 0, undefined, frame.owner));
          } else if (this.visit(key, frame.owner)) return;
        }
      }
      if (frame.phase === 1) {
        this.source(item.sep);
        frame.phase = 2;
        const value = item.value;
        if (value) {
          if (isScalarToken(value)) this.addScalar(this.valueEntry(frame, item, value));
          else {
            if (frame.group >= 0) this.nestedValue(frame, item, value);
            if (this.visit(value, isCollection(value) && frame.isMap ? scalarKeyText(item) : frame.owner)) return;
          }
        }
      }
      frame.phase = 0;
      frame.index += 1;
    }
    if (frame.inFlow) this.source((frame.token as CST.FlowCollection).end);
    this.stack.pop();
    if (frame.tail) this.source(frame.tail);
  }

  /** The entry of a scalar that is the value of a collection item (a map value or a list item). */
  private valueEntry(frame: Frame, item: CST.CollectionItem, value: CST.FlowScalar): Entry {
    const startFacts = frame.startFacts;
    const sepFacts = frame.sepFacts;
    const sepIndicator = indicatorOf(sepFacts);
    const hasIndicator = sepIndicator >= 0;
    const tagged = (sepFacts & HAS_TAG) !== 0 || (!hasIndicator && (startFacts & HAS_TAG) !== 0);
    if (frame.isMap || hasIndicator || item.key) {
      const newLine = valueOnNewLine(startFacts, sepFacts);
      const indicator = hasIndicator ? item.sep![sepIndicator]!.offset : undefined;
      return new Entry(value, frame.inFlow ? 'flowValue' : 'value', this.docIndex, indicator, newLine, undefined, undefined, tagged, scalarKeyText(item), frame.owner);
    }
    return new Entry(value, frame.inFlow ? 'flowItem' : 'item', this.docIndex, undefined, undefined, undefined, undefined, tagged, undefined, frame.owner);
  }
}

function buildScan(tokens: readonly CST.Token[], mayHaveTabs: boolean): YamlScan {
  return new ScanWalker(mayHaveTabs).walk(tokens);
}

/** End offset of a CST token (exclusive), found by following last children iteratively. */
export function tokenEnd(token: CST.Token): number {
  let current: CST.Token = token;
  let best = token.offset;
  for (let guard = 0; guard < 100_000; guard++) {
    switch (current.type) {
      case 'block-map':
      case 'block-seq':
      case 'flow-collection': {
        if (current.type === 'flow-collection') {
          const last = current.end[current.end.length - 1];
          if (last) return Math.max(best, last.offset + last.source.length);
        }
        const item = (current.items as CST.CollectionItem[])[current.items.length - 1];
        if (!item) return best;
        const tail = item.value ?? item.key ?? undefined;
        const lists = [item.start, item.sep ?? []];
        for (const list of lists) {
          const last = list[list.length - 1];
          if (last) best = Math.max(best, last.offset + last.source.length);
        }
        if (!tail) return best;
        current = tail;
        break;
      }
      case 'block-scalar': {
        let contentStart = current.offset;
        for (const p of current.props) contentStart = Math.max(contentStart, p.offset + ('source' in p ? p.source.length : 0));
        return Math.max(best, contentStart + current.source.length);
      }
      case 'document':
      case 'doc-end':
      case 'alias':
      case 'scalar':
      case 'single-quoted-scalar':
      case 'double-quoted-scalar': {
        if (current.type === 'document') {
          if (current.value) {
            current = current.value;
            break;
          }
          return best;
        }
        const end = 'end' in current ? current.end : undefined;
        const last = end && end.length > 0 ? end[end.length - 1]! : undefined;
        const own = current.offset + current.source.length;
        return Math.max(best, own, last ? last.offset + last.source.length : own);
      }
      default:
        return Math.max(best, current.offset + ('source' in current ? current.source.length : 0));
    }
  }
  return best;
}

/**
 * Whether a chunk offset lies inside a real `#` comment (not in a quoted string or block text), judged by the
 * CST. Chunks the parser could not tokenise fall back to "a `#` at the start or after white space".
 */
export function isInsideComment(chunk: ParsedChunk, offset: number): boolean {
  if (chunk.tokens.length === 0) return offset === 0 || /\s/.test(chunk.text.charAt(offset - 1));
  const comments = scanChunk(chunk).comments;
  let low = 0;
  let high = comments.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const comment = comments[mid]!;
    if (offset < comment.offset) high = mid - 1;
    else if (offset >= comment.offset + comment.source.length) low = mid + 1;
    else return true;
  }
  return false;
}
