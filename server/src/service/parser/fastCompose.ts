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
//
// This file walks the stream, documents and collections; fastComposeProps.ts resolves the white space, comments and
// indicators around nodes (and holds the decline mechanism), fastComposeScalar.ts builds the scalars.
import type { CST, Document, Pair, Scalar, YAMLMap, YAMLSeq } from 'yaml';
import { after, decline, DECLINED, props, resolveEnd, resolveProps } from './fastComposeProps';
import { blockScalar, flowScalar } from './fastComposeScalar';
import { COMPOSE_OPTIONS, DirectivesClass, newDocument, newMap, newPair, newScalar, newSeq } from './fastNodes';
import { isFlowScalarType } from './fastCstParser';
import { isPair, isScalar } from '../yaml/yamlNodes';

export { COMPOSE_OPTIONS };

/** Deeper collections are declined (the real Composer then decides); keeps the recursion far from the stack limit. */
const MAX_DEPTH = 300;

type Node = Scalar | YAMLMap | YAMLSeq;
type Directives = NonNullable<Document['directives']>;
type SourceToken = CST.SourceToken;

let declineReason = '';

/** Why the last call of fastCompose returned undefined (for tests and the benchmark). */
export function lastDeclineReason(): string {
  return declineReason;
}

// Per-document state of the Composer's `ctx`: `atRoot` and the depth; and the collection items left in the budget.
let atRoot = true;
let depth = 0;
let itemsLeft = 0;

/**
 * The documents `new Composer(options).compose(tokens, true, textLength)` would produce, or undefined outside the fast
 * subset or when the stream's collections hold more than `maxItems` items together (CST items, as parsedChunk.ts's
 * measureTree counts them).
 */
export function fastCompose(tokens: readonly CST.Token[], textLength: number, maxItems = Number.POSITIVE_INFINITY): Document.Parsed[] | undefined {
  declineReason = '';
  itemsLeft = maxItems;
  let docs: Document.Parsed[] | undefined;
  try {
    docs = composeStream(tokens, textLength);
  } catch (error) {
    // Anything unexpected (including a bug here) declines too: the caller then runs the real Composer.
    declineReason = error === DECLINED ? DECLINED.reason : `internal: ${String(error)}`;
  }
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
        if (after.comment) current.comment = current.comment ? `${current.comment}\n${after.comment}` : after.comment;
        current.range![2] = after.offset;
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
    const doc = newDocument(directives);
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
  } else if (!isScalar(dc) && !dc.flow && dc.items.length > 0) {
    // The comment goes to the first item (the key of a pair), not to the collection.
    let it = dc.items[0] as Node | Pair;
    if (isPair(it)) it = it.key as Node;
    const cb = it.commentBefore;
    it.commentBefore = cb ? `${comment}\n${cb}` : comment;
  } else {
    const cb = dc.commentBefore;
    dc.commentBefore = cb ? `${comment}\n${cb}` : comment;
  }
}

/** compose-doc.js */
/** A plain, single- or double-quoted scalar token (the only keys and flow items of the subset). */
function isFlowScalar(token: CST.Token): token is CST.FlowScalar {
  return isFlowScalarType(token.type);
}

function composeDoc(directives: Directives, token: CST.Document): Document {
  const doc = newDocument(directives);
  atRoot = true;
  depth = 0;
  const { offset, start, value, end } = token;
  resolveProps(start, 'doc-start', offset, true, false);
  if (props.found !== null) {
    doc.directives!.docStart = true;
    if (value !== undefined && (value.type === 'block-map' || value.type === 'block-seq') && !props.hasNewline) decline('collection on the --- line');
  }
  if (props.tabAtEnd && value !== undefined && (value.type === 'block-map' || value.type === 'block-seq')) decline('tab before block collection');
  const contents = value !== undefined ? composeNode(value, props.spaceBefore, props.comment, false) : composeEmptyNode(props.end, start, props.spaceBefore, props.comment, props.end);
  doc.contents = contents;
  const contentEnd = contents.range![2];
  resolveEnd(end, contentEnd, false);
  if (after.comment) doc.comment = after.comment;
  doc.range = [offset, contentEnd, after.offset];
  return doc;
}

// ---------------------------------------------------------------------------------------------------------------
// compose-node.js

