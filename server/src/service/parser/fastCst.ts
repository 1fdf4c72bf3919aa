// Builds the exact CST of yaml's Parser for the common Kubernetes subset of YAML, several times faster, or declines.
import type { CST } from 'yaml';

/*
 * How it works. This is a fused, generator-free port of yaml 2.9's Lexer and Parser
 * (node_modules/yaml/dist/parse/lexer.js and parser.js). The `lex*` methods mirror the Lexer's states and call
 * `emit()` / `emitScalar()` where the Lexer would yield a lexeme; those mirror `Parser.next()`, and the parser methods
 * below mirror the Parser's methods of the same names, restricted to the token types of the subset. The Parser's
 * tokens are plain objects, so building the same objects in the same order gives a deep-equal tree.
 *
 * Wherever the original would take a path outside the subset we throw DECLINE and the caller falls back to the real
 * Parser: anchors, tags, aliases, explicit keys, directives, `...`, a BOM, tabs, CR, block scalar indentation
 * indicators, multi-line plain or quoted scalars, multi-line or nested flow collections, nesting deeper than
 * MAX_DEPTH, and every path on which yaml's Parser yields an error token or builds something its Composer reports as
 * an error (a key more indented than its map, an item without its `-`, `a: b: c`, a key without `:`, a block
 * sequence on its key's line, a collection as a key, bad escapes, ...). The differential tests in
 * test/unit/parser/fastCst.test.ts compare every result with yaml's own, and that accepted texts compose cleanly.
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

/** Thrown (never escapes) when the text leaves the subset. */
const DECLINE = { declined: true } as const;

const LF = 10, SPACE = 32, BANG = 33, DQUOTE = 34, HASH = 35, PERCENT = 37, AMP = 38, SQUOTE = 39, STAR = 42, PLUS = 43;
const COMMA = 44, DASH = 45, DOT = 46, COLON = 58, GREATER = 62, QUESTION = 63, AT = 64, BRACKET_OPEN = 91, BACKSLASH = 92;
const BRACKET_CLOSE = 93, BACKTICK = 96, BRACE_OPEN = 123, PIPE = 124, BRACE_CLOSE = 125;
/** Lexer states the main loop dispatches on (the others are entered directly, as in the Lexer). */
const STREAM = 1, LINE_START = 2, BLOCK_START = 3, DOC = 4, FLOW = 5;
/** Deepest parser stack (nesting) taken on the fast path: no manifest nests this deep. */
const MAX_DEPTH = 128;
/** Indentation strings, shared rather than sliced: a third of all tokens are spaces. */
const SPACES: readonly string[] = Array.from({ length: 65 }, (_, n) => ' '.repeat(n));
/** Placeholder for a `start` list that is usually not needed (never pushed to, never output). */
const NO_TOKENS: SourceToken[] = [];
/** Single-character escapes of double-quoted scalars (the Composer's escapeCodes, without tab). */
const SIMPLE_ESCAPES = new Set([...'0abefnrtvN_LP "/\\'].map((ch) => ch.charCodeAt(0)));

/** The Lexer's isEmpty() on a char code (NaN = past the end). Tabs and CR never reach here. */
const isEmpty = (c: number): boolean => c === SPACE || c === LF || c !== c;
const isFlowIndicator = (c: number): boolean => c === COMMA || c === BRACKET_OPEN || c === BRACKET_CLOSE || c === BRACE_OPEN || c === BRACE_CLOSE;
const isFlowScalarType = (type: string): type is ScalarType => type === 'scalar' || type === 'single-quoted-scalar' || type === 'double-quoted-scalar';
/** `---` or `...` followed by white space at `i` (where `c` is the char code there). */
const isMarker = (src: string, i: number, c: number): boolean =>
  (c === DASH || c === DOT) && src.charCodeAt(i + 1) === c && src.charCodeAt(i + 2) === c && isEmpty(src.charCodeAt(i + 3));

/** The CST `new Parser().parse(text)` would produce, or undefined when the text uses YAML outside the fast subset. */
export function fastCst(text: string): CST.Token[] | undefined {
  try {
    return fastCstOrThrow(text);
  } catch {
    return undefined; // a bug here must never cost the user a parse: the real Parser takes over
  }
}

