// Plain values that kubectl (YAML 1.1 rules) reads differently from YAML 1.2: yes/no/on/off (YAML107), True/FALSE style (YAML108), 0644 (YAML109), 1_000, 0b101, 1:20 (YAML110).
import type { FindingFix, Rule, RuleCode, RuleContext, Severity } from '../diagnostics/rule';
import { format, text, type Localized } from '../l10n/localized';
import { settingValue } from '../settings';
import { optionsPerSettings } from '../diagnostics/ruleOptions';
import { scanChunk, type ScalarEntry } from './cstScan';
import { doubleQuote, singleEditFix } from './yamlText';
import { SEXAGESIMAL } from '../preview/goYamlScalar';

export const YAML11_BOOLEAN: RuleCode = {
  code: 'YAML107',
  supersededBy: ['K8S002'],
  name: 'yaml11Boolean',
  defaultSeverity: 'warning',
  noteId: 'yaml-scalar-types',
  title: text('kubectl이 참/거짓으로 읽는 값입니다 (yes/no/on/off)', 'Value kubectl reads as a boolean (yes/no/on/off)'),
  explanation: text(
    'kubectl은 YAML 1.1 규칙으로 매니페스트를 읽기 때문에 따옴표 없는 `yes`, `no`, `on`, `off`, `y`, `n`을 참/거짓(true/false)으로 바꿔 API 서버에 보냅니다. YAML 1.2를 따르는 도구는 같은 값을 문자열로 읽습니다. 그래서 `value: no`는 `false`로 도착하고, 문자열이 필요한 자리(환경 변수 값, 레이블, ConfigMap data)에서는 적용이 실패합니다. 글자 그대로 쓰려면 따옴표로 감싸고, 참/거짓이라면 `true`/`false`로 쓰십시오.',
    'kubectl reads manifests with YAML 1.1 rules, so unquoted `yes`, `no`, `on`, `off`, `y` and `n` become the booleans true/false before they reach the API server, while YAML 1.2 tools read them as strings. `value: no` arrives as `false`, and where a string is required (env values, labels, ConfigMap data) the apply fails. Quote the word to keep it as text, or write `true`/`false` for a boolean.',
  ),
};

export const TRUTHY: RuleCode = {
  code: 'YAML108',
  name: 'truthy',
  defaultSeverity: 'info',
  noteId: 'yaml-scalar-types',
  title: text('참/거짓은 소문자 true/false로 쓰십시오', 'Write booleans as lowercase true/false'),
  explanation: text(
    '`True`, `TRUE`, `False`, `FALSE`도 참/거짓으로 읽히지만, Kubernetes 문서와 대부분의 도구는 소문자 `true`/`false`를 씁니다. 허용할 표기는 `kubeNotes.yaml.truthy.allowed` 설정으로 바꿀 수 있습니다.',
    '`True`, `TRUE`, `False` and `FALSE` are read as booleans too, but the Kubernetes docs and most tools write lowercase `true`/`false`. The accepted spellings can be changed with `kubeNotes.yaml.truthy.allowed`.',
  ),
};

export const OCTAL_VALUE: RuleCode = {
  code: 'YAML109',
  supersededBy: ['K8S002'],
  name: 'octalValue',
  defaultSeverity: 'warning',
  noteId: 'yaml-scalar-types',
  title: text('0으로 시작하는 숫자는 kubectl이 8진수로 읽습니다', 'Leading-zero number is octal for kubectl'),
  explanation: text(
    'kubectl(YAML 1.1)은 `0644`처럼 0으로 시작하는 숫자를 8진수로 읽어 420을 보냅니다. YAML 1.2 도구는 같은 값을 10진수 644로 읽습니다. 파일 권한(`defaultMode`, `mode`)이라면 kubectl이 읽는 값이 적용되지만, 도구마다 결과가 다르지 않도록 10진수(420)로 쓰거나, 문자열이라면 따옴표로 감싸십시오.',
    'kubectl (YAML 1.1) reads a number with a leading zero such as `0644` as octal and sends 420; YAML 1.2 tools read the decimal 644. For file modes (`defaultMode`, `mode`) kubectl\'s reading is what applies, but to make every tool agree write the decimal (420), or quote it if it is text.',
  ),
};