/** composeNode: the node for a token, then the props' blank line and comment (commentBefore, or comment on ''). */
function composeNode(token: CST.Token, spaceBefore: boolean, comment: string, atKey: boolean): Node {
  let node: Node;
  switch (token.type) {
    case 'scalar': case 'single-quoted-scalar': case 'double-quoted-scalar': node = flowScalar(token as CST.FlowScalar, atKey); break;
    case 'block-scalar': node = blockScalar(token, atRoot); break;
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
  const node = newScalar(null);
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

/** Spends the budget of collection items (see fastCompose). */
function countItems(count: number): void {
  itemsLeft -= count;
  if (itemsLeft < 0) decline('too many items');
}

function blockMap(bm: CST.BlockMap): YAMLMap {
  if (++depth > MAX_DEPTH) decline('depth');
  countItems(bm.items.length);
  const map = newMap();
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
      commentEnd = props.end;
      if (props.comment) map.comment = map.comment ? `${map.comment}\n${props.comment}` : props.comment;
      continue;
    }
    // Implicit keys: a single-line flow scalar at the map's column (else BAD_INDENT / MULTILINE_IMPLICIT_KEY).
    if (!key) decline('empty key');
    if (!isFlowScalar(key)) decline(`key ${key.type}`);
    if (key.indent !== bm.indent) decline('key indent');
    if (key.end !== undefined) for (let j = 0; j < key.end.length; j++) if (key.end[j]!.type === 'newline') decline('multi-line key');
    const keyPropsStart = props.end; // keyProps.start: no anchor or tag, so the end of the key's props
    const keyNode = composeNode(key, props.spaceBefore, props.comment, true);
    // Value props: `:` then spaces, a comment, newlines (startOnNewline is false after a flow scalar key).
    resolveProps(sep, 'map-value-ind', keyNode.range![2], false, false);
    offset = props.end;
    if (props.found === null) decline('implicit key without value'); // MISSING_CHAR
    if (value !== undefined && value.type === 'block-map' && !props.hasNewline) decline('compact mapping'); // BLOCK_AS_IMPLICIT_KEY
    if (props.tabAtEnd && value !== undefined && value.type === 'block-seq') decline('tab before block collection');
    if (keyPropsStart < props.found.offset - 1024) decline('key over 1024 chars'); // strict KEY_OVER_1024_CHARS
    const valueNode = value !== undefined ? composeNode(value, props.spaceBefore, props.comment, false) : composeEmptyNode(offset, sep, props.spaceBefore, props.comment, props.end);
    offset = valueNode.range![2];
    map.items.push(newPair(keyNode, valueNode));
  }
  if (commentEnd && commentEnd < offset) decline('map comment with trailing content'); // IMPOSSIBLE
  map.range = [bm.offset, offset, commentEnd ?? offset];
  depth--;
  return map;
}

function blockSeq(bs: CST.BlockSequence): YAMLSeq {
  if (++depth > MAX_DEPTH) decline('depth');
  countItems(bs.items.length);
  const seq = newSeq();
  atRoot = false;
  let offset = bs.offset;
  let commentEnd: number | null = null;
  const items = bs.items;
  for (let i = 0; i < items.length; i++) {
    const { start, value } = items[i]!;
    resolveProps(start, 'seq-item-ind', offset, true, false);
    if (props.found === null) {
      if (value !== undefined) decline('sequence item without -');
      // Comments after the last item: the sequence's comment (replaced, not appended, as in the Composer).
      commentEnd = props.end;
      if (props.comment) seq.comment = props.comment;
      continue;
    }
    if (props.tabAtEnd && value !== undefined && (value.type === 'block-map' || value.type === 'block-seq')) decline('tab before block collection');
    const node = value !== undefined ? composeNode(value, props.spaceBefore, props.comment, false) : composeEmptyNode(props.end, start, props.spaceBefore, props.comment, props.end);
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
  countItems(fc.items.length);
  const isMap = fc.start.source === '{';
  const items = fc.items;
  const n = items.length;
  const coll = isMap ? newMap() : newSeq();
  coll.flow = true;
  atRoot = false;
  let offset = fc.offset + fc.start.source.length;
  for (let i = 0; i < n; i++) {
    const { start, key, sep, value } = items[i]!;
    resolveProps(start, 'explicit-key-ind', offset, false, true);
    if (sep === undefined && value === undefined) {
      // `[]` / `{}` with spaces, or the empty entry after a trailing comma; elsewhere the Composer reports it.
      if (key) decline('flow key without value');
      if ((i === 0 && props.comma) || i < n - 1) decline('empty flow item');
      offset = props.end;
      continue;
    }
    if (i === 0 ? props.comma : !props.comma) decline('flow comma'); // Unexpected , / Missing , between items
    if (!isMap) {
      if (key || sep) decline('flow sequence pair');
      const node = flowValue(value!);
      (coll as YAMLSeq).items.push(node);
      offset = node.range![2];
      continue;
    }
    if (!key || sep === undefined) decline('flow map entry without key or :');
    if (!isFlowScalar(key)) decline(`flow key ${key.type}`);
    if (key.end !== undefined) for (let j = 0; j < key.end.length; j++) if (key.end[j]!.type !== 'space') decline('flow key end');
    const keyNode = flowScalar(key, true);
    resolveProps(sep, 'map-value-ind', keyNode.range![2], false, true);
    if (props.found === null || props.comma) decline('flow map entry without :');
    const valueNode = value !== undefined ? flowValue(value) : composeEmptyNode(props.end, sep, false, '', props.end);
    (coll as YAMLMap).items.push(newPair(keyNode, valueNode));
    offset = valueNode.range![2];
  }
  const ce = fc.end[0];
  if (ce === undefined || ce.source !== (isMap ? '}' : ']')) decline('unterminated flow collection');
  const cePos = ce.offset + ce.source.length;
  if (fc.end.length > 1) {
    resolveEnd(fc.end.slice(1), cePos, true);
    if (after.comment) coll.comment = after.comment;
    coll.range = [fc.offset, cePos, after.offset];
  } else {
    coll.range = [fc.offset, cePos, cePos];
  }
  depth--;
  return coll;
}

/** A value inside a flow collection: a single-line flow scalar or a nested flow collection (no block nodes). */
function flowValue(value: CST.Token): Node {
  if (value.type === 'flow-collection') return flowCollection(value);
  if (!isFlowScalar(value)) decline(`flow item ${value.type}`);
  if (value.end !== undefined) for (let j = 0; j < value.end.length; j++) if (value.end[j]!.type !== 'space') decline('flow item end');
  return flowScalar(value, false);
}
