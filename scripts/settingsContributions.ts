// The kubeNotes.lint.* and kubeNotes.yaml.* settings VS Code shows, derived from the rule registry (kept in package.json).
import type { RuleCode } from '../server/src/service/diagnostics/rule';

export interface SettingContribution {
  readonly key: string;
  readonly schema: Record<string, unknown>;
  readonly description: { readonly en: string; readonly ko: string };
}

/** `default` keeps the rule's own default; it is not a severity, so the server ignores it. */
export const LINT_LEVELS = ['default', 'off', 'hint', 'info', 'warning', 'error'] as const;

const severityKo: Record<string, string> = { off: '끔', hint: '힌트', info: '정보', warning: '경고', error: '오류' };

function lintSetting(code: RuleCode): SettingContribution {
  return {
    key: `kubeNotes.lint.${code.name}`,
    schema: { type: 'string', enum: [...LINT_LEVELS], default: 'default', scope: 'resource' },
    description: {
      en: `\`${code.code}\` — ${code.title.en}. Severity of this diagnostic; \`default\` keeps the rule's default (\`${code.defaultSeverity}\`).`,
      ko: `\`${code.code}\` — ${code.title.ko}. 이 진단의 심각도입니다. \`default\`는 규칙의 기본값(\`${code.defaultSeverity}\`, ${severityKo[code.defaultSeverity] ?? code.defaultSeverity})을 따릅니다.`,
    },
  };
}

/** Options of the YAML style rules (read with `settingValue` in server/src/service/yaml/**). */
const YAML_OPTIONS: readonly SettingContribution[] = [
  { key: 'kubeNotes.yaml.lineLength.max', schema: { type: 'integer', minimum: 20, default: 120 }, description: { en: 'Longest allowed line for `lineLength` (YAML106, off by default).', ko: '`lineLength`(YAML106, 기본으로 꺼짐)가 허용하는 가장 긴 줄의 길이입니다.' } },
  { key: 'kubeNotes.yaml.lineLength.allowNonBreakableWords', schema: { type: 'boolean', default: true }, description: { en: 'Let `lineLength` accept long lines that are one unbreakable word (URLs, keys).', ko: '끊을 수 없는 한 단어(URL, 키)로 된 긴 줄은 `lineLength`가 허용합니다.' } },
  { key: 'kubeNotes.yaml.colons.maxSpacesAfter', schema: { type: 'integer', minimum: -1, default: 1 }, description: { en: 'Most spaces allowed after a colon (YAML102); `-1` turns that check off.', ko: '콜론 뒤에 허용하는 공백의 최대 개수입니다(YAML102). `-1`이면 이 검사를 하지 않습니다.' } },
  { key: 'kubeNotes.yaml.commentSpacing.minSpacesFromContent', schema: { type: 'integer', minimum: 1, default: 1 }, description: { en: 'Fewest spaces between content and a `#` comment on the same line (YAML117).', ko: '같은 줄에서 내용과 `#` 주석 사이에 둘 최소 공백 수입니다(YAML117).' } },
  { key: 'kubeNotes.yaml.emptyLines.max', schema: { type: 'integer', minimum: 0, default: 2 }, description: { en: 'Most blank lines in a row (YAML116).', ko: '연속으로 둘 수 있는 빈 줄의 최대 개수입니다(YAML116).' } },
  { key: 'kubeNotes.yaml.indentation.spaces', schema: { type: 'integer', minimum: 0, maximum: 8, default: 0 }, description: { en: 'Indentation width for YAML104 and the tab fixes; `0` accepts any width used consistently within a document.', ko: 'YAML104와 탭 수정에 쓰는 들여쓰기 폭입니다. `0`은 한 문서 안에서 일관되면 어떤 폭이든 허용합니다.' } },
  { key: 'kubeNotes.yaml.indentation.sequences', schema: { type: 'string', enum: ['whatever', 'consistent', 'indented', 'notIndented'], default: 'whatever' }, description: { en: 'Where `- ` items sit under their key (YAML104): `whatever` (both styles, the Kubernetes norm), `consistent` (one style per document), `indented` or `notIndented` (at the key\'s column).', ko: '`- ` 항목이 키 아래 어디에 올지 정합니다(YAML104): `whatever`(두 방식 모두, 쿠버네티스의 관례), `consistent`(문서마다 한 방식), `indented`(들여쓰기), `notIndented`(키와 같은 열).' } },
  { key: 'kubeNotes.yaml.documentStart.present', schema: { type: 'string', enum: ['require', 'forbid'], default: 'require' }, description: { en: 'With `documentStart` (YAML113) turned on: require or forbid the `---` marker.', ko: '`documentStart`(YAML113)를 켰을 때 `---` 표시를 요구할지 금지할지 정합니다.' } },
  { key: 'kubeNotes.yaml.documentEnd.present', schema: { type: 'string', enum: ['require', 'forbid'], default: 'require' }, description: { en: 'With `documentEnd` (YAML114) turned on: require or forbid the `...` marker.', ko: '`documentEnd`(YAML114)를 켰을 때 `...` 표시를 요구할지 금지할지 정합니다.' } },
  { key: 'kubeNotes.yaml.truthy.allowed', schema: { type: 'array', items: { type: 'string' }, default: ['true', 'false'] }, description: { en: 'Boolean spellings `truthy` (YAML108) accepts.', ko: '`truthy`(YAML108)가 허용하는 불리언 표기입니다.' } },
  { key: 'kubeNotes.yaml.truthy.checkKeys', schema: { type: 'boolean', default: true }, description: { en: 'Also check mapping keys with `truthy` (YAML108).', ko: '`truthy`(YAML108)가 매핑의 키도 검사합니다.' } },
];

/** Every generated setting, lint severities first (by code), then the YAML options. */
export function settingContributions(codes: readonly RuleCode[]): SettingContribution[] {
  return [...[...codes].sort((a, b) => a.code.localeCompare(b.code)).map(lintSetting), ...YAML_OPTIONS];
}

/** The nls key of a generated setting's description. */
export function nlsKeyOf(settingKey: string): string {
  return `config.${settingKey.replace(/^kubeNotes\./, '')}`;
}
