// Builds the exact CST of yaml's Parser for the common Kubernetes subset of YAML, several times faster, or declines.
import type { CST } from 'yaml';
import { DECLINE, FastCstParser } from './fastCstParser';

/**
 * The `yaml` release whose Lexer, Parser and Composer fastCst and fastCompose mirror (package.json pins it exactly).
 * A test fails when another version is installed: upgrading means re-running the long differential fuzz
 * (`FAST_CST_FUZZ=200000`, `FAST_COMPOSE_FUZZ=200000`) and porting what changed, then updating this constant.
 */
export const MIRRORED_YAML_VERSION = '2.9.1';

/*
 * How it works. This is a fused, generator-free port of yaml 2.9's Lexer and Parser
 * (node_modules/yaml/dist/parse/lexer.js and parser.js). The `lex*` methods below mirror the Lexer's states and call
 * `emit()` / `emitScalar()` where the Lexer would yield a lexeme; those mirror `Parser.next()`, and the methods of
 * FastCstParser (fastCstParser.ts), which this lexer extends, mirror the Parser's methods of the same names, restricted
 * to the token types of the subset. The Parser's tokens are plain objects, so building the same objects in the same
 * order gives a deep-equal tree.
 *
 * Wherever the original would take a path outside the subset we throw DECLINE and the caller falls back to the real
 * Parser: anchors, tags, aliases, explicit keys, directives, `...`, a BOM, tabs, a CR that is not part of a CRLF,
 * block scalar indentation indicators, multi-line plain or quoted scalars, multi-line or nested flow collections,
 * nesting deeper than MAX_DEPTH, and every path on which yaml's Parser yields an error token or builds something its
 * Composer reports as an error (a key more indented than its map, an item without its `-`, `a: b: c`, a key without
 * `:`, a block sequence on its key's line, a collection as a key, bad escapes, ...). The differential tests in
 * test/unit/parser/fastCst.test.ts compare every result with yaml's own, and that accepted texts compose cleanly.
 *
 * CRLF line ends are taken as the Lexer takes them: `\r\n` is one `newline` token, the `\r` is white space where the
 * Lexer's isEmpty() is asked (after `:`, `-`, `---`, a block scalar header), line contents (comments, plain scalars)
 * end before it, and block scalar bodies keep it in their source, their blank lines counting as blank.
 */

const LF = 10, CR = 13, SPACE = 32, BANG = 33, DQUOTE = 34, HASH = 35, PERCENT = 37, AMP = 38, SQUOTE = 39, STAR = 42, PLUS = 43;
const COMMA = 44, DASH = 45, DOT = 46, COLON = 58, GREATER = 62, QUESTION = 63, AT = 64, BRACKET_OPEN = 91, BACKSLASH = 92;
const BRACKET_CLOSE = 93, BACKTICK = 96, BRACE_OPEN = 123, PIPE = 124, BRACE_CLOSE = 125;
/** Lexer states the main loop dispatches on (the others are entered directly, as in the Lexer). */
const STREAM = 1, LINE_START = 2, BLOCK_START = 3, DOC = 4, FLOW = 5;
/** Indentation strings, shared rather than sliced: a third of all tokens are spaces. */
const SPACES: readonly string[] = Array.from({ length: 65 }, (_, n) => ' '.repeat(n));
/** Single-character escapes of double-quoted scalars (the Composer's escapeCodes, without tab). */
const SIMPLE_ESCAPES = new Set([...'0abefnrtvN_LP "/\\'].map((ch) => ch.charCodeAt(0)));

const COLON_CHAR = ':', HASH_CHAR = '#';
/** `src.indexOf(ch, from)`, or the text length when there is none. */
const indexOrEnd = (src: string, ch: string, from: number): number => {
  const i = src.indexOf(ch, from);
  return i === -1 ? src.length : i;
};

