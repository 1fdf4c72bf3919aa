// A fast composer for the common subset of Kubernetes YAML: the same documents as `yaml`'s Composer, or undefined.
//
// This is a port of `yaml` 2.9's compose/*.js restricted to the subset below. Every place where the real Composer
// would report an error or a warning, and every construct outside the subset, declines (returns undefined) so the
// caller falls back to the real Composer. Within the subset the code follows the Composer statement by statement so
// comments, blank lines, ranges and scalar values land exactly where the Composer puts them.
//
// Subset: `document` tokens (with or without `---` and `...`, no directives) holding block maps, block sequences,
// single-line plain / single- / double-quoted scalars resolved by the YAML 1.2 core schema, block scalars, empty
// values, comments and blank lines, and single-line flow collections of such scalars (`["a", b]`, `{cpu: 1}`).
// Declined: anchors, aliases, tags, explicit keys (`?`), merge keys (`<<`), multi-line flow scalars, multi-line
// flow collections, comments inside flow collections, tabs where the Composer could read them as indentation, and
// anything the Composer complains about.
import { Document, Pair, Scalar, YAMLMap, YAMLSeq, type CST } from 'yaml';

/**
 * The options every chunk is composed with (`parsedChunk.ts`); fixed here because the scalar resolution below depends
 * on them. No keepSourceTokens: it costs 15–25 % of the parse; rules read the CST or `scalar.source` instead.
 */
export const COMPOSE_OPTIONS = { uniqueKeys: false, keepSourceTokens: false, merge: true, intAsBigInt: false } as const;

/** Deeper collections are declined (the real Composer then decides); keeps the recursion far from the stack limit. */
const MAX_DEPTH = 300;

type Node = Scalar | YAMLMap | YAMLSeq;
type Directives = NonNullable<Document['directives']>;
type Schema = Document['schema'];
type SourceToken = CST.SourceToken;

/**
 * `yaml` does not export its Directives class; the Composer creates one per stream and hands it to every Document as
 * `options._directives` (it ends up in `doc.options`, so it must be the same kind of object in the same state).
 */
const DirectivesClass = new Document().directives!.constructor as new (yaml?: { version: string }) => Directives;

/** Thrown (never allocated again) to leave the recursion when the input is outside the subset. */
const DECLINED = { declined: true };
let declineReason = '';

function decline(reason: string): never {
  declineReason = reason;
  throw DECLINED;
}

/** Why the last call of fastCompose returned undefined (for tests and the benchmark). */
export function lastDeclineReason(): string {
  return declineReason;
}

// Per-document state of the Composer's `ctx`: the document's schema (shared by its collections) and `atRoot`.
let schema: Schema;
let atRoot = true;
let depth = 0;

/** The documents `new Composer(options).compose(tokens, true, textLength)` would produce, or undefined outside the fast subset. */
export function fastCompose(tokens: readonly CST.Token[], textLength: number): Document.Parsed[] | undefined {
  declineReason = '';
  let docs: Document.Parsed[] | undefined;
  try {
    docs = composeStream(tokens, textLength);
  } catch (error) {
    // Anything unexpected (including a bug here) declines too: the caller then runs the real Composer.
    if (error !== DECLINED) declineReason = `internal: ${String(error)}`;
  }
  schema = undefined as unknown as Schema;
  return docs;
}

