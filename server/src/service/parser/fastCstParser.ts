// The Parser half of fastCst: builds yaml's CST from the lexemes fastCst.ts emits (parser.js, subset paths only).
import type { CST } from 'yaml';

/*
 * FastCstParser mirrors yaml 2.9's Parser (node_modules/yaml/dist/parse/parser.js): `emit()` / `emitScalar()` are
 * `Parser.next()`, and the methods below `step()` mirror the Parser's methods of the same names, restricted to the
 * token types of the subset. The lexer in fastCst.ts extends this class, so both halves share one object and call
 * each other directly. Every path outside the subset (or to an error token or a Composer error) throws DECLINE.
 */

type SourceToken = CST.SourceToken;
type ScalarType = 'scalar' | 'single-quoted-scalar' | 'double-quoted-scalar';
type TokenType = SourceToken['type'] | ScalarType;
/** A collection item while it is being built: block map, block sequence and flow collection items share this shape. */
interface Item {
  start: SourceToken[];
  key?: CST.Token | null;
  sep?: SourceToken[];
  value?: CST.Token;
}
type StackNode = CST.Document | CST.BlockMap | CST.BlockSequence | CST.FlowCollection | CST.FlowScalar | CST.BlockScalar;

/**
 * Items are made by one constructor whose prototype is Object.prototype (so they are the plain objects yaml's Parser
 * makes): every item then starts from the same hidden class and gains `key`, `sep` and `value` in one order, in room
 * reserved inside the object. Literals of one, two and three properties started three hidden-class trees, and the
 * properties added later went to a separate array: every reader of items (this parser, fastCompose, the scan) saw
 * more shapes than its inline caches hold.
 */
const CstItem = function (this: Item, start: SourceToken[]) {
  this.start = start;
} as unknown as new (start: SourceToken[]) => Item;
CstItem.prototype = Object.prototype;

/** An item with only its start tokens (a sequence item, or blank lines and comments before the next key). */
function newItem(start: SourceToken[]): Item {
  return new CstItem(start);
}

/** A map or flow item from its key on. */
function keyItem(start: SourceToken[], key: CST.Token, sep: SourceToken[]): Item {
  const item = new CstItem(start);
  item.key = key;
  item.sep = sep;
  return item;
}

/** An item that is only a value (a sequence item after the first, a flow sequence entry). */
function valueItem(start: SourceToken[], value: CST.Token): Item {
  const item = new CstItem(start);
  item.value = value;
  return item;
}

/** A source token (or a flow scalar: they have the same fields), made in one place so all have one hidden class. */
function newToken<T extends SourceToken | CST.FlowScalar = SourceToken>(type: TokenType, offset: number, indent: number, source: string): T {
  return { type, offset, indent, source } as T;
}

/** Thrown (never escapes fastCst) when the text leaves the subset. */
export const DECLINE = { declined: true } as const;

/** Deepest parser stack (nesting) taken on the fast path: no manifest nests this deep. */
export const FAST_CST_MAX_DEPTH = 128;
const MAX_DEPTH = FAST_CST_MAX_DEPTH;
const KIND_DOC = 0, KIND_MAP = 1, KIND_SEQ = 2, KIND_BLOCK_SCALAR = 3, KIND_FLOW = 4, KIND_SCALAR = 5;
/** The KIND_* of a node startBlockValue() made (documents and block maps are pushed with their kind directly). */
function kindOf(node: StackNode): number {
  switch (node.type) {
    case 'block-seq': return KIND_SEQ;
    case 'block-scalar': return KIND_BLOCK_SCALAR;
    case 'flow-collection': return KIND_FLOW;
    default: return KIND_SCALAR;
  }
}
/** Placeholder for a `start` list that is usually not needed (never pushed to, never output). */
const NO_TOKENS: SourceToken[] = [];

/** A plain, single- or double-quoted scalar (not a block scalar). */
export const isFlowScalarType = (type: string): type is ScalarType => type === 'scalar' || type === 'single-quoted-scalar' || type === 'double-quoted-scalar';

