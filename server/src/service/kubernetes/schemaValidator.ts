// Validates one YAML node tree against a schema node: unknown fields, types as kubectl reads them, required, enums.
import type { Node, Scalar } from 'yaml';
import { isAlias, isMap, isScalar, isSeq } from '../yaml/yamlNodes';
import { format, text, type Localized } from '../l10n/localized';
import type { Finding, FindingFix } from '../diagnostics/rule';
import { DocumentGraph, rangeOf, type EffectivePair } from './documentGraph';
import { kubectlScalar, type KubectlValue } from './kubectlScalar';
import { K8S } from './kubernetesCodes';
import type { SchemaNode } from './schemaBundle';
import { closestName, editDistance } from './suggestions';

export interface ValidateOptions {
  /** A partial document (kustomize patch): required fields are not demanded. */
  readonly partial: boolean;
  /** Keys of the root mapping checked elsewhere (apiVersion, kind). */
  readonly skipRootKeys?: ReadonlySet<string>;
  /** Schema used for embedded resources' metadata (ObjectMeta). */
  readonly objectMeta?: SchemaNode;
}

/**
 * Where findings go. `wants` says whether one more finding of a code would still be shown (the engine shows the first
 * MAX_FINDINGS_PER_RULE_PER_CHUNK of each rule), so no message or suggestion is built for one that would be dropped.
 */
export interface FindingSink {
  report(finding: Finding): void;
  wants(code: string): boolean;
}

interface Task {
  readonly node: Node | null;
  readonly schema: SchemaNode;
  /** Where to report (set once we went through an alias or merge key). */
  readonly reportAt: Node | undefined;
  /** The key whose value this node is (for "missing required field" ranges). */
  readonly keyNode: Node | null | undefined;
  /** Field name that led here (for messages when the schema has no type name). */
  readonly field: string | undefined;
  readonly aliasDepth: number;
  /** Its key already spent the budget (a key of a mapping reached through an alias): not charged again. */
  readonly prepaid: boolean;
  readonly isRoot?: boolean;
}

const MAX_ALIAS_DEPTH = 8;
const INT32_MIN = -2147483648;
const INT32_MAX = 2147483647;
/** Kubernetes' Quantity syntax (resource.ParseQuantity). */
export const QUANTITY_PATTERN = /^[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+|[KMGTPE]i|[numkMGTPE])?$/;
const BASE64_PATTERN = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

const TYPE_LABELS: Readonly<Record<string, Localized>> = {
  object: text('객체(매핑)', 'an object (mapping)'),
  array: text('배열(목록)', 'an array (list)'),
  string: text('문자열', 'a string'),
  integer: text('정수', 'an integer'),
  number: text('숫자', 'a number'),
  boolean: text('불리언(true/false)', 'a boolean (true/false)'),
  'int-or-string': text('정수 또는 문자열', 'an integer or a string'),
  quantity: text('수량(예: 500m, 1, 512Mi)', 'a quantity (e.g. 500m, 1, 512Mi)'),
};

function got(node: Node, value: KubectlValue | undefined): Localized {
  if (isMap(node)) return text('객체(매핑)', 'an object (mapping)');
  if (isSeq(node)) return text('배열(목록)', 'an array (list)');
  switch (value?.kind) {
    case 'bool':
      return text(`불리언 ${value.value}`, `the boolean ${value.value}`);
    case 'int':
      return text(`정수 ${value.value}`, `the integer ${value.value}`);
    case 'float':
      return text(`숫자 ${value.value}`, `the number ${value.value}`);
    case 'string':
      return text(`문자열 "${value.value}"`, `the string "${value.value}"`);
    default:
      return text('값', 'a value');
  }
}

