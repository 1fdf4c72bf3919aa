// Parser errors → stable YAML0xx codes with precise ranges; every `yaml` ErrorCode maps to a code; one error never hides other documents.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { ErrorCode } from 'yaml';
import { parseChunk, type ParseProblem, type ParsedChunk } from '../../../server/src/service/parser/parsedChunk';
import type { Finding } from '../../../server/src/service/diagnostics/rule';
import { normalizeSettings } from '../../../server/src/service/settings';
import { noKubernetesResources } from '../../../server/src/service/kubernetes/kubernetesResources';
import { syntaxErrors } from '../../../server/src/service/yaml/syntaxErrors';
import { SYNTAX } from '../../../server/src/service/yaml/syntaxCodes';
import { briefs, diagnose, fixesOf } from './yamlTestKit';

const CASES: ReadonlyArray<readonly [string, string, readonly string[]]> = [
  ['glued key:value after a key (parser error)', 'apiVersion: v1\nkind:Pod\n', ['YAML003 1:0-1:8']],
  ['glued key:value alone on the value line (no parser error)', 'metadata:\n  name:web\n', ['YAML003 1:2-1:10']],
  ['glued key:value as a list item with siblings', 'containers:\n- name:web\n  image: nginx\n', ['YAML003 1:2-1:10']],
  ['glued key in a flow map', 'labels: {app:web}\n', ['YAML003 0:9-0:16']],
  ['glued first line of a multi-line key', 'name:web\nkind: Pod\n', ['YAML003 0:0-0:8']],
  ['tab indentation', 'a:\n\tb: 1\n', ['YAML002 1:0-1:1']],
  ['mapping key one column off', 'a:\n  b: 1\n c: 2\n', ['YAML001 2:1-2:2']],
  ['list item one column off', 'a:\n  - b\n - c\n', ['YAML001 2:1-2:2']],
  ['line without colon', 'a: b\nc\nd: e\n', ['YAML004 1:0-1:1']],
  ['key without colon above its children', 'metadata\n  name: x\n', ['YAML004 0:0-0:8']],
  ['deeper line under a scalar value', 'spec:\n  containers:\n  - name: x\n     image: nginx\n', ['YAML005 3:5-3:10']],
  ['nested mapping on one line', 'a: b: c\n', ['YAML006 0:3-0:7']],
  ['block list inside flow', 'a: [b, - c]\n', ['YAML007 0:7-0:9']],
  ['unclosed double quote', 'a: "abc\nb: 1\n', ['YAML008 0:3-0:7']],
  ['unclosed single quote', "a: 'abc\n", ['YAML008 0:3-0:7']],
  ['unclosed [', 'a: [1, 2\n', ['YAML009 0:3-0:4']],
  ['unclosed { before the next key', 'a: {b: 1\nc: 2\n', ['YAML009 0:3-0:4']],
  ['missing comma in flow', 'a: [1, {b: 2 c: 3}]\n', ['YAML007 0:11-0:17']],
  ['doubled comma', 'a: [1,,2]\n', ['YAML010 0:6-0:7']],
  ['reserved @', 'a: @foo\n', ['YAML011 0:3-0:7']],
  ['reserved backtick', 'a: `x`\n', ['YAML011 0:3-0:6']],
  ['bad escape', 'a: "C:\\data"\n', ['YAML012 0:6-0:8']],
  ['two anchors', 'a: &x &y 1\nb: [*x, *y]\n', ['YAML013 0:6-0:8']],
  ['anchor ending in colon (warning)', 'a: &b: 1\n', ['YAML119 0:3-0:6', 'YAML013 0:5-0:6']],
  ['alias with a tag', 'a: &a 1\nb: !t *a\n', ['YAML013 1:6-1:8']],
  ['two tags', 'a: !x !y 1\n', ['YAML014 0:6-0:8']],
  ['tag that does not fit (warning)', 'a: !!int foo\n', ['YAML014 0:3-0:8']],
  ['unknown directive (warning)', '%FOO bar\n---\na: 1\n', ['YAML015 0:0-0:8']],
  ['directive without ---', '%YAML 1.1\na: 1\n', ['YAML015 1:0-1:1']],
  ['key over 1024 characters', `${'k'.repeat(1100)}: 1\n`, ['YAML016 0:0-0:1100']],
  ['block scalar header with extra characters', 'a: |x\n  t\n', ['YAML017 0:4-0:5']],
  ['comment glued to a quoted value', 'a: "x"#c\n', ['YAML018 0:6-0:8']],
  ['anchor glued to a flow collection', 'a: &x[1]\nb: *x\n', ['YAML019 0:5-0:6']],
  ['mapping on the --- line', '--- a: 1\n', ['YAML020 0:4-0:5']],
  ['list and mapping mixed at one level', '- a\nb: 1\n', ['YAML021 1:0-1:1']],
  ['stray closing bracket', 'a: [1, 2]]\n', ['YAML021 0:9-0:10']],
  ['undefined alias', 'a: *nope\n', ['YAML022 0:3-0:8']],
  ['alias before its anchor', 'a: *x\nb: &x 1\n', ['YAML022 0:3-0:5', 'YAML119 1:3-1:5']],
  ['alias to an anchor of another document', 'a: &x 1\nb: *x\n---\nc: *x\n', ['YAML022 3:3-3:5']],
  ['nesting too deep', `${'['.repeat(300)}${']'.repeat(300)}\n`, ['YAML023 0:0-0:600']],
  ['text after the closing quote', 'key: "it"s"\n', ['YAML025 0:9-0:11']],
  ['text after the closing single quote', "key: 'it's'\n", ['YAML025 0:9-0:11']],
  ['list on the key line', 'args: - one\n', ['YAML026 0:6-0:7']],
];