/** The Parser's state and methods; the lexer (fastCst.ts) moves `pos` and feeds it lexemes through emit(). */
export class FastCstParser {
  /** Lexer position; also the Parser's `offset` of the token being stepped. */
  protected pos = 0;
  // Subset guards for the lexer: outside flows a `:` indicator must follow a scalar, once per line.
  protected afterScalar = false;
  protected colonOnLine = false;
  // Parser state (names as in parser.js).
  private type: TokenType = 'doc-mode';
  private source = '';
  private atNewLine = true;
  private indent = 0;
  private onKeyLine = false;
  private readonly stack: StackNode[] = [];
  /** The kind of each stack node (KIND_*), so that step() dispatches without reading `type` from six object shapes. */
  private readonly kinds: number[] = [];
  private readonly out: CST.Token[] = [];

  // ---------------------------------------------------------------- Parser.next()

  /** The Lexer's DOCUMENT marker: no source, no offset. */
  protected startDocument(): void {
    this.type = 'doc-mode';
    this.step();
  }

  /** Parser.end(): closes what is still open and returns the CST. */
  protected finish(): CST.Token[] {
    while (this.stack.length > 0) this.pop();
    return this.out;
  }

  protected emit(type: SourceToken['type'], source: string): void {
    this.type = type;
    this.source = source;
    this.step();
    if (type === 'space') {
      if (this.atNewLine) this.indent += source.length;
    } else {
      this.afterScalar = false;
      if (type === 'newline') {
        this.atNewLine = true;
        this.indent = 0;
        this.colonOnLine = false;
      } else if (type === 'map-value-ind' || type === 'seq-item-ind') {
        if (this.atNewLine) this.indent += 1;
      } else this.atNewLine = false;
    }
    this.pos += source.length;
  }

  protected emitScalar(type: ScalarType, source: string): void {
    this.atNewLine = false;
    this.type = type;
    this.source = source;
    this.step();
    this.afterScalar = true;
    this.pos += source.length;
  }

  /** A block scalar's body (its source includes its final newline). */
  protected emitBlockScalar(source: string): void {
    this.atNewLine = false;
    this.type = 'scalar';
    this.source = source;
    this.step();
    this.pos += source.length;
  }

  /** The current token as a SourceToken or (for scalars) a FlowScalar: the two have the same fields. */
  private sourceToken<T extends SourceToken | CST.FlowScalar = SourceToken>(): T {
    return newToken<T>(this.type, this.pos, this.indent, this.source);
  }

