// Unit tests of the four CLI output formats and the run summary, on hand-made results (no file system).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createLanguageService } from '../../../server/src/service/languageService';
import { allCheckCodes } from '../../../server/src/service/check/checkCodes';
import { formatReport, type ReportContext } from '../../../server/src/service/check/report';
import { summarize, onlyAtOrAbove } from '../../../server/src/service/check/summary';
import { summaryLine, terminalSafe } from '../../../server/src/service/check/humanReporter';
import { xmlAttribute, xmlText } from '../../../server/src/service/check/junitReporter';
import type { CheckFinding, FileResult, Severity } from '../../../server/src/service/check/checkTypes';
import { validateSarif } from '../../cli/sarifStructure';
import { parseXml, type XmlElement } from '../../cli/xmlWellFormed';

const registry = createLanguageService().registry;

const finding = (code: string, severity: Severity, line: number, column: number, message: string, name?: string): CheckFinding => ({
  code,
  ...(name ? { name } : {}),
  severity,
  message,
  line,
  column,
  endLine: line,
  endColumn: column + 3,
});

const file = (path: string, findings: CheckFinding[], resources = 1): FileResult => ({
  path,
  uri: path.split('/').map(encodeURIComponent).join('/'),
  relative: true,
  resources,
  documents: resources,
  findings,
});

const results: FileResult[] = [
  file('k8s/deploy.yaml', [finding('K8S001', 'error', 18, 11, 'Unknown field "contaners" in Container.', 'unknownField'), finding('YAML105', 'warning', 20, 1, 'Trailing spaces.', 'trailingSpaces')], 2),
  file('k8s/ok.yaml', [], 3),
  file('weird <name> & "quotes".yaml', [finding('YAML001', 'info', 1, 1, 'A <b>tag</b> & \u0001 control\nnext line', 'x')], 0),
];

const context = (overrides: Partial<ReportContext> = {}): ReportContext => ({
  lang: 'en',
  color: false,
  threshold: 'error',
  quiet: false,
  tool: { name: 'kube-notes', version: '9.9.9' },
  kubernetesVersion: '1.36',
  codes: allCheckCodes(registry),
  srcRoot: 'file:///work/repo/',
  ...overrides,
});

describe('code order', () => {
  it('every code is upper-case letters and digits, so ordering them by characters is the order localeCompare gives', () => {
    const codes = allCheckCodes(registry).map((c) => c.code);
    for (const code of codes) assert.match(code, /^[A-Z][A-Z0-9]*$/);
    assert.deepEqual(codes, [...codes].sort((a, b) => a.localeCompare(b)));
    assert.equal(new Set(codes).size, codes.length);
  });
});

describe('summary and exit codes', () => {
  it('counts severities, files with findings and resources', () => {
    const s = summarize(results, 'error');
    assert.deepEqual(
      { files: s.files, withFindings: s.filesWithFindings, resources: s.resources, errors: s.errors, warnings: s.warnings, infos: s.infos, hints: s.hints, failing: s.failing },
      { files: 3, withFindings: 2, resources: 5, errors: 1, warnings: 1, infos: 1, hints: 0, failing: 1 },
    );
    assert.equal(s.exitCode, 1);
  });

  it('exits 0 below the threshold, 1 at or above it, 2 on run errors', () => {
    const warningsOnly = [file('a.yaml', [finding('YAML105', 'warning', 1, 1, 'w')])];
    assert.equal(summarize(warningsOnly, 'error').exitCode, 0);
    assert.equal(summarize(warningsOnly, 'warning').exitCode, 1);
    assert.equal(summarize(warningsOnly, 'hint').exitCode, 1);
    assert.equal(summarize([], 'error').exitCode, 0);
    assert.equal(summarize(warningsOnly, 'warning', 1).exitCode, 2);
  });

  it('--quiet keeps only findings at or above the threshold', () => {
    const quiet = onlyAtOrAbove(results[0]!, 'error');
    assert.deepEqual(quiet.findings.map((f) => f.code), ['K8S001']);
    assert.equal(onlyAtOrAbove(results[1]!, 'error'), results[1]);
  });
});

