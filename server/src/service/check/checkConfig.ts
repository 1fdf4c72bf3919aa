// The CLI's configuration: the `kubeNotes` settings section of VS Code (nested, or flattened `kubeNotes.*` keys as in
// .vscode/settings.json), validated strictly, merged with command-line overrides. Pure: callers read the files.
import type { RuleRegistry } from '../diagnostics/ruleRegistry';
import type { Localized } from '../l10n/localized';
import { SUPPORTED_KUBERNETES_VERSIONS } from '../settings';
import { isSeveritySetting, resolveCheckCode } from './checkCodes';

type Section = Record<string, unknown>;

export interface ConfigProblems {
  /** Invalid values: a usage error (exit code 2). */
  readonly errors: Localized[];
  /** Tolerated oddities (unknown rule names), printed on stderr. */
  readonly warnings: Localized[];
}

function isRecord(value: unknown): value is Section {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Strips `//` and `/* *\/` comments and trailing commas from JSON with comments (VS Code's settings.json), keeping
 * strings intact; then `JSON.parse`s it. Throws SyntaxError like JSON.parse.
 */
export function parseJsonc(text: string): unknown {
  let out = '';
  let i = 0;
  const n = text.length;
  while (i < n) {
    const ch = text[i]!;
    if (ch === '"') {
      let j = i + 1;
      while (j < n && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      out += text.slice(i, j + 1);
      i = j + 1;
    } else if (ch === '/' && text[i + 1] === '/') {
      while (i < n && text[i] !== '\n') i += 1;
    } else if (ch === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      i = end === -1 ? n : end + 2;
    } else if (ch === ',') {
      let j = i + 1;
      // Look past whitespace and comments for a closing bracket.
      for (;;) {
        while (j < n && /\s/.test(text[j]!)) j += 1;
        if (text[j] === '/' && text[j + 1] === '/') {
          while (j < n && text[j] !== '\n') j += 1;
        } else if (text[j] === '/' && text[j + 1] === '*') {
          const end = text.indexOf('*/', j + 2);
          j = end === -1 ? n : end + 2;
        } else break;
      }
      if (text[j] !== '}' && text[j] !== ']') out += ch;
      i += 1;
    } else {
      out += ch;
      i += 1;
    }
  }
  return JSON.parse(out.replace(/^\ufeff/, ''));
}

function setPath(target: Section, path: readonly string[], value: unknown): void {
  let current = target;
  for (const part of path.slice(0, -1)) {
    const next = current[part];
    if (!isRecord(next)) current[part] = {};
    current = current[part] as Section;
  }
  current[path[path.length - 1]!] = value;
}

function deepMerge(target: Section, source: Section): Section {
  for (const [key, value] of Object.entries(source)) {
    const existing = target[key];
    if (isRecord(value) && isRecord(existing)) deepMerge(existing, value);
    else target[key] = isRecord(value) ? deepMerge({}, value) : value;
  }
  return target;
}

/**
 * Turns a parsed config file into the nested `kubeNotes` section. Accepted shapes: the section itself
 * (`{ "language": "ko", "lint": {…} }`), `{ "kubeNotes": {…} }`, or VS Code settings with flattened keys
 * (`{ "kubeNotes.lint.trailingSpaces": "off", "[yaml]": { "kubeNotes.…": … } }`; other keys are ignored).
 */
export function sectionFromConfig(parsed: unknown): Section {
  if (parsed === null || parsed === undefined) return {};
  if (!isRecord(parsed)) throw new TypeError('expected an object at the top level');
  const keys = Object.keys(parsed);
  const flattened = keys.some((k) => k === 'kubeNotes' || k.startsWith('kubeNotes.'));
  if (!flattened) return deepMerge({}, parsed);
  const section: Section = {};
  const apply = (object: Section): void => {
    for (const [key, value] of Object.entries(object)) {
      if (key === 'kubeNotes' && isRecord(value)) deepMerge(section, value);
      else if (key.startsWith('kubeNotes.')) {
        const path = key.slice('kubeNotes.'.length).split('.');
        if (isRecord(value)) {
          const holder: Section = {};
          setPath(holder, path, value);
          deepMerge(section, holder);
        } else setPath(section, path, value);
      }
    }
  };
  apply(parsed);
  // Language-specific settings for YAML apply on top, as in VS Code.
  const yamlOverrides = parsed['[yaml]'];
  if (isRecord(yamlOverrides)) apply(yamlOverrides);
  return section;
}

/** `1.33`, `v1.33`, or a YAML number (`1.3` read from an unquoted `1.30`) → a supported version, or undefined. */
export function normalizeKubernetesVersion(value: unknown): string | undefined {
  const supported = SUPPORTED_KUBERNETES_VERSIONS as readonly string[];
  if (typeof value === 'number') return supported.find((v) => Number.parseFloat(v) === value);
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim().replace(/^v/, '');
  return supported.includes(trimmed) ? trimmed : undefined;
}

/** Command-line settings that override the config file. */
export interface SettingOverrides {
  readonly language?: 'ko' | 'en' | 'auto';
  readonly kubernetesVersion?: string;
  /** `--rule CODE_OR_NAME=severity`, in order (later wins). */
  readonly rules?: ReadonlyArray<{ readonly rule: string; readonly severity: string }>;
}

/**
 * Validates a section (in place: version spellings and rule codes are normalised to what the service reads) and
 * applies overrides. Rule codes are stored under their setting name, so a code on the command line beats a name in
 * the file.
 */
export function resolveSection(input: Section, overrides: SettingOverrides, registry: RuleRegistry, origin: string): { section: Section; problems: ConfigProblems } {
  const errors: Localized[] = [];
  const warnings: Localized[] = [];
  const section = deepMerge({}, input);

  const language = section['language'];
  if (language !== undefined && language !== 'auto' && language !== 'ko' && language !== 'en') {
    errors.push({ ko: `${origin}: language는 auto, ko, en 중 하나여야 합니다 (${JSON.stringify(language)}).`, en: `${origin}: language must be auto, ko or en (got ${JSON.stringify(language)}).` });
  }
  const kubernetes = section['kubernetes'];
  if (kubernetes !== undefined && !isRecord(kubernetes)) {
    errors.push({ ko: `${origin}: kubernetes는 객체여야 합니다.`, en: `${origin}: kubernetes must be an object.` });
  } else if (isRecord(kubernetes) && kubernetes['version'] !== undefined) {
    const version = normalizeKubernetesVersion(kubernetes['version']);
    if (version === undefined) {
      errors.push({
        ko: `${origin}: 지원하지 않는 Kubernetes 버전 ${JSON.stringify(kubernetes['version'])} (지원: ${SUPPORTED_KUBERNETES_VERSIONS.join(', ')}; YAML에서는 "1.30"처럼 따옴표로 감싸십시오).`,
        en: `${origin}: unsupported Kubernetes version ${JSON.stringify(kubernetes['version'])} (supported: ${SUPPORTED_KUBERNETES_VERSIONS.join(', ')}; quote it in YAML, e.g. "1.30").`,
      });
    } else kubernetes['version'] = version;
  }

  const lintInput = section['lint'];
  const lint: Section = {};
  if (lintInput !== undefined && !isRecord(lintInput)) {
    errors.push({ ko: `${origin}: lint는 객체여야 합니다.`, en: `${origin}: lint must be an object.` });
  } else if (isRecord(lintInput)) {
    for (const [key, value] of Object.entries(lintInput)) {
      if (typeof value !== 'string' || !isSeveritySetting(value)) {
        errors.push({
          ko: `${origin}: lint.${key}의 값은 off, hint, info, warning, error 중 하나여야 합니다 (${JSON.stringify(value)}).`,
          en: `${origin}: lint.${key} must be off, hint, info, warning or error (got ${JSON.stringify(value)}).`,
        });
        continue;
      }
      const code = resolveCheckCode(registry, key);
      if (!code) {
        warnings.push({ ko: `${origin}: 알 수 없는 규칙 lint.${key} — 무시합니다.`, en: `${origin}: unknown rule lint.${key} — ignored.` });
        lint[key] = value;
        continue;
      }
      lint[code.name] = value;
    }
  }

  if (overrides.language !== undefined) section['language'] = overrides.language;
  if (overrides.kubernetesVersion !== undefined) {
    const version = normalizeKubernetesVersion(overrides.kubernetesVersion);
    if (version === undefined) {
      errors.push({
        ko: `--kubernetes-version: 지원하지 않는 버전 '${overrides.kubernetesVersion}' (지원: ${SUPPORTED_KUBERNETES_VERSIONS.join(', ')}).`,
        en: `--kubernetes-version: unsupported version '${overrides.kubernetesVersion}' (supported: ${SUPPORTED_KUBERNETES_VERSIONS.join(', ')}).`,
      });
    } else {
      section['kubernetes'] = { ...(isRecord(section['kubernetes']) ? section['kubernetes'] : {}), version };
    }
  }
  for (const { rule, severity } of overrides.rules ?? []) {
    const code = resolveCheckCode(registry, rule);
    if (!code) {
      errors.push({ ko: `--rule: 알 수 없는 규칙 '${rule}' (코드 또는 이름; 목록은 --list-rules).`, en: `--rule: unknown rule '${rule}' (a code or name; see --list-rules).` });
      continue;
    }
    if (!isSeveritySetting(severity)) {
      errors.push({ ko: `--rule ${rule}: 심각도는 off, hint, info, warning, error 중 하나여야 합니다 ('${severity}').`, en: `--rule ${rule}: severity must be off, hint, info, warning or error (got '${severity}').` });
      continue;
    }
    lint[code.name] = severity;
  }
  if (Object.keys(lint).length > 0 || lintInput !== undefined) section['lint'] = lint;
  return { section, problems: { errors, warnings } };
}