/** Composer.compose / next / end for a stream of documents, comments and blank lines. */
function composeStream(tokens: readonly CST.Token[], textLength: number): Document.Parsed[] {
  // As in the Composer's constructor: one Directives object for the stream, shared through `options._directives`.
  const directives = new DirectivesClass({ version: '1.2' });
  const docs: Document[] = [];
  let current: Document | null = null;
  let prelude: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    switch (token.type) {
      case 'document':
        // Comments since the previous document (or `...`) go before this one.
        current = composeDoc(directives, token);
        decorate(current, prelude, false);
        prelude = [];
        docs.push(current);
        break;
      case 'doc-end': {
        if (current === null) decline('doc-end without document');
        current.directives!.docEnd = true;
        resolveEnd(token.end, token.offset + token.source.length, true);
        decorate(current, prelude, true);
        prelude = [];
        if (eComment) current.comment = current.comment ? `${current.comment}\n${eComment}` : eComment;
        current.range![2] = eOffset;
        break;
      }
      case 'byte-order-mark': case 'space': break;
      case 'comment': case 'newline': prelude.push(token.source); break;
      default:
        // directive (changes the schema/tags), error tokens, anything else.
        decline(`top-level ${token.type}`);
    }
  }
  if (current !== null) {
    // Comments after the last document (and after its `...`) are its comment.
    decorate(current, prelude, true);
  } else {
    // forceDoc: a stream without documents still yields one empty document holding its comments.
    const doc = new Document(undefined, Object.assign({ _directives: directives }, COMPOSE_OPTIONS));
    doc.range = [0, textLength, textLength];
    decorate(doc, prelude, false);
    docs.push(doc);
  }
  return docs as unknown as Document.Parsed[];
}

/** Composer.decorate without errors: places the comments before (or after) a document as the Composer does. */
function decorate(doc: Document, prelude: readonly string[], afterDoc: boolean): void {
  // parsePrelude (no directives here)
  let comment = '', atComment = false, afterEmptyLine = false;
  for (let i = 0; i < prelude.length; i++) {
    const source = prelude[i]!;
    if (source.charCodeAt(0) === 35 /* # */) {
      comment += (comment === '' ? '' : afterEmptyLine ? '\n\n' : '\n') + (source.substring(1) || ' ');
      atComment = true;
      afterEmptyLine = false;
    } else {
      if (!atComment) afterEmptyLine = true;
      atComment = false;
    }
  }
  if (!comment) return;
  const dc = doc.contents as Node | null;
  if (afterDoc) {
    doc.comment = doc.comment ? `${doc.comment}\n${comment}` : comment;
  } else if (afterEmptyLine || doc.directives!.docStart || !dc) {
    doc.commentBefore = comment;
  } else if (!(dc instanceof Scalar) && !dc.flow && dc.items.length > 0) {
    // The comment goes to the first item (the key of a pair), not to the collection.
    let it = dc.items[0] as Node | Pair;
    if (it instanceof Pair) it = it.key as Node;
    const cb = it.commentBefore;
    it.commentBefore = cb ? `${comment}\n${cb}` : comment;
  } else {
    const cb = dc.commentBefore;
    dc.commentBefore = cb ? `${comment}\n${cb}` : comment;
  }
}

/** compose-doc.js */
function composeDoc(directives: Directives, token: CST.Document): Document {
  const doc = new Document(undefined, Object.assign({ _directives: directives }, COMPOSE_OPTIONS));
  schema = doc.schema;
  atRoot = true;
  depth = 0;
  const { offset, start, value, end } = token;
  resolveProps(start, 'doc-start', offset, true, false);
  if (pFound !== null) {
    doc.directives!.docStart = true;
    if (value !== undefined && (value.type === 'block-map' || value.type === 'block-seq') && !pHasNewline) decline('collection on the --- line');
  }
  if (pTabAtEnd && value !== undefined && (value.type === 'block-map' || value.type === 'block-seq')) decline('tab before block collection');
  const contents = value !== undefined ? composeNode(value, pSpaceBefore, pComment, false) : composeEmptyNode(pEnd, start, pSpaceBefore, pComment, pEnd);
  doc.contents = contents;
  const contentEnd = contents.range![2];
  resolveEnd(end, contentEnd, false);
  if (eComment) doc.comment = eComment;
  doc.range = [offset, contentEnd, eOffset];
  return doc;
}

// ---------------------------------------------------------------------------------------------------------------
// resolve-props.js and resolve-end.js. Results go to module variables: no object per call.

let pFound: SourceToken | null = null;
let pSpaceBefore = false, pComment = '', pHasNewline = false, pEnd = 0, pComma = false;
/** The props ended with white space holding a tab: TAB_AS_INDENT if a block collection follows. */
let pTabAtEnd = false;

/**
 * resolveProps for tokens made of white space, comments, newlines, commas (flow only) and the one `indicator`.
 * Anchors, tags, explicit keys and any token the Composer would complain about decline.
 */
