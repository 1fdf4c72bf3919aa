// Reads a YAML scalar the way kubectl does (YAML 1.1 via sigs.k8s.io/yaml): `no` is false, `0777` is octal 511.
import { isScalar, type Node, type Scalar } from 'yaml';

export type KubectlValue =
  | { readonly kind: 'null' }
  | { readonly kind: 'bool'; readonly value: boolean }
  | { readonly kind: 'int'; readonly value: number }
  | { readonly kind: 'float'; readonly value: number }
  | { readonly kind: 'string'; readonly value: string };

const NULLS: ReadonlySet<string> = new Set(['', '~', 'null', 'Null', 'NULL']);
const TRUES: ReadonlySet<string> = new Set(['y', 'Y', 'yes', 'Yes', 'YES', 'true', 'True', 'TRUE', 'on', 'On', 'ON']);
const FALSES: ReadonlySet<string> = new Set(['n', 'N', 'no', 'No', 'NO', 'false', 'False', 'FALSE', 'off', 'Off', 'OFF']);
/** Go's strconv.ParseInt(s, 0, 64) after yaml.v2 drops underscores. */
const GO_INT = /^[-+]?(?:0[xX][0-9a-fA-F]+|0[oO][0-7]+|0[bB][01]+|0[0-7]*|[1-9][0-9]*)$/;
/** yaml.v2's float pattern. */
const YAML_FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/;
const SPECIAL_FLOATS: Readonly<Record<string, number>> = {
  '.nan': NaN, '.NaN': NaN, '.NAN': NaN,
  '.inf': Infinity, '.Inf': Infinity, '.INF': Infinity,
  '+.inf': Infinity, '+.Inf': Infinity, '+.INF': Infinity,
  '-.inf': -Infinity, '-.Inf': -Infinity, '-.INF': -Infinity,
};

function parseGoInt(text: string): number {
  let sign = 1;
  let body = text;
  if (body.startsWith('-') || body.startsWith('+')) {
    if (body.startsWith('-')) sign = -1;
    body = body.slice(1);
  }
  const prefix = body.slice(0, 2).toLowerCase();
  if (prefix === '0x') return sign * parseInt(body.slice(2), 16);
  if (prefix === '0o') return sign * parseInt(body.slice(2), 8);
  if (prefix === '0b') return sign * parseInt(body.slice(2), 2);
  if (body.length > 1 && body.startsWith('0')) return sign * parseInt(body.slice(1), 8);
  return sign * parseInt(body, 10);
}

/** Resolves plain (unquoted) scalar text under yaml.v2's rules as kubectl sees it. */
export function resolvePlainYaml11(text: string): KubectlValue {
  if (NULLS.has(text)) return { kind: 'null' };
  if (TRUES.has(text)) return { kind: 'bool', value: true };
  if (FALSES.has(text)) return { kind: 'bool', value: false };
  const first = text.charCodeAt(0);
  // Only text starting with a digit, sign or dot can be a number.
  if ((first >= 48 && first <= 57) || first === 43 || first === 45 || first === 46) {
    const special = SPECIAL_FLOATS[text];
    if (special !== undefined) return { kind: 'float', value: special };
    const plain = text.includes('_') ? text.replace(/_/g, '') : text;
    if (GO_INT.test(plain)) return { kind: 'int', value: parseGoInt(plain) };
    if (YAML_FLOAT.test(plain)) {
      const value = Number(plain);
      return { kind: 'float', value };
    }
  }
  return { kind: 'string', value: text };
}

/** How kubectl reads a scalar node: quoted and block scalars are strings, explicit tags win, plain text is YAML 1.1. */
export function kubectlScalar(scalar: Scalar): KubectlValue {
  const tag = scalar.tag;
  if (tag === 'tag:yaml.org,2002:str') return { kind: 'string', value: String(scalar.value ?? '') };
  if (tag !== undefined && tag.startsWith('tag:yaml.org,2002:')) return fromJs(scalar.value);
  if (scalar.type !== undefined && scalar.type !== 'PLAIN') return { kind: 'string', value: String(scalar.value ?? '') };
  // `source` is the plain scalar's text as written (multi-line plain scalars arrive folded, as go-yaml folds them).
  const source = scalar.source;
  if (source === undefined) return fromJs(scalar.value);
  return resolvePlainYaml11(source);
}

function fromJs(value: unknown): KubectlValue {
  if (value === null || value === undefined) return { kind: 'null' };
  if (typeof value === 'boolean') return { kind: 'bool', value };
  if (typeof value === 'number') return Number.isInteger(value) ? { kind: 'int', value } : { kind: 'float', value };
  if (typeof value === 'bigint') return { kind: 'int', value: Number(value) };
  return { kind: 'string', value: String(value) };
}

/** The string a node holds as kubectl reads it, or undefined when it is not a scalar string. */
export function stringValue(node: Node | null | undefined): string | undefined {
  if (!node || !isScalar(node)) return undefined;
  const value = kubectlScalar(node);
  return value.kind === 'string' ? value.value : undefined;
}

/** Text of a scalar whatever its type (`80`, `true`, `foo`), or undefined for collections. */
export function scalarText(node: Node | null | undefined): string | undefined {
  if (!node || !isScalar(node)) return undefined;
  const value = kubectlScalar(node);
  return value.kind === 'null' ? undefined : String(value.value);
}

/** A short human description of what a value is, for type messages. */
export function describeValue(value: KubectlValue): { ko: string; en: string } {
  switch (value.kind) {
    case 'null':
      return { ko: 'null', en: 'null' };
    case 'bool':
      return { ko: `불리언 ${value.value}`, en: `boolean ${value.value}` };
    case 'int':
      return { ko: `정수 ${value.value}`, en: `integer ${value.value}` };
    case 'float':
      return { ko: `실수 ${value.value}`, en: `number ${value.value}` };
    case 'string':
      return { ko: '문자열', en: 'string' };
  }
}
