// CLI tests: the built dist/cli.js on real trees — every output format, every exit code, stdin, a mixed tree,
// settings shared with the extension, Korean output.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { REPO_ROOT } from '../helpers/bundledNotes';
import { CLI_JS, runCli } from './cliRunner';
import { validateSarif } from './sarifStructure';
import { parseXml } from './xmlWellFormed';

const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 2
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
        - name: web
          image: nginx:1.27
`;
const SERVICE = `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector:
    app: web
  ports:
    - port: 80
      targetPort: 8080
`;
const TYPO = DEPLOYMENT.replace('          image: nginx:1.27\n', '          image: nginx:1.27\n          contaners: oops\n');
const TRAILING = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg   \ndata:\n  a: "1"\n';

function write(root: string, files: Record<string, string | Buffer>): void {
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
}

describe('kube-notes CLI (dist/cli.js)', () => {
  let root: string;
  let mixed: string;
  let clean: string;

  before(() => {
    root = mkdtempSync(join(tmpdir(), 'kube-notes-cli-'));
    mixed = join(root, 'mixed');
    clean = join(root, 'clean');
    write(mixed, {
      'apps/web/deployment.yaml': DEPLOYMENT,
      'apps/web/service.yaml': SERVICE,
      'apps/api/typo.yaml': TYPO,
      'broken.yaml': 'a: [1, 2\nb: c\n',
      'binary.yaml': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01, 0x02]),
      'chart/templates/svc.yaml': 'apiVersion: v1\nkind: Service\nmetadata:\n  name: {{ .Values.name }}\n  labels:\n    {{- include "chart.labels" . | nindent 4 }}\n',
      'chart/Chart.yaml': 'apiVersion: v2\nname: chart\nversion: 0.1.0\n',
      'config/app-settings.yml': 'server:\n  port: 8080\n  hosts: [a, b]\n',
      'node_modules/dep/bad.yaml': 'a: [\n',
      '.git/bad.yaml': 'a: [\n',
      'README.md': '# not yaml\n',
    });
    symlinkSync(join(mixed, 'gone.yaml'), join(mixed, 'dangling.yaml'));
    write(clean, { 'deployment.yaml': DEPLOYMENT, 'nested/service.yml': SERVICE });
    assert.ok(statSync(CLI_JS).mode & 0o111, 'dist/cli.js is executable');
  });

  after(() => rmSync(root, { recursive: true, force: true }));

  describe('entry', () => {
    it('starts with a node shebang and prints its version', () => {
      assert.match(readFileSync(CLI_JS, 'utf8').split('\n')[0]!, /^#!\/usr\/bin\/env node$/);
      const version = (JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
      const run = runCli(['--version'], { cwd: root });
      assert.equal(run.status, 0);
      assert.equal(run.stdout, `kube-notes ${version}\n`);
      // Nothing on stderr: V8 would print there if the compiler flag the CLI sets (tuneJitForBatch.ts) were unknown to it.
      assert.equal(run.stderr, '');
    });

    it('documents options and exit codes in --help, in English and Korean', () => {
      const en = runCli(['--help'], { cwd: root });
      assert.equal(en.status, 0);
      for (const text of ['--kubernetes-version', '--lang', '--format', '--severity-threshold', '--rule', '--config', '--no-color', '--quiet', '--max-files', 'Exit codes:', '0  no findings', '1  findings', '2  usage or I/O error']) {
        assert.ok(en.stdout.includes(text), text);
      }
      const ko = runCli(['check', '--help'], { cwd: root, env: { LANG: 'ko_KR.UTF-8' } });
      assert.match(ko.stdout, /종료 코드:/);
    });

    it('is the package bin "kube-notes"', () => {
      const pkg = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { bin: Record<string, string> };
      assert.equal(pkg.bin['kube-notes'], 'dist/cli.js');
    });
  });

  describe('exit codes', () => {
    it('0 on a clean tree, with a summary', () => {
      const run = runCli(['check', '.'], { cwd: clean });
      assert.equal(run.status, 0, run.stdout + run.stderr);
      assert.equal(run.stdout, '✔ No problems — 2 files, 2 resources\n');
    });

    it('1 when a finding reaches the threshold; warnings alone pass unless the threshold is lowered', () => {
      const dir = join(root, 'thresholds');
      write(dir, { 'typo.yaml': TYPO, 'trailing.yaml': TRAILING });
      assert.equal(runCli(['check', 'typo.yaml'], { cwd: dir }).status, 1);
      const warning = runCli(['check', 'trailing.yaml'], { cwd: dir });
      assert.equal(warning.status, 0);
      assert.match(warning.stdout, /^trailing\.yaml:4:12 {2}warning {2}YAML105 {2}/m);
      assert.equal(runCli(['check', 'trailing.yaml', '--severity-threshold', 'warning'], { cwd: dir }).status, 1);
      assert.equal(runCli(['check', 'trailing.yaml', '--severity-threshold=hint'], { cwd: dir }).status, 1);
      assert.equal(runCli(['check', 'typo.yaml', '--rule', 'K8S001=warning'], { cwd: dir }).status, 0);
    });

    it('2 on usage errors, missing paths, unmatched globs, bad config and too many files', () => {
      const cases: Array<[string[], RegExp]> = [
        [['check', '--format', 'xml'], /--format must be one of/],
        [['check', '--bogus'], /Unknown option '--bogus'/],
        [['lint', '.'], /Unknown command 'lint'/],
        [['check', '--kubernetes-version', '1.20', '.'], /unsupported version '1\.20'/],
        [['check', '--rule', 'NOPE=off', '.'], /unknown rule 'NOPE'/],
        [['check', 'no-such-file.yaml'], /Cannot find 'no-such-file\.yaml'/],
        [['check', 'nothing/**/*.yaml'], /No files match 'nothing\/\*\*\/\*\.yaml'/],
        [['check', '--config', 'missing.json', '.'], /Cannot read the config file/],
        [['check', '--max-files', '1', '.'], /More than 1 files to check/],
      ];
      for (const [args, message] of cases) {
        const run = runCli(args, { cwd: clean });
        assert.equal(run.status, 2, `${args.join(' ')}: ${run.stderr}`);
        assert.match(run.stderr, message, args.join(' '));
      }
    });

    it('2 wins over findings, and the existing paths are still checked', () => {
      const run = runCli(['check', 'deployment.yaml', 'missing.yaml'], { cwd: clean });
      assert.equal(run.status, 2);
      assert.match(run.stdout, /No problems — 1 file, 1 resource/);
    });
  });

  describe('a mixed tree', () => {
    it('reports broken YAML, binary and unreadable files as findings and checks everything else', () => {
      const run = runCli(['check', '.'], { cwd: mixed });
      assert.equal(run.status, 1, run.stderr);
      assert.equal(run.stderr, '');
      const lines = run.stdout.trimEnd().split('\n');
      const files = new Set(lines.slice(0, -1).map((l) => l.split(':')[0]));
      assert.deepEqual([...files].sort(), ['apps/api/typo.yaml', 'binary.yaml', 'broken.yaml', 'chart/templates/svc.yaml', 'dangling.yaml']);
      assert.ok(lines.some((l) => /^binary\.yaml:1:1 {2}error {4}CLI002 {3}Binary file: NUL byte at offset 4\. Not checked\.$/.test(l)), run.stdout);
      assert.ok(lines.some((l) => /^dangling\.yaml:1:1 {2}error {4}CLI001 {3}Cannot read the file: .*ENOENT/.test(l)), run.stdout);
      assert.ok(lines.some((l) => /^broken\.yaml:\d+:\d+ {2}error {4}YAML\d{3}/.test(l)), run.stdout);
      assert.ok(lines.some((l) => /^apps\/api\/typo\.yaml:18:11 {2}error {4}K8S001 {3}Unknown field "contaners"/.test(l)), run.stdout);
      assert.ok(lines.some((l) => /^chart\/templates\/svc\.yaml:\d+:\d+ {2}info {5}YAML120/.test(l)), 'Helm template: one info, no YAML errors');
      assert.ok(!lines.some((l) => l.startsWith('chart/templates/svc.yaml') && !l.includes('YAML120')));
      assert.ok(!run.stdout.includes('node_modules') && !run.stdout.includes('.git/'), 'skips node_modules and .git');
      assert.match(lines[lines.length - 1]!, /^✖ \d+ problems \(.*\) in 5 of 9 files, \d+ resources$/);
    });

    it('writes JSON that matches the documented shape', () => {
      const run = runCli(['check', '--format', 'json', '.'], { cwd: mixed });
      assert.equal(run.status, 1);
      const json = JSON.parse(run.stdout) as { version: number; files: Array<{ path: string; findings: Array<{ code: string }> }>; summary: { files: number; exitCode: number } };
      assert.equal(json.version, 1);
      assert.equal(json.summary.files, 9);
      assert.equal(json.summary.exitCode, 1);
      const byPath = new Map(json.files.map((f) => [f.path, f.findings.map((x) => x.code)]));
      assert.deepEqual(byPath.get('binary.yaml'), ['CLI002']);
      assert.deepEqual(byPath.get('dangling.yaml'), ['CLI001']);
      assert.deepEqual(byPath.get('apps/web/deployment.yaml'), []);
      assert.deepEqual(byPath.get('config/app-settings.yml'), [], 'non-Kubernetes YAML is checked as YAML only');
    });

    it('writes SARIF 2.1.0 that passes the structural validation', () => {
      const run = runCli(['check', '--format', 'sarif', '.'], { cwd: mixed });
      assert.equal(run.status, 1);
      const log = JSON.parse(run.stdout) as { runs: Array<{ results: Array<{ ruleId: string; locations: Array<{ physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string } } }> }>; originalUriBaseIds: Record<string, { uri: string }> }> };
      assert.deepEqual(validateSarif(log), []);
      const results = log.runs[0]!.results;
      assert.ok(results.some((r) => r.ruleId === 'CLI002' && r.locations[0]!.physicalLocation.artifactLocation.uri === 'binary.yaml'));
      assert.ok(results.some((r) => r.ruleId === 'K8S001' && r.locations[0]!.physicalLocation.artifactLocation.uri === 'apps/api/typo.yaml'));
      assert.ok(results.every((r) => r.locations[0]!.physicalLocation.artifactLocation.uriBaseId === '%SRCROOT%'));
      assert.ok(log.runs[0]!.originalUriBaseIds['%SRCROOT%']!.uri.startsWith('file:///'));
    });

    it('writes well-formed JUnit XML, one testsuite per file', () => {
      const run = runCli(['check', '--format', 'junit', '.'], { cwd: mixed });
      assert.equal(run.status, 1);
      const { problems, root: xml } = parseXml(run.stdout);
      assert.deepEqual(problems, []);
      const suites = xml!.children.filter((c) => c.name === 'testsuite');
      assert.equal(suites.length, 9);
      const binary = suites.find((s) => s.attributes['name'] === 'binary.yaml')!;
      assert.equal(binary.attributes['failures'], '1');
      const ok = suites.find((s) => s.attributes['name'] === 'apps/web/deployment.yaml')!;
      assert.equal(ok.attributes['failures'], '0');
    });

    it('keeps going with --quiet and prints only failing findings', () => {
      const run = runCli(['check', '-q', '.'], { cwd: mixed });
      assert.equal(run.status, 1);
      assert.ok(!run.stdout.includes('YAML120'), 'the info finding is dropped');
      assert.ok(!/problems/.test(run.stdout), 'no summary');
      assert.match(run.stdout, /CLI002/);
    });

    it('expands quoted globs itself', () => {
      const run = runCli(['check', '--format', 'json', 'apps/**/*.yaml'], { cwd: mixed });
      const json = JSON.parse(run.stdout) as { files: Array<{ path: string }> };
      assert.deepEqual(json.files.map((f) => f.path), ['apps/api/typo.yaml', 'apps/web/deployment.yaml', 'apps/web/service.yaml']);
    });

    it('reports files over --max-file-size instead of parsing them', () => {
      const run = runCli(['check', '--max-file-size', '100B', 'apps/web'], { cwd: mixed });
      assert.equal(run.status, 1);
      assert.match(run.stdout, /^apps\/web\/deployment\.yaml:1:1 {2}error {4}CLI003 {3}The file is \d+ B, over the 100 B limit/m);
    });
  });

  describe('stdin', () => {
    it('reads - from standard input', () => {
      const run = runCli(['check', '-'], { cwd: clean, input: TYPO });
      assert.equal(run.status, 1);
      assert.match(run.stdout, /^<stdin>:18:11 {2}error {4}K8S001 /m);
      const ok = runCli(['check', '--format', 'json', '-'], { cwd: clean, input: DEPLOYMENT });
      assert.equal(ok.status, 0);
      assert.equal((JSON.parse(ok.stdout) as { files: Array<{ path: string; resources: number }> }).files[0]!.resources, 1);
    });

    it('uses --stdin-filename for names and Helm detection, and handles binary input', () => {
      const helm = runCli(['check', '--stdin-filename', 'chart/templates/x.yaml', '-'], { cwd: clean, input: 'kind: Service\nmetadata:\n  name: {{ .Values.name }}\n' });
      assert.equal(helm.status, 0);
      assert.match(helm.stdout, /^chart\/templates\/x\.yaml:\d+:\d+ {2}info {5}YAML120/m);
      const binary = runCli(['check', '-'], { cwd: clean, input: Buffer.from([0, 1, 2]) });
      assert.equal(binary.status, 1);
      assert.match(binary.stdout, /<stdin>:1:1 {2}error {4}CLI002/);
    });

    it('combines stdin with files', () => {
      const run = runCli(['check', '--format', 'json', 'deployment.yaml', '-'], { cwd: clean, input: SERVICE });
      assert.deepEqual((JSON.parse(run.stdout) as { files: Array<{ path: string }> }).files.map((f) => f.path), ['deployment.yaml', '<stdin>']);
    });
  });

  describe('settings shared with the extension', () => {
    it('auto-discovers .kube-notes.json in the working folder (the kubeNotes section shape)', () => {
      const dir = join(root, 'config-json');
      write(dir, { 'trailing.yaml': TRAILING, '.kube-notes.json': JSON.stringify({ lint: { trailingSpaces: 'error' } }) });
      const run = runCli(['check', '.'], { cwd: dir });
      assert.equal(run.status, 1);
      assert.match(run.stdout, /YAML105/);
      assert.equal(runCli(['check', '--no-config', '.'], { cwd: dir }).status, 0);
      assert.equal(runCli(['check', '--rule', 'trailingSpaces=off', '.'], { cwd: dir }).stdout, '✔ No problems — 1 file, 1 resource\n', 'options override the file');
    });

    it('reads .kube-notes.yaml, including an unquoted version and language', () => {
      const dir = join(root, 'config-yaml');
      write(dir, { 'fs.yaml': 'apiVersion: flowcontrol.apiserver.k8s.io/v1beta2\nkind: FlowSchema\nmetadata:\n  name: x\nspec:\n  priorityLevelConfiguration:\n    name: global-default\n', '.kube-notes.yaml': 'language: ko\nkubernetes:\n  version: 1.28\n' });
      const run = runCli(['check', '--format', 'json', '.'], { cwd: dir });
      const json = JSON.parse(run.stdout) as { kubernetesVersion: string; language: string; files: Array<{ path: string; findings: Array<{ code: string }> }> };
      assert.equal(json.kubernetesVersion, '1.28');
      assert.equal(json.language, 'ko');
      const codes = (report: typeof json): string[] => report.files.find((f) => f.path === 'fs.yaml')!.findings.map((f) => f.code);
      assert.deepEqual(codes(json), ['K8S007'], 'deprecated, not yet removed, in 1.28');
      const newer = JSON.parse(runCli(['check', '--format', 'json', '--kubernetes-version', '1.36', '.'], { cwd: dir }).stdout) as typeof json;
      assert.deepEqual(codes(newer), ['K8S006'], 'removed in 1.36');
    });

    it('reads a .vscode/settings.json with flattened kubeNotes.* keys and comments via --config', () => {
      const dir = join(root, 'config-vscode');
      write(dir, {
        'trailing.yaml': TRAILING,
        '.vscode/settings.json': '{\n  // shared with the extension\n  "editor.tabSize": 2,\n  "kubeNotes.language": "ko",\n  "kubeNotes.lint.trailingSpaces": "error",\n}\n',
      });
      const run = runCli(['check', '--config', '.vscode/settings.json', '.'], { cwd: dir });
      assert.equal(run.status, 1);
      assert.match(run.stdout, /^trailing\.yaml:4:12 {2}오류 {2}YAML105 /m);
    });

    it('rejects an invalid config file with exit code 2', () => {
      const dir = join(root, 'config-bad');
      write(dir, { 'a.yaml': 'a: 1\n', '.kube-notes.json': '{ "lint": { "trailingSpaces": "loud" } }' });
      const run = runCli(['check', '.'], { cwd: dir });
      assert.equal(run.status, 2);
      assert.match(run.stderr, /\.kube-notes\.json: lint\.trailingSpaces must be off, hint, info, warning or error/);
      write(dir, { '.kube-notes.json': '{ not json' });
      assert.equal(runCli(['check', '.'], { cwd: dir }).status, 2);
    });
  });

  describe('language and colour', () => {
    it('speaks Korean with --lang ko or a Korean locale, and --lang wins over the locale', () => {
      const flag = runCli(['check', '--lang', 'ko', '.'], { cwd: join(mixed, 'apps') });
      assert.match(flag.stdout, /api\/typo\.yaml:18:11 {2}오류 {2}K8S001 {2}/);
      assert.match(flag.stdout, /^✖ 문제 1개 \(오류 1, 경고 0, 정보 0, 힌트 0\) — 파일 3개 중 1개, 리소스 3개$/m);
      const locale = runCli(['check', '.'], { cwd: join(mixed, 'apps'), env: { LANG: 'ko_KR.UTF-8' } });
      assert.equal(locale.stdout, flag.stdout);
      const english = runCli(['check', '--lang', 'en', '.'], { cwd: join(mixed, 'apps'), env: { LC_ALL: 'ko_KR.UTF-8' } });
      assert.match(english.stdout, /Unknown field/);
      const usage = runCli(['check', '--format', 'xml'], { cwd: root, env: { LANG: 'ko_KR.UTF-8' } });
      assert.match(usage.stderr, /--format은 human, json, sarif, junit 중 하나여야 합니다/);
    });

    it('never colours a pipe unless --color is given, and NO_COLOR is not overridden by the TTY check', () => {
      const piped = runCli(['check', '.'], { cwd: join(mixed, 'apps') });
      assert.doesNotMatch(piped.stdout, /\u001b\[/);
      const forced = runCli(['check', '--color', '.'], { cwd: join(mixed, 'apps') });
      assert.match(forced.stdout, /\u001b\[31m/);
      const noColor = runCli(['check', '--no-color', '.'], { cwd: join(mixed, 'apps'), env: { NO_COLOR: '1' } });
      assert.doesNotMatch(noColor.stdout, /\u001b\[/);
    });
  });

  describe('custom resources in the checked tree', () => {
    it('learns CRDs from the inputs, as the editor learns them from the workspace', () => {
      const dir = join(root, 'crds');
      write(dir, {
        'crd.yaml': `apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata:
  name: widgets.example.com