  /**
   * A whole `key: value` or `key:` line of a block map, built at once: the tokens and items that emit() and
   * emitScalar() would build for its indentation, key, `:`, space, value and newline. The lexer has checked the line
   * (fastCst.ts, lexKeyLine()); `start` is the line's offset, `indent` the key's column, `sepSpace` the spaces after
   * the `:` and `value` the value ('' for `key:`). Returns false, having changed nothing, when the parser is in a state
   * this does not cover; the lexer then takes the line token by token.
   *
   * Two states are covered. The key is the first of a new map under the `key:` just before it, or it is the next key
   * of a map at its indent whose last item is complete, after the collections above it have ended. In the second, the
   * indentation token would go to a new item of the top collection and move down with each pop() (as trailing white
   * space of a finished collection): popping first and giving it to the map directly builds the same items.
   */
  protected keyLine(start: number, indent: number, indentSource: string, key: string, sepSpace: string, value: string, newline: string): boolean {
    const last = this.stack.length - 1;
    // (With room for the three levels the token-by-token steps would reach, so both decline alike at MAX_DEPTH.)
    if (last < 0 || last + 3 > MAX_DEPTH || this.onKeyLine || !this.atNewLine || this.indent !== 0) return false;
    const topKind = this.kinds[last]!;
    if (topKind !== KIND_MAP && topKind !== KIND_SEQ) return false;
    const top = this.stack[last] as CST.BlockMap | CST.BlockSequence;
    const topLast = lastItem(top);
    let map: CST.BlockMap | undefined;
    if (topLast.value === undefined) {
      // The first key of a new map: blockMap() adds the indentation to the parent item's `sep`, pushes the key as a
      // value, and scalar() turns it into a map at the `:` (getFirstKeyStartProps() finds nothing after the newline).
      const sep = topLast.sep;
      if (topKind !== KIND_MAP || top.indent >= indent || sep === undefined || sep[sep.length - 1]!.type !== 'newline' || !includesToken(sep, 'map-value-ind')) return false;
      sep.push(newToken('space', start, 0, indentSource));
    } else {
      let target = last;
      for (;;) {
        const kind = this.kinds[target]!;
        const indentThere = (this.stack[target] as CST.BlockMap | CST.BlockSequence).indent;
        if (kind === KIND_MAP ? indentThere > indent : kind === KIND_SEQ && indentThere >= indent) target--;
        else break;
        if (target < 0) return false;
      }
      if (this.kinds[target] !== KIND_MAP || (this.stack[target] as CST.BlockMap).indent !== indent) return false;
      while (this.stack.length - 1 > target) this.pop();
      map = this.stack[target] as CST.BlockMap;
    }
    const keyAt = start + indent;
    const colonAt = keyAt + key.length;
    const keyToken = newToken<CST.FlowScalar>('scalar', keyAt, indent, key);
    const colon = newToken('map-value-ind', colonAt, indent, ':');
    const newlineAt = value === '' ? colonAt + 1 : colonAt + 1 + sepSpace.length + value.length;
    const newlineToken = newToken('newline', newlineAt, indent, newline);
    const sep = value === '' ? [colon, newlineToken] : [colon, newToken('space', colonAt + 1, indent, sepSpace)];
    let item: Item;
    if (map === undefined) {
      item = keyItem([], keyToken, sep);
      this.push({ type: 'block-map', offset: keyAt, indent, items: [item as CST.BlockMap['items'][number]] }, KIND_MAP);
    } else {
      // The indentation token comes first on its line, so its indent is still 0.
      item = keyItem(indent === 0 ? [] : [newToken('space', start, 0, indentSource)], keyToken, sep);
      (map.items as Item[]).push(item);
    }
    if (value !== '') {
      const valueToken = newToken<CST.FlowScalar>('scalar', colonAt + 1 + sepSpace.length, indent, value);
      valueToken.end = [newlineToken];
      item.value = valueToken;
    }
    // The state after the newline: as emit('newline') leaves it.
    this.type = 'newline';
    this.source = newline;
    this.afterScalar = false;
    this.colonOnLine = false;
    this.pos = newlineAt + newline.length;
    return true;
  }

  // ---------------------------------------------------------------- parser (parser.js, subset paths only)

  private step(): void {
    // Deep nesting would also make the pop()/step() recursion of one dedent deep.
    if (this.stack.length > MAX_DEPTH) throw DECLINE;
    const last = this.stack.length - 1;
    if (last < 0) return this.stream();
    const kind = this.kinds[last]!;
    const top = this.stack[last];
    if (kind === KIND_MAP) this.blockMap(top as CST.BlockMap);
    else if (kind === KIND_SEQ) this.blockSequence(top as CST.BlockSequence);
    else if (kind === KIND_DOC) this.document(top as CST.Document);
    else if (kind === KIND_BLOCK_SCALAR) this.blockScalar(top as CST.BlockScalar);
    else if (kind === KIND_FLOW) this.flowCollection(top as CST.FlowCollection);
    else this.scalar(top as CST.FlowScalar);
  }

  /** Pushes a node and its kind (see `kinds`). */
  private push(node: StackNode, kind: number): void {
    this.stack.push(node);
    this.kinds.push(kind);
  }

