// Scalars as kubectl reads them (go-yaml v2 resolution via sigs.k8s.io/yaml) and as YAML 1.2 reads them, rendered as JSON tokens.
import type { Scalar } from 'yaml';

/** A scalar after resolution: kind plus its exact JSON token (integers keep every digit). */
export type ResolvedScalar =
  | { readonly kind: 'null'; readonly json: 'null' }
  | { readonly kind: 'bool'; readonly json: 'true' | 'false' }
  | { readonly kind: 'int'; readonly json: string }
  | { readonly kind: 'float'; readonly json: string; readonly value: number }
  | { readonly kind: 'string'; readonly value: string };

const NULL: ResolvedScalar = { kind: 'null', json: 'null' };
const TRUE: ResolvedScalar = { kind: 'bool', json: 'true' };
const FALSE: ResolvedScalar = { kind: 'bool', json: 'false' };

/** go-yaml v2's resolve map (plain scalars looked up verbatim). */
const GO_MAP: ReadonlyMap<string, ResolvedScalar> = new Map<string, ResolvedScalar>([
  ...['y', 'Y', 'yes', 'Yes', 'YES', 'true', 'True', 'TRUE', 'on', 'On', 'ON'].map((s): [string, ResolvedScalar] => [s, TRUE]),
  ...['n', 'N', 'no', 'No', 'NO', 'false', 'False', 'FALSE', 'off', 'Off', 'OFF'].map((s): [string, ResolvedScalar] => [s, FALSE]),
  ...['', '~', 'null', 'Null', 'NULL'].map((s): [string, ResolvedScalar] => [s, NULL]),
  ...['.nan', '.NaN', '.NAN'].map((s): [string, ResolvedScalar] => [s, float(NaN)]),
  ...['.inf', '.Inf', '.INF', '+.inf', '+.Inf', '+.INF'].map((s): [string, ResolvedScalar] => [s, float(Infinity)]),
  ...['-.inf', '-.Inf', '-.INF'].map((s): [string, ResolvedScalar] => [s, float(-Infinity)]),
]);

/** go-yaml's `yamlStyleFloat`. */
const YAML_STYLE_FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/;
const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;
const UINT64_MAX = 2n ** 64n - 1n;

function float(value: number): ResolvedScalar {
  return { kind: 'float', json: goJsonFloat(value), value };
}

/** Go's `strconv.ParseInt(s, 0, 64)` / `ParseUint` digit rules (base prefixes, leading-zero octal); BigInt or undefined. */
function parseGoInteger(text: string, allowSign: boolean): bigint | undefined {
  let body = text;
  let negative = false;
  if (body.startsWith('+') || body.startsWith('-')) {
    if (!allowSign) return undefined;
    negative = body.startsWith('-');
    body = body.slice(1);
  }
  if (body.length === 0) return undefined;
  let digits: RegExp;
  let prefix: string;
  const second = body.length > 1 ? body[1]!.toLowerCase() : '';
  if (body[0] === '0' && second === 'x') {
    digits = /^[0-9a-fA-F]+$/;
    prefix = '0x';
    body = body.slice(2);
  } else if (body[0] === '0' && second === 'o') {
    digits = /^[0-7]+$/;
    prefix = '0o';
    body = body.slice(2);
  } else if (body[0] === '0' && second === 'b') {
    digits = /^[01]+$/;
    prefix = '0b';
    body = body.slice(2);
  } else if (body[0] === '0' && body.length > 1) {
    digits = /^[0-7]+$/;
    prefix = '0o';
    body = body.slice(1);
  } else {
    digits = /^[0-9]+$/;
    prefix = '';
  }
  if (!digits.test(body)) return undefined;
  const magnitude = BigInt(prefix + body);
  return negative ? -magnitude : magnitude;
}

/**
 * Resolves plain scalar text exactly as go-yaml v2 does for kubectl: the YAML 1.1 booleans and nulls,
 * underscores dropped from numbers, Go integer syntax (`0777` octal, `0x`, `0o`, `0b`), then floats.
 * Timestamps stay strings (go-yaml keeps them as text when decoding into interface{}); base-60 too.
 */