function resolveProps(tokens: readonly SourceToken[], indicator: string, offset: number, startOnNewline: boolean, flow: boolean): void {
  const n = tokens.length;
  // Fast paths for the usual shapes: nothing (a key after a previous value), `:` + space, `-` + space.
  if (n === 0 || (n === 2 && tokens[0]!.type === indicator && tokens[1]!.type === 'space' && indicator !== 'explicit-key-ind')) {
    const space = n === 0 ? undefined : tokens[1]!;
    if (space === undefined || space.source.indexOf('\t') === -1) {
      pFound = n === 0 ? null : tokens[0]!;
      pSpaceBefore = false;
      pComment = '';
      pHasNewline = false;
      pComma = false;
      pTabAtEnd = false;
      pEnd = space === undefined ? offset : space.offset + space.source.length;
      return;
    }
  }
  let spaceBefore = false, atNewline = startOnNewline, hasSpace = startOnNewline, hasNewline = false, comma = false, tab = false;
  let comment = '', commentSep = '';
  let found: SourceToken | null = null;
  for (let i = 0; i < n; i++) {
    const token = tokens[i]!;
    if (tab) {
      // TAB_AS_INDENT: white space with a tab at a line start, followed by content on that line.
      if (atNewline && token.type !== 'comment' && token.type !== 'newline') decline('tab as indentation');
      tab = false;
    }
    switch (token.type) {
      case 'space':
        // Tabs only matter outside flow collections (the Composer exempts `--- [` too; we do not bother).
        if (!flow && token.source.indexOf('\t') !== -1) tab = true;
        hasSpace = true;
        break;
      case 'comment': {
        if (!hasSpace) decline('comment without space'); // MISSING_CHAR
        if (flow) decline('comment in flow collection');
        const cb = token.source.length > 1 ? token.source.substring(1) : ' ';
        comment = comment === '' ? cb : comment + commentSep + cb;
        commentSep = '';
        atNewline = false;
        break;
      }
      case 'newline':
        if (flow) decline('newline in flow collection');
        if (atNewline) {
          if (comment !== '') comment += token.source;
          else if (found === null || indicator !== 'seq-item-ind') spaceBefore = true;
        } else commentSep += token.source;
        atNewline = true;
        hasNewline = true;
        hasSpace = true;
        break;
      case 'comma':
        if (!flow || comma) decline('unexpected comma');
        comma = true;
        atNewline = false;
        hasSpace = false;
        break;
      default:
        // Only the expected indicator, once; `?` (explicit-key-ind) is outside the subset.
        if (token.type !== indicator || found !== null || indicator === 'explicit-key-ind') decline(`props ${token.type}`);
        found = token;
        atNewline = indicator === 'seq-item-ind';
        hasSpace = false;
    }
  }
  pFound = found;
  pSpaceBefore = spaceBefore;
  pComment = comment;
  pHasNewline = hasNewline;
  pComma = comma;
  // After the loop the Composer also reports a tab at a line start not deeper than the parent: decline them all.
  if (tab && atNewline) decline('tab as indentation');
  pTabAtEnd = tab;
  const last = n > 0 ? tokens[n - 1]! : undefined;
  pEnd = last !== undefined ? last.offset + last.source.length : offset;
}

let eOffset = 0, eComment = '';

/** resolveEnd: the comment after a node and the offset past its trailing white space. */
function resolveEnd(end: readonly SourceToken[] | undefined, offset: number, reqSpace: boolean): void {
  let comment = '';
  if (end !== undefined) {
    let hasSpace = false;
    let sep = '';
    for (let i = 0; i < end.length; i++) {
      const token = end[i]!;
      const source = token.source;
      switch (token.type) {
        case 'space': hasSpace = true; break;
        case 'comment': {
          if (reqSpace && !hasSpace) decline('comment without space');
          const cb = source.length > 1 ? source.substring(1) : ' ';
          comment = comment === '' ? cb : comment + sep + cb;
          sep = '';
          break;
        }
        case 'newline':
          if (comment !== '') sep += source;
          hasSpace = true;
          break;
        default:
          decline(`end ${token.type}`); // UNEXPECTED_TOKEN
      }
      offset += source.length;
    }
  }
  eOffset = offset;
  eComment = comment;
}