describe('YAML syntax errors', () => {
  for (const [name, text, expected] of CASES) {
    it(name, () => {
      assert.deepEqual(briefs(text), [...expected]);
    });
  }

  it('reports one finding per line even when the parser cascades', () => {
    // `a: 1` + deeper `b: 2`: the parser reports a compact-mapping error and a multi-line key; we explain once.
    assert.deepEqual(briefs('a: 1\n  b: 2\n'), ['YAML005 1:2-1:3']);
  });

  it('an error in one document does not hide the findings of the others', () => {
    const text = 'a: "open\n---\nb: 1\nb: 2\n---\nc: yes\n';
    assert.deepEqual(briefs(text), ['YAML008 0:3-0:8', 'YAML100 3:0-3:1', 'YAML107 5:3-5:6']);
  });

  it('syntax problems are errors; parser warnings stay warnings', () => {
    const [error] = diagnose('a: @x\n');
    assert.equal(error!.severity, 1);
    const [warning] = diagnose('a: !!int foo\n');
    assert.equal(warning!.severity, 2);
    const [glued] = diagnose('metadata:\n  name:web\n');
    assert.equal(glued!.severity, 2, 'a glued value the parser accepts is a warning');
  });

  it('explains in Korean with 합니다 style when the language is ko', () => {
    const [d] = diagnose('kind:Pod\nmetadata: {}\n', { language: 'ko' });
    assert.equal(d!.code, 'YAML003');
    assert.match(String(d!.message), /콜론 뒤에 공백을 넣으십시오/);
    const [en] = diagnose('kind:Pod\nmetadata: {}\n');
    assert.match(String(en!.message), /write `kind: Pod`/);
  });

  it('offers the unambiguous fixes as preferred', () => {
    const preferred = (text: string) => fixesOf(diagnose(text)[0]!).map((f) => `${f.isPreferred ? '*' : ''}${JSON.stringify(f.edits.map((e) => e.newText))}`);
    assert.deepEqual(preferred('kind:Pod\nx: 1\n'), ['*[" "]']);
    assert.deepEqual(preferred('a:\n\tb: 1\n'), ['*["  "]']);
    assert.deepEqual(preferred('a:\n\tb: 1\n'.replace('a:', 'a:')), ['*["  "]']);
    assert.deepEqual(preferred('a: @foo\n'), ['*["\\"@foo\\""]']);
    assert.deepEqual(preferred('args: - one\n'), ['*["\\n  "]']);
    assert.deepEqual(preferred('a: "abc\n'), ['["\\""]'], 'closing a quote is a guess, not preferred');
  });

  it('uses kubeNotes.yaml.indentation.spaces for the tab fix', () => {
    const [d] = diagnose('a:\n\tb: 1\n', { yaml: { indentation: { spaces: 4 } } });
    assert.deepEqual(fixesOf(d!)[0]!.edits.map((e) => e.newText), ['    ']);
  });
});