/** As fastCst, but lets unexpected exceptions through (for the tests). */
export function fastCstOrThrow(text: string): CST.Token[] | undefined {
  // Cheap whole-text checks first: tabs, CR and BOMs take special paths all over the Lexer.
  if (text.indexOf('\t') !== -1 || text.indexOf('\r') !== -1 || text.indexOf('\uFEFF') !== -1) return undefined;
  try {
    return new FastCstBuilder(text).run();
  } catch (error) {
    if (error === DECLINE) return undefined;
    throw error;
  }
}

class FastCstBuilder {
  private readonly src: string;
  private readonly len: number;
  /** Lexer position; also the Parser's `offset` of the token being stepped. */
  private pos = 0;
  /** Cached end of the current line (index of its `\n`, or the text length). */
  private eol = -1;
  // Lexer state (names as in lexer.js).
  private indentNext = 0;
  private indentValue = 0;
  private flowLevel = 0;
  private flowKey = false;
  private flowOpen = 0;
  private blockScalarKeep = false;
  // Subset guards: outside flows a `:` indicator must follow a scalar, once per line.
  private afterScalar = false;
  private colonOnLine = false;
  // Parser state (names as in parser.js).
  private type: TokenType = 'doc-mode';
  private source = '';
  private atNewLine = true;
  private indent = 0;
  private onKeyLine = false;
  private readonly stack: StackNode[] = [];
  private readonly out: CST.Token[] = [];

  constructor(text: string) {
    this.src = text;
    this.len = text.length;
  }

  run(): CST.Token[] {
    let state = STREAM;
    while (this.pos < this.len) {
      if (state === DOC) state = this.lexDocument();
      else if (state === BLOCK_START) state = this.lexBlockStart();
      else if (state === FLOW) state = this.lexFlow();
      else if (state === LINE_START) state = this.lexLineStart();
      else state = this.lexStream();
    }
    if (this.flowLevel > 0) throw DECLINE; // unterminated flow collection
    while (this.stack.length > 0) this.pop(); // Parser.end()
    return this.out;
  }

  // ---------------------------------------------------------------- lexer (lexer.js)

  private lineEndPos(): number {
    if (this.eol < this.pos) {
      const i = this.src.indexOf('\n', this.pos);
      this.eol = i === -1 ? this.len : i;
    }
    return this.eol;
  }

  private pushSpaces(): void {
    let i = this.pos;
    while (this.src.charCodeAt(i) === SPACE) i++;
    const n = i - this.pos;
    if (n > 0) this.emit('space', n < SPACES.length ? SPACES[n]! : this.src.substring(this.pos, i));
  }

  private pushNewline(): void {
    if (this.src.charCodeAt(this.pos) === LF) this.emit('newline', '\n');
  }

  /** Spaces, then a comment up to the line end if there is one (declined if anything else is left), then the newline. */
  private pushLineEnd(): void {
    this.pushSpaces();
    const eol = this.lineEndPos();
    if (this.pos < eol) {
      const before = this.src.charCodeAt(this.pos - 1);
      // A comment needs white space before it (the Composer's MISSING_CHAR for `"a"#c`).
      if (this.src.charCodeAt(this.pos) !== HASH || (this.pos > 0 && before !== SPACE && before !== LF)) throw DECLINE;
      this.emit('comment', this.src.substring(this.pos, eol));
    }
    this.pushNewline();
  }

  /** Outside documents: blank and comment-only lines are top-level tokens; anything else starts a document. */
  private lexStream(): number {
    const src = this.src;
    if (src.charCodeAt(this.pos) === PERCENT) throw DECLINE; // directive
    let i = this.pos;
    while (src.charCodeAt(i) === SPACE) i++;
    const c = src.charCodeAt(i);
    if (c === LF || c === HASH || c !== c) {
      this.pushLineEnd();
      return STREAM;
    }
    this.type = 'doc-mode';
    this.step(); // the Lexer's DOCUMENT marker: no source, no offset
    return this.lexLineStart();
  }

  private lexLineStart(): number {
    const src = this.src;
    const c = src.charCodeAt(this.pos);
    if (isMarker(src, this.pos, c)) {
      if (c === DOT) throw DECLINE; // `...` document end
      this.emit('doc-start', '---');
      this.indentValue = 0;
      this.indentNext = 0;
      this.pushLineEnd(); // only a comment may follow `---` on its line (content there is rare and error-prone)
      return LINE_START; // (not a direct call: a text of 100,000 `---` lines must not recurse)
    }
    const start = this.pos;
    this.pushSpaces();
    this.indentValue = this.pos - start;
    if (this.indentNext > this.indentValue && !isEmpty(src.charCodeAt(this.pos + 1))) this.indentNext = this.indentValue;
    return this.lexBlockStart();
  }

