// Scalars for fastCompose: flow and block scalars as yaml's Composer builds them, resolved by the YAML 1.2 core schema.
//
// A port of compose-scalar.js, resolve-flow-scalar.js, resolve-block-scalar.js and the core schema's tags, restricted
// to single-line flow scalars: every path to a Composer error or warning declines (see fastCompose.ts).
import type { CST, Scalar } from 'yaml';
import { after, decline, resolveEnd } from './fastComposeProps';
import { newScalar } from './fastNodes';

type SourceToken = CST.SourceToken;

/** format of the last scalar resolved by resolvePlain ('' for none). */
let plainFormat = '';

export function flowScalar(token: CST.FlowScalar, atKey: boolean): Scalar {
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
    node = newScalar(value);
  } else {
    value = source.indexOf('\\') === -1 ? source.slice(1, -1) : doubleQuotedEscapes(source);
    if (source.length === 1 || source.charCodeAt(source.length - 1) !== 34) decline('missing closing "');
    type = 'QUOTE_DOUBLE';
    node = newScalar(value);
  }
  const valueEnd = offset + source.length;
  resolveEnd(token.end, valueEnd, true); // the document options are strict: a comment needs a space before it
  node.range = [offset, valueEnd, after.offset];
  node.source = value;
  node.type = type;
  if (format) node.format = format;
  if (after.comment) node.comment = after.comment;
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
    if (c === 110 && src === 'null') return newScalar(null);
    if (c === 116 && src === 'true') return newScalar(true);
    if (c === 102 && src === 'false') return newScalar(false);
    return newScalar(src);
  }
  if ((c >= 48 && c <= 57) || c === 45 || c === 43 || c === 46) {
    // 0–9 - + .
    if (isDecimalInt(src)) return newScalar(parseInt(src, 10));
    if (c === 48) {
      if (INT_OCT.test(src)) {
        plainFormat = 'OCT';
        return newScalar(parseInt(src.substring(2), 8));
      }
      if (INT_HEX.test(src)) {
        plainFormat = 'HEX';
        return newScalar(parseInt(src.substring(2), 16));
      }
    }
    if (FLOAT_NAN.test(src)) return newScalar(src.slice(-3).toLowerCase() === 'nan' ? NaN : c === 45 ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY);
    if (FLOAT_EXP.test(src)) {
      plainFormat = 'EXP';
      return newScalar(parseFloat(src));
    }
    if (FLOAT.test(src)) {
      const node = newScalar(parseFloat(src));
      const dot = src.indexOf('.');
      if (dot !== -1 && src.charCodeAt(src.length - 1) === 48) node.minFractionDigits = src.length - dot - 1;
      return node;
    }
    return newScalar(src);
  }
  switch (src) {
    case '': case '~': case 'Null': case 'NULL': return newScalar(null);
    case 'True': case 'TRUE': return newScalar(true);
    case 'False': case 'FALSE': return newScalar(false);
    case '<<':
      // With merge: true a `<<` key resolves to a merge Scalar (a Symbol value with addToJSMap): outside the subset.
      if (atKey) decline('merge key');
  }
  return newScalar(src);
}

/** /^[-+]?[0-9]+$/ without the regex. */
function isDecimalInt(src: string): boolean {
  let i = src.charCodeAt(0) === 45 || src.charCodeAt(0) === 43 ? 1 : 0;
  if (i === src.length) return false;
  for (; i < src.length; i++) {
    const c = src.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** resolveBlockScalar (`|` / `>` with chomping and indentation indicators); its errors decline. */
export function blockScalar(token: CST.BlockScalar, atRoot: boolean): Scalar {
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
  const node = newScalar(value);
  node.range = [start, end, end];
  node.source = value;
  node.type = folded ? 'BLOCK_FOLDED' : 'BLOCK_LITERAL';
  if (comment) node.comment = comment;
  return node;
}