  private pop(): void {
    const token = this.stack.pop()!;
    const kind = this.kinds.pop()!;
    const last = this.stack.length - 1;
    if (last < 0) {
      this.out.push(token);
      return;
    }
    const top = this.stack[last]!;
    const topKind = this.kinds[last]!;
    if (kind === KIND_BLOCK_SCALAR) (token as CST.BlockScalar).indent = topKind === KIND_DOC ? 0 : (top as CST.BlockMap).indent; // its parent's indent
    else if (kind === KIND_FLOW) {
      if (topKind === KIND_DOC) (token as CST.FlowCollection).indent = 0;
      fixFlowSeqItems(token as CST.FlowCollection);
    }
    if (topKind === KIND_DOC) (top as CST.Document).value = token;
    else if (topKind === KIND_SEQ) {
      const it = lastItem(top as CST.BlockSequence);
      if (it.value) ((top as CST.BlockSequence).items as Item[]).push(valueItem([], token));
      else it.value = token;
    } else if (topKind === KIND_MAP || topKind === KIND_FLOW) {
      // Only values after a `:` are ever pushed onto the stack (the other paths were declined earlier).
      const it = lastItem(top as CST.BlockMap | CST.FlowCollection);
      if (!it || it.value || !it.sep) throw DECLINE;
      it.value = token;
      if (topKind === KIND_FLOW) return;
    } else throw DECLINE;
    if (kind === KIND_MAP || kind === KIND_SEQ) {
      const collection = token as CST.BlockMap | CST.BlockSequence;
      const end = lastItem(collection);
      if (end?.sep && !end.value && !includesToken(end.sep, 'map-value-ind')) throw DECLINE; // a last key without `:`
      // Trailing blank lines and less-indented comments of a finished collection move up to its parent.
      if (end && !end.sep && !end.value && end.start.length > 0 && findNonEmptyIndex(end.start) === -1) {
        if (collection.indent === 0 || end.start.every((st) => st.type !== 'comment' || st.indent < collection.indent)) {
          if (topKind === KIND_DOC) (top as CST.Document).end = end.start;
          else ((top as CST.BlockMap).items as Item[]).push(newItem(end.start));
          collection.items.splice(-1, 1);
        }
      }
    }
  }

  private stream(): void {
    const type = this.type;
    if (type === 'space' || type === 'comment' || type === 'newline') this.out.push(this.sourceToken());
    else if (type === 'doc-mode') this.push({ type: 'document', offset: this.pos, start: [] }, KIND_DOC);
    else if (type === 'doc-start') this.push({ type: 'document', offset: this.pos, start: [this.sourceToken()] }, KIND_DOC);
    else throw DECLINE;
  }

  private document(doc: CST.Document): void {
    const type = this.type;
    if (doc.value) this.lineEnd(doc);
    else if (type === 'doc-start' && findNonEmptyIndex(doc.start) !== -1) {
      this.pop();
      this.step();
    } else if (type === 'doc-start' || type === 'space' || type === 'comment' || type === 'newline') doc.start.push(this.sourceToken());
    else {
      const bv = this.startBlockValue();
      if (!bv) throw DECLINE;
      this.push(bv, kindOf(bv));
    }
  }

  private scalar(scalar: CST.FlowScalar): void {
    if (this.type !== 'map-value-ind') return this.lineEnd(scalar);
    // `key:`: the scalar on the stack becomes the first key of a new block map.
    const parent = this.stack[this.stack.length - 2]!;
    if (parent.type === 'flow-collection') throw DECLINE;
    const start = getFirstKeyStartProps(getPrevProps(parent));
    let sep: SourceToken[];
    if (scalar.end) {
      sep = scalar.end;
      sep.push(this.sourceToken());
      delete scalar.end;
    } else sep = [this.sourceToken()];
    const map: CST.BlockMap = { type: 'block-map', offset: scalar.offset, indent: scalar.indent, items: [keyItem(start, scalar, sep) as CST.BlockMap['items'][number]] };
    this.onKeyLine = true;
    this.stack[this.stack.length - 1] = map;
    this.kinds[this.kinds.length - 1] = KIND_MAP;
  }