/** First characters of scalars that lexKeyLine() takes: letters, digits, `_`, `.`, `/` (none is an indicator). */
const SAFE_PLAIN_START = new Uint8Array(128);
for (const ch of 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_./') SAFE_PLAIN_START[ch.charCodeAt(0)] = 1;
const isSafePlainStart = (c: number): boolean => c < 128 && SAFE_PLAIN_START[c] === 1;

/** The Lexer's isEmpty() on a char code (NaN = past the end). Tabs never reach here. */
const isEmpty = (c: number): boolean => c === SPACE || c === LF || c === CR || c !== c;
const isFlowIndicator = (c: number): boolean => c === COMMA || c === BRACKET_OPEN || c === BRACKET_CLOSE || c === BRACE_OPEN || c === BRACE_CLOSE;

/** Lines taken whole by lexKeyLine() since the process started (the tests and the benchmark read it). */
let keyLinesTaken = 0;
/** Whether lexKeyLine() runs at all (the tests compare fastCst with and without it). */
let keyLinesWhole = true;

/** How many `key: value` / `key:` lines fastCst has taken whole, rather than token by token. */
export function keyLinesTakenWhole(): number {
  return keyLinesTaken;
}

/** Turns taking whole lines on or off (for the tests: the results must be the same either way). */
export function setKeyLinesWhole(enabled: boolean): void {
  keyLinesWhole = enabled;
}

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
  // Cheap whole-text checks first: tabs, lone CRs and BOMs take special paths all over the Lexer.
  if (text.indexOf('\t') !== -1 || text.indexOf('\uFEFF') !== -1) return undefined;
  for (let cr = text.indexOf('\r'); cr !== -1; cr = text.indexOf('\r', cr + 2)) if (text.charCodeAt(cr + 1) !== LF) return undefined;
  try {
    return new FastCstBuilder(text).run();
  } catch (error) {
    if (error === DECLINE) return undefined;
    throw error;
  }
}

class FastCstBuilder extends FastCstParser {
  private readonly src: string;
  private readonly len: number;
  /** Cached end of the current line (see lineEndPos()). */
  private eol = -1;
  // Lexer state (names as in lexer.js).
  private indentNext = 0;
  private indentValue = 0;
  private flowLevel = 0;
  private flowKey = false;
  private flowOpen = 0;
  private blockScalarKeep = false;
  /**
   * For plainStop(): the first `:` at or after `colonFrom` (or the text length), and likewise for `#`. Valid for any
   * start between the two; the lexer mostly moves forward, so the text is searched about once.
   */
  private nextColon = -1;
  private colonFrom = 0;
  private nextHash = -1;
  private hashFrom = 0;

  constructor(text: string) {
    super();
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
    return this.finish();
  }

  // ---------------------------------------------------------------- lexer (lexer.js)

  /**
   * The char code at `i`, or NaN outside the text (as `charCodeAt` answers). Every read goes through here: the lexer
   * peeks past both ends, and optimized code that reads a string out of bounds is thrown away and compiled again
   * (each such site cost a deoptimization and a recompilation in every cold CLI run).
   */
  private at(i: number): number {
    return i >= 0 && i < this.len ? this.src.charCodeAt(i) : NaN;
  }

  /** `---` or `...` followed by white space at `i` (where `c` is the char code there). */
  private isMarker(i: number, c: number): boolean {
    return (c === DASH || c === DOT) && this.at(i + 1) === c && this.at(i + 2) === c && isEmpty(this.at(i + 3));
  }

  /** The end of the current line's content: the index of its `\n` or `\r\n` (as the Lexer's getLine()), or the text length. */
  private lineEndPos(): number {
    if (this.eol < this.pos) {
      const i = this.src.indexOf('\n', this.pos);
      this.eol = i === -1 ? this.len : this.at(i - 1) === CR ? i - 1 : i;
    }
    return this.eol;
  }

  private pushSpaces(): void {
    let i = this.pos;
    while (this.at(i) === SPACE) i++;
    const n = i - this.pos;
    if (n > 0) this.emit('space', n < SPACES.length ? SPACES[n]! : this.src.substring(this.pos, i));
  }

