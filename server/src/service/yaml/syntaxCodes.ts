// The stable YAML syntax codes (YAML001–YAML027) with their Korean/English titles and explanations.
import type { RuleCode } from '../diagnostics/rule';
import { text } from '../l10n/localized';

/** Red Hat's YAML extension reports YAML syntax errors and duplicate keys itself. */
export const RED_HAT_YAML = 'redhat.vscode-yaml';

/** Codes only kube-notes reports (Red Hat's extension neither refuses deep nesting nor checks aliases). */
const OURS_ONLY = new Set(['YAML022', 'YAML023', 'YAML024', 'YAML027']);

function code(code: string, name: string, noteId: string, title: [string, string], explanation: [string, string]): RuleCode {
  const base: RuleCode = { code, name, defaultSeverity: 'error', title: text(title[0], title[1]), explanation: text(explanation[0], explanation[1]), noteId };
  return OURS_ONLY.has(code) ? base : { ...base, alsoReportedBy: [RED_HAT_YAML] };
}

export const SYNTAX = {
  badIndentation: code('YAML001', 'badIndentation', 'yaml-objects',
    ['들여쓰기가 맞지 않습니다', 'Inconsistent indentation'],
    [
      'YAML은 들여쓰기로 구조를 나타냅니다. 같은 매핑의 키들과 같은 목록의 `-` 항목들은 정확히 같은 열에서 시작해야 합니다. 위아래 줄과 공백 수를 맞추십시오.',
      'YAML expresses structure through indentation. The keys of one mapping, and the `-` items of one list, must start in exactly the same column. Line the entry up with its siblings.',
    ]),
  tabIndentation: code('YAML002', 'tabIndentation', 'yaml',
    ['들여쓰기에 탭 문자를 썼습니다', 'Tab used for indentation'],
    [
      'YAML은 들여쓰기에 탭을 허용하지 않습니다. 공백만 쓸 수 있습니다. 빠른 수정으로 탭을 공백으로 바꿀 수 있으며, 편집기에서 "탭 대신 공백 사용"을 켜 두면 다시 생기지 않습니다.',
      'YAML does not allow tabs for indentation; only spaces. The quick fix replaces the tabs with spaces; turning on "insert spaces" in the editor prevents it from happening again.',
    ]),
  missingSpaceAfterColon: code('YAML003', 'missingSpaceAfterColon', 'yaml-key-value',
    ['콜론 뒤에 공백이 없습니다 (key:value)', 'Missing space after the colon (key:value)'],
    [
      '`key: value`처럼 콜론 뒤에는 반드시 공백이 있어야 키와 값으로 읽힙니다. `kind:Pod`처럼 붙여 쓰면 YAML은 이것을 `kind:Pod`라는 하나의 문자열로 읽습니다. 콜론 뒤에 공백 하나를 넣으십시오.',
      'A colon must be followed by a space (`key: value`) to separate a key from its value. Written together, as in `kind:Pod`, YAML reads one string `kind:Pod`. Insert one space after the colon.',
    ]),
  missingColon: code('YAML004', 'missingColon', 'yaml-key-value',
    ['매핑 안에 콜론 없는 줄이 있습니다', 'Line without a colon inside a mapping'],
    [
      '매핑의 각 줄은 `key: value` 형태여야 합니다. 콜론이 빠졌거나, 목록 항목인데 `- `를 빠뜨렸거나, 앞 줄의 값이 이어진 것인데 들여쓰기가 틀렸을 수 있습니다.',
      'Every line of a mapping must be a `key: value` entry. The colon may be missing, the line may be a list item without its `- `, or it may continue the previous value with the wrong indentation.',
    ]),
  multilineKey: code('YAML005', 'multilineKey', 'yaml-key-value',
    ['키가 여러 줄에 걸쳐 있습니다', 'Key spans more than one line'],
    [
      '콜론 없이 `key: value`처럼 보이는 키는 한 줄 안에 있어야 합니다. 보통 윗줄의 콜론이 빠졌거나, 윗줄 값 아래에 더 깊이 들여쓴 줄이 왔을 때 생깁니다. 윗줄을 `key: value`로 고치거나 들여쓰기를 맞추십시오.',
      'An implicit key must fit on one line. This usually means the line above lacks its colon, or a more deeply indented line follows a plain value. Fix the line above to `key: value` or correct the indentation.',
    ]),
  nestedMappingOnSameLine: code('YAML006', 'nestedMappingOnSameLine', 'yaml-objects',
    ['값 자리에 또 다른 key: value가 있습니다', 'Nested key: value on the same line'],
    [
      '`a: b: c`처럼 한 줄에 매핑을 겹쳐 쓸 수 없고, 값이 있는 키 아래에 더 들여쓴 키를 둘 수도 없습니다. 중첩 매핑은 키 다음 줄에 들여써서 쓰고, 콜론이 들어간 값은 따옴표로 감싸십시오.',
      'Mappings cannot be nested on one line (`a: b: c`), and a key that already has a value cannot have more deeply indented keys below it. Put a nested mapping on the following lines, indented, and quote values that contain `: `.',
    ]),
  blockInFlow: code('YAML007', 'blockInFlow', 'yaml-lists',
    ['[ ] 또는 { } 안에 블록 형식을 썼습니다', 'Block syntax inside [ ] or { }'],
    [
      '`[ ]`, `{ }` 흐름(flow) 형식 안에서는 `- 항목`이나 줄바꿈으로 된 `key: value` 블록을 쓸 수 없습니다. 흐름 형식 안에서는 쉼표로 구분하거나, 전체를 블록 형식으로 바꾸십시오.',
      'Inside a flow collection (`[ ]` or `{ }`) block syntax such as `- item` lines or indented `key: value` blocks is not allowed. Separate entries with commas, or rewrite the whole collection in block style.',
    ]),
  unclosedQuote: code('YAML008', 'unclosedQuote', 'yaml-scalar-types',
    ['따옴표가 닫히지 않았습니다', 'Unclosed quote'],
    [
      '따옴표로 시작한 문자열은 같은 종류의 따옴표로 닫아야 합니다. 닫는 따옴표를 추가하십시오. 작은따옴표 문자열 안의 작은따옴표는 `\'\'`처럼 두 번, 큰따옴표 안의 큰따옴표는 `\\"`처럼 씁니다.',
      'A quoted string must be closed with the same kind of quote. Add the closing quote. Inside single quotes write a single quote twice (`\'\'`); inside double quotes escape it as `\\"`.',
    ]),
  unclosedFlow: code('YAML009', 'unclosedFlow', 'yaml-lists',
    ['[ 또는 {가 닫히지 않았습니다', 'Unclosed [ or {'],
    [
      '`[`로 연 목록은 `]`로, `{`로 연 객체는 `}`로 닫아야 합니다. 여러 줄에 걸쳐 쓸 때는 다음 줄들이 부모 키보다 더 들여써져 있어야 합니다.',
      'A list opened with `[` must be closed with `]`, and an object opened with `{` with `}`. When it spans lines, the following lines must be indented more than the parent key.',
    ]),
  flowSyntax: code('YAML010', 'flowSyntax', 'yaml-lists',
    ['[ ] 또는 { } 안의 쉼표가 잘못되었습니다', 'Misplaced comma in [ ] or { }'],
    [
      '흐름 형식 `[a, b]`, `{a: 1, b: 2}`에서는 항목 사이에 쉼표가 정확히 하나씩 있어야 합니다. 빠진 쉼표를 넣거나 겹친 쉼표를 지우십시오.',
      'In flow style (`[a, b]`, `{a: 1, b: 2}`) exactly one comma separates two entries. Add the missing comma or remove the extra one.',
    ]),
  reservedCharacter: code('YAML011', 'reservedCharacter', 'yaml-scalar-types',
    ['값이 예약 문자로 시작합니다', 'Value starts with a reserved character'],
    [
      '`@`와 `` ` ``는 YAML이 예약한 문자라 따옴표 없는 값의 첫 글자로 쓸 수 없습니다. 값을 따옴표로 감싸십시오.',
      '`@` and `` ` `` are reserved in YAML and cannot start an unquoted value. Put the value in quotes.',
    ]),
  badEscape: code('YAML012', 'badEscape', 'yaml-scalar-types',
    ['큰따옴표 안의 이스케이프가 잘못되었습니다', 'Invalid escape in double quotes'],
    [
      '큰따옴표 문자열 안에서 `\\`는 `\\n`, `\\t`, `\\"`, `\\\\` 같은 이스케이프를 시작합니다. 역슬래시 자체를 쓰려면 `\\\\`로 쓰거나 작은따옴표 문자열을 쓰십시오. Windows 경로와 정규식에서 자주 생깁니다.',
      'Inside double quotes `\\` starts an escape such as `\\n`, `\\t`, `\\"` or `\\\\`. To write a backslash itself, double it (`\\\\`) or use single quotes (common with Windows paths and regular expressions).',
    ]),
  badAnchorAlias: code('YAML013', 'badAnchorAlias', 'yaml',
    ['앵커(&) 또는 별칭(*)이 잘못되었습니다', 'Invalid anchor (&) or alias (*)'],
    [
      '앵커 `&이름`은 노드마다 하나만 붙일 수 있고, 별칭 `*이름`에는 태그나 앵커를 붙일 수 없습니다. 이름은 비어 있으면 안 되며 `:`로 끝나면 모호합니다.',
      'A node can carry at most one anchor `&name`, and an alias `*name` cannot have a tag or anchor. Names must not be empty, and a name ending in `:` is ambiguous.',
    ]),
  badTag: code('YAML014', 'badTag', 'yaml-scalar-types',
    ['태그(!)가 잘못되었습니다', 'Invalid or unknown tag (!)'],
    [
      '`!!str`, `!!int` 같은 태그는 값의 자료형을 정합니다. 알 수 없는 태그, 한 노드에 태그 두 개, 값과 맞지 않는 태그는 무시되거나 오류가 됩니다. Kubernetes 매니페스트에는 보통 태그가 필요 없습니다. 문자열을 원하면 따옴표를 쓰십시오.',
      'Tags such as `!!str` or `!!int` set a value\'s type. Unknown tags, two tags on one node, or a tag that does not fit the value are ignored or rejected. Kubernetes manifests rarely need tags; use quotes to force a string.',
    ]),
  badDirective: code('YAML015', 'badDirective', 'yaml-document-start',
    ['% 지시문이 잘못되었습니다', 'Invalid % directive'],
    [
      '`%YAML 1.2`나 `%TAG` 같은 지시문은 문서 맨 위에 쓰고, 바로 다음에 `---` 줄이 와야 합니다. 알 수 없는 지시문은 무시됩니다. Kubernetes 매니페스트에는 보통 지시문이 필요 없습니다.',
      'Directives such as `%YAML 1.2` or `%TAG` go at the very top of a document and must be followed by a `---` line. Unknown directives are ignored. Kubernetes manifests rarely need directives.',
    ]),
  keyTooLong: code('YAML016', 'keyTooLong', 'yaml-key-value',
    ['키가 1024자를 넘습니다', 'Key longer than 1024 characters'],
    [
      '`?` 없이 쓴 키는 1024자를 넘을 수 없습니다. 대개 콜론이 빠져서 긴 텍스트 전체가 키로 읽힌 경우입니다.',
      'An implicit key may be at most 1024 characters long. Usually a missing colon made a long text read as one key.',
    ]),
  blockScalarHeader: code('YAML017', 'blockScalarHeader', 'yaml-block-scalars',
    ['| 또는 > 뒤에 잘못된 글자가 있습니다', 'Invalid characters after | or >'],
    [
      '블록 문자열 표시 `|`, `>` 뒤에는 `-`, `+`, 들여쓰기 숫자(1–9)와 주석만 올 수 있습니다. 내용은 다음 줄부터 들여써서 쓰십시오.',
      'A block scalar indicator `|` or `>` may only be followed by `-`, `+`, an indentation digit (1–9) and a comment. Start the content on the next line, indented.',
    ]),
  commentNeedsSpace: code('YAML018', 'commentNeedsSpace', 'yaml-comment',
    ['# 주석 앞에 공백이 없습니다', 'No space before a # comment'],
    [
      '줄 중간의 `#`는 앞에 공백이 있을 때만 주석이 됩니다. 주석으로 쓰려면 `#` 앞에 공백을 넣으십시오. 값의 일부라면 값을 따옴표로 감싸십시오.',
      'A `#` in the middle of a line starts a comment only after white space. Insert a space before `#` if it is a comment; quote the value if `#` belongs to it.',
    ]),
  propertyNeedsSpace: code('YAML019', 'propertyNeedsSpace', 'yaml',
    ['태그나 앵커 뒤에 공백이 없습니다', 'No space after a tag or anchor'],
    [
      '`&앵커`나 `!태그` 뒤에는 공백을 두고 값을 써야 합니다.',
      'A `&anchor` or `!tag` must be separated from the value by a space.',
    ]),
  contentOnDocumentStart: code('YAML020', 'contentOnDocumentStart', 'yaml-document-start',
    ['--- 줄에 매핑이나 목록이 이어집니다', 'Mapping or list on the --- line'],
    [
      '블록 매핑과 블록 목록은 `---` 문서 시작 표시와 같은 줄에서 시작할 수 없습니다. `---` 다음 줄로 옮기십시오.',
      'A block mapping or list cannot start on the same line as the `---` document start marker. Move it to the next line.',
    ]),
  unexpectedContent: code('YAML021', 'unexpectedContent', 'yaml',
    ['구조에 맞지 않는 내용이 있습니다', 'Unexpected content'],
    [
      'YAML 파서가 이 자리에서 이런 내용을 기대하지 않았습니다. 흔한 원인은 같은 수준에 목록(`- `)과 매핑(`key:`)을 섞어 쓴 경우, 닫는 괄호가 남는 경우, 들여쓰기가 틀린 경우입니다.',
      'The YAML parser did not expect this here. Common causes are mixing list items (`- `) and mapping keys (`key:`) at one level, a stray closing bracket, or wrong indentation.',
    ]),
  undefinedAlias: code('YAML022', 'undefinedAlias', 'yaml',
    ['정의되지 않은 별칭(*)입니다', 'Undefined alias (*)'],
    [
      '별칭 `*이름`은 같은 문서 안에서 그보다 앞에 있는 앵커 `&이름`을 가리켜야 합니다. 앵커가 없거나 뒤에 있거나 다른 `---` 문서에 있으면 kubectl이 파일을 읽지 못합니다.',
      'An alias `*name` must refer to an anchor `&name` defined earlier in the same document. If the anchor is missing, comes later, or lives in another `---` document, kubectl cannot read the file.',
    ]),
  tooDeep: code('YAML023', 'tooDeep', 'yaml',
    ['중첩이 너무 깊습니다', 'Nesting too deep'],
    [
      '이 문서는 매핑과 목록이 지나치게 깊이 중첩되어 있어 안전하게 분석할 수 없으므로 검사하지 않았습니다. 실제 매니페스트는 이렇게 깊지 않습니다. 괄호가 짝이 맞는지 확인하십시오.',
      'This document nests mappings and lists too deeply to be analysed safely, so it was not checked. Real manifests are never this deep; check that brackets are balanced.',
    ]),
  parserFailure: code('YAML024', 'parserFailure', 'yaml',
    ['YAML 파서 내부 오류', 'YAML parser failure'],
    [
      'YAML 파서가 이 문서를 처리하다 실패해서 문서를 검사하지 못했습니다. 다른 문서(`---`로 나뉜 부분)의 검사는 계속됩니다. 문제가 되풀이되면 이 문서를 이슈로 알려 주십시오.',
      'The YAML parser failed on this document, so it was not checked. The other `---` documents are still checked. If it keeps happening, please report the document in an issue.',
    ]),
  textAfterQuote: code('YAML025', 'textAfterQuote', 'yaml-scalar-types',
    ['닫는 따옴표 뒤에 글자가 이어집니다', 'Text after the closing quote'],
    [
      '따옴표 문자열이 끝난 뒤에 같은 값이 이어질 수 없습니다. 대개 문자열 안에 같은 따옴표를 썼기 때문입니다. 작은따옴표 안에서는 `\'\'`, 큰따옴표 안에서는 `\\"`로 쓰거나, 다른 종류의 따옴표로 감싸십시오.',
      'Nothing may follow a quoted string on the same value. Usually the string contains its own quote character: write `\'\'` inside single quotes or `\\"` inside double quotes, or use the other kind of quote around it.',
    ]),
  sequenceOnKeyLine: code('YAML026', 'sequenceOnKeyLine', 'yaml-lists',
    ['키와 같은 줄에서 - 목록을 시작했습니다', 'List started on the key\'s line'],
    [
      '`key: - item`처럼 키와 같은 줄에서 블록 목록을 시작할 수 없습니다. `- item`을 다음 줄로 옮기십시오. 한 줄로 쓰려면 `key: [item]`처럼 흐름 형식을 쓰십시오.',
      'A block list cannot start on the same line as its key (`key: - item`). Move `- item` to the next line, or write it in flow style on one line: `key: [item]`.',
    ]),
  tooLarge: { ...code('YAML027', 'tooLarge', 'yaml',
    ['너무 커서 검사하지 않았습니다', 'Too large to check'],
    [
      '편집기가 멈추지 않도록, 값이 250,000개가 넘는 문서나 2천만 자가 넘는 파일은 분석하지 않습니다. 실제 매니페스트는 이보다 훨씬 작습니다. 생성된 데이터라면 파일을 나누거나 이 파일은 kube-notes 검사에서 빼십시오.',
      'To keep the editor responsive, documents with more than 250,000 values and files over 20 million characters are not analysed. Real manifests are far smaller; if this is generated data, split the file or leave it out of kube-notes checks.',
    ]), defaultSeverity: 'warning' },
} satisfies Record<string, RuleCode>;

export type SyntaxCodeName = keyof typeof SYNTAX;
