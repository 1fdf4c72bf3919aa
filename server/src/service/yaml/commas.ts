// Spaces around commas in flow collections `[a, b]` / `{a: 1, b: 2}` (YAML103): none before, one after.
import type { Rule, RuleCode, RuleContext } from '../diagnostics/rule';
import { text } from '../l10n/localized';
import { scanChunk } from './cstScan';
import { singleEditFix } from './yamlText';

export const COMMAS: RuleCode = {
  code: 'YAML103',
  name: 'commas',
  defaultSeverity: 'hint',
  noteId: 'yaml-lists',
  title: text('쉼표 앞뒤 공백이 관례와 다릅니다', 'Unusual spacing around a comma'),
  explanation: text(
    '`[a, b]`, `{a: 1, b: 2}`처럼 흐름 형식의 쉼표 앞에는 공백을 두지 않고 뒤에는 공백 하나를 둡니다. 의미는 같지만 읽기 쉬워집니다.',
    'In flow style (`[a, b]`, `{a: 1, b: 2}`) a comma has no space before it and one space after it. The meaning is the same; it just reads better.',
  ),
};

export const commas: Rule = {
  id: 'yaml.commas',
  chunkLocal: true,
  codes: [COMMAS],
  check(context: RuleContext): void {
    if (context.file.isHelmTemplate || context.chunk.refused) return;
    if (context.chunk.problems.some((p) => !p.isWarning)) return; // style hints on a broken line are noise
    const src = context.chunk.text;
    for (const comma of scanChunk(context.chunk).commas) {
      const at = comma.offset;
      let before = at;
      while (before > 0 && src[before - 1] === ' ') before--;
      if (before < at && src[before - 1] !== '\n' && before > 0) {
        context.report({
          code: COMMAS.code,
          start: before,
          end: at,
          message: text('쉼표 앞에 공백이 있습니다.', 'There is a space before the comma.'),
          fixes: [singleEditFix(text('쉼표 앞 공백 지우기', 'Remove the space before the comma'), before, at, '', true)],
        });
      }
      const next = src[at + 1];
      if (next !== undefined && next !== ' ' && next !== '\n' && next !== '\r' && next !== ']' && next !== '}') {
        context.report({
          code: COMMAS.code,
          start: at,
          end: at + 1,
          message: text('쉼표 뒤에 공백이 없습니다.', 'There is no space after the comma.'),
          fixes: [singleEditFix(text('쉼표 뒤에 공백 넣기', 'Insert a space after the comma'), at + 1, at + 1, ' ', true)],
        });
      } else if (next === ' ' && src[at + 2] === ' ') {
        let after = at + 1;
        while (src[after] === ' ') after++;
        if (src[after] !== '\n' && src[after] !== '\r' && src[after] !== '#' && after < src.length) {
          context.report({
            code: COMMAS.code,
            start: at + 2,
            end: after,
            message: text('쉼표 뒤에 공백이 여러 개 있습니다.', 'There are several spaces after the comma.'),
            fixes: [singleEditFix(text('공백 하나만 남기기', 'Keep a single space'), at + 1, after, ' ', true)],
          });
        }
      }
    }
  },
};