export const YAML11_NUMBER: RuleCode = {
  code: 'YAML110',
  supersededBy: ['K8S002'],
  name: 'yaml11Number',
  defaultSeverity: 'warning',
  noteId: 'yaml-scalar-types',
  title: text('YAML 1.1과 1.2가 다르게 읽는 숫자입니다', 'Number read differently by YAML 1.1 and 1.2'),
  explanation: text(
    '`1_000`과 `0b1010`은 kubectl(YAML 1.1)에게는 숫자(1000, 10)지만 YAML 1.2 도구에게는 문자열입니다. `1:20` 같은 60진수는 YAML 1.1 명세(PyYAML 등)에서는 숫자 80이지만, kubectl과 YAML 1.2 도구는 문자열로 읽습니다. 숫자라면 보통 10진수로, 문자열이라면 따옴표로 써서 모든 도구가 같게 읽도록 하십시오.',
    '`1_000` and `0b1010` are numbers (1000, 10) for kubectl (YAML 1.1) but strings for YAML 1.2 tools. Base-60 values such as `1:20` are the number 80 under the YAML 1.1 spec (PyYAML and others), while kubectl and YAML 1.2 tools read a string. Write plain decimals for numbers and quote text, so every tool reads the same thing.',
  ),
};

// Maps, not object literals: `toString` or `constructor` must not find Object.prototype's functions.
const YAML11_BOOLEANS: ReadonlyMap<string, boolean> = new Map(Object.entries({
  y: true, Y: true, yes: true, Yes: true, YES: true, on: true, On: true, ON: true,
  n: false, N: false, no: false, No: false, NO: false, off: false, Off: false, OFF: false,
}));
const CAPITAL_BOOLEANS: ReadonlyMap<string, boolean> = new Map(Object.entries({ True: true, TRUE: true, False: false, FALSE: false }));
const OCTAL = /^([-+]?)0([0-7_]+)$/;
const UNDERSCORE_NUMBER = /^[-+]?(?:[0-9][0-9_]*_[0-9_]*(?:\.[0-9_]*)?|[0-9][0-9_]*\.[0-9_]*_[0-9_]*)$/;
const BINARY = /^([-+]?)0b([01_]+)$/;

/** Keys whose values Kubernetes requires to be strings (maps and lists of strings). */
const STRING_OWNERS = new Set(['data', 'stringData', 'labels', 'annotations', 'nodeSelector', 'matchLabels', 'args', 'command', 'binaryData']);

function isStringContext(entry: ScalarEntry): boolean {
  if (entry.role === 'key' || entry.role === 'flowKey') return false;
  if (entry.owner !== undefined && STRING_OWNERS.has(entry.owner)) return true;
  return entry.key === 'value' && entry.owner === 'env';
}

const QUOTE_TITLE = (v: string): Localized => format(text('따옴표로 감싸 {q}처럼 쓰기', 'Quote it as the string {q}'), { q: doubleQuote(v) });

/** The rule's options, read once per settings object (not once per chunk). */
interface Yaml11Options {
  readonly allowed: ReadonlySet<string>;
  readonly checkKeys: boolean;
}

const optionsOf = optionsPerSettings((settings): Yaml11Options => {
  const allowedSetting = settingValue<unknown>(settings, 'yaml.truthy.allowed', ['true', 'false']);
  const allowed = new Set(Array.isArray(allowedSetting) ? allowedSetting.filter((v): v is string => typeof v === 'string') : ['true', 'false']);
  return { allowed, checkKeys: settingValue(settings, 'yaml.truthy.checkKeys', true) };
});

/** Whether a letter can start a boolean spelling (y/yes/on/n/no/off in any case style, True/False): cheap pre-check. */
function mayBeBoolean(first: number): boolean {
  return first === 121 || first === 89 || first === 111 || first === 79 || first === 110 || first === 78 || first === 84 || first === 70;
}