// ---------------------------------------------------------------------------------------------------------------
// compose-node.js

/** composeNode: the node for a token, then the props' blank line and comment (commentBefore, or comment on ''). */
function composeNode(token: CST.Token, spaceBefore: boolean, comment: string, atKey: boolean): Node {
  let node: Node;
  switch (token.type) {
    case 'scalar': case 'single-quoted-scalar': case 'double-quoted-scalar': node = flowScalar(token as CST.FlowScalar, atKey); break;
    case 'block-scalar': node = blockScalar(token); break;
    case 'block-map': node = blockMap(token); break;
    case 'block-seq': node = blockSeq(token); break;
    case 'flow-collection': node = flowCollection(token); break;
    default: decline(`node ${token.type}`); // alias, error, …
  }
  if (spaceBefore) node.spaceBefore = true;
  if (comment) {
    if (token.type === 'scalar' && token.source === '') node.comment = comment;
    else node.commentBefore = comment;
  }
  return node;
}

/** composeEmptyNode: a null scalar placed after the last non-space token of `before` (emptyScalarPosition). */
function composeEmptyNode(offset: number, before: readonly SourceToken[] | undefined, spaceBefore: boolean, comment: string, end: number): Scalar {
  if (before !== undefined) {
    for (let i = before.length - 1; i >= 0; --i) {
      const type = before[i]!.type;
      if (type === 'space' || type === 'comment' || type === 'newline') {
        offset -= before[i]!.source.length;
        continue;
      }
      // Technically just after the last node, but the Composer skips the spaces that follow it.
      let st = before[++i];
      while (st !== undefined && st.type === 'space') {
        offset += st.source.length;
        st = before[++i];
      }
      break;
    }
  }
  const node = new Scalar(null);
  node.range = [offset, offset, offset];
  node.source = '';
  node.type = 'PLAIN';
  if (spaceBefore) node.spaceBefore = true;
  if (comment) {
    node.comment = comment;
    node.range[2] = end;
  }
  return node;
}

// ---------------------------------------------------------------------------------------------------------------
// Block and flow collections (resolve-block-map.js, resolve-block-seq.js, resolve-flow-collection.js)

function blockMap(bm: CST.BlockMap): YAMLMap {
  if (++depth > MAX_DEPTH) decline('depth');
  const map = new YAMLMap(schema);
  atRoot = false;
  let offset = bm.offset;
  let commentEnd: number | null = null;
  const items = bm.items;
  for (let i = 0; i < items.length; i++) {
    const { start, key, sep, value } = items[i]!;
    resolveProps(start, 'explicit-key-ind', offset, true, false);
    if (sep === undefined) {
      // An item of only comments and blank lines, after the last pair: they become the map's comment.
      if (key || value) decline('key without separator');
      commentEnd = pEnd;
      if (pComment) map.comment = map.comment ? `${map.comment}\n${pComment}` : pComment;
      continue;
    }
    // Implicit keys: a single-line flow scalar at the map's column (else BAD_INDENT / MULTILINE_IMPLICIT_KEY).
    if (!key) decline('empty key');
    if (key.type !== 'scalar' && key.type !== 'single-quoted-scalar' && key.type !== 'double-quoted-scalar') decline(`key ${key.type}`);
    if (key.indent !== bm.indent) decline('key indent');
    if (key.end !== undefined) for (let j = 0; j < key.end.length; j++) if (key.end[j]!.type === 'newline') decline('multi-line key');
    const keyPropsStart = pEnd; // keyProps.start: no anchor or tag, so the end of the key's props
    const keyNode = composeNode(key, pSpaceBefore, pComment, true);
    // Value props: `:` then spaces, a comment, newlines (startOnNewline is false after a flow scalar key).
    resolveProps(sep, 'map-value-ind', keyNode.range![2], false, false);
    offset = pEnd;
    if (pFound === null) decline('implicit key without value'); // MISSING_CHAR
    if (value !== undefined && value.type === 'block-map' && !pHasNewline) decline('compact mapping'); // BLOCK_AS_IMPLICIT_KEY
    if (pTabAtEnd && value !== undefined && value.type === 'block-seq') decline('tab before block collection');
    if (keyPropsStart < pFound.offset - 1024) decline('key over 1024 chars'); // strict KEY_OVER_1024_CHARS
    const valueNode = value !== undefined ? composeNode(value, pSpaceBefore, pComment, false) : composeEmptyNode(offset, sep, pSpaceBefore, pComment, pEnd);
    offset = valueNode.range![2];
    map.items.push(new Pair(keyNode, valueNode));
  }
  if (commentEnd && commentEnd < offset) decline('map comment with trailing content'); // IMPOSSIBLE
  map.range = [bm.offset, offset, commentEnd ?? offset];
  depth--;
  return map;
}