/** Why kubectl read a plain scalar as it did (YAML 1.1), when that is surprising. */
function yaml11Note(scalar: Scalar, value: KubectlValue): Localized | undefined {
  if (scalar.type !== 'PLAIN') return undefined;
  const source = scalar.source ?? String(scalar.value);
  if (value.kind === 'bool' && !/^(?:true|false)$/i.test(source)) {
    return text(
      ` kubectl은 YAML 1.1 규칙에 따라 이 값(${source})을 불리언 ${value.value}로 읽습니다.`,
      ` kubectl reads ${source} as the boolean ${value.value} (YAML 1.1).`,
    );
  }
  if (value.kind === 'int' && /^[-+]?0[0-7]+$/.test(source.replace(/_/g, ''))) {
    return text(
      ` kubectl은 YAML 1.1 규칙에 따라 이 값(${source})을 8진수로 읽습니다(정수 ${value.value}).`,
      ` kubectl reads ${source} as the octal integer ${value.value} (YAML 1.1).`,
    );
  }
  return undefined;
}

function scalarSource(scalar: Scalar): string {
  return scalar.source ?? String(scalar.value ?? '');
}

function quoteFix(scalar: Scalar, start: number, end: number): FindingFix {
  const source = scalarSource(scalar);
  return {
    title: format(text('따옴표로 감싸 문자열로 만들기: "{v}"', 'Quote it as the string "{v}"'), { v: source }),
    edits: [{ start, end, newText: JSON.stringify(source) }],
    isPreferred: true,
  };
}

function unquoteFix(start: number, end: number, value: string): FindingFix {
  return {
    title: format(text('따옴표 지우기: {v}', 'Remove the quotes: {v}'), { v: value }),
    edits: [{ start, end, newText: value }],
    isPreferred: true,
  };
}

/** Suggested quantity spellings for common mistakes (`512MB` → `512Mi`/`512M`). */
export function quantitySuggestions(value: string): string[] {
  const m = /^\s*([+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+))\s*([a-zA-Z]+)\s*$/.exec(value);
  if (!m) return [];
  const number = m[1]!;
  const unit = m[2]!;
  const binary: Record<string, string> = { k: 'Ki', m: 'Mi', g: 'Gi', t: 'Ti', p: 'Pi', e: 'Ei' };
  const decimal: Record<string, string> = { k: 'k', m: 'M', g: 'G', t: 'T', p: 'P', e: 'E' };
  const lower = unit.toLowerCase();
  const letter = lower.charAt(0);
  if (/^[kmgtpe](?:i|ib|b|)$/.test(lower) && binary[letter]) {
    const result = [`${number}${binary[letter]}`];
    if (!lower.includes('i')) result.push(`${number}${decimal[letter]}`);
    return result.filter((s) => s !== value);
  }
  return [];
}

