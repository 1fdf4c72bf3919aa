// Turns every `yaml` parser error/warning of a chunk into a stable YAML0xx finding with a precise range, a teaching message and fixes.
import type { Finding, FindingFix, Rule, RuleContext, Severity } from '../diagnostics/rule';
import { format, text, type Localized } from '../l10n/localized';
import { lineOfOffset, type ParseProblem, type ParsedChunk } from '../parser/parsedChunk';
import { settingValue } from '../settings';
import { optionsPerSettings } from '../diagnostics/ruleOptions';
import { scanChunk, type ScalarEntry } from './cstScan';
import { SYNTAX, type SyntaxCodeName } from './syntaxCodes';
import { doubleQuote, eolOf, excerpt, leadingSpaces, lineEndAt, lineStartAt, singleEditFix, visibleRange } from './yamlText';

/** `kind:Pod`, `app.kubernetes.io/name:web` — a key glued to its value. URLs, Windows paths and times are excluded. */
const GLUED_KEY_VALUE = /^([A-Za-z_][A-Za-z0-9_.\/-]*):([^\s:\/\\][^\s]*)$/;

interface Classified {
  readonly name: SyntaxCodeName;
  readonly start: number;
  readonly end: number;
  readonly message: Localized;
  readonly fixes?: readonly FindingFix[];
  readonly severity?: Severity;
  /** Lower wins when two problems land on one line (the parser often reports a cascade). */
  readonly rank: number;
}

const INSERT_SPACE = text('콜론 뒤에 공백 넣기', 'Insert a space after the colon');

/** Whether a plain text looks like a `key:value` with the space forgotten; returns the colon's offset in it. */
export function gluedColon(source: string): number | undefined {
  const match = GLUED_KEY_VALUE.exec(source);
  return match ? match[1]!.length : undefined;
}

function missingSpaceFinding(start: number, source: string, colon: number, severity?: Severity): Classified {
  const key = source.slice(0, colon);
  const value = source.slice(colon + 1);
  return {
    name: 'missingSpaceAfterColon',
    start,
    end: start + source.length,
    message: format(
      text(
        '`{src}`처럼 쓰면 콜론 뒤에 공백이 없어 하나의 문자열로 읽힙니다. `{key}` 키와 `{value}` 값으로 쓰려면 `{key}: {value}`처럼 콜론 뒤에 공백을 넣으십시오.',
        '`{src}` has no space after the colon, so it is read as one string. To make `{key}` a key with the value `{value}`, write `{key}: {value}`.',
      ),
      { src: excerpt(source), key: excerpt(key), value: excerpt(value) },
    ),
    fixes: [singleEditFix(INSERT_SPACE, start + colon + 1, start + colon + 1, ' ', true)],
    ...(severity ? { severity } : {}),
    rank: 0,
  };
}

/** The text of the first "word" at an offset (up to white space, `:` + space, or line end). */
function wordAt(chunkText: string, offset: number): { start: number; end: number } {
  const lineEnd = lineEndAt(chunkText, offset);
  let start = offset;
  while (start < lineEnd && (chunkText[start] === ' ' || chunkText[start] === '\t')) start++;
  let end = start;
  while (end < lineEnd && chunkText[end] !== ' ' && chunkText[end] !== '\t' && !(chunkText[end] === ':' && /\s/.test(chunkText[end + 1] ?? ' '))) end++;
  return end > start ? { start, end } : visibleRange(chunkText, offset, offset);
}

/** Plain-scalar value text on one line starting at `start`, without a trailing comment or spaces. */
function valueOnLine(chunkText: string, start: number): number {
  const lineEnd = lineEndAt(chunkText, start);
  const comment = chunkText.indexOf(' #', start);
  let end = comment !== -1 && comment < lineEnd ? comment : lineEnd;
  while (end > start && (chunkText[end - 1] === ' ' || chunkText[end - 1] === '\t')) end--;
  return end;
}