function blockSeq(bs: CST.BlockSequence): YAMLSeq {
  if (++depth > MAX_DEPTH) decline('depth');
  const seq = new YAMLSeq(schema);
  atRoot = false;
  let offset = bs.offset;
  let commentEnd: number | null = null;
  const items = bs.items;
  for (let i = 0; i < items.length; i++) {
    const { start, value } = items[i]!;
    resolveProps(start, 'seq-item-ind', offset, true, false);
    if (pFound === null) {
      if (value !== undefined) decline('sequence item without -');
      // Comments after the last item: the sequence's comment (replaced, not appended, as in the Composer).
      commentEnd = pEnd;
      if (pComment) seq.comment = pComment;
      continue;
    }
    if (pTabAtEnd && value !== undefined && (value.type === 'block-map' || value.type === 'block-seq')) decline('tab before block collection');
    const node = value !== undefined ? composeNode(value, pSpaceBefore, pComment, false) : composeEmptyNode(pEnd, start, pSpaceBefore, pComment, pEnd);
    offset = node.range![2];
    seq.items.push(node);
  }
  seq.range = [bs.offset, offset, commentEnd ?? offset];
  depth--;
  return seq;
}

/**
 * Single-line flow collections: sequences of values (`[a, "b", 1]`, trailing comma allowed) and maps of
 * `key: value` pairs (`{cpu: 100m, memory: 64Mi}`), where keys are flow scalars and values flow scalars or
 * again such flow collections. Comments, newlines, `?`, `[a: b]` pairs and empty entries decline.
 */
function flowCollection(fc: CST.FlowCollection): YAMLMap | YAMLSeq {
  if (++depth > MAX_DEPTH) decline('depth');
  const isMap = fc.start.source === '{';
  const items = fc.items;
  const n = items.length;
  const coll = isMap ? new YAMLMap(schema) : new YAMLSeq(schema);
  coll.flow = true;
  atRoot = false;
  let offset = fc.offset + fc.start.source.length;
  for (let i = 0; i < n; i++) {
    const { start, key, sep, value } = items[i]!;
    resolveProps(start, 'explicit-key-ind', offset, false, true);
    if (sep === undefined && value === undefined) {
      // `[]` / `{}` with spaces, or the empty entry after a trailing comma; elsewhere the Composer reports it.
      if (key) decline('flow key without value');
      if ((i === 0 && pComma) || i < n - 1) decline('empty flow item');
      offset = pEnd;
      continue;
    }
    if (i === 0 ? pComma : !pComma) decline('flow comma'); // Unexpected , / Missing , between items
    if (!isMap) {
      if (key || sep) decline('flow sequence pair');
      const node = flowValue(value!);
      (coll as YAMLSeq).items.push(node);
      offset = node.range![2];
      continue;
    }
    if (!key || sep === undefined) decline('flow map entry without key or :');
    if (key.type !== 'scalar' && key.type !== 'single-quoted-scalar' && key.type !== 'double-quoted-scalar') decline(`flow key ${key.type}`);
    if (key.end !== undefined) for (let j = 0; j < key.end.length; j++) if (key.end[j]!.type !== 'space') decline('flow key end');
    const keyNode = flowScalar(key, true);
    resolveProps(sep, 'map-value-ind', keyNode.range![2], false, true);
    if (pFound === null || pComma) decline('flow map entry without :');
    const valueNode = value !== undefined ? flowValue(value) : composeEmptyNode(pEnd, sep, false, '', pEnd);
    (coll as YAMLMap).items.push(new Pair(keyNode, valueNode));
    offset = valueNode.range![2];
  }
  const ce = fc.end[0];
  if (ce === undefined || ce.source !== (isMap ? '}' : ']')) decline('unterminated flow collection');
  const cePos = ce.offset + ce.source.length;
  if (fc.end.length > 1) {
    resolveEnd(fc.end.slice(1), cePos, true);
    if (eComment) coll.comment = eComment;
    coll.range = [fc.offset, cePos, eOffset];
  } else {
    coll.range = [fc.offset, cePos, cePos];
  }
  depth--;
  return coll;
}