export function resolveGoPlain(text: string): ResolvedScalar {
  const mapped = GO_MAP.get(text);
  if (mapped) return mapped;
  const first = text.charCodeAt(0);
  if (first === 46 /* . */) {
    // go-yaml: strconv.ParseFloat(in) on the raw text (no underscore removal).
    return YAML_STYLE_FLOAT.test(text) ? float(Number(text)) : { kind: 'string', value: text };
  }
  const isDigit = first >= 48 && first <= 57;
  if (!isDigit && first !== 43 /* + */ && first !== 45 /* - */) return { kind: 'string', value: text };
  const plain = text.includes('_') ? text.replace(/_/g, '') : text;
  const signed = parseGoInteger(plain, true);
  if (signed !== undefined && signed >= INT64_MIN && signed <= INT64_MAX) return { kind: 'int', json: signed.toString() };
  const unsigned = parseGoInteger(plain, false);
  if (unsigned !== undefined && unsigned <= UINT64_MAX) return { kind: 'int', json: unsigned.toString() };
  if (YAML_STYLE_FLOAT.test(plain)) return float(Number(plain));
  return { kind: 'string', value: text };
}

/** YAML 1.2 core schema reading of plain text (what YAML 1.2 tools produce). */
export function resolveCorePlain(text: string): ResolvedScalar {
  if (text === '' || text === '~' || text === 'null' || text === 'Null' || text === 'NULL') return NULL;
  if (text === 'true' || text === 'True' || text === 'TRUE') return TRUE;
  if (text === 'false' || text === 'False' || text === 'FALSE') return FALSE;
  if (/^[-+]?[0-9]+$/.test(text)) return { kind: 'int', json: BigInt(text.startsWith('+') ? text.slice(1) : text).toString() };
  if (/^0o[0-7]+$/.test(text)) return { kind: 'int', json: BigInt(text).toString() };
  if (/^0x[0-9a-fA-F]+$/.test(text)) return { kind: 'int', json: BigInt(text).toString() };
  if (/^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/.test(text)) return float(Number(text));
  if (/^[-+]?\.(?:inf|Inf|INF)$/.test(text)) return float(text.startsWith('-') ? -Infinity : Infinity);
  if (/^\.(?:nan|NaN|NAN)$/.test(text)) return float(NaN);
  return { kind: 'string', value: text };
}

/** YAML 1.1 base-60 numbers (`1:20` = 80 for PyYAML and the 1.1 spec; kubectl and YAML 1.2 read a string). */
export const SEXAGESIMAL = /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$/;

export function sexagesimalValue(text: string): number {
  const negative = text.startsWith('-');
  const parts = text.replace(/^[-+]/, '').replace(/_/g, '').split(':').map(Number);
  const value = parts.reduce((acc, part) => acc * 60 + part, 0);
  return negative ? -value : value;
}

/** Go's encoding/json float64 output (JavaScript's shortest round-trip form agrees, except for -0). */
export function goJsonFloat(value: number): string {
  if (Object.is(value, -0)) return '-0';
  return String(value);
}

/** go-yaml's float-to-string for map keys as sigs.k8s.io/yaml does it: FormatFloat(f, 'g', -1, 32). */
export function goFloatKey(value: number): string {
  if (Number.isNaN(value)) return '.nan';
  if (value === Infinity) return '.inf';
  if (value === -Infinity) return '-.inf';
  if (value === 0) return Object.is(value, -0) ? '-0' : '0';
  const f32 = Math.fround(value);
  if (!Number.isFinite(f32)) return f32 > 0 ? '.inf' : '-.inf';
  // Shortest decimal that round-trips through float32.
  let digits = '';
  let exponent = 0;
  for (let precision = 1; precision <= 9; precision++) {
    const candidate = Math.abs(f32).toExponential(precision - 1);
    if (Math.fround(Number(candidate)) === Math.abs(f32)) {
      const [mantissa, exp] = candidate.split('e');
      digits = mantissa!.replace('.', '');
      exponent = Number(exp);
      break;
    }
  }
  digits = digits.replace(/0+$/, '') || '0';
  const sign = f32 < 0 ? '-' : '';
  // Go's %g with the shortest precision switches to %e when exp < -4 || exp >= 6.
  if (exponent < -4 || exponent >= 6) {
    const mantissa = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
    const expSign = exponent < 0 ? '-' : '+';
    const expDigits = String(Math.abs(exponent)).padStart(2, '0');
    return `${sign}${mantissa}e${expSign}${expDigits}`;
  }
  if (exponent < 0) return `${sign}0.${'0'.repeat(-exponent - 1)}${digits}`;
  if (digits.length <= exponent + 1) return `${sign}${digits}${'0'.repeat(exponent + 1 - digits.length)}`;
  return `${sign}${digits.slice(0, exponent + 1)}.${digits.slice(exponent + 1)}`;
}