export const yaml11Values: Rule = {
  id: 'yaml.yaml11Values',
  chunkLocal: true,
  codes: [YAML11_BOOLEAN, TRUTHY, OCTAL_VALUE, YAML11_NUMBER],
  check(context: RuleContext): void {
    if (context.file.isHelmTemplate || context.chunk.refused) return;
    const options = optionsOf(context.settings);
    for (const entry of scanChunk(context.chunk).scalars) {
      const token = entry.token;
      if (token.type !== 'scalar' || entry.tagged === true) continue;
      const value = token.source;
      if (value.length > 40 || value.length === 0) continue;
      const first = value.charCodeAt(0);
      if (first >= 65) {
        // Every boolean spelling has at most five letters; other words need no lookup at all.
        if (value.length <= 5 && mayBeBoolean(first)) checkBooleanWord(context, entry, value, options);
      } else if (first === 43 || first === 45 || (first >= 48 && first <= 57)) {
        // Octal and binary need a leading 0 (after an optional sign), the others `_` or `:`.
        const zero = first === 48 || ((first === 43 || first === 45) && value.charCodeAt(1) === 48);
        if (zero || value.indexOf('_') !== -1 || value.indexOf(':') !== -1) checkNumberLike(context, entry, value);
      }
    }
  },
};

// The few scalars the loop above lets through are checked in functions of their own: the loop runs for every scalar
// of every chunk, and V8 optimizes a small function sooner.

/** A word of at most five letters: yes/no/on/off (YAML107) or True/FALSE (YAML108). */
function checkBooleanWord(context: RuleContext, entry: ScalarEntry, value: string, { allowed, checkKeys }: Yaml11Options): void {
  const isKey = entry.role === 'key' || entry.role === 'flowKey';
  const start = entry.token.offset;
  const end = start + value.length;
  const yaml11 = YAML11_BOOLEANS.get(value);
  const capital = CAPITAL_BOOLEANS.get(value);
  if (yaml11 === undefined && capital === undefined) return;
  if (allowed.has(value)) return;
  if (isKey && !checkKeys) return;
  const stringContext = isStringContext(entry);
  const bool = String(yaml11 ?? capital);
  const fixes: FindingFix[] = [];
  const quote = singleEditFix(QUOTE_TITLE(value), start, end, doubleQuote(value), stringContext || isKey);
  if (yaml11 !== undefined) {
    const replace = singleEditFix(format(text('불리언 값 {b}로 바꾸기', 'Use the boolean {b}'), { b: bool }), start, end, bool, false);
    fixes.push(quote, replace);
    const message = isKey
      ? text(`kubectl은 \`${value}\` 키를 불리언 값으로 읽어 JSON의 "${bool}" 키로 보냅니다. 글자 그대로의 키라면 따옴표로 감싸십시오.`, `kubectl reads the key \`${value}\` as the boolean \`${bool}\` and sends the JSON key "${bool}". Quote it to keep the word.`)
      : stringContext
        ? text(`kubectl은 \`${value}\` 값을 불리언 \`${bool}\` 값으로 읽습니다. 이 자리는 문자열만 받으므로 적용이 실패합니다. 따옴표로 감싸 ${doubleQuote(value)}처럼 쓰십시오.`, `kubectl reads \`${value}\` as the boolean \`${bool}\`, but this field only accepts strings, so the apply fails. Quote it: ${doubleQuote(value)}.`)
        : text(`kubectl(YAML 1.1)은 \`${value}\` 값을 불리언 \`${bool}\` 값으로 보내지만, YAML 1.2 도구는 "${value}" 문자열로 읽습니다. 글자라면 따옴표로 감싸고, 참/거짓이라면 \`${bool}\`처럼 쓰십시오.`, `kubectl (YAML 1.1) sends \`${value}\` as the boolean \`${bool}\`, while YAML 1.2 tools read the string "${value}". Quote it if it is text, or write \`${bool}\` for a boolean.`);
    context.report({ code: YAML11_BOOLEAN.code, start, end, message, fixes });
  } else {
    const lower = singleEditFix(format(text('소문자 {b}로 쓰기', 'Write it as {b}'), { b: bool }), start, end, bool, !stringContext && !isKey);
    fixes.push(...(stringContext ? [quote, lower] : [lower, quote]));
    const message = stringContext
      ? text(`\`${value}\` 값은 불리언이라서 문자열만 받는 이 자리에서는 적용이 실패합니다. 따옴표로 감싸십시오.`, `\`${value}\` is a boolean, and this field only accepts strings, so the apply fails. Quote it.`)
      : text(`참/거짓 값은 소문자 \`${bool}\`로 쓰는 것이 관례입니다.`, `Booleans are conventionally written in lowercase: \`${bool}\`.`);
    context.report({ code: TRUTHY.code, start, end, message, fixes, ...(stringContext ? { severity: 'warning' as Severity } : {}) });
  }
}