/** A value inside a flow collection: a single-line flow scalar or a nested flow collection (no block nodes). */
function flowValue(value: CST.Token): Node {
  if (value.type === 'flow-collection') return flowCollection(value);
  if (value.type !== 'scalar' && value.type !== 'single-quoted-scalar' && value.type !== 'double-quoted-scalar') decline(`flow item ${value.type}`);
  if (value.end !== undefined) for (let j = 0; j < value.end.length; j++) if (value.end[j]!.type !== 'space') decline('flow item end');
  return flowScalar(value, false);
}

// ---------------------------------------------------------------------------------------------------------------
// Scalars (compose-scalar.js, resolve-flow-scalar.js, resolve-block-scalar.js and the core schema's tags)

/** format of the last scalar resolved by resolvePlain ('' for none). */
let plainFormat = '';

function flowScalar(token: CST.FlowScalar, atKey: boolean): Scalar {
  const source = token.source;
  const offset = token.offset;
  // Multi-line scalars are folded by the Composer (unfoldLines / foldNewline): outside the subset.
  if (source.indexOf('\n') !== -1) decline('multi-line scalar');
  let node: Scalar, value: string, type: Scalar.Type, format = '';
  if (token.type === 'scalar') {
    switch (source.charCodeAt(0)) {
      case 9: case 44: case 37: case 124: case 62: case 64: case 96: // \t , % | > @ `
        decline('bad plain scalar start'); // BAD_SCALAR_START
    }
    value = source;
    type = 'PLAIN';
    node = resolvePlain(source, atKey);
    format = plainFormat;
  } else if (token.type === 'single-quoted-scalar') {
    if (source.length === 1 || source.charCodeAt(source.length - 1) !== 39) decline("missing closing '");
    value = source.slice(1, -1);
    if (value.indexOf("''") !== -1) value = value.replace(/''/g, "'");
    type = 'QUOTE_SINGLE';
    node = new Scalar(value);
  } else {
    value = source.indexOf('\\') === -1 ? source.slice(1, -1) : doubleQuotedEscapes(source);
    if (source.length === 1 || source.charCodeAt(source.length - 1) !== 34) decline('missing closing "');
    type = 'QUOTE_DOUBLE';
    node = new Scalar(value);
  }
  const valueEnd = offset + source.length;
  resolveEnd(token.end, valueEnd, true); // the document options are strict: a comment needs a space before it
  node.range = [offset, valueEnd, eOffset];
  node.source = value;
  node.type = type;
  if (format) node.format = format;
  if (eComment) node.comment = eComment;
  return node;
}

/** doubleQuotedValue for a single-line source with escapes; invalid escapes decline (BAD_DQ_ESCAPE). */
function doubleQuotedEscapes(source: string): string {
  let res = '';
  for (let i = 1; i < source.length - 1; ++i) {
    const ch = source[i]!;
    if (ch !== '\\') {
      res += ch;
      continue;
    }
    const next = source[++i];
    const cc = next === undefined ? undefined : ESCAPES[next];
    if (cc) res += cc;
    else if (next === 'x' || next === 'u' || next === 'U') {
      // parseCharCode
      const length = next === 'x' ? 2 : next === 'u' ? 4 : 8;
      const hex = source.substr(i + 1, length);
      if (hex.length !== length || !/^[0-9a-fA-F]+$/.test(hex)) decline('bad escape');
      const code = parseInt(hex, 16);
      if (code > 0x10ffff) decline('bad escape');
      res += String.fromCodePoint(code);
      i += length;
    } else decline('bad escape');
  }
  return res;
}