  private lexBlockStart(): number {
    const c = this.src.charCodeAt(this.pos);
    if ((c === DASH || c === QUESTION || c === COLON) && isEmpty(this.src.charCodeAt(this.pos + 1))) {
      if (c !== DASH) throw DECLINE; // explicit key `? `, empty key `: `
      const start = this.pos;
      this.emit('seq-item-ind', '-');
      this.pushSpaces();
      this.indentNext = this.indentValue + 1;
      this.indentValue += this.pos - start;
      return BLOCK_START;
    }
    return DOC;
  }

  private lexDocument(): number {
    const src = this.src;
    this.pushSpaces();
    // pushIndicators(): tags and anchors are declined; of `-`, `?` and `:`, only the `:` after a key is in the subset.
    for (;;) {
      const c = src.charCodeAt(this.pos);
      if (c === BANG || c === AMP) throw DECLINE;
      if ((c !== DASH && c !== QUESTION && c !== COLON) || !isEmpty(src.charCodeAt(this.pos + 1))) break;
      if (c !== COLON || !this.afterScalar || this.colonOnLine) throw DECLINE;
      this.indentNext = this.indentValue + 1;
      this.colonOnLine = true;
      this.emit('map-value-ind', ':');
      this.pushSpaces();
    }
    const c = src.charCodeAt(this.pos);
    if (this.pos >= this.lineEndPos() || c === HASH) {
      this.pushLineEnd();
      return this.lexLineStart();
    }
    if (c === BRACKET_OPEN || c === BRACE_OPEN) {
      this.emit(c === BRACKET_OPEN ? 'flow-seq-start' : 'flow-map-start', c === BRACKET_OPEN ? '[' : '{');
      this.flowKey = false;
      this.flowLevel = 1;
      this.flowOpen = c;
      return FLOW;
    }
    if (c === BRACKET_CLOSE || c === BRACE_CLOSE || c === STAR) throw DECLINE; // stray flow end, alias
    if (c === DQUOTE || c === SQUOTE) return this.lexQuotedScalar();
    if (c === PIPE || c === GREATER) return this.lexBlockScalarHeader();
    return this.lexPlainScalar();
  }

  /** Single-line flow collections without nesting, comments or props. */
  private lexFlow(): number {
    const src = this.src;
    this.pushSpaces();
    const eol = this.lineEndPos();
    if (this.pos >= eol) throw DECLINE; // the flow goes on past its line (or never ends)
    while (src.charCodeAt(this.pos) === COMMA) {
      this.emit('comma', ',');
      this.pushSpaces();
      this.flowKey = false;
    }
    for (;;) {
      const c = src.charCodeAt(this.pos);
      if (c === BANG || c === AMP) throw DECLINE;
      const n = src.charCodeAt(this.pos + 1);
      if ((c !== DASH && c !== QUESTION && c !== COLON) || !(isEmpty(n) || isFlowIndicator(n))) break;
      if (c !== COLON) throw DECLINE;
      this.flowKey = false;
      this.emit('map-value-ind', ':');
      this.pushSpaces();
    }
    const c = src.charCodeAt(this.pos);
    // A comment (so the flow continues on the next line), a nested flow, an alias.
    if (this.pos >= eol || c === HASH || c === BRACKET_OPEN || c === BRACE_OPEN || c === STAR) throw DECLINE;
    if (c === BRACKET_CLOSE || c === BRACE_CLOSE) {
      if (c !== this.flowOpen + 2) throw DECLINE; // `[` + 2 = `]`, `{` + 2 = `}`
      this.emit(c === BRACKET_CLOSE ? 'flow-seq-end' : 'flow-map-end', c === BRACKET_CLOSE ? ']' : '}');
      this.flowKey = true;
      this.flowLevel = 0;
      return DOC;
    }
    if (c === DQUOTE || c === SQUOTE) {
      this.flowKey = true;
      return this.lexQuotedScalar();
    }
    const n = src.charCodeAt(this.pos + 1);
    if (c === COLON && (this.flowKey || isEmpty(n) || n === COMMA)) {
      this.flowKey = false;
      this.emit('map-value-ind', ':');
      this.pushSpaces();
      return FLOW;
    }
    this.flowKey = false;
    return this.lexPlainScalar();
  }