/** Runs the schema checks over a tree; bounded by the graph's budget and an alias depth limit. */
export function validateNode(graph: DocumentGraph, root: Node, schema: SchemaNode, options: ValidateOptions, sink: FindingSink): void {
  const stack: Task[] = [{ node: root, schema, aliasDepth: 0, prepaid: false, isRoot: true, reportAt: undefined, keyNode: undefined, field: undefined }];
  while (stack.length > 0) {
    const task = stack.pop()!;
    let node = task.node;
    if (!node) continue;
    let reportAt = task.reportAt;
    let aliasDepth = task.aliasDepth;
    if (isAlias(node)) {
      if (aliasDepth >= MAX_ALIAS_DEPTH) continue;
      if (!graph.spend()) {
        reportAliasWork(graph, reportAt ?? node, sink);
        continue;
      }
      const target = graph.deref(node);
      if (!target) continue;
      reportAt = reportAt ?? node;
      aliasDepth += 1;
      node = target;
    }
    if (reportAt && !task.prepaid && !graph.spend()) {
      reportAliasWork(graph, reportAt, sink);
      continue;
    }
    const s = task.schema;
    let value: KubectlValue | undefined;
    // The node as a scalar, checked once (the type cases below ask again otherwise).
    let scalar: Scalar | undefined;
    if (isScalar(node)) {
      scalar = node;
      value = kubectlScalar(node);
      if (value.kind === 'null') continue; // null means "unset" to the API server
    }
    const rangeNode = reportAt ?? node;
    const start = rangeNode.range ? rangeNode.range[0] : 0;
    const end = rangeNode.range ? rangeNode.range[1] : 0;
    const field = task.field;

    const fmt = s.format;
    if (fmt === 'int-or-string') {
      if (!value || (value.kind !== 'int' && value.kind !== 'string' && !(value.kind === 'float' && Number.isInteger(value.value)))) {
        reportNotIntOrString(sink, field, node, value, start, end, reportAt !== undefined);
      }
      continue;
    }
    if (fmt === 'quantity') {
      if (!value || value.kind === 'bool') {
        reportMismatch(sink, field, node, value, start, end, 'quantity');
      } else if (value.kind === 'string' && !QUANTITY_PATTERN.test(value.value.trim())) {
        reportBadQuantity(sink, value.value, start, end, reportAt !== undefined);
      }
      continue;
    }

    switch (s.type) {
      case 'object': {
        if (!isMap(node)) {
          reportMismatch(sink, field, node, value, start, end, 'object');
          break;
        }
        const pairs = graph.pairsForWalk(node);
        for (const pair of pairs) {
          // Through an alias every key costs work (a mapping of 2,000 keys named by 5,000 aliases is 10 million); a
          // key whose value becomes a task pays here, not again when the task is taken.
          if (reportAt && !graph.spend()) {
            reportAliasWork(graph, reportAt, sink);
            break;
          }
          if (task.isRoot && options.skipRootKeys?.has(pair.key)) continue;
          // Strategic-merge-patch directives ($patch, $setElementOrder/…, $retainKeys) are valid in patches.
          if (options.partial && pair.key.startsWith('$')) continue;
          const keyReportAt = reportAt ?? pair.mergedAt;
          let child = s.property(pair.key);
          if (!child && s.embeddedResource) {
            if (pair.key === 'apiVersion' || pair.key === 'kind') continue;
            if (pair.key === 'metadata') {
              if (options.objectMeta) child = options.objectMeta;
              else continue;
            }
          }
          if (!child) {
            // A map's value schema (additionalProperties), else the key is unknown.
            const additional = s.additional();
            if (additional === true) continue;
            if (!additional) {
              if (!s.preserveUnknownFields) reportUnknownField(s, pair.key, pair.keyNode, keyReportAt, task.field, sink);
              continue;
            }
            child = additional;
          }
          // Most values are scalars of the type their field wants: checked here, they need no task.
          if (keyReportAt === undefined && passesAsScalar(pair.value, child)) continue;
          stack.push({ node: pair.value, schema: child, keyNode: pair.keyNode, field: pair.key, aliasDepth, prepaid: reportAt !== undefined, reportAt: keyReportAt });
        }
        if (!options.partial && s.required.length > 0) {
          const missing = missingNames(s.required, pairs);
          if (missing.length > 0) reportMissing(s, missing, node, task, reportAt, sink);
        }
        break;
      }
      case 'array': {
        if (!isSeq(node)) {
          reportMismatch(sink, field, node, value, start, end, 'array');
          break;
        }
        const items = s.items();
        if (!items) break;
        for (let i = node.items.length - 1; i >= 0; i--) {
          stack.push({ node: node.items[i] as Node | null, schema: items, aliasDepth, prepaid: false, field: task.field, reportAt, keyNode: undefined });
        }
        break;
      }
      case 'string': {
        if (!scalar || !value) {
          reportMismatch(sink, field, node, value, start, end, 'string');
          break;
        }
        if (value.kind !== 'string') {
          reportNotString(sink, field, scalar, value, start, end, reportAt !== undefined);
          break;
        }
        if (s.format === 'byte' && !BASE64_PATTERN.test(value.value.replace(/[\r\n]/g, ''))) {
          reportInvalidValue(sink, start, end, NOT_BASE64);
          break;
        }
        checkEnum(s, value, start, end, !reportAt, task.field, sink);
        break;
      }
      case 'integer': {
        if (!scalar || !value) {
          reportMismatch(sink, field, node, value, start, end, 'integer');
          break;
        }
        if (!(value.kind === 'int' || (value.kind === 'float' && Number.isInteger(value.value)))) {
          reportNotInteger(sink, field, scalar, value, start, end, reportAt !== undefined);
          break;
        }
        const n = value.value;
        if (s.format === 'int32' && (n < INT32_MIN || n > INT32_MAX)) {
          reportInvalidValue(sink, start, end, format(OUT_OF_INT32, { v: n }));
          break;
        }
        checkEnum(s, value, start, end, false, task.field, sink);
        break;
      }
      case 'number': {
        if (!scalar || !value || (value.kind !== 'int' && value.kind !== 'float')) {
          reportQuotedOrMismatch(sink, field, node, value, start, end, 'number', NUMBER_TEXT, reportAt !== undefined);
        }
        break;
      }
      case 'boolean': {
        if (!scalar || !value || value.kind !== 'bool') {
          reportQuotedOrMismatch(sink, field, node, value, start, end, 'boolean', BOOLEAN_TEXT, reportAt !== undefined);
        }
        break;
      }
      default:
        break;
    }
  }
  // The budget may have run out in merge-key expansion (pairsForWalk) without the walk meeting it itself.
  if (graph.stoppedAt) reportAliasWork(graph, graph.stoppedAt, sink);
}

