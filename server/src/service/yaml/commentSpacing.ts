// Comment style (YAML117): a space after `#`, and optionally a minimum gap between content and an inline comment.
import type { Rule, RuleCode, RuleContext } from '../diagnostics/rule';
import { format, text } from '../l10n/localized';
import { settingValue } from '../settings';
import { optionsPerSettings } from '../diagnostics/ruleOptions';
import { scanChunk } from './cstScan';
import { lineStartAt, singleEditFix } from './yamlText';

export const COMMENT_SPACING: RuleCode = {
  code: 'YAML117',
  name: 'commentSpacing',
  defaultSeverity: 'info',
  noteId: 'yaml-comment',
  title: text('주석의 # 뒤에 공백이 없습니다', 'No space after # in a comment'),
  explanation: text(
    '`# 설명`처럼 `#` 뒤에 공백을 하나 두면 주석이 읽기 쉽고, 주석 처리한 YAML(`#key: value`)과도 구별됩니다. `##`처럼 `#`을 여러 개 이어 쓰는 것과 첫 줄의 `#!`는 괜찮습니다. 값과 줄 끝 주석 사이의 최소 공백 수는 `kubeNotes.yaml.commentSpacing.minSpacesFromContent`(기본 1)로 정합니다.',
    'A space after `#` (`# note`) makes comments easier to read and tells them apart from commented-out YAML (`#key: value`). Runs of `#` (`##`) and a first-line `#!` are fine. The minimum gap between content and an end-of-line comment is `kubeNotes.yaml.commentSpacing.minSpacesFromContent` (default 1).',
  ),
};

const minSpacesFromContent = optionsPerSettings((settings) => Math.max(1, settingValue(settings, 'yaml.commentSpacing.minSpacesFromContent', 1)));

export const commentSpacing: Rule = {
  id: 'yaml.commentSpacing',
  chunkLocal: true,
  codes: [COMMENT_SPACING],
  check(context: RuleContext): void {
    if (context.file.isHelmTemplate || context.chunk.refused) return;
    const chunk = context.chunk;
    const src = chunk.text;
    const minGap = minSpacesFromContent(context.settings);
    for (const comment of scanChunk(chunk).comments) {
      const body = comment.source;
      const before = comment.offset > 0 ? src[comment.offset - 1] : ' ';
      if (before !== ' ' && before !== '\t' && before !== '\n') continue; // a glued `#` is the syntax error YAML018
      let hashes = 0;
      while (body[hashes] === '#') hashes++;
      const next = body[hashes];
      const shebang = comment.offset === 0 && body.startsWith('#!');
      if (next !== undefined && next !== ' ' && next !== '\t' && next !== '\r' && !shebang) {
        const at = comment.offset + hashes;
        context.report({
          code: COMMENT_SPACING.code,
          start: comment.offset,
          end: comment.offset + body.length,
          message: text('`#` 뒤에 공백을 하나 두십시오: `# 설명`.', 'Put a space after `#`: `# note`.'),
          fixes: [singleEditFix(text('# 뒤에 공백 넣기', 'Insert a space after #'), at, at, ' ', true)],
        });
      }
      if (minGap > 1) {
        const lineStart = lineStartAt(chunk, comment.offset);
        let gapStart = comment.offset;
        while (gapStart > lineStart && (src[gapStart - 1] === ' ' || src[gapStart - 1] === '\t')) gapStart--;
        const gap = comment.offset - gapStart;
        if (gapStart > lineStart && gap < minGap) {
          context.report({
            code: COMMENT_SPACING.code,
            start: gapStart,
            end: comment.offset + 1,
            message: format(text('값과 줄 끝 주석 사이에 공백을 {n}칸 이상 두십시오.', 'Leave at least {n} spaces between content and an end-of-line comment.'), { n: minGap }),
            fixes: [singleEditFix(text('공백 늘리기', 'Widen the gap'), gapStart, comment.offset, ' '.repeat(minGap), true)],
          });
        }
      }
    }
  },
};