  /**
   * A quoted scalar that closes on its own line (the Lexer searches past line ends; we decline there). Escapes in
   * double quotes are checked as the Composer does (BAD_DQ_ESCAPE); skipping them one by one finds the same closing
   * quote as the Lexer's count of preceding backslashes.
   */
  private lexQuotedScalar(): number {
    const src = this.src;
    const quote = src.charCodeAt(this.pos);
    const eol = this.lineEndPos();
    let end = -1;
    for (let j = this.pos + 1; j < eol; j++) {
      const c = src.charCodeAt(j);
      if (c === quote) {
        if (quote === DQUOTE || src.charCodeAt(j + 1) !== SQUOTE) {
          end = j;
          break;
        }
        j++; // '' is an escaped quote
      } else if (c === BACKSLASH && quote === DQUOTE) j = skipEscape(src, j, eol);
    }
    if (end === -1) throw DECLINE; // multi-line or unterminated
    this.emitScalar(quote === SQUOTE ? 'single-quoted-scalar' : 'double-quoted-scalar', src.substring(this.pos, end + 1));
    return this.flowLevel > 0 ? FLOW : DOC;
  }

  /** `|` or `>`, with an optional `-` or `+` (no indentation indicator), then spaces and an optional comment. */
  private lexBlockScalarHeader(): number {
    const chomp = this.src.charCodeAt(this.pos + 1);
    const end = this.pos + (chomp === PLUS || chomp === DASH ? 2 : 1);
    const c = this.src.charCodeAt(end);
    if (c !== SPACE && c !== LF && c === c) throw DECLINE; // indentation indicator or other header text
    this.blockScalarKeep = chomp === PLUS;
    this.emit('block-scalar-header', this.src.substring(this.pos, end));
    this.pushLineEnd();
    return this.lexBlockScalar();
  }

  /** The Lexer's parseBlockScalar(): the body runs while lines are indented at least as much as the first one. */
  private lexBlockScalar(): number {
    const src = this.src;
    const len = this.len;
    const start = this.pos;
    let nl = start - 1;
    let indent = 0;
    let blankIndent = 0; // the most spaces on a blank line before the first content line
    let i = start;
    for (; i < len; i++) {
      const c = src.charCodeAt(i);
      if (c === SPACE) indent++;
      else if (c !== LF) break;
      else {
        nl = i;
        if (indent > blankIndent) blankIndent = indent;
        indent = 0;
      }
    }
    if (indent >= this.indentNext) {
      // The Composer wants an indentation indicator when leading blank lines are more indented than the content, and
      // content at column 0 only at the root (a column-0 comment can lower indentNext to 0 inside collections).
      if (i < len && (blankIndent > indent || indent === 0)) throw DECLINE;
      this.indentNext = indent;
      do {
        const cs = this.continueScalar(nl + 1);
        if (cs === -1) break;
        nl = src.indexOf('\n', cs);
      } while (nl !== -1);
      if (nl === -1) nl = len;
    }
    if (!this.blockScalarKeep) {
      // Trailing blank lines that are not more indented than the content stay outside the scalar.
      for (;;) {
        let j = nl - 1;
        const lastChar = j;
        while (src.charCodeAt(j) === SPACE) j--;
        if (src.charCodeAt(j) === LF && j >= start && j + 1 + indent > lastChar) nl = j;
        else break;
      }
    }
    this.atNewLine = false;
    this.type = 'scalar';
    this.source = src.substring(start, nl + 1);
    this.step();
    this.pos += this.source.length;
    return this.lexLineStart();
  }

  private continueScalar(offset: number): number {
    const src = this.src;
    if (this.indentNext === 0) return isMarker(src, offset, src.charCodeAt(offset)) ? -1 : offset;
    let indent = 0;
    while (src.charCodeAt(offset + indent) === SPACE) indent++;
    return src.charCodeAt(offset + indent) === LF || indent >= this.indentNext ? offset + indent : -1;
  }

