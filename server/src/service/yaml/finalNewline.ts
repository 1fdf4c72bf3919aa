// End of file (YAML115 finalNewline, YAML121 emptyLinesAtEnd): exactly one newline after the last line.
import type { Rule, RuleCode, RuleContext } from '../diagnostics/rule';
import { text } from '../l10n/localized';
import { eolOf, singleEditFix } from './yamlText';

export const FINAL_NEWLINE: RuleCode = {
  code: 'YAML115',
  name: 'finalNewline',
  defaultSeverity: 'warning',
  noteId: 'yaml',
  title: text('파일 끝에 줄바꿈이 없습니다', 'No newline at end of file'),
  explanation: text(
    '텍스트 파일은 줄바꿈으로 끝나는 것이 관례입니다. 없으면 `cat`으로 파일을 이어 붙일 때 다음 파일의 `---`가 마지막 줄에 붙어 문서가 깨지고, diff에 "No newline at end of file"이 나옵니다.',
    'Text files conventionally end with a newline. Without one, concatenating files (`cat a.yaml b.yaml`) glues the next file\'s `---` onto the last line and breaks the document, and diffs show "No newline at end of file".',
  ),
};

export const EMPTY_LINES_AT_END: RuleCode = {
  code: 'YAML121',
  name: 'emptyLinesAtEnd',
  defaultSeverity: 'info',
  noteId: 'yaml',
  title: text('파일 끝에 빈 줄이 있습니다', 'Blank lines at end of file'),
  explanation: text(
    '파일 끝의 빈 줄은 아무 의미가 없습니다. 마지막 줄 뒤에는 줄바꿈 하나만 두십시오.',
    'Blank lines at the end of a file mean nothing; end the last line with a single newline.',
  ),
};

export const finalNewline: Rule = {
  id: 'yaml.finalNewline',
  chunkLocal: false,
  codes: [FINAL_NEWLINE, EMPTY_LINES_AT_END],
  check(context: RuleContext): void {
    if (context.file.isHelmTemplate || context.file.chunkIndex !== context.file.chunkCount - 1) return;
    const src = context.chunk.text;
    if (src.length === 0) return;
    if (!src.endsWith('\n')) {
      const lineStart = src.lastIndexOf('\n') + 1;
      context.report({
        code: FINAL_NEWLINE.code,
        start: Math.max(lineStart, src.length - 1),
        end: src.length,
        message: text('파일이 줄바꿈 없이 끝납니다.', 'The file does not end with a newline.'),
        fixes: [singleEditFix(text('파일 끝에 줄바꿈 넣기', 'Add a newline at the end of the file'), src.length, src.length, eolOf(src), true)],
      });
      return;
    }
    // Blank lines at the end: find where the trailing run of blank lines starts.
    let end = src.length;
    let cut = src.length;
    for (;;) {
      const prev = src.lastIndexOf('\n', end - 2);
      const line = src.slice(prev + 1, end - 1).replace(/\r$/, '');
      if (prev < 0 || line.trim() !== '') break;
      cut = prev + 1;
      end = prev + 1;
      if (end <= 1) break;
    }
    if (cut < src.length) {
      context.report({
        code: EMPTY_LINES_AT_END.code,
        start: cut,
        end: src.length - 1,
        message: text('파일 끝에 빈 줄이 있습니다.', 'The file ends with blank lines.'),
        fixes: [singleEditFix(text('끝의 빈 줄 지우기', 'Remove the blank lines at the end'), cut, src.length, '', true)],
      });
    }
  },
};