/** The text of a scalar to resolve: the (folded) plain value, or undefined for quoted and block scalars. */
export function plainText(scalar: Scalar): string | undefined {
  if (scalar.type !== undefined && scalar.type !== 'PLAIN') return undefined;
  const source = (scalar as Scalar & { source?: string }).source;
  if (typeof source === 'string') return source;
  const value = scalar.value;
  if (value === null || value === undefined) return '';
  return typeof value === 'string' ? value : String(value);
}

const STANDARD_TAG = 'tag:yaml.org,2002:';

/** Why a scalar was read the way it was, when that is worth a note. */
export type ScalarRemark = { readonly kind: 'customTag'; readonly tag: string } | { readonly kind: 'tagMismatch'; readonly tag: string } | undefined;

/**
 * How kubectl reads a scalar node: `!!str` and quoted/block scalars are strings, other standard tags
 * resolve the text and must agree, unknown tags keep the text (go-yaml cannot resolve them), plain text
 * follows go-yaml v2.
 */
export function kubectlScalarValue(scalar: Scalar): { readonly value: ResolvedScalar; readonly remark: ScalarRemark } {
  const tag = scalar.tag;
  const plain = plainText(scalar);
  const asString = (): ResolvedScalar => ({ kind: 'string', value: plain ?? stringOf(scalar.value) });
  if (tag !== undefined && tag !== '!') {
    if (!tag.startsWith(STANDARD_TAG)) return { value: asString(), remark: { kind: 'customTag', tag } };
    const name = tag.slice(STANDARD_TAG.length);
    if (name === 'str' || name === 'binary' || name === 'timestamp') return { value: asString(), remark: undefined };
    const resolved = resolveGoPlain(plain ?? stringOf(scalar.value));
    const expected = name === 'int' ? 'int' : name === 'float' ? 'float' : name === 'bool' ? 'bool' : name === 'null' ? 'null' : undefined;
    if (expected === undefined) return { value: asString(), remark: { kind: 'customTag', tag } };
    if (resolved.kind === expected || (expected === 'float' && resolved.kind === 'int')) {
      return { value: expected === 'float' && resolved.kind === 'int' ? float(Number(resolved.json)) : resolved, remark: undefined };
    }
    return { value: asString(), remark: { kind: 'tagMismatch', tag } };
  }
  if (tag === '!') return { value: asString(), remark: undefined };
  if (plain === undefined) return { value: { kind: 'string', value: stringOf(scalar.value) }, remark: undefined };
  return { value: resolveGoPlain(plain), remark: undefined };
}

/** The YAML 1.2 reading of a plain scalar without tags (undefined when it is not plain or is tagged). */
export function yaml12ScalarValue(scalar: Scalar): ResolvedScalar | undefined {
  if (scalar.tag !== undefined) return undefined;
  const plain = plainText(scalar);
  return plain === undefined ? undefined : resolveCorePlain(plain);
}

function stringOf(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  return String(value);
}

/** The JSON token of a resolved scalar (NaN and infinities have none: callers report them). */
export function jsonToken(value: ResolvedScalar): string | undefined {
  switch (value.kind) {
    case 'string':
      return JSON.stringify(value.value);
    case 'float':
      return Number.isFinite(value.value) ? value.json : undefined;
    default:
      return value.json;
  }
}

/** A map key as sigs.k8s.io/yaml turns it into a JSON object key; undefined when it has none (null). */
export function jsonKey(value: ResolvedScalar): string | undefined {
  switch (value.kind) {
    case 'string':
      return value.value;
    case 'null':
      return undefined;
    case 'float':
      return goFloatKey(value.value);
    default:
      return value.json;
  }
}

/** Short display of a resolved scalar for notes: `true`, `511`, `"yes"`. */
export function displayValue(value: ResolvedScalar): string {
  if (value.kind === 'string') return JSON.stringify(value.value.length > 40 ? `${value.value.slice(0, 40)}…` : value.value);
  if (value.kind === 'float' && !Number.isFinite(value.value)) return String(value.value);
  return value.json;
}