/**
 * Whether `node` is a scalar on which a task for `schema` would certainly report nothing: null, or a value of the
 * wanted type without a format, range or enum that could still fail (int32 is checked here). The walk then pushes no
 * task for it; tasks that could report are pushed as before, so findings come in the same order. False whenever in
 * doubt: an alias, int-or-string, quantity, byte, an enum, a float for an integer, a schema without a scalar type.
 * (The walk asks only for keys it reached directly: a key through an alias or a merge key spends the work budget
 * in its task, so it always gets one.)
 */
function passesAsScalar(node: Node | null, schema: SchemaNode): boolean {
  if (!node || !isScalar(node)) return false;
  // What the schema alone decides comes first, so only a scalar that may pass is resolved here (its task would
  // resolve it again).
  const format = schema.format;
  if (format === 'int-or-string' || format === 'quantity' || (schema.enumValues !== undefined && schema.enumValues.length > 0)) return false;
  const type = schema.type;
  if (type !== 'string' && type !== 'integer' && type !== 'number' && type !== 'boolean') return false;
  const value = kubectlScalar(node);
  switch (value.kind) {
    case 'null':
      return true; // null means "unset" to the API server
    case 'string':
      return type === 'string' && format !== 'byte';
    case 'int':
      return type === 'number' || (type === 'integer' && (format !== 'int32' || (value.value >= INT32_MIN && value.value <= INT32_MAX)));
    case 'float':
      return type === 'number';
    case 'bool':
      return type === 'boolean';
  }
}

/**
 * Says, once per document, that following its aliases (and merge keys) stopped at the work budget, at `at`: the
 * alias being followed then, or where merge-key expansion stopped. Not everything they lead to was checked.
 */
export function reportAliasWork(graph: DocumentGraph, at: Node, sink: FindingSink): void {
  if (!graph.sayExhausted() || !sink.wants(K8S.aliasWorkLimit)) return;
  const [start, end] = rangeOf(at);
  const steps = DocumentGraph.BUDGET.toLocaleString('en');
  sink.report({
    code: K8S.aliasWorkLimit,
    start,
    end,
    message: format(
      text(
        '이 문서가 별칭(alias)으로 같은 내용을 너무 많이 되풀이해서, kube-notes가 {n}단계에서 별칭 따라가기를 멈췄습니다. 별칭이 가리키는 내용 중 일부는 검사하지 못했습니다.',
        'This document repeats content through aliases so much that kube-notes stopped following them after {n} steps: not everything they lead to was checked.',
      ),
      { n: steps },
    ),
  });
}

