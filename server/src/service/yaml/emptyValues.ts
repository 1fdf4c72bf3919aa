// `key:` with nothing after it (YAML112): the value is null, which is rarely what a manifest author means.
import type { Rule, RuleCode, RuleContext } from '../diagnostics/rule';
import { format, text } from '../l10n/localized';
import { scanChunk } from './cstScan';
import { excerpt, singleEditFix } from './yamlText';

export const EMPTY_VALUE: RuleCode = {
  code: 'YAML112',
  name: 'emptyValue',
  defaultSeverity: 'info',
  noteId: 'yaml-key-value',
  title: text('값이 비어 있습니다 (null)', 'Empty value (null)'),
  explanation: text(
    '`key:` 뒤에 아무것도 없으면 값은 빈 문자열이 아니라 null입니다. Kubernetes는 null을 "설정하지 않음"으로 처리하므로, 예를 들어 `emptyDir:`는 볼륨 종류가 없는 볼륨이 되어 거부됩니다. 빈 객체는 `{}`, 빈 목록은 `[]`, 빈 문자열은 `""`로 쓰고, 정말 null이라면 `null`로 분명히 쓰십시오.',
    'A `key:` with nothing after it has the value null, not an empty string. Kubernetes treats null as "not set", so for example `emptyDir:` becomes a volume with no type and is rejected. Write `{}` for an empty object, `[]` for an empty list, `""` for an empty string, and `null` when you really mean null.',
  ),
};

export const emptyValues: Rule = {
  id: 'yaml.emptyValues',
  chunkLocal: true,
  codes: [EMPTY_VALUE],
  check(context: RuleContext): void {
    if (context.file.isHelmTemplate || context.chunk.refused) return;
    // After a syntax error the tree is partial and "empty" values are usually the error's shadow.
    if (context.chunk.problems.some((p) => !p.isWarning)) return;
    const src = context.chunk.text;
    for (const entry of scanChunk(context.chunk).scalars) {
      if (entry.role !== 'key' || entry.emptyValue !== true) continue;
      const key = entry.token;
      let colon = key.offset + key.source.length;
      while (src[colon] === ' ') colon++;
      if (src[colon] !== ':') continue;
      const at = colon + 1;
      const insert = (value: string, title: [string, string], preferred = false) =>
        singleEditFix(text(title[0], title[1]), at, at, ` ${value}`, preferred);
      context.report({
        code: EMPTY_VALUE.code,
        start: key.offset,
        end: at,
        message: format(
          text('`{key}:`에 값이 없어 null이 됩니다. 빈 객체라면 `{}`, 빈 목록이라면 `[]`, 빈 문자열이라면 `""`로 쓰십시오.', '`{key}:` has no value, so it is null. Write `{}` for an empty object, `[]` for an empty list, or `""` for an empty string.'),
          { key: excerpt(key.source) },
        ),
        fixes: [
          insert('{}', ['빈 객체 {}로 쓰기', 'Use an empty object {}']),
          insert('[]', ['빈 목록 []로 쓰기', 'Use an empty list []']),
          insert('""', ['빈 문자열 ""로 쓰기', 'Use an empty string ""']),
          insert('null', ['null이라고 분명히 쓰기', 'Write null explicitly']),
        ],
      });
    }
  },
};