  /** The Lexer's parsePlainScalar(), declining when the scalar continues on a later line. */
  private lexPlainScalar(): number {
    const src = this.src;
    const start = this.pos;
    const first = src.charCodeAt(start);
    // The Composer's BAD_SCALAR_START (`|`, `>` and `,` can start a plain scalar only inside a flow).
    if (first === AT || first === BACKTICK || first === PERCENT || first === COMMA || first === PIPE || first === GREATER) throw DECLINE;
    const inFlow = this.flowLevel > 0;
    let end = start - 1;
    let i = start - 1;
    let firstNewline = -1;
    for (;;) {
      const c = src.charCodeAt(++i);
      if (c !== c) break; // end of text
      if (c === COLON) {
        const n = src.charCodeAt(i + 1);
        if (isEmpty(n) || (inFlow && isFlowIndicator(n))) break;
        end = i;
      } else if (c === SPACE || c === LF) {
        const n = src.charCodeAt(i + 1);
        if (n === HASH || (inFlow && isFlowIndicator(n))) break;
        if (c === LF) {
          if (inFlow) throw DECLINE;
          if (firstNewline === -1) firstNewline = i;
          const cs = this.continueScalar(i + 1);
          if (cs === -1) break;
          i = Math.max(i, cs - 2); // to advance, but still see a ` #`
        }
      } else {
        if (inFlow && isFlowIndicator(c)) break;
        end = i;
      }
    }
    if (firstNewline !== -1 && end > firstNewline) throw DECLINE; // multi-line plain scalar
    this.emitScalar('scalar', src.substring(start, end + 1));
    return inFlow ? FLOW : DOC;
  }

  // ---------------------------------------------------------------- Parser.next()

  private emit(type: SourceToken['type'], source: string): void {
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

  private emitScalar(type: ScalarType, source: string): void {
    this.atNewLine = false;
    this.type = type;
    this.source = source;
    this.step();
    this.afterScalar = true;
    this.pos += source.length;
  }

  /** The current token as a SourceToken or (for scalars) a FlowScalar: the two have the same fields. */
  private sourceToken<T extends SourceToken | CST.FlowScalar = SourceToken>(): T {
    return { type: this.type, offset: this.pos, indent: this.indent, source: this.source } as T;
  }

  // ---------------------------------------------------------------- parser (parser.js, subset paths only)

  private step(): void {
    // Deep nesting would also make the pop()/step() recursion of one dedent deep.
    if (this.stack.length > MAX_DEPTH) throw DECLINE;
    const top = this.stack[this.stack.length - 1];
    if (top === undefined) this.stream();
    else if (top.type === 'block-map') this.blockMap(top);
    else if (top.type === 'block-seq') this.blockSequence(top);
    else if (top.type === 'document') this.document(top);
    else if (top.type === 'block-scalar') this.blockScalar(top);
    else if (top.type === 'flow-collection') this.flowCollection(top);
    else this.scalar(top);
  }

  private pop(): void {
    const token = this.stack.pop()!;
    const top = this.stack[this.stack.length - 1];
    if (top === undefined) {
      this.out.push(token);
      return;
    }
    if (token.type === 'block-scalar') token.indent = 'indent' in top ? top.indent : 0; // its parent's indent
    else if (token.type === 'flow-collection') {
      if (top.type === 'document') token.indent = 0;
      fixFlowSeqItems(token);
    }
    if (top.type === 'document') top.value = token;
    else if (top.type === 'block-seq') {
      const it = lastItem(top);
      if (it.value) top.items.push({ start: [], value: token });
      else it.value = token;
    } else if (top.type === 'block-map' || top.type === 'flow-collection') {
      // Only values after a `:` are ever pushed onto the stack (the other paths were declined earlier).
      const it = lastItem(top);
      if (!it || it.value || !it.sep) throw DECLINE;
      it.value = token;
      if (top.type === 'flow-collection') return;
    } else throw DECLINE;
    if (token.type === 'block-map' || token.type === 'block-seq') {
      const last = lastItem(token);
      if (last?.sep && !last.value && !includesToken(last.sep, 'map-value-ind')) throw DECLINE; // a last key without `:`
      // Trailing blank lines and less-indented comments of a finished collection move up to its parent.
      if (last && !last.sep && !last.value && last.start.length > 0 && findNonEmptyIndex(last.start) === -1) {
        if (token.indent === 0 || last.start.every((st) => st.type !== 'comment' || st.indent < token.indent)) {
          if (top.type === 'document') top.end = last.start;
          else (top.items as Item[]).push({ start: last.start });
          token.items.splice(-1, 1);
        }
      }
    }
  }

  private stream(): void {
    const type = this.type;
    if (type === 'space' || type === 'comment' || type === 'newline') this.out.push(this.sourceToken());
    else if (type === 'doc-mode') this.stack.push({ type: 'document', offset: this.pos, start: [] });
    else if (type === 'doc-start') this.stack.push({ type: 'document', offset: this.pos, start: [this.sourceToken()] });
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
      this.stack.push(bv);
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
    const map: CST.BlockMap = { type: 'block-map', offset: scalar.offset, indent: scalar.indent, items: [{ start, key: scalar, sep }] };
    this.onKeyLine = true;
    this.stack[this.stack.length - 1] = map;
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
      if (it.value) items.push({ start: [this.sourceToken()] });
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
          items.push({ start: start === NO_TOKENS ? [] : start, key: fs, sep: [] });
          this.onKeyLine = true;
        } else if (it.sep) {
          if (!includesToken(it.sep, 'map-value-ind')) throw DECLINE; // a value without `:`
          this.stack.push(fs);
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
        this.stack.push(bv);
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
      if (it.value) items.push({ start: [this.sourceToken()] });
      else if (!this.indentedCommentToPreviousValue(items, it, seq.indent)) it.start.push(this.sourceToken());
      return;
    }
    if (type === 'seq-item-ind' && this.indent === seq.indent) {
      if (it.value || includesToken(it.start, 'seq-item-ind')) items.push({ start: [this.sourceToken()] });
      else it.start.push(this.sourceToken());
      return;
    }
    if (this.indent > seq.indent) {
      const bv = this.startBlockValue();
      if (bv) {
        if (it.value || !includesToken(it.start, 'seq-item-ind')) throw DECLINE; // an item without its `-`
        this.stack.push(bv);
        return;
      }
    }
    this.pop();
    this.step();
  }