describe('human format', () => {
  it('prints file:line:col  severity  CODE  message and a summary', () => {
    const out = formatReport('human', context(), results, summarize(results, 'error'));
    const lines = out.trimEnd().split('\n');
    assert.equal(lines[0], 'k8s/deploy.yaml:18:11  error    K8S001   Unknown field "contaners" in Container.');
    assert.equal(lines[1], 'k8s/deploy.yaml:20:1  warning  YAML105  Trailing spaces.');
    assert.match(lines[3]!, /^✖ 3 problems \(1 error, 1 warning, 1 info, 0 hints\) in 2 of 3 files, 5 resources$/);
    assert.doesNotMatch(out, /\u001b\[/, 'no colours unless asked');
  });

  it('neutralises control characters and line breaks from untrusted text', () => {
    const out = formatReport('human', context(), [results[2]!], summarize([results[2]!], 'error'));
    assert.match(out, /A <b>tag<\/b> & \\u\{1\} control\\nnext line/);
    assert.equal(terminalSafe('a\u001b[31mred\u202e'), 'a\\u{1b}[31mred\\u{202e}');
  });

  it('colours severities only when asked', () => {
    const out = formatReport('human', context({ color: true }), [results[0]!], summarize([results[0]!], 'error'));
    assert.match(out, /\u001b\[31merror/);
    assert.match(out, /\u001b\[33mwarning/);
  });

  it('speaks Korean', () => {
    const out = formatReport('human', context({ lang: 'ko' }), results, summarize(results, 'error'));
    assert.match(out, /k8s\/deploy\.yaml:18:11 {2}오류 {2}K8S001/);
    assert.match(out, /문제 3개 \(오류 1, 경고 1, 정보 1, 힌트 0\) — 파일 3개 중 2개, 리소스 5개/);
    assert.equal(summaryLine(summarize([results[1]!], 'error'), 'ko'), '✔ 문제 없음 — 파일 1개, 리소스 3개');
    assert.equal(summaryLine(summarize([], 'error'), 'ko'), '검사한 YAML 파일이 없습니다.');
  });

  it('prints nothing but findings with --quiet', () => {
    const clean = formatReport('human', context({ quiet: true }), [results[1]!], summarize([results[1]!], 'error'));
    assert.equal(clean, '');
  });

  it('marks a run with findings below the threshold as a warning, not a failure', () => {
    const warnings = [file('a.yaml', [finding('YAML105', 'warning', 1, 1, 'w')])];
    assert.match(summaryLine(summarize(warnings, 'error'), 'en'), /^⚠ 1 problem \(0 errors, 1 warning, 0 info, 0 hints\) in 1 of 1 file, 1 resource$/);
  });
});

describe('JSON format', () => {
  it('is one valid JSON document with a stable shape', () => {
    const out = formatReport('json', context(), results, summarize(results, 'error'));
    const json = JSON.parse(out) as Record<string, unknown> & { files: Array<Record<string, unknown>>; summary: Record<string, unknown> };
    assert.deepEqual(Object.keys(json), ['version', 'tool', 'kubernetesVersion', 'language', 'severityThreshold', 'files', 'summary']);
    assert.equal(json['version'], 1);
    assert.deepEqual(json['tool'], { name: 'kube-notes', version: '9.9.9' });
    assert.equal(json.files.length, 3);
    assert.deepEqual(Object.keys(json.files[0]!), ['path', 'uri', 'resources', 'documents', 'findings']);
    assert.deepEqual((json.files[0]!['findings'] as unknown[])[0], {
      code: 'K8S001',
      name: 'unknownField',
      severity: 'error',
      message: 'Unknown field "contaners" in Container.',
      line: 18,
      column: 11,
      endLine: 18,
      endColumn: 14,
    });
    assert.deepEqual(json.summary, { files: 3, filesWithFindings: 2, resources: 5, documents: 5, errors: 1, warnings: 1, infos: 1, hints: 0, failing: 1, exitCode: 1 });
  });

  it('is valid with no files', () => {
    const json = JSON.parse(formatReport('json', context(), [], summarize([], 'error'))) as { files: unknown[] };
    assert.deepEqual(json.files, []);
  });
});

describe('SARIF format', () => {
  it('passes the structural SARIF 2.1.0 validation', () => {
    const log = JSON.parse(formatReport('sarif', context(), results, summarize(results, 'error'))) as unknown;
    assert.deepEqual(validateSarif(log), []);
  });

  it('describes every rule and points results at their rule, file and region', () => {
    type Sarif = { runs: Array<{ tool: { driver: { rules: Array<{ id: string; name: string; defaultConfiguration: { level: string } }> } }; results: Array<Record<string, any>>; originalUriBaseIds: Record<string, { uri: string }> }> };
    const log = JSON.parse(formatReport('sarif', context(), results, summarize(results, 'error'))) as Sarif;
    const run = log.runs[0]!;
    const ids = run.tool.driver.rules.map((r) => r.id);
    assert.equal(ids.length, allCheckCodes(registry).length);
    for (const code of ['CLI001', 'CLI002', 'CLI003', 'KN000']) assert.ok(ids.includes(code), code);
    assert.equal(run.results.length, 3);
    const first = run.results[0]!;
    assert.equal(first['ruleId'], 'K8S001');
    assert.equal(run.tool.driver.rules[first['ruleIndex']]!.id, 'K8S001');
    assert.equal(first['level'], 'error');
    assert.deepEqual(first['locations'][0].physicalLocation, {
      artifactLocation: { uri: 'k8s/deploy.yaml', uriBaseId: '%SRCROOT%' },
      region: { startLine: 18, startColumn: 11, endLine: 18, endColumn: 14 },
    });
    assert.equal(run.results[1]!['level'], 'warning');
    assert.equal(run.results[2]!['level'], 'note');
    assert.equal(run.results[2]!['locations'][0].physicalLocation.artifactLocation.uri, 'weird%20%3Cname%3E%20%26%20%22quotes%22.yaml');
    assert.equal(run.originalUriBaseIds['%SRCROOT%']!.uri, 'file:///work/repo/');
  });

  it('uses an absolute file URI without a base for files outside the working folder', () => {
    const outside: FileResult = { ...file('/elsewhere/x.yaml', [finding('CLI001', 'error', 1, 1, 'Cannot read')]), uri: 'file:///elsewhere/x.yaml', relative: false };
    const log = JSON.parse(formatReport('sarif', context(), [outside], summarize([outside], 'error'))) as { runs: Array<{ results: Array<any> }> };
    assert.deepEqual(log.runs[0]!.results[0].locations[0].physicalLocation.artifactLocation, { uri: 'file:///elsewhere/x.yaml' });
    assert.deepEqual(validateSarif(log), []);
  });

  it('is valid with no results and reports an unsuccessful run on exit code 2', () => {
    const log = JSON.parse(formatReport('sarif', context(), [], summarize([], 'error', 1))) as { runs: Array<{ results: unknown[]; invocations: Array<{ executionSuccessful: boolean; exitCode: number }> }> };
    assert.deepEqual(validateSarif(log), []);
    assert.deepEqual(log.runs[0]!.results, []);
    assert.deepEqual(log.runs[0]!.invocations[0], { executionSuccessful: false, exitCode: 2 });
  });

  it('localises rule descriptions and messages', () => {
    const log = JSON.parse(formatReport('sarif', context({ lang: 'ko' }), [], summarize([], 'error'))) as { runs: Array<{ tool: { driver: { language: string; rules: Array<{ id: string; shortDescription: { text: string } }> } } }> };
    const driver = log.runs[0]!.tool.driver;
    assert.equal(driver.language, 'ko');
    assert.equal(driver.rules.find((r) => r.id === 'CLI001')!.shortDescription.text, '파일을 읽을 수 없습니다');
  });

  it('the validator catches broken logs', () => {
    assert.notDeepEqual(validateSarif({ version: '2.0.0', runs: [] }), []);
    assert.notDeepEqual(validateSarif({ version: '2.1.0', runs: [{ tool: { driver: {} } }] }), []);
    const badRegion = { version: '2.1.0', runs: [{ tool: { driver: { name: 'x' } }, results: [{ message: { text: 'm' }, level: 'info', locations: [{ physicalLocation: { artifactLocation: { uri: 'a b.yaml' }, region: { startLine: 0 } } }] }] }] };
    const problems = validateSarif(badRegion);
    assert.ok(problems.some((p) => p.includes('level')), problems.join('\n'));
    assert.ok(problems.some((p) => p.includes('startLine')), problems.join('\n'));
    assert.ok(problems.some((p) => p.includes('URI reference')), problems.join('\n'));
    assert.ok(validateSarif({ version: '2.1.0', runs: [{ tool: { driver: { name: 'x', extra: 1 } } }] }).some((p) => p.includes('not allowed')));
  });
});

describe('JUnit format', () => {
  const children = (element: XmlElement, name: string): XmlElement[] => element.children.filter((c) => c.name === name);

  it('is well-formed XML with one testsuite per file and one failing testcase per finding at or above the threshold', () => {
    const out = formatReport('junit', context(), results, summarize(results, 'error'));
    const { problems, root } = parseXml(out);
    assert.deepEqual(problems, []);
    assert.equal(root!.name, 'testsuites');
    const suites = children(root!, 'testsuite');
    assert.deepEqual(suites.map((s) => s.attributes['name']), ['k8s/deploy.yaml', 'k8s/ok.yaml', 'weird <name> & "quotes".yaml']);
    const [deploy, ok, weird] = suites;
    assert.deepEqual([deploy!.attributes['tests'], deploy!.attributes['failures']], ['1', '1']);
    const failure = children(children(deploy!, 'testcase')[0]!, 'failure')[0]!;
    assert.equal(failure.attributes['type'], 'K8S001');
    assert.equal(failure.attributes['message'], 'Unknown field "contaners" in Container.');
    assert.match(children(deploy!, 'system-out')[0]!.text, /k8s\/deploy\.yaml:20:1 {2}warning {2}YAML105 {2}Trailing spaces\./);
    assert.deepEqual([ok!.attributes['tests'], ok!.attributes['failures']], ['1', '0']);
    assert.equal(children(ok!, 'testcase')[0]!.attributes['name'], 'kube-notes check');
    assert.match(children(weird!, 'system-out')[0]!.text, /A <b>tag<\/b> & \ufffd control\nnext line/);
  });

  it('escapes text and attributes and drops characters XML cannot carry', () => {
    assert.equal(xmlText('a < b & c > d'), 'a &lt; b &amp; c &gt; d');
    assert.equal(xmlAttribute(`"x" 'y'\n\tz`), '&quot;x&quot; &apos;y&apos;&#10;&#9;z');
    assert.equal(xmlText('bell\u0007 lone\ud800 pair\ud83d\ude00'), 'bell\ufffd lone\ufffd pair\ud83d\ude00');
  });
});