/** The required names no pair has, in schema order (a Set only for large mappings). */
function missingNames(required: readonly string[], pairs: readonly EffectivePair[]): string[] {
  if (pairs.length <= 16) {
    return required.filter((name) => {
      for (const pair of pairs) if (pair.key === name) return false;
      return true;
    });
  }
  const present = new Set<string>();
  for (const pair of pairs) present.add(pair.key);
  return required.filter((name) => !present.has(name));
}

// The findings of validateNode's type checks. They are functions of their own so that validateNode, the hot loop,
// stays small: V8 optimizes a function only after more ticks the larger its bytecode is, and compiles it for longer.

/** An int-or-string field (such as a port or maxSurge) holding something else; a YAML 1.1 boolean gets a quote fix. */
function reportNotIntOrString(sink: FindingSink, field: string | undefined, node: Node, value: KubectlValue | undefined, start: number, end: number, throughAlias: boolean): void {
  const note = isScalar(node) && value ? yaml11Note(node, value) : undefined;
  reportMismatch(sink, field, node, value, start, end, 'int-or-string', note, isScalar(node) && !throughAlias && value?.kind === 'bool' ? [quoteFix(node, start, end)] : undefined);
}

/** A string that is not a Kubernetes quantity, with the spellings it probably meant (`512MB` → `512Mi`). */
function reportBadQuantity(sink: FindingSink, value: string, start: number, end: number, throughAlias: boolean): void {
  if (!sink.wants(K8S.invalidType)) return;
  const suggestions = quantitySuggestions(value);
  const hint = suggestions.length > 0
    ? text(` ${suggestions.map((x) => `"${x}"`).join(' 또는 ')}처럼 써야 합니다(단위는 대소문자를 구분하며, Mi는 2^20이고 M은 10^6입니다).`, ` Write ${suggestions.map((x) => `"${x}"`).join(' or ')} (units are case-sensitive: Mi is 2^20, M is 10^6).`)
    : text(' 수량은 숫자 뒤에 단위(m, k, M, G, Ki, Mi, Gi …)를 붙여 씁니다.', ' A quantity is a number with an optional unit (m, k, M, G, Ki, Mi, Gi, …).');
  const fixes = !throughAlias
    ? suggestions.map((suggestion, index): FindingFix => ({
        title: format(text('{v} 값으로 바꾸기', 'Change to {v}'), { v: suggestion }),
        edits: [{ start, end, newText: suggestion }],
        isPreferred: index === 0 && suggestions.length === 1,
      }))
    : [];
  const base = format(text('올바른 수량(Quantity) 형식이 아닙니다: "{v}".', '"{v}" is not a valid quantity.'), { v: value });
  sink.report({
    code: K8S.invalidType,
    start,
    end,
    message: { ko: base.ko + hint.ko, en: base.en + hint.en },
    ...(fixes.length > 0 ? { fixes } : {}),
  });
}

/** A string field holding a number or a boolean (with a note when YAML 1.1 made it one): quoting fixes it. */
function reportNotString(sink: FindingSink, field: string | undefined, scalar: Scalar, value: KubectlValue, start: number, end: number, throughAlias: boolean): void {
  const note = yaml11Note(scalar, value);
  reportMismatch(sink, field, scalar, value, start, end, 'string', note ?? text(' 따옴표로 감싸야 합니다.', ' Quote it.'), !throughAlias ? [quoteFix(scalar, start, end)] : undefined);
}

/** A K8S002 finding with a message of its own and no fix (not base64, out of the int32 range). */
function reportInvalidValue(sink: FindingSink, start: number, end: number, message: Localized): void {
  if (sink.wants(K8S.invalidType)) sink.report({ code: K8S.invalidType, start, end, message });
}