const ESCAPES: Record<string, string> = {
  '0': '\0', a: '\x07', b: '\b', e: '\x1b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', N: '\u0085', _: '\u00a0',
  L: '\u2028', P: '\u2029', ' ': ' ', '"': '"', '/': '/', '\\': '\\', '\t': '\t',
};
Object.setPrototypeOf(ESCAPES, null);

const INT_OCT = /^0o[0-7]+$/;
const INT_HEX = /^0x[0-9a-fA-F]+$/;
const FLOAT_NAN = /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;
const FLOAT_EXP = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/;
const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/;

/**
 * findScalarTagByTest + tag.resolve for the core schema (null, bool, int 0o/dec/0x, .inf/.nan, exp, float, str).
 * The tags' tests are mutually exclusive, so a first-character dispatch gives the same tag as trying them in order.
 */
function resolvePlain(src: string, atKey: boolean): Scalar {
  plainFormat = '';
  const c = src.charCodeAt(0);
  if (c >= 97 && c <= 122) {
    // a–z: only null / true / false are not strings.
    if (c === 110 && src === 'null') return new Scalar(null);
    if (c === 116 && src === 'true') return new Scalar(true);
    if (c === 102 && src === 'false') return new Scalar(false);
    return new Scalar(src);
  }
  if ((c >= 48 && c <= 57) || c === 45 || c === 43 || c === 46) {
    // 0–9 - + .
    if (isDecimalInt(src)) return new Scalar(parseInt(src, 10));
    if (c === 48) {
      if (INT_OCT.test(src)) {
        plainFormat = 'OCT';
        return new Scalar(parseInt(src.substring(2), 8));
      }
      if (INT_HEX.test(src)) {
        plainFormat = 'HEX';
        return new Scalar(parseInt(src.substring(2), 16));
      }
    }
    if (FLOAT_NAN.test(src)) return new Scalar(src.slice(-3).toLowerCase() === 'nan' ? NaN : c === 45 ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY);
    if (FLOAT_EXP.test(src)) {
      plainFormat = 'EXP';
      return new Scalar(parseFloat(src));
    }
    if (FLOAT.test(src)) {
      const node = new Scalar(parseFloat(src));
      const dot = src.indexOf('.');
      if (dot !== -1 && src.charCodeAt(src.length - 1) === 48) node.minFractionDigits = src.length - dot - 1;
      return node;
    }
    return new Scalar(src);
  }
  switch (src) {
    case '': case '~': case 'Null': case 'NULL': return new Scalar(null);
    case 'True': case 'TRUE': return new Scalar(true);
    case 'False': case 'FALSE': return new Scalar(false);
    case '<<':
      // With merge: true a `<<` key resolves to a merge Scalar (a Symbol value with addToJSMap): outside the subset.
      if (atKey) decline('merge key');
  }
  return new Scalar(src);
}

/** /^[-+]?[0-9]+$/ without the regex. */
function isDecimalInt(src: string): boolean {
  let i = src.charCodeAt(0) === 45 || src.charCodeAt(0) === 43 ? 1 : 0;
  if (i === src.length) return false;
  for (let c = src.charCodeAt(i); i < src.length; c = src.charCodeAt(++i)) if (c < 48 || c > 57) return false;
  return true;
}

