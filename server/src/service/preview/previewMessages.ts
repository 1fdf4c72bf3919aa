// Korean/English texts of the JSON preview's notes.
import { format, text, type Localized } from '../l10n/localized';

export const previewText = {
  yaml11Value: (source: string, kubectl: string, yaml12: string): Localized =>
    format(
      text('kubectl(YAML 1.1)은 `{s}`를 {k}(으)로 보냅니다. YAML 1.2 도구는 {t}(으)로 읽습니다.', 'kubectl (YAML 1.1) sends `{s}` as {k}; YAML 1.2 tools read {t}.'),
      { s: source, k: kubectl, t: yaml12 },
    ),
  yaml11Key: (source: string, kubectl: string, yaml12: string): Localized =>
    format(
      text('kubectl(YAML 1.1)은 키 `{s}`를 JSON 키 {k}(으)로 보냅니다. YAML 1.2 도구는 {t}(으)로 읽습니다.', 'kubectl (YAML 1.1) sends the key `{s}` as the JSON key {k}; YAML 1.2 tools read {t}.'),
      { s: source, k: kubectl, t: yaml12 },
    ),
  sexagesimal: (source: string, base60: number): Localized =>
    format(
      text(
        '`{s}`는 kubectl과 YAML 1.2 도구에게는 문자열이지만, YAML 1.1 명세를 따르는 도구(PyYAML 등)는 60진수 {n}(으)로 읽습니다.',
        '`{s}` is a string for kubectl and YAML 1.2 tools, but tools that follow the YAML 1.1 spec (PyYAML and others) read the base-60 number {n}.',
      ),
      { s: source, n: base60 },
    ),
  mergeKey: text(
    '병합 키 `<<`: kubectl(YAML 1.1)은 가리키는 매핑의 키들을 여기에 복사합니다. YAML 1.2에는 병합 키가 없어서, 지원하지 않는 도구는 "<<"라는 키를 그대로 둡니다.',
    'Merge key `<<`: kubectl (YAML 1.1) copies the keys of the referenced mapping here. YAML 1.2 has no merge keys, so tools without merge support keep a literal "<<" key.',
  ),
  customTag: (tag: string): Localized =>
    format(text('태그 {t}: kubectl은 이 태그를 해석하지 못해 글자 그대로 문자열로 보냅니다.', 'Tag {t}: kubectl cannot resolve it and sends the text as a string.'), { t: tag }),
  tagMismatch: (tag: string, source: string): Localized =>
    format(text('kubectl은 `{s}`를 {t}(으)로 읽을 수 없어 이 문서를 거부합니다.', 'kubectl cannot read `{s}` as {t} and rejects this document.'), { t: tag, s: source }),
  nonFinite: (source: string): Localized =>
    format(
      text('`{s}`는 JSON으로 나타낼 수 없는 수라서 kubectl이 실패합니다(json: unsupported value). 미리 보기에는 null로 표시합니다.', '`{s}` is a number JSON cannot represent, so kubectl fails (json: unsupported value). The preview shows null.'),
      { s: source },
    ),
  unresolvedAlias: (name: string): Localized =>
    format(text('정의되지 않은 앵커를 가리키는 별칭 *{a}입니다. kubectl은 이 문서를 거부합니다.', 'Alias *{a} refers to an anchor that is not defined before it; kubectl rejects this document.'), { a: name }),
  cycle: (name: string): Localized =>
    format(
      text('별칭 *{a}가 자기 자신을 담고 있는 앵커를 가리킵니다(순환). kubectl은 거부합니다("anchor value contains itself"). 미리 보기에는 null로 표시합니다.', 'Alias *{a} points into its own anchor (a cycle); kubectl rejects it ("anchor value contains itself"). The preview shows null.'),
      { a: name },
    ),
  mergeValue: text(
    '병합 키 `<<`의 값은 매핑이나 매핑의 목록이어야 합니다. kubectl은 이 문서를 거부합니다.',
    'The value of a merge key `<<` must be a mapping or a list of mappings; kubectl rejects this document.',
  ),
  mergeTooDeep: (depth: number): Localized =>
    format(text('병합 키가 {d}단계 넘게 이어져 미리 보기가 여기서 멈춥니다.', 'Merge keys nest deeper than {d} levels; the preview stops following them here.'), { d: depth }),
  duplicateKey: (key: string): Localized =>
    format(text('키 {k}가 이 매핑에 두 번 이상 있습니다. kubectl은 마지막 값을 보냅니다.', 'The key {k} appears more than once in this mapping; kubectl sends the last value.'), { k: key }),
  nullKey: text('null 키는 JSON 키가 될 수 없어 kubectl이 실패합니다(unsupported map key).', 'A null key cannot become a JSON key, so kubectl fails (unsupported map key).'),
  collectionKey: text('매핑이나 목록은 JSON 키가 될 수 없어 kubectl이 실패합니다.', 'A mapping or list cannot become a JSON key, so kubectl fails.'),
  excessiveAliasing: text(
    '별칭이 너무 많이 펼쳐집니다(별칭 폭탄). kubectl도 이 문서를 거부합니다("document contains excessive aliasing"). 미리 보기는 여기서 멈춥니다.',
    'Aliases expand too much (an alias bomb). kubectl rejects this document too ("document contains excessive aliasing"). The preview stops here.',
  ),
  nodeBudget: (nodes: number): Localized =>
    format(text('값이 {n}개를 넘어 미리 보기가 여기서 멈춥니다.', 'More than {n} values; the preview stops here.'), { n: nodes }),
  outputLimit: (size: string): Localized =>
    format(text('JSON이 {m}를 넘어 미리 보기를 여기서 자릅니다.', 'The JSON exceeds {m}; the preview is cut here.'), { m: size }),
  timeout: (ms: number): Localized =>
    format(text('변환이 {t}ms를 넘어 미리 보기가 여기서 멈춥니다.', 'Conversion took longer than {t} ms; the preview stops here.'), { t: ms }),
  notAnObject: text(
    '이 문서는 객체(매핑)가 아닙니다. kubectl은 apiVersion과 kind가 있는 객체를 기대합니다.',
    'This document is not an object (mapping); kubectl expects an object with apiVersion and kind.',
  ),
  nullDocument: text('null 문서입니다. kubectl은 이 문서를 건너뜁니다.', 'A null document; kubectl skips it.'),
  syntax: (message: string): Localized => format(text('YAML 구문 오류: {m}', 'YAML syntax error: {m}'), { m: message }),
  refused: (message: string): Localized => format(text('이 문서는 변환하지 않았습니다: {m}', 'This document was not converted: {m}'), { m: message }),
  helm: text(
    'Helm 템플릿으로 보입니다. kubectl은 이 글자를 보지 못합니다. `helm template`이 먼저 렌더링한 결과가 전달됩니다.',
    'This looks like a Helm template. kubectl never sees this text: `helm template` renders it first.',
  ),
  truncatedMarker: (size: string): string => `… truncated by Kube Notes: the JSON exceeds ${size}`,
  stoppedMarker: (reason: string): string => `… stopped by Kube Notes: ${reason}`,
};

/** A character count as `5 MB` or `4 KB` (JSON output is mostly ASCII, so characters ≈ bytes). */
export function formatSize(chars: number): string {
  const mb = chars / (1024 * 1024);
  if (mb >= 1) return `${Number.isInteger(mb) ? mb : mb.toFixed(1)} MB`;
  return `${Math.max(1, Math.round(chars / 1024))} KB`;
}