const OUT_OF_INT32 = text('32비트 정수 범위를 벗어난 값입니다: {v}.', '{v} is out of range for a 32-bit integer.');
const NOT_BASE64 = text(
  '올바른 base64 값이 아닙니다. 평문을 쓰려면 data 대신 stringData에 넣어야 합니다.',
  'This is not valid base64. To write plain text, put it under stringData instead of data.',
);

/** An integer field holding something else: quoted digits get an unquote fix, a YAML 1.1 octal or boolean a note. */
function reportNotInteger(sink: FindingSink, field: string | undefined, scalar: Scalar, value: KubectlValue, start: number, end: number, throughAlias: boolean): void {
  const digits = value.kind === 'string' && scalar.type !== 'PLAIN' && /^[-+]?[0-9]+$/.test(value.value.trim()) ? value.value.trim() : undefined;
  reportMismatch(
    sink,
    field,
    scalar,
    value,
    start,
    end,
    'integer',
    digits !== undefined ? text(' 숫자에서 따옴표를 지워야 합니다.', ' Remove the quotes.') : yaml11Note(scalar, value),
    digits !== undefined && !throughAlias ? [unquoteFix(start, end, digits)] : undefined,
  );
}

/** What a quoted value of a number or boolean field must look like for an unquote fix. */
const NUMBER_TEXT = /^[-+]?[0-9.]+$/;
const BOOLEAN_TEXT = /^(?:true|false)$/;

/** A number or boolean field holding something else; a quoted value that reads right unquoted gets an unquote fix. */
function reportQuotedOrMismatch(
  sink: FindingSink,
  field: string | undefined,
  node: Node,
  value: KubectlValue | undefined,
  start: number,
  end: number,
  expected: 'number' | 'boolean',
  unquotedText: RegExp,
  throughAlias: boolean,
): void {
  const unquoted = value?.kind === 'string' && isScalar(node) && node.type !== 'PLAIN' && unquotedText.test(value.value.trim());
  reportMismatch(sink, field, node, value, start, end, expected, undefined, unquoted && !throughAlias && value?.kind === 'string' ? [unquoteFix(start, end, value.value.trim())] : undefined);
}

function reportMismatch(
  sink: FindingSink,
  field: string | undefined,
  node: Node,
  value: KubectlValue | undefined,
  start: number,
  end: number,
  expected: string,
  extra?: Localized,
  fixes?: FindingFix[],
): void {
  if (!sink.wants(K8S.invalidType)) return;
  const label = TYPE_LABELS[expected] ?? text(expected, expected);
  const what = got(node, value);
  const message: Localized = {
    ko: `${field ? `"${field}" 필드의 ` : ''}형식이 잘못되었습니다. 필요한 형식: ${label.ko}, 실제 값: ${what.ko}.${extra?.ko ?? ''}`,
    en: `${field ? `"${field}" must be` : 'Expected'} ${label.en}, but found ${what.en}.${extra?.en ?? ''}`,
  };
  sink.report({ code: K8S.invalidType, start, end, message, ...(fixes && fixes.length > 0 ? { fixes } : {}) });
}

function checkEnum(s: SchemaNode, value: KubectlValue, start: number, end: number, fixable: boolean, field: string | undefined, sink: FindingSink): void {
  const allowed = s.enumValues;
  if (!allowed || allowed.length === 0 || value.kind === 'null') return;
  const actual = value.value;
  if (actual === '' || allowed.some((candidate) => candidate === actual) || !sink.wants(K8S.invalidEnumValue)) return;
  const strings = allowed.filter((v): v is string => typeof v === 'string' && v !== '');
  const suggestion = typeof actual === 'string' ? closestName(actual, strings) : undefined;
  const list = allowed.filter((v) => v !== '').map((v) => JSON.stringify(v)).join(', ');
  const name = field ? `"${field}"` : '';
  const hint = suggestion ? format(text(' "{s}" 값을 뜻하셨나요?', ' Did you mean "{s}"?'), { s: suggestion }) : text('', '');
  const base = format(
    text(
      `${name ? `${name} 필드에 ` : ''}허용되지 않는 값입니다: {v}. 허용되는 값: {list}.`,
      `${name ? `${name}: ` : ''}{v} is not an allowed value. Allowed: {list}.`,
    ),
    { v: JSON.stringify(actual), list },
  );
  sink.report({
    code: K8S.invalidEnumValue,
    start,
    end,
    message: { ko: base.ko + hint.ko, en: base.en + hint.en },
    ...(suggestion && fixable
      ? {
          fixes: [
            {
              title: format(text('{v} 값으로 바꾸기', 'Change to {v}'), { v: suggestion }),
              edits: [{ start, end, newText: suggestion }],
              isPreferred: suggestion.toLowerCase() === String(actual).toLowerCase(),
            },
          ],
        }
      : {}),
  });
}