  private pushNewline(): void {
    const c = this.at(this.pos);
    if (c === LF) this.emit('newline', '\n');
    else if (c === CR) this.emit('newline', '\r\n'); // a CR is always followed by its LF here (see fastCstOrThrow)
  }

  /** Spaces, then a comment up to the line end if there is one (declined if anything else is left), then the newline. */
  private pushLineEnd(): void {
    this.pushSpaces();
    const eol = this.lineEndPos();
    if (this.pos < eol) {
      const before = this.at(this.pos - 1);
      // A comment needs white space before it (the Composer's MISSING_CHAR for `"a"#c`).
      if (this.at(this.pos) !== HASH || (this.pos > 0 && before !== SPACE && before !== LF)) throw DECLINE;
      this.emit('comment', this.src.substring(this.pos, eol));
    }
    this.pushNewline();
  }

  /** Outside documents: blank and comment-only lines are top-level tokens; anything else starts a document. */
  private lexStream(): number {
    if (this.at(this.pos) === PERCENT) throw DECLINE; // directive
    let i = this.pos;
    while (this.at(i) === SPACE) i++;
    const c = this.at(i);
    if (c === LF || c === CR || c === HASH || c !== c) {
      this.pushLineEnd();
      return STREAM;
    }
    this.startDocument();
    return this.lexLineStart();
  }

  private lexLineStart(): number {
    const c = this.at(this.pos);
    if (this.isMarker(this.pos, c)) {
      if (c === DOT) throw DECLINE; // `...` document end
      this.emit('doc-start', '---');
      this.indentValue = 0;
      this.indentNext = 0;
      this.pushLineEnd(); // only a comment may follow `---` on its line (content there is rare and error-prone)
      return LINE_START; // (not a direct call: a text of 100,000 `---` lines must not recurse)
    }
    if (keyLinesWhole && this.lexKeyLine()) return LINE_START;
    const start = this.pos;
    this.pushSpaces();
    this.indentValue = this.pos - start;
    // (On an empty line this peeks at the next line's first character after a `\n`, but at the `\n` of a `\r\n`: as the
    // Lexer does, so a scalar after an empty line may continue on less indented lines with LF line ends, not with CRLF.)
    if (this.indentNext > this.indentValue && !isEmpty(this.at(this.pos + 1))) this.indentNext = this.indentValue;
    return this.lexBlockStart();
  }

  /**
   * The most common lines of a manifest, `  key: value` with plain one-line scalars and `  key:` before a nested block,
   * handed to the parser at once (keyLine()) when it would only add a key to a block map. Returns false, having changed
   * nothing, for any other line: the states below then take it token by token. What is checked here is what those
   * states would find on such a line, and that a value does not continue on the next line. (Reads go through at():
   * the last line of a text peeks past its end.)
   */
  private lexKeyLine(): boolean {
    const src = this.src;
    const start = this.pos;
    let keyAt = start;
    while (this.at(keyAt) === SPACE) keyAt++;
    if (!isSafePlainStart(this.at(keyAt))) return false;
    const eol = this.lineEndPos();
    if (eol >= this.len) return false; // the line must end with a newline
    const colon = this.plainStop(keyAt, eol);
    // The key ends at a `:` followed by a space or the line end (not at a ` #`), without spaces before it.
    if (colon >= eol || this.at(colon) !== COLON || this.at(colon - 1) === SPACE) return false;
    const indent = keyAt - start;
    const crlf = this.at(eol) === CR;
    let sepSpace = '';
    let value = '';
    if (colon + 1 < eol) {
      let valueAt = colon + 1;
      while (this.at(valueAt) === SPACE) valueAt++;
      if (valueAt >= eol || !isSafePlainStart(this.at(valueAt))) return false;
      // The value runs to the line end: no `: ` or ` #` in it, no spaces after it.
      if (this.plainStop(valueAt, eol) !== eol || this.at(eol - 1) === SPACE) return false;
      // ... and the next line does not continue it: it starts with `#`, or it is neither blank nor more indented than
      // the key (continueScalar()).
      const next = crlf ? eol + 2 : eol + 1;
      if (this.at(next) !== HASH) {
        let m = next;
        while (this.at(m) === SPACE) m++;
        const c = this.at(m);
        if (c === LF || c === CR || m - next > indent) return false;
      }
      sepSpace = valueAt - colon - 1 < SPACES.length ? SPACES[valueAt - colon - 1]! : src.substring(colon + 1, valueAt);
      value = src.substring(valueAt, eol);
    }
    const newline = crlf ? '\r\n' : '\n';
    const indentSource = indent < SPACES.length ? SPACES[indent]! : src.substring(start, keyAt);
    if (!this.keyLine(start, indent, indentSource, src.substring(keyAt, colon), sepSpace, value, newline)) return false;
    // The lexer's state after the line, as lexLineStart() and lexDocument() leave it (the `:` sets indentNext).
    this.indentValue = indent;
    this.indentNext = indent + 1;
    keyLinesTaken++;
    return true;
  }