/** A number with a sign or digit first: octal 0644 (YAML109), 1_000 or 0b101 (YAML110), base-60 1:20 (YAML110, info). */
function checkNumberLike(context: RuleContext, entry: ScalarEntry, value: string): void {
  const start = entry.token.offset;
  const end = start + value.length;
  const stringContext = isStringContext(entry);
  const octal = OCTAL.exec(value);
  if (octal && /[1-7]/.test(octal[2]!)) {
    const digits = octal[2]!.replace(/_/g, '');
    const decimal = `${octal[1] === '-' ? '-' : ''}${parseInt(digits, 8)}`;
    const modeKey = entry.key !== undefined && /mode$/i.test(entry.key);
    context.report({
      code: OCTAL_VALUE.code,
      start,
      end,
      message: format(
        text('kubectl은 `{v}` 값을 8진수로 읽어 {d} 값을 보내지만, YAML 1.2 도구는 10진수 {plain} 값으로 읽습니다. 8진수 권한이라면 `{d}`처럼 쓰고, 문자열이라면 따옴표로 감싸십시오.', 'kubectl reads `{v}` as octal and sends {d}, while YAML 1.2 tools read the decimal {plain}. Write {d} for an octal mode, or quote it if it is text.'),
        { v: value, d: decimal, plain: String(Number(value.replace(/_/g, ''))) },
      ),
      fixes: [
        singleEditFix(format(text('kubectl이 보내는 10진수 값 {d} 쓰기', 'Write the decimal kubectl sends: {d}'), { d: decimal }), start, end, decimal, modeKey && !stringContext),
        singleEditFix(QUOTE_TITLE(value), start, end, doubleQuote(value), stringContext),
      ],
    });
    return;
  }
  const binary = BINARY.exec(value);
  if (binary || UNDERSCORE_NUMBER.test(value)) {
    const decimal = binary ? `${binary[1] === '-' ? '-' : ''}${parseInt(binary[2]!.replace(/_/g, ''), 2)}` : value.replace(/_/g, '');
    context.report({
      code: YAML11_NUMBER.code,
      start,
      end,
      message: format(
        text('kubectl(YAML 1.1)은 `{v}` 값을 숫자 {d} 값으로 보내지만, YAML 1.2 도구는 "{v}" 문자열로 읽습니다. 숫자라면 `{d}`처럼 쓰고, 문자열이라면 따옴표로 감싸십시오.', 'kubectl (YAML 1.1) sends `{v}` as the number {d}, while YAML 1.2 tools read the string "{v}". Write {d} for a number, or quote it if it is text.'),
        { v: value, d: decimal },
      ),
      fixes: [
        singleEditFix(format(text('{d} 값으로 쓰기', 'Write {d}'), { d: decimal }), start, end, decimal, !stringContext),
        singleEditFix(QUOTE_TITLE(value), start, end, doubleQuote(value), stringContext),
      ],
    });
    return;
  }
  if (SEXAGESIMAL.test(value)) {
    const parts = value.replace(/^[-+]/, '').replace(/_/g, '').split(':').map(Number);
    const base60 = parts.reduce((acc, part) => acc * 60 + part, 0) * (value.startsWith('-') ? -1 : 1);
    context.report({
      code: YAML11_NUMBER.code,
      start,
      end,
      severity: 'info',
      message: format(
        text('`{v}` 값은 YAML 1.1 명세를 따르는 도구(PyYAML 등)에게는 60진수로 계산한 숫자({n})이고, kubectl과 YAML 1.2 도구에게는 문자열입니다. 모든 도구가 같게 읽도록 따옴표로 감싸십시오.', '`{v}` is the base-60 number {n} for tools that follow the YAML 1.1 spec (PyYAML and others) but a string for kubectl and YAML 1.2 tools. Quote it so every tool reads the same.'),
        { v: value, n: base60 },
      ),
      fixes: [singleEditFix(QUOTE_TITLE(value), start, end, doubleQuote(value), true)],
    });
  }
}
