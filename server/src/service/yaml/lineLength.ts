// Lines longer than `kubeNotes.yaml.lineLength.max` characters (YAML106, off by default).
import type { Rule, RuleCode, RuleContext } from '../diagnostics/rule';
import { format, text } from '../l10n/localized';
import { endOfLine } from '../parser/parsedChunk';
import { settingValue } from '../settings';
import { optionsPerSettings } from '../diagnostics/ruleOptions';

export const LINE_LENGTH: RuleCode = {
  code: 'YAML106',
  name: 'lineLength',
  defaultSeverity: 'off',
  noteId: 'yaml',
  title: text('줄이 너무 깁니다', 'Line too long'),
  explanation: text(
    '긴 줄은 읽고 비교하기 어렵습니다. 긴 문자열은 `>` 접힌 블록 문자열로 나누어 쓸 수 있습니다. 최대 길이는 `kubeNotes.yaml.lineLength.max`(기본 120)로 정하고, 공백 없는 긴 단어(URL 등)는 기본으로 허용하며, 이는 `kubeNotes.yaml.lineLength.allowNonBreakableWords`로 바꿀 수 있습니다.',
    'Long lines are hard to read and diff. Long text can be split with a `>` folded block scalar. The limit is `kubeNotes.yaml.lineLength.max` (default 120); long words without spaces (URLs and such) are allowed by default (`kubeNotes.yaml.lineLength.allowNonBreakableWords`).',
  ),
};

const lineLengthOptions = optionsPerSettings((settings) => ({
  max: Math.max(1, settingValue(settings, 'yaml.lineLength.max', 120)),
  allowWords: settingValue(settings, 'yaml.lineLength.allowNonBreakableWords', true),
}));

export const lineLength: Rule = {
  id: 'yaml.lineLength',
  chunkLocal: true,
  codes: [LINE_LENGTH],
  check(context: RuleContext): void {
    if (context.file.isHelmTemplate) return;
    const { max, allowWords } = lineLengthOptions(context.settings);
    const chunk = context.chunk;
    const src = chunk.text;
    const starts = chunk.lineStarts;
    for (let line = 0; line < starts.length; line++) {
      const lineStart = starts[line]!;
      let end = endOfLine(starts, line, src.length);
      if (end > lineStart && src.charCodeAt(end - 1) === 13) end--;
      if (end - lineStart <= max) continue;
      if (allowWords) {
        // Skip indentation, `- ` and a `key: ` prefix; a single remaining word cannot be broken.
        const content = src.slice(lineStart, end).replace(/^\s*(?:-\s+)*(?:[^\s:]+:\s+)?(?:#\s*)?/, '');
        if (!/\s/.test(content.trim())) continue;
      }
      context.report({
        code: LINE_LENGTH.code,
        start: lineStart + max,
        end,
        message: format(text('이 줄은 {n}자로, 최대 {max}자를 넘습니다.', 'This line has {n} characters, more than the limit of {max}.'), { n: end - lineStart, max }),
      });
    }
  },
};
