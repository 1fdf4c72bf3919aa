// Spaces around the `:` of a mapping entry (YAML102): none before it, one after it.
import type { Rule, RuleCode, RuleContext } from '../diagnostics/rule';
import { format, text } from '../l10n/localized';
import { settingValue } from '../settings';
import { optionsPerSettings } from '../diagnostics/ruleOptions';
import { scanChunk } from './cstScan';
import { lineStartAt, singleEditFix } from './yamlText';

export const COLONS: RuleCode = {
  code: 'YAML102',
  name: 'colons',
  defaultSeverity: 'warning',
  noteId: 'yaml-key-value',
  title: text('콜론 앞뒤 공백이 관례와 다릅니다', 'Unusual spacing around a colon'),
  explanation: text(
    '`key: value`처럼 콜론 앞에는 공백을 두지 않고 뒤에는 공백 하나를 둡니다. `key : value`의 공백은 키 이름의 일부가 아니지만 읽는 사람을 헷갈리게 하고, 값 앞의 여러 공백은 정렬이 깨지기 쉽습니다. 뒤쪽 공백 수는 `kubeNotes.yaml.colons.maxSpacesAfter`로 바꿀 수 있으며, -1로 두면 이 검사를 하지 않습니다.',
    'Write `key: value`: no space before the colon and one after it. The space in `key : value` is not part of the key, but it confuses readers, and several spaces before a value make alignment fragile. The allowed spaces after it can be set with `kubeNotes.yaml.colons.maxSpacesAfter` (-1 turns that check off).',
  ),
};

const maxSpacesAfter = optionsPerSettings((settings) => settingValue(settings, 'yaml.colons.maxSpacesAfter', 1));

export const colons: Rule = {
  id: 'yaml.colons',
  chunkLocal: true,
  codes: [COLONS],
  check(context: RuleContext): void {
    if (context.file.isHelmTemplate || context.chunk.refused) return;
    const chunk = context.chunk;
    const src = chunk.text;
    const maxAfter = maxSpacesAfter(context.settings);
    for (const indicator of scanChunk(chunk).mapIndicators) {
      const at = indicator.offset;
      // Before: `key : value` (not `? key` / `: value` explicit lines, not after an alias where the space is required).
      let before = at;
      while (before > 0 && src[before - 1] === ' ') before--;
      if (before < at && before > lineStartAt(chunk, at) && src[before - 1] !== '\n') {
        let wordStart = before;
        while (wordStart > 0 && !/[\s,[{]/.test(src[wordStart - 1]!)) wordStart--;
        if (src[wordStart] !== '*' && src[wordStart] !== '?' && src[before - 1] !== '-') {
          context.report({
            code: COLONS.code,
            start: before,
            end: at,
            message: text('콜론 앞에 공백이 있습니다. `key: value`처럼 키에 콜론을 붙여 쓰십시오.', 'There is a space before the colon. Attach the colon to the key: `key: value`.'),
            fixes: [singleEditFix(text('콜론 앞 공백 지우기', 'Remove the space before the colon'), before, at, '', true)],
          });
        }
      }
      // After: `key:   value` (a comment or the line end after the spaces is fine).
      if (maxAfter < 0) continue;
      let after = at + 1;
      while (src[after] === ' ') after++;
      const spaces = after - at - 1;
      const next = src[after];
      if (spaces > Math.max(1, maxAfter) && next !== undefined && next !== '\n' && next !== '\r' && next !== '#') {
        context.report({
          code: COLONS.code,
          start: at + 1 + Math.max(1, maxAfter),
          end: after,
          message: format(text('콜론 뒤에 공백이 {n}개 있습니다. 하나만 두십시오.', 'There are {n} spaces after the colon; use one.'), { n: spaces }),
          fixes: [singleEditFix(text('공백 하나만 남기기', 'Keep a single space'), at + 1, after, ' ', true)],
        });
      }
    }
  },
};