/** The unmatched `[`/`{` before `offset` (a bounded backwards scan; quotes are not tracked). */
function findOpener(src: string, offset: number, open: string, close: string): number | undefined {
  let depth = 0;
  for (let i = Math.min(offset, src.length) - 1, n = 0; i >= 0 && n < 20_000; i--, n++) {
    const c = src[i];
    if (c === close) depth++;
    else if (c === open) {
      if (depth === 0) return i;
      depth--;
    }
  }
  return undefined;
}

function scalarAt(chunk: ParsedChunk, offset: number): ScalarEntry | undefined {
  const scalars = scanChunk(chunk).scalars;
  // Source order; binary search over token offsets.
  let low = 0;
  let high = scalars.length - 1;
  let found: ScalarEntry | undefined;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const entry = scalars[mid]!;
    if (entry.token.offset <= offset) {
      found = entry;
      low = mid + 1;
    } else high = mid - 1;
  }
  if (found && offset <= found.token.offset + found.token.source.length) return found;
  return undefined;
}

function parserDetail(problem: ParseProblem): Localized {
  const first = problem.message.split('\n')[0] ?? problem.message;
  return text(`파서 메시지: ${first}`, `Parser message: ${first}`);
}

function withDetail(message: Localized, problem: ParseProblem): Localized {
  const detail = parserDetail(problem);
  return text(`${message.ko} (${detail.ko})`, `${message.en} (${detail.en})`);
}