  private blockScalar(scalar: CST.BlockScalar): void {
    const type = this.type;
    if (type === 'space' || type === 'comment' || type === 'newline') scalar.props.push(this.sourceToken());
    else if (type !== 'scalar') throw DECLINE;
    else {
      scalar.source = this.source;
      this.atNewLine = true; // the body includes its final newline
      this.indent = 0;
      this.pop();
    }
  }

  private blockMap(map: CST.BlockMap): void {
    const items = map.items as Item[];
    const it = items[items.length - 1]!;
    const type = this.type;
    if (type === 'newline') {
      this.onKeyLine = false;
      if (it.value) this.newlineAfterValue(items, it.value);
      else if (!it.sep) it.start.push(this.sourceToken());
      else if (!includesToken(it.sep, 'map-value-ind')) throw DECLINE; // a key without `:` on its line
      else it.sep.push(this.sourceToken());
      return;
    }
    if (type === 'space' || type === 'comment') {
      if (it.value) items.push(newItem([this.sourceToken()]));
      else if (it.sep) it.sep.push(this.sourceToken());
      else if (!this.indentedCommentToPreviousValue(items, it, map.indent)) it.start.push(this.sourceToken());
      return;
    }
    if (this.indent >= map.indent) {
      const atMapIndent = !this.onKeyLine && this.indent === map.indent;
      const atNextItem = atMapIndent && it.sep !== undefined && type !== 'seq-item-ind';
      // For an empty value, blank lines after its first newline go to the next item. (yaml does this even when no
      // item follows, e.g. before `---`, and then drops them: so do we.)
      let start = NO_TOKENS;
      if (atNextItem && it.sep && !it.value) {
        let newlines = 0;
        let second = -1;
        for (let i = 0; i < it.sep.length; ++i) {
          const st = it.sep[i]!;
          if (st.type === 'newline') {
            if (++newlines === 2) second = i;
          } else if (st.type === 'comment' ? st.indent > map.indent : st.type !== 'space') newlines = 0;
        }
        if (newlines >= 2) start = it.sep.splice(second);
      }
      if (type === 'map-value-ind') {
        // Only the `:` right after a key that was just added to this map.
        if (!it.sep || it.value || atNextItem || includesToken(it.sep, 'map-value-ind')) throw DECLINE;
        it.sep.push(this.sourceToken());
        this.onKeyLine = true;
        return;
      }
      if (isFlowScalarType(type)) {
        const fs = this.sourceToken<CST.FlowScalar>();
        if (atNextItem || it.value) {
          // Without atNextItem this is the key after a block scalar value (its newline never reset onKeyLine):
          // a value ends its line, so the key is on a later line and must be at the map's indent.
          if (!atNextItem && this.indent !== map.indent) throw DECLINE;
          items.push(keyItem(start === NO_TOKENS ? [] : start, fs, []));
          this.onKeyLine = true;
        } else if (it.sep) {
          if (!includesToken(it.sep, 'map-value-ind')) throw DECLINE; // a value without `:`
          this.push(fs, KIND_SCALAR);
        } else {
          if (this.indent !== map.indent) throw DECLINE; // a key more indented than its map
          it.key = fs;
          it.sep = [];
          this.onKeyLine = true;
        }
        return;
      }
      const bv = this.startBlockValue();
      if (bv) {
        // Collections and block scalars only as values after `:`, a block sequence only from the next line on.
        if (!it.sep || it.value || !includesToken(it.sep, 'map-value-ind')) throw DECLINE;
        if (bv.type === 'block-seq' ? !includesToken(it.sep, 'newline') : atMapIndent) throw DECLINE;
        this.push(bv, kindOf(bv));
        return;
      }
    }
    this.pop();
    this.step();
  }