  private lexBlockStart(): number {
    const c = this.at(this.pos);
    if ((c === DASH || c === QUESTION || c === COLON) && isEmpty(this.at(this.pos + 1))) {
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
    this.pushSpaces();
    // pushIndicators(): tags and anchors are declined; of `-`, `?` and `:`, only the `:` after a key is in the subset.
    for (;;) {
      const c = this.at(this.pos);
      if (c === BANG || c === AMP) throw DECLINE;
      if ((c !== DASH && c !== QUESTION && c !== COLON) || !isEmpty(this.at(this.pos + 1))) break;
      if (c !== COLON || !this.afterScalar || this.colonOnLine) throw DECLINE;
      this.indentNext = this.indentValue + 1;
      this.colonOnLine = true;
      this.emit('map-value-ind', ':');
      this.pushSpaces();
    }
    const c = this.at(this.pos);
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
    this.pushSpaces();
    const eol = this.lineEndPos();
    if (this.pos >= eol) throw DECLINE; // the flow goes on past its line (or never ends)
    while (this.at(this.pos) === COMMA) {
      this.emit('comma', ',');
      this.pushSpaces();
      this.flowKey = false;
    }
    for (;;) {
      const c = this.at(this.pos);
      if (c === BANG || c === AMP) throw DECLINE;
      const n = this.at(this.pos + 1);
      if ((c !== DASH && c !== QUESTION && c !== COLON) || !(isEmpty(n) || isFlowIndicator(n))) break;
      if (c !== COLON) throw DECLINE;
      this.flowKey = false;
      this.emit('map-value-ind', ':');
      this.pushSpaces();
    }
    const c = this.at(this.pos);
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
    const n = this.at(this.pos + 1);
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
    const quote = this.at(this.pos);
    const eol = this.lineEndPos();
    let end = -1;
    for (let j = this.pos + 1; j < eol; j++) {
      const c = this.at(j);
      if (c === quote) {
        if (quote === DQUOTE || this.at(j + 1) !== SQUOTE) {
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
    const chomp = this.at(this.pos + 1);
    const end = this.pos + (chomp === PLUS || chomp === DASH ? 2 : 1);
    const c = this.at(end);
    if (c !== SPACE && c !== LF && c !== CR && c === c) throw DECLINE; // indentation indicator or other header text
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
      const c = this.at(i);
      if (c === SPACE) indent++;
      else if (c === LF) {
        nl = i;
        if (indent > blankIndent) blankIndent = indent;
        indent = 0;
      } else if (c !== CR) break; // the CR of a CRLF is skipped
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
        if (this.at(j) === CR) j--;
        const lastChar = j;
        while (this.at(j) === SPACE) j--;
        if (this.at(j) === LF && j >= start && j + 1 + indent > lastChar) nl = j;
        else break;
      }
    }
    this.emitBlockScalar(src.substring(start, nl + 1));
    return this.lexLineStart();
  }

  private continueScalar(offset: number): number {
    if (this.indentNext === 0) return this.isMarker(offset, this.at(offset)) ? -1 : offset;
    let indent = 0;
    while (this.at(offset + indent) === SPACE) indent++;
    const c = this.at(offset + indent);
    if (c === CR) return offset + indent + 1; // a blank line ending in CRLF: its LF
    return c === LF || indent >= this.indentNext ? offset + indent : -1;
  }

  /**
   * Where a plain scalar outside flows that starts at `start` stops on its line (content ending at `eol`): at a `:`
   * followed by white space or the line end, at the space before a `#`, or at `eol`. Uses indexOf with the next `:`
   * and `#` remembered across calls (see nextColon), so the text is searched about once, not per scalar.
   */
  private plainStop(start: number, eol: number): number {
    const src = this.src;
    let colon = this.nextColon;
    let from = this.colonFrom;
    if (from > start || colon < start) colon = indexOrEnd(src, COLON_CHAR, (from = start));
    while (colon < eol && !isEmpty(this.at(colon + 1))) colon = indexOrEnd(src, COLON_CHAR, (from = colon + 1));
    this.nextColon = colon;
    this.colonFrom = from;
    let hash = this.nextHash;
    from = this.hashFrom;
    if (from > start || hash < start) hash = indexOrEnd(src, HASH_CHAR, (from = start));
    while (hash < eol && (hash === start || src.charCodeAt(hash - 1) !== SPACE)) hash = indexOrEnd(src, HASH_CHAR, (from = hash + 1));
    this.nextHash = hash;
    this.hashFrom = from;
    return Math.min(colon, hash < eol ? hash - 1 : eol, eol);
  }

  /** The Lexer's parsePlainScalar(), declining when the scalar continues on a later line. */
  private lexPlainScalar(): number {
    const src = this.src;
    const start = this.pos;
    const first = this.at(start);
    // The Composer's BAD_SCALAR_START (`|`, `>` and `,` can start a plain scalar only inside a flow).
    if (first === AT || first === BACKTICK || first === PERCENT || first === COMMA || first === PIPE || first === GREATER) throw DECLINE;
    const inFlow = this.flowLevel > 0;
    let end = start - 1;
    let i = start - 1;
    if (!inFlow) {
      // Outside flows the scalar ends at its line's first `: ` or ` #` (found by plainStop, not char by char), or
      // reaches the line end, where the loop below takes over to see whether the next line continues it.
      const eol = this.lineEndPos();
      const stop = this.plainStop(start, eol);
      end = stop - 1;
      while (end >= start && src.charCodeAt(end) === SPACE) end--;
      if (stop < eol) {
        this.emitScalar('scalar', src.substring(start, end + 1));
        return DOC;
      }
      i = eol - 1;
    }
    let firstNewline = -1;
    for (;;) {
      const c = this.at(++i);
      if (c !== c) break; // end of text
      if (c === COLON) {
        const n = this.at(i + 1);
        if (isEmpty(n) || (inFlow && isFlowIndicator(n))) break;
        end = i;
      } else if (c === SPACE || c === LF || c === CR) {
        if (c === CR) i++; // a CRLF is read as its LF
        const n = this.at(i + 1);
        if (n === HASH || (inFlow && isFlowIndicator(n))) break;
        if (c !== SPACE) {
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
}

/** Index of the last character of the valid escape at `j` (a backslash); declines invalid ones. */
function skipEscape(src: string, j: number, eol: number): number {
  const c = j + 1 < eol ? src.charCodeAt(j + 1) : NaN;
  if (SIMPLE_ESCAPES.has(c)) return j + 1;
  const digits = c === 120 ? 2 : c === 117 ? 4 : 0; // \xXX, \uXXXX (\U may exceed U+10FFFF: declined)
  if (digits === 0 || j + 1 + digits >= eol) throw DECLINE;
  for (let k = j + 2; k <= j + 1 + digits; k++) {
    const h = src.charCodeAt(k) | 0x20; // lower case
    if (!((h >= 48 && h <= 57) || (h >= 97 && h <= 102))) throw DECLINE;
  }
  return j + 1 + digits;
}