  private flowCollection(fc: CST.FlowCollection): void {
    const items = fc.items as Item[];
    const it = items[items.length - 1];
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
      items.push({ start: [this.sourceToken()] });
    } else if (type === 'map-value-ind') {
      if (!it || it.value || !it.sep || includesToken(it.sep, 'map-value-ind')) throw DECLINE; // empty key, `a: b: c`
      it.sep.push(this.sourceToken());
    } else if (type === 'space') {
      if (!it || it.value) items.push({ start: [this.sourceToken()] });
      else if (it.sep) it.sep.push(this.sourceToken());
      else it.start.push(this.sourceToken());
    } else if (isFlowScalarType(type)) {
      const fs = this.sourceToken<CST.FlowScalar>();
      if (!it) items.push({ start: [], key: fs, sep: [] });
      else if (it.value) throw DECLINE;
      else if (!it.sep) {
        it.key = fs;
        it.sep = [];
      } else if (!includesToken(it.sep, 'map-value-ind')) throw DECLINE; // two scalars in one entry
      else this.stack.push(fs);
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
    if (type === 'seq-item-ind') return { type: 'block-seq', offset: this.pos, indent: this.indent, items: [{ start: [this.sourceToken()] }] };
    if (type === 'map-value-ind') throw DECLINE; // a map with an empty first key
    return null;
  }

  /** A newline after a collection item's value: it follows the value's trailing comment, or opens the next item. */
  private newlineAfterValue(items: Item[], value: CST.Token): void {
    const end = 'end' in value ? value.end : undefined;
    if (Array.isArray(end) && end[end.length - 1]?.type === 'comment') end.push(this.sourceToken());
    else items.push({ start: [this.sourceToken()] });
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

/** Index of the last character of the valid escape at `j` (a backslash); declines invalid ones. */
function skipEscape(src: string, j: number, eol: number): number {
  const c = src.charCodeAt(j + 1);
  if (SIMPLE_ESCAPES.has(c)) return j + 1;
  const digits = c === 120 ? 2 : c === 117 ? 4 : 0; // \xXX, \uXXXX (\U may exceed U+10FFFF: declined)
  if (digits === 0 || j + 1 + digits >= eol) throw DECLINE;
  for (let k = j + 2; k <= j + 1 + digits; k++) {
    const h = src.charCodeAt(k) | 0x20; // lower case
    if (!((h >= 48 && h <= 57) || (h >= 97 && h <= 102))) throw DECLINE;
  }
  return j + 1 + digits;
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
  for (const it of fc.items as Item[]) {
    if (it.sep && !it.value && !includesToken(it.start, 'explicit-key-ind') && !includesToken(it.sep, 'map-value-ind')) {
      if (it.key) it.value = it.key;
      delete it.key;
      const value = it.value as CST.FlowScalar | undefined;
      if (value && isFlowScalarType(value.type)) {
        if (value.end) for (const st of it.sep) value.end.push(st);
        else value.end = it.sep;
      } else for (const st of it.sep) it.start.push(st);
      delete it.sep;
    }
  }
}