function classify(problem: ParseProblem, chunk: ParsedChunk, tabWidth: number): Classified | undefined {
  const src = chunk.text;
  const msg = problem.message;
  const range = visibleRange(src, problem.start, Math.min(problem.end, src.length));
  const at = src.slice(range.start, range.end);
  const generic = (name: SyntaxCodeName, message: Localized, rank = 5, extra: Partial<Classified> = {}): Classified => ({
    name,
    start: range.start,
    end: range.end,
    message,
    rank,
    ...(problem.isWarning ? { severity: 'warning' as const } : {}),
    ...extra,
  });
  switch (problem.yamlCode) {
    case 'KN_TOO_DEEP':
      return generic('tooDeep', withDetail(SYNTAX.tooDeep.explanation, problem), 0);
    case 'KN_PARSER_FAILURE':
      return generic('parserFailure', withDetail(SYNTAX.parserFailure.explanation, problem), 0);
    case 'KN_TOO_LARGE': {
      // The range is the start of the first line only: a refused file may be one 5 MB line.
      const wholeFile = problem.message.startsWith('the file');
      const message = wholeFile
        ? text('이 파일은 2천만 자가 넘어 분석하지 않았습니다.', 'This file has more than 20 million characters, so it was not analysed.')
        : text('이 문서는 값이 250,000개가 넘어 분석하지 않았습니다.', 'This document has more than 250,000 values, so it was not analysed.');
      return generic('tooLarge', message, 0, { end: Math.min(range.end, range.start + 80), severity: 'warning' as const });
    }
    case 'DUPLICATE_KEY':
      return undefined; // reported by the duplicateKey rule (YAML100) with fixes
    case 'TAB_AS_INDENT': {
      const lineStart = lineStartAt(chunk, range.start);
      let end = lineStart;
      while (src[end] === ' ' || src[end] === '\t') end++;
      const indent = src.slice(lineStart, end);
      const spaces = indent.replace(/\t/g, ' '.repeat(tabWidth));
      return {
        name: 'tabIndentation',
        start: lineStart,
        end,
        message: format(
          text('이 줄은 탭 문자로 들여썼습니다. YAML 들여쓰기에는 공백만 쓸 수 있습니다. 탭 하나를 공백 {n}칸으로 바꾸십시오.', 'This line is indented with a tab. YAML indentation must use spaces only; replace each tab with {n} spaces.'),
          { n: tabWidth },
        ),
        fixes: [singleEditFix(format(text('탭을 공백 {n}칸으로 바꾸기', 'Replace tabs with {n} spaces'), { n: tabWidth }), lineStart, end, spaces, true)],
        rank: 1,
      };
    }
    case 'BAD_INDENT': {
      const flow = /^Flow (map|sequence) in block collection must be sufficiently indented and end with a ([}\]])/.exec(msg);
      if (flow) {
        const close = flow[2]!;
        const open = close === ']' ? '[' : '{';
        const opener = findOpener(src, range.start, open, close);
        return generic('unclosedFlow', format(
          text(
            '`{open}` 괄호로 연 부분이 닫히지 않았거나, 이어지는 줄이 부모 키보다 덜 들여써졌습니다. `{close}` 괄호를 추가하거나 이어지는 줄을 더 들여쓰십시오.',
            'This `{open}` is not closed, or its continuation lines are not indented past the parent key. Add `{close}` or indent the continuation lines.',
          ),
          { open, close },
        ), 2, opener === undefined ? {} : { start: opener, end: opener + 1 });
      }
      const word = wordAt(src, range.start);
      const what = /sequence items/.test(msg)
        ? text('이 `-` 목록 항목이 위의 항목들과 같은 열에서 시작하지 않습니다. 같은 목록의 `-`는 모두 같은 열에 맞추십시오.', 'This `-` item does not start in the same column as the items above it. Line up every `-` of one list.')
        : /mapping items/.test(msg)
          ? format(text('`{key}` 키가 같은 매핑의 다른 키들과 같은 열에서 시작하지 않습니다. 위의 형제 키들과 들여쓰기를 맞추십시오.', 'The key `{key}` does not start in the same column as the other keys of its mapping. Indent it like its sibling keys above.'), { key: excerpt(src.slice(word.start, word.end)) })
          : withDetail(SYNTAX.badIndentation.title, problem);
      return { name: 'badIndentation', start: word.start, end: word.end, message: what, rank: 3 };
    }
    case 'MISSING_CHAR': {
      if (/^Missing closing ["']quote/.test(msg)) {
        const scalar = scalarAt(chunk, Math.max(0, range.start - 1));
        const start = scalar && scalar.token.type !== 'scalar' ? scalar.token.offset : range.start;
        const quote = scalar?.token.source.charAt(0) === "'" ? "'" : '"';
        const firstLineEnd = lineEndAt(src, start);
        const fix = singleEditFix(text('줄 끝에 닫는 따옴표 넣기', 'Close the quote at the end of the line'), firstLineEnd, firstLineEnd, quote, false);
        return {
          name: 'unclosedQuote',
          start,
          end: Math.max(start + 1, firstLineEnd),
          message: format(text('{q} 따옴표로 시작한 문자열이 닫히지 않아 뒤의 내용까지 모두 문자열이 되었습니다. 값 끝에 {q} 따옴표를 넣으십시오.', 'The string opened with {q} is never closed, so everything after it became part of the string. Add {q} at the end of the value.'), { q: quote }),
          fixes: [fix],
          rank: 1,
        };
      }
      if (msg.startsWith('Implicit map keys need to be followed by map values')) {
        const colon = gluedColon(at);
        if (colon !== undefined) return missingSpaceFinding(range.start, at, colon);
        if (at.startsWith('- ') || at === '-') {
          return generic('badIndentation', text('이 `-` 목록 항목이 매핑의 키들 사이에 있습니다. 목록이라면 부모 키보다 들여쓰고 다른 `-`와 열을 맞추십시오.', 'This `-` list item sits among the keys of a mapping. Indent it under its parent key and line it up with the other `-` items.'), 3);
        }
        return generic('missingColon', format(
          text('`{src}` 줄에 콜론이 없습니다. 키라면 `{src}: 값`으로, 목록 항목이라면 `- {src}`로 쓰고, 앞 줄 값의 일부라면 들여쓰기를 확인하십시오.', 'The line `{src}` has no colon. Write `{src}: value` for a key or `- {src}` for a list item; if it continues the previous value, check its indentation.'),
          { src: excerpt(at.trim()) },
        ), 4);
      }
      if (/^Missing space after : in flow/.test(msg)) {
        return generic('missingSpaceAfterColon', text('[ ] 또는 { } 안에서도 콜론 뒤에는 공백이 필요합니다.', 'Inside [ ] or { } a colon also needs a space after it.'), 0, {
          fixes: [singleEditFix(INSERT_SPACE, range.start, range.start, ' ', true)],
        });
      }
      if (/^Missing , (or : )?between flow/.test(msg)) {
        return generic('flowSyntax', text('[ ] 또는 { } 안의 두 항목 사이에 쉼표가 없습니다. 항목 사이에 `,`를 넣으십시오.', 'Two entries inside [ ] or { } have no comma between them. Insert `,` between them.'), 5);
      }
      if (msg.startsWith('Comments must be separated')) {
        return generic('commentNeedsSpace', text('`#` 앞에 공백이 없어 주석이 아닙니다. 주석이라면 `#` 앞에 공백을 넣으십시오.', 'The `#` has no space before it, so it does not start a comment. Insert a space before `#` if it is a comment.'), 2, {
          fixes: [singleEditFix(text('# 앞에 공백 넣기', 'Insert a space before #'), range.start, range.start, ' ', true)],
        });
      }
      if (msg.startsWith('Tags and anchors must be separated')) {
        return generic('propertyNeedsSpace', SYNTAX.propertyNeedsSpace.explanation, 2, {
          fixes: [singleEditFix(text('공백 넣기', 'Insert a space'), range.start, range.start, ' ', true)],
        });
      }
      if (/^Missing directives-end/.test(msg)) {
        const lineStart = lineStartAt(chunk, range.start);
        return generic('badDirective', text('`%` 지시문 다음에는 `---` 줄이 있어야 문서가 시작됩니다.', 'After a `%` directive a `---` line must start the document.'), 2, {
          fixes: [singleEditFix(text('--- 줄 넣기', 'Insert a --- line'), lineStart, lineStart, `---${eolOf(src)}`, true)],
        });
      }
      if (msg.startsWith('Block collection cannot start on same line with directives-end')) {
        let wsStart = range.start;
        while (wsStart > 0 && src[wsStart - 1] === ' ') wsStart--;
        return generic('contentOnDocumentStart', text('`---` 줄에서 바로 매핑이나 목록을 시작할 수 없습니다. 내용을 다음 줄로 옮기십시오.', 'A mapping or list cannot start on the `---` line. Move the content to the next line.'), 2, {
          fixes: [singleEditFix(text('내용을 다음 줄로 옮기기', 'Move the content to the next line'), wsStart, range.start, eolOf(src), true)],
        });
      }
      return generic('unexpectedContent', withDetail(SYNTAX.unexpectedContent.title, problem), 8);
    }
    case 'MULTILINE_IMPLICIT_KEY': {
      const firstLineEnd = lineEndAt(src, range.start);
      const firstLine = src.slice(range.start, firstLineEnd).trimEnd();
      const colon = gluedColon(firstLine);
      if (colon !== undefined) return missingSpaceFinding(range.start, firstLine, colon);
      const lineStart = lineStartAt(chunk, range.start);
      const atLineStart = range.start === lineStart + leadingSpaces(src, lineStart);
      if (range.end > firstLineEnd) {
        const lastLineStart = lineStartAt(chunk, range.end);
        const deeper = lastLineStart + leadingSpaces(src, lastLineStart);
        if (atLineStart && /^[^\s:#'"\[\]{},&*!|>%@`-][^:#]*$/.test(firstLine)) {
          // `metadata` (no colon) followed by indented `name: x`.
          return {
            name: 'missingColon',
            start: range.start,
            end: range.start + firstLine.length,
            message: format(text('`{key}` 뒤에 콜론이 없습니다. 아래 들여쓴 줄들이 `{key}`의 값이라면 `{key}:`로 쓰십시오.', '`{key}` has no colon after it. If the indented lines below are its value, write `{key}:`.'), { key: excerpt(firstLine) }),
            fixes: [singleEditFix(text('콜론 넣기', 'Insert the colon'), range.start + firstLine.length, range.start + firstLine.length, ':', true)],
            rank: 0,
          };
        }
        if (!atLineStart && deeper < range.end) {
          const word = wordAt(src, deeper);
          return {
            name: 'multilineKey',
            start: word.start,
            end: word.end,
            message: format(
              text(
                '`{key}` 줄이 위 줄보다 더 들여써져 있는데 위 줄의 키에는 이미 값(`{value}`)이 있습니다. 형제 키라면 위 키와 같은 열로 내어 쓰고, 하위 키라면 위 줄의 값을 지우십시오.',
                'The line `{key}` is indented deeper than the line above, but the key above already has the value `{value}`. If it is a sibling, align it with the key above; if it is nested, remove the value above.',
              ),
              { key: excerpt(src.slice(word.start, word.end)), value: excerpt(firstLine) },
            ),
            rank: 1,
          };
        }
      }
      return generic('multilineKey', SYNTAX.multilineKey.explanation, 6);
    }
    case 'BLOCK_AS_IMPLICIT_KEY': {
      if (msg.startsWith('A block sequence')) {
        const lineStart = lineStartAt(chunk, range.end);
        const dash = lineStart + leadingSpaces(src, lineStart);
        return { name: 'badIndentation', start: dash, end: Math.min(lineEndAt(src, dash), dash + 1), message: text('이 `-` 목록 항목이 위의 목록이나 매핑과 열이 맞지 않습니다. 같은 목록의 `-`는 같은 열에 두고, 새 목록은 부모 키 아래에 쓰십시오.', 'This `-` item does not line up with the list or mapping above. Put all `-` of one list in the same column, and a new list under its parent key.'), rank: 1 };
      }
      const end = valueOnLine(src, range.start);
      const value = src.slice(range.start, end);
      return generic('nestedMappingOnSameLine', format(
        text('`{value}` 값 안에 `: `가 있어 또 하나의 매핑으로 읽힙니다. 문자열이라면 따옴표로 감싸고, 중첩 매핑이라면 다음 줄에 들여써서 쓰십시오.', 'The value `{value}` contains `: `, which starts another mapping. Quote it if it is text; put a nested mapping on the next lines, indented.'),
        { value: excerpt(value) },
      ), 4, { end: Math.max(end, range.end), fixes: [singleEditFix(text('값을 따옴표로 감싸기', 'Quote the value'), range.start, end, doubleQuote(value), false)] });
    }
    case 'BLOCK_IN_FLOW':
      return generic('blockInFlow', SYNTAX.blockInFlow.explanation, 3);
    case 'BAD_SCALAR_START': {
      const end = valueOnLine(src, range.start);
      const value = src.slice(range.start, end);
      return generic('reservedCharacter', format(text('`{c}` 문자로 시작하는 값은 따옴표로 감싸야 합니다: {quoted}', 'A value starting with `{c}` must be quoted: {quoted}'), { c: value.charAt(0), quoted: doubleQuote(value) }), 2, {
        end,
        fixes: [singleEditFix(text('값을 따옴표로 감싸기', 'Quote the value'), range.start, end, doubleQuote(value), true)],
      });
    }
    case 'BAD_DQ_ESCAPE': {
      const escape = src.slice(range.start, range.start + 2);
      return generic('badEscape', format(text('`{e}` 이스케이프는 큰따옴표 안에서 쓸 수 없습니다. 역슬래시를 그대로 쓰려면 `\\\\`로 쓰거나 작은따옴표를 쓰십시오.', '`{e}` is not a valid escape inside double quotes. Write `\\\\` for a literal backslash, or use single quotes.'), { e: escape }), 2, {
        end: range.start + escape.length,
        fixes: [singleEditFix(text('역슬래시를 \\\\로 쓰기', 'Escape the backslash as \\\\'), range.start, range.start, '\\', false)],
      });
    }
    case 'BAD_ALIAS':
    case 'ALIAS_PROPS':
    case 'MULTIPLE_ANCHORS':
      return generic('badAnchorAlias', withDetail(SYNTAX.badAnchorAlias.title, problem), 4);
    case 'TAG_RESOLVE_FAILED':
    case 'MULTIPLE_TAGS':
    case 'BAD_PROP_ORDER':
    case 'BAD_COLLECTION_TYPE':
      if (problem.isWarning && /^Unresolved tag: tag:yaml\.org,2002:/.test(msg)) {
        return generic('badTag', format(text('`{v}` 값이 `{t}` 태그와 맞지 않아 태그가 무시되고 문자열로 읽힙니다. 태그를 지우거나 값을 고치십시오.', 'The value does not fit the standard tag `{t}`, so the tag is ignored and the value is read as a string. Remove the tag or fix the value.'), { t: at, v: excerpt(src.slice(range.end, valueOnLine(src, range.end)).trim()) }), 4);
      }
      return generic('badTag', withDetail(problem.isWarning ? text('알 수 없는 태그라 무시됩니다', 'Unknown tag; it is ignored') : SYNTAX.badTag.title, problem), 4);
    case 'BAD_DIRECTIVE':
      return generic('badDirective', withDetail(SYNTAX.badDirective.title, problem), 4);
    case 'KEY_OVER_1024_CHARS':
      return generic('keyTooLong', SYNTAX.keyTooLong.explanation, 4, { end: Math.min(range.end, lineEndAt(src, range.start)) });
    case 'UNEXPECTED_TOKEN': {
      if (msg.startsWith('Block scalar header includes extra characters')) {
        return generic('blockScalarHeader', SYNTAX.blockScalarHeader.explanation, 2, { end: Math.max(range.end, valueOnLine(src, range.start)) });
      }
      if (msg.startsWith('Unexpected block-seq-ind on same line with key')) {
        const lineStart = lineStartAt(chunk, range.start);
        const prefix = /^(\s*(?:-\s+)*)/.exec(src.slice(lineStart, range.start))![1]!.length;
        let wsStart = range.start;
        while (wsStart > lineStart && src[wsStart - 1] === ' ') wsStart--;
        return generic('sequenceOnKeyLine', SYNTAX.sequenceOnKeyLine.explanation, 0, {
          fixes: [singleEditFix(text('목록을 다음 줄로 옮기기', 'Move the list to the next line'), wsStart, range.start, `${eolOf(src)}${' '.repeat(prefix + 2)}`, true)],
        });
      }
      const before = src.charAt(range.start - 1);
      if (/at node end/.test(msg) && (before === '"' || before === "'")) {
        return generic('textAfterQuote', format(text('닫는 따옴표({q}) 뒤에 `{rest}` 부분이 이어집니다. 문자열 안의 {q} 문자는 {escaped}처럼 쓰거나 다른 종류의 따옴표로 감싸십시오.', 'The text `{rest}` follows the closing quote {q}. Write {q} inside the string as {escaped}, or use the other kind of quote around it.'), { q: before, rest: excerpt(at), escaped: before === "'" ? "''" : '\\"' }), 1);
      }
      if (/^Unexpected , in flow|^Unexpected empty item/.test(msg)) {
        const isComma = at === ',';
        return generic('flowSyntax', text('[ ] 또는 { } 안에 빈 항목이나 겹친 쉼표가 있습니다.', 'There is an empty entry or a doubled comma inside [ ] or { }.'), 3, isComma
          ? { fixes: [singleEditFix(text('남는 쉼표 지우기', 'Remove the extra comma'), range.start, range.start + 1, '', true)] }
          : {});
      }
      if (/in YAML stream/.test(msg) || /at node end/.test(msg)) {
        return generic('unexpectedContent', text('이 내용은 위의 구조(목록 또는 매핑)에 속하지 않습니다. 같은 수준에 `- ` 항목과 `key:`를 섞었거나, 괄호가 남았거나, 들여쓰기가 틀렸는지 확인하십시오.', 'This does not belong to the structure above. Check for list items (`- `) mixed with `key:` entries at one level, a stray bracket, or wrong indentation.'), 7);
      }
      return generic('unexpectedContent', withDetail(SYNTAX.unexpectedContent.title, problem), 8);
    }
    default:
      return generic('unexpectedContent', withDetail(SYNTAX.unexpectedContent.title, problem), 9);
  }
}