  private blockSequence(seq: CST.BlockSequence): void {
    const items = seq.items as Item[];
    const it = items[items.length - 1]!;
    const type = this.type;
    if (type === 'newline') {
      if (it.value) this.newlineAfterValue(items, it.value);
      else it.start.push(this.sourceToken());
      return;
    }
    if (type === 'space' || type === 'comment') {
      if (it.value) items.push(newItem([this.sourceToken()]));
      else if (!this.indentedCommentToPreviousValue(items, it, seq.indent)) it.start.push(this.sourceToken());
      return;
    }
    if (type === 'seq-item-ind' && this.indent === seq.indent) {
      if (it.value || includesToken(it.start, 'seq-item-ind')) items.push(newItem([this.sourceToken()]));
      else it.start.push(this.sourceToken());
      return;
    }
    if (this.indent > seq.indent) {
      const bv = this.startBlockValue();
      if (bv) {
        if (it.value || !includesToken(it.start, 'seq-item-ind')) throw DECLINE; // an item without its `-`
        this.push(bv, kindOf(bv));
        return;
      }
    }
    this.pop();
    this.step();
  }

  private flowCollection(fc: CST.FlowCollection): void {
    const items = fc.items as Item[];
    const it = items.length > 0 ? items[items.length - 1] : undefined; // (items[-1] would be a slow named lookup)
    const type = this.type;
    if (fc.end.length > 0) {
      const parent = this.stack[this.stack.length - 2]!;
      if (type === 'map-value-ind') throw DECLINE; // a flow collection as a key
      if (type === 'newline' && parent.type === 'block-map' && !lastItem(parent).sep) {
        this.pop();
        this.step();
      } else this.lineEnd(fc);
    } else if (type === 'comma') {
      if (!it || !it.sep) throw DECLINE; // empty entry
      items.push(newItem([this.sourceToken()]));
    } else if (type === 'map-value-ind') {
      if (!it || it.value || !it.sep || includesToken(it.sep, 'map-value-ind')) throw DECLINE; // empty key, `a: b: c`
      it.sep.push(this.sourceToken());
    } else if (type === 'space') {
      if (!it || it.value) items.push(newItem([this.sourceToken()]));
      else if (it.sep) it.sep.push(this.sourceToken());
      else it.start.push(this.sourceToken());
    } else if (isFlowScalarType(type)) {
      const fs = this.sourceToken<CST.FlowScalar>();
      if (!it) items.push(keyItem([], fs, []));
      else if (it.value) throw DECLINE;
      else if (!it.sep) {
        it.key = fs;
        it.sep = [];
      } else if (!includesToken(it.sep, 'map-value-ind')) throw DECLINE; // two scalars in one entry
      else this.push(fs, KIND_SCALAR);
    } else if (type === 'flow-map-end' || type === 'flow-seq-end') fc.end.push(this.sourceToken());
    else throw DECLINE;
  }

  private startBlockValue(): StackNode | null {
    const type = this.type;
    if (isFlowScalarType(type)) return this.sourceToken<CST.FlowScalar>();
    if (type === 'block-scalar-header') return { type: 'block-scalar', offset: this.pos, indent: this.indent, props: [this.sourceToken()], source: '' };
    if (type === 'flow-map-start' || type === 'flow-seq-start') {
      return { type: 'flow-collection', offset: this.pos, indent: this.indent, start: this.sourceToken(), items: [], end: [] };
    }
    if (type === 'seq-item-ind') return { type: 'block-seq', offset: this.pos, indent: this.indent, items: [newItem([this.sourceToken()]) as CST.BlockSequence['items'][number]] };
    if (type === 'map-value-ind') throw DECLINE; // a map with an empty first key
    return null;
  }

  /** A newline after a collection item's value: it follows the value's trailing comment, or opens the next item. */
  private newlineAfterValue(items: Item[], value: CST.Token): void {
    const end = 'end' in value ? value.end : undefined;
    if (Array.isArray(end) && end[end.length - 1]?.type === 'comment') end.push(this.sourceToken());
    else items.push(newItem([this.sourceToken()]));
  }

