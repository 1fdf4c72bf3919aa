// Runs of blank lines longer than `kubeNotes.yaml.emptyLines.max` (YAML116); blank lines inside block text are content and are left alone.
import type { Rule, RuleCode, RuleContext } from '../diagnostics/rule';
import { format, text } from '../l10n/localized';
import { endOfLine } from '../parser/parsedChunk';
import { settingValue } from '../settings';
import { optionsPerSettings } from '../diagnostics/ruleOptions';
import { scanChunk } from './cstScan';
import { insideRanges, singleEditFix } from './yamlText';

export const EMPTY_LINES: RuleCode = {
  code: 'YAML116',
  name: 'emptyLines',
  defaultSeverity: 'info',
  noteId: 'yaml',
  title: text('빈 줄이 너무 많이 이어집니다', 'Too many blank lines'),
  explanation: text(
    '빈 줄 여러 개는 의미가 없고 문서가 끝난 것처럼 보이게 합니다. 문서를 나누려면 `---`를 쓰십시오. 허용할 연속 빈 줄 수는 `kubeNotes.yaml.emptyLines.max`(기본 2)입니다.',
    'Several blank lines in a row mean nothing and can look like the end of a document; use `---` to separate documents. The number of consecutive blank lines allowed is `kubeNotes.yaml.emptyLines.max` (default 2).',
  ),
};

/** A space, a tab or a CR (the CR of a CRLF line end is not part of the line's content). */
function isBlankChar(c: number): boolean {
  return c === 32 || c === 9 || c === 13;
}

function isBlank(src: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (!isBlankChar(src.charCodeAt(i))) return false;
  return true;
}

const maxEmptyLines = optionsPerSettings((settings) => Math.max(0, settingValue(settings, 'yaml.emptyLines.max', 2)));

export const emptyLines: Rule = {
  id: 'yaml.emptyLines',
  chunkLocal: true,
  codes: [EMPTY_LINES],
  check(context: RuleContext): void {
    if (context.file.isHelmTemplate) return;
    const max = maxEmptyLines(context.settings);
    const chunk = context.chunk;
    const src = chunk.text;
    const starts = chunk.lineStarts;
    const bodies = chunk.refused ? [] : scanChunk(chunk).blockBodies;
    // The last "line" after a final newline is not a line.
    const lineCount = src.endsWith('\n') ? starts.length - 1 : starts.length;
    let runStart = -1;
    const flush = (endLine: number): void => {
      if (runStart < 0) return;
      const count = endLine - runStart;
      if (count > max && !(bodies.length > 0 && insideRanges(bodies, starts[runStart]!))) {
        const start = starts[runStart + max]!;
        const end = starts[endLine] ?? src.length;
        context.report({
          code: EMPTY_LINES.code,
          start,
          end,
          message: format(text('빈 줄이 {n}줄 이어집니다 (최대 {max}줄).', '{n} blank lines in a row (at most {max}).'), { n: count, max }),
          fixes: [singleEditFix(text('남는 빈 줄 지우기', 'Remove the extra blank lines'), start, end, '', true)],
        });
      }
      runStart = -1;
    };
    for (let line = 0; line < lineCount; line++) {
      const lineStart = starts[line]!;
      let lineEnd = endOfLine(starts, line, src.length);
      if (lineEnd > lineStart && src.charCodeAt(lineEnd - 1) === 13) lineEnd--; // the CR of a CRLF line end
      // Most lines end with something other than white space: their last character decides without a scan.
      if (lineEnd === lineStart || (isBlankChar(src.charCodeAt(lineEnd - 1)) && isBlank(src, lineStart, lineEnd - 1))) {
        if (runStart < 0) runStart = line;
      } else if (runStart >= 0) flush(line);
    }
    // A run that reaches the end of the chunk is left to YAML121 (end of file) or is the gap before `---`.
  },
};