/** Findings for parser-silent `key:value` slips: a glued value alone on its line, a glued key in `{ }`, a glued root scalar. */
function gluedScalars(chunk: ParsedChunk, out: Classified[]): void {
  for (const entry of scanChunk(chunk).scalars) {
    const token = entry.token;
    if (token.type !== 'scalar' || token.source.length > 200) continue;
    const suspicious =
      (entry.role === 'value' && entry.onNewLine === true) ||
      (entry.role === 'flowKey' && entry.hasIndicator === false) ||
      entry.role === 'root';
    if (!suspicious) continue;
    const colon = gluedColon(token.source);
    if (colon === undefined) continue;
    out.push(missingSpaceFinding(token.offset, token.source, colon, 'warning'));
  }
}

/** The indentation width the tab fix uses (`kubeNotes.yaml.indentation.spaces` when it is 1–8, else 2). */
const tabWidthOf = optionsPerSettings((settings) => {
  const configured = settingValue(settings, 'yaml.indentation.spaces', 0);
  return configured >= 1 && configured <= 8 ? Math.floor(configured) : 2;
});

export const syntaxErrors: Rule = {
  id: 'yaml.syntax',
  chunkLocal: true,
  codes: Object.values(SYNTAX).filter((c) => c.code !== 'YAML022'),
  check(context: RuleContext): void {
    if (context.file.isHelmTemplate) return;
    const chunk = context.chunk;
    const tabWidth = tabWidthOf(context.settings);
    const classified: Classified[] = [];
    const multilineByStart = new Map<number, ParseProblem>();
    for (const p of chunk.problems) if (p.yamlCode === 'MULTILINE_IMPLICIT_KEY' && !multilineByStart.has(p.start)) multilineByStart.set(p.start, p);
    for (const problem of chunk.problems) {
      // `a: 1` + deeper `b: 2` is reported twice (compact mapping + multi-line key); the latter explains it better.
      if (problem.yamlCode === 'BLOCK_AS_IMPLICIT_KEY' && problem.message.startsWith('Nested')) {
        const next = multilineByStart.get(problem.start);
        if (next && next.end > lineEndAt(chunk.text, problem.start)) continue;
      }
      const found = classify(problem, chunk, tabWidth);
      if (found) classified.push(found);
    }
    if (!chunk.refused) gluedScalars(chunk, classified);
    if (classified.length === 0) return;
    // One finding per line: parser cascades would otherwise stack three messages on one mistake.
    const best = new Map<number, Classified>();
    for (const item of classified) {
      const line = lineOfOffset(chunk.lineStarts, item.start);
      const current = best.get(line);
      if (!current || item.rank < current.rank || (item.rank === current.rank && item.start < current.start)) best.set(line, item);
    }
    for (const item of [...best.values()].sort((a, b) => a.start - b.start)) {
      const finding: Finding = {
        code: SYNTAX[item.name].code,
        start: item.start,
        end: item.end,
        message: item.message,
        ...(item.fixes ? { fixes: item.fixes } : {}),
        ...(item.severity ? { severity: item.severity } : {}),
      };
      context.report(finding);
    }
  },
};