function reportUnknownField(
  s: SchemaNode,
  key: string,
  keyNode: Node | null,
  reportAt: Node | undefined,
  parentField: string | undefined,
  sink: FindingSink,
): void {
  if (!sink.wants(K8S.unknownField)) return;
  const [start, end] = rangeOf(reportAt ?? keyNode);
  const suggestion = closestName(key, s.propertyNames());
  const where = s.typeName ?? (parentField ? `"${parentField}"` : undefined);
  const hint = suggestion ? format(text(' "{s}" 필드를 뜻하셨나요?', ' Did you mean "{s}"?'), { s: suggestion }) : text('', '');
  const base = where
    ? format(text('{where}에는 "{key}" 필드가 없습니다.', 'Unknown field "{key}" in {where}.'), { where, key })
    : format(text('알 수 없는 필드 "{key}"입니다.', 'Unknown field "{key}".'), { key });
  const advice = suggestion
    ? text('', '')
    : text(' kubectl apply는 알 수 없는 필드를 거부하므로, 철자와 들여쓰기를 확인하거나 이 필드를 지워야 합니다.', ' kubectl apply rejects unknown fields: check the spelling and indentation, or remove it.');
  const fixable = !reportAt && keyNode && isScalar(keyNode) && keyNode.type === 'PLAIN' && suggestion !== undefined;
  sink.report({
    code: K8S.unknownField,
    start,
    end,
    message: { ko: base.ko + hint.ko + advice.ko, en: base.en + hint.en + advice.en },
    ...(fixable
      ? {
          fixes: [
            {
              title: format(text('"{s}" 필드로 바꾸기', 'Change to "{s}"'), { s: suggestion }),
              edits: [{ start, end, newText: suggestion }],
              isPreferred: suggestion.toLowerCase() === key.toLowerCase() || editDistance(key, suggestion, 2) <= 1,
            },
          ],
        }
      : {}),
  });
}

function reportMissing(s: SchemaNode, missing: readonly string[], map: Node, task: Task, reportAt: Node | undefined, sink: FindingSink): void {
  if (!sink.wants(K8S.missingRequiredField)) return;
  let start: number;
  let end: number;
  if (reportAt) [start, end] = rangeOf(reportAt);
  else if (task.keyNode) [start, end] = rangeOf(task.keyNode);
  else {
    // No parent key (document root or list item): the first key of the mapping.
    const first = isMap(map) ? (map.items[0]?.key as Node | null | undefined) : undefined;
    [start, end] = first ? rangeOf(first) : [rangeOf(map)[0], rangeOf(map)[0]];
  }
  const where = s.typeName ?? (task.field ? `"${task.field}"` : undefined);
  const names = missing.map((m) => `"${m}"`).join(', ');
  const message = where
    ? format(text('필수 필드가 빠졌습니다: {names} ({where}).', 'Missing required field{s} {names} in {where}.'), { names, where, s: missing.length > 1 ? 's' : '' })
    : format(text('필수 필드가 빠졌습니다: {names}.', 'Missing required field{s} {names}.'), { names, s: missing.length > 1 ? 's' : '' });
  sink.report({ code: K8S.missingRequiredField, start, end, message });
}
