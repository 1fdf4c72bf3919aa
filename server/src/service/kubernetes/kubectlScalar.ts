// Reads a YAML scalar the way kubectl does (YAML 1.1 via sigs.k8s.io/yaml): `no` is false, `0777` is octal 511.
import type { Node, Scalar } from 'yaml';
import { isScalar } from '../yaml/yamlNodes';
import { resolveGoPlain } from '../preview/goYamlScalar';

export type KubectlValue =
  | { readonly kind: 'null' }
  | { readonly kind: 'bool'; readonly value: boolean }
  | { readonly kind: 'int'; readonly value: number }
  | { readonly kind: 'float'; readonly value: number }
  | { readonly kind: 'string'; readonly value: string };

/**
 * Resolves plain (unquoted) scalar text under yaml.v2's rules as kubectl sees it. One implementation serves
 * validation and the JSON preview: `preview/goYamlScalar.ts` (exact, BigInt-backed); here integers become
 * JS numbers, which is all a type check needs.
 */
export function resolvePlainYaml11(text: string): KubectlValue {
  const quick = quickPlain(text);
  if (quick) return quick;
  const resolved = resolveGoPlain(text);
  switch (resolved.kind) {
    case 'null':
      return { kind: 'null' };
    case 'bool':
      return { kind: 'bool', value: resolved.json === 'true' };
    case 'int':
      return { kind: 'int', value: Number(resolved.json) };
    case 'float':
      return { kind: 'float', value: resolved.value };
    default:
      return { kind: 'string', value: resolved.value };
  }
}

/**
 * The two commonest plain scalars answered without `resolveGoPlain` (same results): words that cannot be one of
 * go-yaml's special spellings, and short decimal integers. Undefined for everything else.
 */
function quickPlain(text: string): KubectlValue | undefined {
  const length = text.length;
  if (length === 0) return undefined;
  const first = text.charCodeAt(0);
  if (first >= 49 && first <= 57 && length <= 15) {
    // 1-9 then digits: Go's base-10 ParseInt, exact in a double at this length.
    for (let i = 1; i < length; i++) {
      const c = text.charCodeAt(i);
      if (c < 48 || c > 57) return undefined;
    }
    return { kind: 'int', value: Number(text) };
  }
  // go-yaml's special spellings (null, booleans, .inf, …) start with one of these and have at most five characters;
  // numbers start with a digit, a sign or a dot. Anything else is a string.
  if ((first >= 48 && first <= 57) || first === 43 /* + */ || first === 45 /* - */ || first === 46 /* . */ || first === 126 /* ~ */) return undefined;
  if (length <= 5 && SPECIAL_STARTS.includes(text.charAt(0))) return undefined;
  return { kind: 'string', value: text };
}

const SPECIAL_STARTS = 'yYtToOnNfF';

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
