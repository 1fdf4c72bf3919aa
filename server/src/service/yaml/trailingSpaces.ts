// Spaces or tabs at the end of a line (YAML105); inside `|`/`>` block text they are part of the value and reported as such.
import type { Rule, RuleCode, RuleContext } from '../diagnostics/rule';
import { text } from '../l10n/localized';
import { endOfLine } from '../parser/parsedChunk';
import { scanChunk } from './cstScan';
import { insideRanges, singleEditFix } from './yamlText';

export const TRAILING_SPACES: RuleCode = {
  code: 'YAML105',
  name: 'trailingSpaces',
  defaultSeverity: 'warning',
  noteId: 'yaml',
  title: text('줄 끝에 공백이 있습니다', 'Trailing white space'),
  explanation: text(
    '줄 끝의 공백은 보이지 않아서 diff를 어지럽히고, `|`·`>` 블록 문자열 안에서는 값의 일부가 됩니다. 블록 문자열에 줄 끝 공백이 있으면 `kubectl get -o yaml`이 그 값을 `\\n`이 든 한 줄짜리 따옴표 문자열로 보여 줍니다. 지우십시오.',
    'Trailing white space is invisible, clutters diffs, and inside `|`/`>` block text it becomes part of the value. With trailing spaces in block text, `kubectl get -o yaml` prints the value as one quoted line full of `\\n`. Remove it.',
  ),
};

export const trailingSpaces: Rule = {
  id: 'yaml.trailingSpaces',
  chunkLocal: true,
  codes: [TRAILING_SPACES],
  check(context: RuleContext): void {
    if (context.file.isHelmTemplate) return;
    const chunk = context.chunk;
    const src = chunk.text;
    const starts = chunk.lineStarts;
    const bodies = chunk.refused ? [] : scanChunk(chunk).blockBodies;
    for (let line = 0; line < starts.length; line++) {
      const lineStart = starts[line]!;
      let end = endOfLine(starts, line, src.length);
      if (end > lineStart && src.charCodeAt(end - 1) === 13) end--;
      let start = end;
      while (start > lineStart && (src.charCodeAt(start - 1) === 32 || src.charCodeAt(start - 1) === 9)) start--;
      if (start === end) continue;
      const inBlock = bodies.length > 0 && insideRanges(bodies, start);
      if (inBlock) {
        if (start === lineStart) continue; // indentation of an empty line in block text is not content
        context.report({
          code: TRAILING_SPACES.code,
          start,
          end,
          message: text(
            '블록 문자열 안의 줄 끝 공백은 값의 일부입니다. 의도한 것이 아니라면 지우십시오 (남아 있으면 `kubectl get -o yaml`이 이 값을 한 줄짜리 따옴표 문자열로 보여 줍니다).',
            'Trailing spaces inside block text are part of the value. Remove them unless intended (otherwise `kubectl get -o yaml` prints this value as one quoted line).',
          ),
          fixes: [singleEditFix(text('줄 끝 공백 지우기 (값이 바뀝니다)', 'Remove the trailing spaces (changes the value)'), start, end, '', false)],
        });
        continue;
      }
      context.report({
        code: TRAILING_SPACES.code,
        start,
        end,
        message: text('줄 끝에 공백이 있습니다.', 'This line ends with white space.'),
        fixes: [singleEditFix(text('줄 끝 공백 지우기', 'Remove the trailing white space'), start, end, '', true)],
      });
    }
  },
};