describe('every yaml ErrorCode maps to a stable code', () => {
  const ALL: ErrorCode[] = [
    'ALIAS_PROPS', 'BAD_ALIAS', 'BAD_DIRECTIVE', 'BAD_DQ_ESCAPE', 'BAD_INDENT', 'BAD_PROP_ORDER', 'BAD_SCALAR_START',
    'BLOCK_AS_IMPLICIT_KEY', 'BLOCK_IN_FLOW', 'DUPLICATE_KEY', 'IMPOSSIBLE', 'KEY_OVER_1024_CHARS', 'MISSING_CHAR',
    'MULTILINE_IMPLICIT_KEY', 'MULTIPLE_ANCHORS', 'MULTIPLE_DOCS', 'MULTIPLE_TAGS', 'NON_STRING_KEY', 'RESOURCE_EXHAUSTION',
    'TAB_AS_INDENT', 'TAG_RESOLVE_FAILED', 'UNEXPECTED_TOKEN', 'BAD_COLLECTION_TYPE',
  ];
  const codes = new Set(Object.values(SYNTAX).map((c) => c.code));
  const run = (problem: ParseProblem): Finding[] => {
    // The parsed chunk with its problems replaced (a derived object keeps the chunk's accessors).
    const chunk: ParsedChunk = Object.create(parseChunk('a: 1\nb: 2\n'), { problems: { value: [problem] } }) as ParsedChunk;
    const found: Finding[] = [];
    syntaxErrors.check({
      chunk,
      file: { uri: 'file:///x.yaml', chunkIndex: 0, chunkCount: 1, isHelmTemplate: false },
      settings: normalizeSettings({}),
      kubernetes: noKubernetesResources,
      report: (f) => found.push(f),
    });
    return found;
  };
  for (const yamlCode of [...ALL, 'KN_TOO_DEEP', 'KN_PARSER_FAILURE', 'SOMETHING_NEW']) {
    it(yamlCode, () => {
      const found = run({ yamlCode, message: 'Some parser message', start: 5, end: 6, isWarning: false });
      if (yamlCode === 'DUPLICATE_KEY') {
        assert.deepEqual(found, [], 'duplicates are YAML100 (duplicateKey rule)');
        return;
      }
      assert.equal(found.length, 1);
      assert.ok(codes.has(found[0]!.code), `${found[0]!.code} is a syntax code`);
      assert.ok(found[0]!.message.ko.length > 0 && found[0]!.message.en.length > 0);
    });
  }
  it('KN_PARSER_FAILURE → YAML024 and KN_TOO_DEEP → YAML023', () => {
    assert.equal(run({ yamlCode: 'KN_PARSER_FAILURE', message: 'boom', start: 0, end: 4, isWarning: false })[0]!.code, 'YAML024');
    assert.equal(run({ yamlCode: 'KN_TOO_DEEP', message: 'deep', start: 0, end: 4, isWarning: false })[0]!.code, 'YAML023');
  });
});