spec:
  group: example.com
  names: { kind: Widget, plural: widgets }
  scope: Namespaced
  versions:
    - name: v1
      served: true
      storage: true
      schema:
        openAPIV3Schema:
          type: object
          properties:
            spec:
              type: object
              properties:
                size: { type: integer }
`,
        'widget.yaml': 'apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: w\nspec:\n  size: big\n',
      });
      const both = JSON.parse(runCli(['check', '--format', 'json', '.'], { cwd: dir }).stdout) as { files: Array<{ path: string; findings: Array<{ code: string }> }> };
      assert.deepEqual(both.files.find((f) => f.path === 'widget.yaml')!.findings.map((f) => f.code), ['K8S002'], 'size must be an integer per the CRD');
      const alone = JSON.parse(runCli(['check', '--format', 'json', 'widget.yaml'], { cwd: dir }).stdout) as typeof both;
      assert.deepEqual(alone.files[0]!.findings.map((f) => f.code), ['K8S012'], 'without the CRD: unknown custom resource');
    });
  });

  describe('special files', () => {
    it('does not hang on a FIFO found in a tree', () => {
      const dir = join(root, 'fifo');
      mkdirSync(dir, { recursive: true });
      try {
        execFileSync('mkfifo', [join(dir, 'pipe.yaml')]);
      } catch {
        return;
      }
      const run = runCli(['check', '.'], { cwd: dir });
      assert.equal(run.status, 1);
      assert.match(run.stdout, /^pipe\.yaml:1:1 {2}error {4}CLI001 {3}Cannot read the file: not a regular file/m);
    });

    it('checks files over 1 MiB in a worker with the same result, and survives one that exhausts its memory', () => {
      const dir = join(root, 'large');
      const padding = Array.from({ length: 9000 }, (_, i) => `---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg-${i}\ndata:\n  key: "${'v'.repeat(60)}"\n`).join('');
      // (650,000 items fit in 256 MB since the fast parser's items are compact: YAML027 then refuses the document.)
      const flow = `a: [${Array.from({ length: 1_300_000 }, (_, i) => String(i % 10)).join(',')}]\n`;
      write(dir, { 'big.yaml': TYPO + padding, 'flow.yaml': flow, 'small.yaml': TYPO });
      assert.ok(statSync(join(dir, 'big.yaml')).size > 1024 * 1024 && statSync(join(dir, 'flow.yaml')).size > 1024 * 1024);
      const big = JSON.parse(runCli(['check', '--format', 'json', 'big.yaml'], { cwd: dir }).stdout) as { files: Array<{ resources: number; findings: Array<{ code: string; line: number }> }> };
      assert.equal(big.files[0]!.resources, 9001);
      assert.deepEqual(big.files[0]!.findings.map((f) => [f.code, f.line]), [['K8S001', 18]]);
      // A small heap makes the worker run out of memory on the flow list; the run reports it and goes on.
      const run = runCli(['check', 'flow.yaml', 'small.yaml'], { cwd: dir, env: { NODE_OPTIONS: '--max-old-space-size=256' } });
      assert.equal(run.status, 1, run.stderr);
      assert.match(run.stdout, /^flow\.yaml:1:1 {2}error {4}CLI003 {3}Checking this file \(2\.\d MB\) needed more than the \d+ MB of memory allowed for it/m);
      assert.match(run.stdout, /^small\.yaml:18:11 {2}error {4}K8S001/m);
    });

    it('refuses deeply nested YAML with a finding instead of crashing', () => {
      const dir = join(root, 'deep');
      write(dir, { 'deep.yaml': `${'['.repeat(20_000)}${']'.repeat(20_000)}\n` });
      const run = runCli(['check', '.'], { cwd: dir });
      assert.equal(run.status, 1, run.stderr);
      assert.match(run.stdout, /deep\.yaml:1:1 {2}error {4}YAML023/);
    });
  });
});