/** resolveBlockScalar (`|` / `>` with chomping and indentation indicators); its errors decline. */
function blockScalar(token: CST.BlockScalar): Scalar {
  const start = token.offset;
  // parseBlockScalarHeader
  const props = token.props;
  const header = props[0];
  if (header === undefined || header.type !== 'block-scalar-header') decline('block scalar header');
  const hs = header.source;
  const folded = hs.charCodeAt(0) === 62; // >
  let explicitIndent = 0, chomp = '';
  for (let i = 1; i < hs.length; ++i) {
    const ch = hs[i]!;
    if (!chomp && (ch === '-' || ch === '+')) chomp = ch;
    else {
      const n = Number(ch);
      if (!explicitIndent && n) explicitIndent = n;
      else decline('block scalar header characters');
    }
  }
  let hasSpace = false, comment = '', headerLength = hs.length;
  for (let i = 1; i < props.length; ++i) {
    const t = props[i]!;
    if (t.type === 'space') hasSpace = true;
    else if (t.type === 'comment') {
      if (!hasSpace) decline('comment without space');
      comment = t.source.substring(1); // no `|| ' '` here, unlike other comments
    } else if (t.type !== 'newline') decline(`block scalar header ${t.type}`);
    headerLength += (t as SourceToken).source.length;
  }
  const source = token.source;
  const end = start + headerLength + source.length;
  // splitLines: [indent, content] per line; the indent is the leading spaces of each line.
  const indents: number[] = [];
  const contents: string[] = [];
  if (source) {
    let from = 0;
    for (;;) {
      const nl = source.indexOf('\n', from);
      const lineEnd = nl === -1 ? source.length : nl;
      let s = from;
      while (s < lineEnd && source.charCodeAt(s) === 32) s++;
      indents.push(s - from);
      contents.push(source.slice(s, lineEnd));
      if (nl === -1) break;
      from = nl + 1;
    }
  }
  const lineCount = contents.length;
  let chompStart = lineCount;
  for (let i = lineCount - 1; i >= 0; --i) {
    const content = contents[i]!;
    if (content === '' || content === '\r') chompStart = i;
    else break;
  }
  let value = '';
  if (chompStart === 0) {
    value = chomp === '+' && lineCount > 0 ? '\n'.repeat(Math.max(1, lineCount - 1)) : '';
    return blockScalarNode(value, folded, comment, start, end);
  }
  let trimIndent = token.indent + explicitIndent;
  let contentStart = 0;
  for (let i = 0; i < chompStart; ++i) {
    const content = contents[i]!;
    const indent = indents[i]!;
    if (content === '' || content === '\r') {
      if (explicitIndent === 0 && indent > trimIndent) trimIndent = indent;
    } else {
      if (indent < trimIndent) decline('more-indented leading empty lines');
      if (explicitIndent === 0) trimIndent = indent;
      contentStart = i;
      if (trimIndent === 0 && !atRoot) decline('block scalar not indented');
      break;
    }
  }
  for (let i = lineCount - 1; i >= chompStart; --i) if (indents[i]! > trimIndent) chompStart = i + 1;
  let sep = '', prevMoreIndented = false;
  for (let i = 0; i < contentStart; ++i) value += spaces(indents[i]! - trimIndent) + '\n';
  for (let i = contentStart; i < chompStart; ++i) {
    const indent = indents[i]!;
    let content = contents[i]!;
    if (content.charCodeAt(content.length - 1) === 13) content = content.slice(0, -1);
    if (content && indent < trimIndent) decline('block scalar line less indented');
    if (!folded) {
      value += sep + spaces(indent - trimIndent) + content;
      sep = '\n';
    } else if (indent > trimIndent || content.charCodeAt(0) === 9) {
      // more-indented content within a folded block
      if (sep === ' ') sep = '\n';
      else if (!prevMoreIndented && sep === '\n') sep = '\n\n';
      value += sep + spaces(indent - trimIndent) + content;
      sep = '\n';
      prevMoreIndented = true;
    } else if (content === '') {
      if (sep === '\n') value += '\n';
      else sep = '\n';
    } else {
      value += sep + content;
      sep = ' ';
      prevMoreIndented = false;
    }
  }
  if (chomp === '+') {
    for (let i = chompStart; i < lineCount; ++i) value += '\n' + spaces(indents[i]! - trimIndent);
    if (value[value.length - 1] !== '\n') value += '\n';
  } else if (chomp !== '-') value += '\n';
  return blockScalarNode(value, folded, comment, start, end);
}

function spaces(n: number): string {
  return n > 0 ? ' '.repeat(n) : '';
}

function blockScalarNode(value: string, folded: boolean, comment: string, start: number, end: number): Scalar {
  const node = new Scalar(value);
  node.range = [start, end, end];
  node.source = value;
  node.type = folded ? 'BLOCK_FOLDED' : 'BLOCK_LITERAL';
  if (comment) node.comment = comment;
  return node;
}