  /** A comment more indented than the collection, after blank lines only, still ends the previous value (atIndentedComment). */
  private indentedCommentToPreviousValue(items: Item[], it: Item, indent: number): boolean {
    if (this.type !== 'comment' || this.indent <= indent) return false;
    for (const st of it.start) if (st.type !== 'newline' && st.type !== 'space') return false;
    const end = (items[items.length - 2]?.value as { end?: unknown } | undefined)?.end;
    if (!Array.isArray(end)) return false;
    for (const st of it.start) end.push(st);
    end.push(this.sourceToken());
    items.pop();
    return true;
  }

  private lineEnd(token: CST.Document | CST.FlowScalar | CST.FlowCollection): void {
    const type = this.type;
    if (type === 'comma' || type === 'doc-start' || type === 'flow-seq-end' || type === 'flow-map-end' || type === 'map-value-ind') {
      this.pop();
      this.step();
    } else if (type === 'newline' || type === 'space' || type === 'comment') {
      if (token.end) token.end.push(this.sourceToken());
      else token.end = [this.sourceToken()];
      if (type === 'newline') {
        this.onKeyLine = false;
        this.pop();
      }
    } else throw DECLINE; // anything else after a finished node is an error
  }
}

function lastItem(node: CST.BlockMap | CST.BlockSequence | CST.FlowCollection): Item {
  return node.items[node.items.length - 1] as Item;
}

function includesToken(list: readonly SourceToken[], type: SourceToken['type']): boolean {
  for (let i = 0; i < list.length; ++i) if (list[i]!.type === type) return true;
  return false;
}

function findNonEmptyIndex(list: readonly SourceToken[]): number {
  for (let i = 0; i < list.length; ++i) {
    const type = list[i]!.type;
    if (type !== 'space' && type !== 'comment' && type !== 'newline') return i;
  }
  return -1;
}

function getPrevProps(parent: StackNode): SourceToken[] {
  if (parent.type === 'document') return parent.start;
  if (parent.type === 'block-map') {
    const it = lastItem(parent);
    return it.sep ?? it.start;
  }
  return parent.type === 'block-seq' ? lastItem(parent).start : [];
}

/** The props after the last newline or indicator of `prev` (minus leading spaces) start the new key; removed from `prev`. */
function getFirstKeyStartProps(prev: SourceToken[]): SourceToken[] {
  if (prev.length === 0) return [];
  let i = prev.length;
  while (--i >= 0) {
    const type = prev[i]!.type;
    if (type === 'doc-start' || type === 'explicit-key-ind' || type === 'map-value-ind' || type === 'seq-item-ind' || type === 'newline') break;
  }
  while (prev[++i]?.type === 'space') {
    /* skip */
  }
  return prev.splice(i, prev.length);
}

/** A flow sequence's `key`-only items become values, their `sep` tokens the value's `end` (parser.js fixFlowSeqItems). */
function fixFlowSeqItems(fc: CST.FlowCollection): void {
  if (fc.start.type !== 'flow-seq-start') return;
  const items = fc.items as Item[];
  for (let i = 0; i < items.length; i++) {
    const it = items[i]!;
    if (it.sep && !it.value && !includesToken(it.start, 'explicit-key-ind') && !includesToken(it.sep, 'map-value-ind')) {
      // A new item rather than `delete it.key` and `delete it.sep`, which would turn the item into a slow dictionary.
      const value = it.key ?? undefined;
      items[i] = value ? valueItem(it.start, value) : newItem(it.start);
      if (value && isFlowScalarType(value.type)) {
        const scalar = value as CST.FlowScalar;
        if (scalar.end) for (const st of it.sep) scalar.end.push(st);
        else scalar.end = it.sep;
      } else for (const st of it.sep) it.start.push(st);
    }
  }
}
