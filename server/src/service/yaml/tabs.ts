// Tabs used as separation between tokens (YAML101); tabs used for indentation are a syntax error (YAML002).
import type { Rule, RuleCode, RuleContext } from '../diagnostics/rule';
import { text } from '../l10n/localized';
import { scanChunk } from './cstScan';
import { leadingSpaces, lineStartAt, singleEditFix } from './yamlText';

export const TABS: RuleCode = {
  code: 'YAML101',
  name: 'tabs',
  defaultSeverity: 'warning',
  noteId: 'yaml',
  title: text('탭 문자로 띄어 썼습니다', 'Tab used as a separator'),
  explanation: text(
    '토큰 사이의 탭은 화면에서 공백처럼 보이지만, `key:<탭>value`처럼 `:`, `-`, `?` 바로 뒤에 오면 kubectl(go-yaml)과 PyYAML이 파일을 거부하므로 그 경우는 오류로 알립니다. 다른 자리의 탭도 들여쓰기로 번지면 오류가 되니 공백을 쓰십시오.',
    'A tab between tokens looks like a space, but right after `:`, `-` or `?` (`key:<tab>value`) kubectl (go-yaml) and PyYAML reject the file, so that case is reported as an error. Tabs elsewhere turn into errors as soon as they end up in indentation; use spaces.',
  ),
};

/** Rough check: an unclosed `[` or `{` earlier on the same line (flow context allows tabs). */
function isInFlow(src: string, lineStart: number, offset: number): boolean {
  let depth = 0;
  for (let i = lineStart; i < offset; i++) {
    const c = src[i];
    if (c === '[' || c === '{') depth++;
    else if ((c === ']' || c === '}') && depth > 0) depth--;
  }
  return depth > 0;
}

export const tabs: Rule = {
  id: 'yaml.tabs',
  chunkLocal: true,
  codes: [TABS],
  check(context: RuleContext): void {
    if (context.file.isHelmTemplate || context.chunk.refused) return;
    const chunk = context.chunk;
    const src = chunk.text;
    for (const token of scanChunk(chunk).tabSpaces) {
      const lineStart = lineStartAt(chunk, token.offset);
      // Indentation (only white space before it on the line) is the parser's TAB_AS_INDENT (YAML002).
      let onlyWhite = true;
      for (let i = lineStart; i < token.offset; i++) {
        if (src[i] !== ' ' && src[i] !== '\t') {
          onlyWhite = false;
          break;
        }
      }
      if (onlyWhite || lineStart + leadingSpaces(src, lineStart) >= token.offset + token.source.length) continue;
      const end = token.offset + token.source.length;
      const next = src[end];
      if (next === undefined || next === '\n' || next === '\r') continue; // trailing white space: YAML105
      // libyaml and go-yaml (kubectl) refuse a tab right after a block indicator (`key:<tab>v`, `-<tab>v`).
      const afterIndicator = /[:?-]/.test(src[token.offset - 1] ?? '') && !isInFlow(src, lineStart, token.offset);
      context.report({
        code: TABS.code,
        start: token.offset,
        end,
        ...(afterIndicator ? { severity: 'error' as const } : {}),
        message: afterIndicator
          ? text('`:`, `-`, `?` 바로 뒤의 탭은 kubectl(go-yaml)과 PyYAML이 "found character that cannot start any token" 오류로 거부합니다. 공백 하나로 바꾸십시오.', 'kubectl (go-yaml) and PyYAML reject a tab right after `:`, `-` or `?` ("found character that cannot start any token"). Replace it with a single space.')
          : text('여기에 탭 문자가 있습니다. 공백 하나로 바꾸십시오.', 'There is a tab here; replace it with a single space.'),
        fixes: [singleEditFix(text('탭을 공백으로 바꾸기', 'Replace the tab with a space'), token.offset, end, token.source.replace(/\t+/g, ' ').replace(/ {2,}/g, ' '), true)],
      });
    }
  },
};
