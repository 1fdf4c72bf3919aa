// Unit tests of the checker: the editor's validate() over texts and bytes, 1-based positions, file-level findings.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createLanguageService } from '../../../server/src/service/languageService';
import { normalizeSettings } from '../../../server/src/service/settings';
import { createChecker, formatBytes, type FileIdentity } from '../../../server/src/service/check/checker';
import { decodeText } from '../../../server/src/service/check/decodeText';
import { createKubernetesResources } from '../../../server/src/node/kubernetesSchemaLoader';
import { REPO_ROOT } from '../../helpers/bundledNotes';

const kubernetes = createKubernetesResources(join(REPO_ROOT, 'server', 'schemas'));
const identity = (path: string): FileIdentity => ({ path, uri: path, relative: true, documentUri: `file:///work/${path}` });

const deployment = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
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
          contaners: oops
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: cfg
data:
  a: "1"
`;

describe('checker', () => {
  it('reports exactly what the editor publishes, with 1-based positions', () => {
    const service = createLanguageService({ kubernetes });
    const settings = normalizeSettings({ language: 'en' });
    const editor = createLanguageService({ kubernetes }).validate(TextDocument.create('file:///work/d.yaml', 'yaml', 1, deployment), settings);
    const result = createChecker({ service, settings }).checkText(identity('d.yaml'), deployment);
    assert.ok(editor.length > 0, 'the fixture has findings');
    assert.deepEqual(
      result.findings.map((f) => [f.code, f.line, f.column, f.endLine, f.endColumn, f.message]),
      editor
        .map((d) => [d.code, d.range.start.line + 1, d.range.start.character + 1, d.range.end.line + 1, d.range.end.character + 1, d.message])
        .sort((a, b) => (a[1] as number) - (b[1] as number) || (a[2] as number) - (b[2] as number)),
    );
    const unknown = result.findings.find((f) => f.code === 'K8S001');
    assert.ok(unknown, 'unknown field reported');
    assert.deepEqual([unknown.line, unknown.column, unknown.name], [17, 11, 'unknownField']);
    assert.equal(result.resources, 2);
    assert.equal(result.documents, 2);
  });

  it('honours severity settings and suppression comments like the editor', () => {
    const service = createLanguageService({ kubernetes });
    const off = createChecker({ service, settings: normalizeSettings({ lint: { unknownField: 'off' } }) });
    assert.equal(off.checkText(identity('d.yaml'), deployment).findings.some((f) => f.code === 'K8S001'), false);
    const warn = createChecker({ service, settings: normalizeSettings({ lint: { K8S001: 'warning' } }) });
    assert.equal(warn.checkText(identity('d.yaml'), deployment).findings.find((f) => f.code === 'K8S001')?.severity, 'warning');
    const suppressed = deployment.replace('          contaners: oops', '          # kube-notes-disable-next-line K8S001\n          contaners: oops');
    const plain = createChecker({ service, settings: normalizeSettings({}) });
    assert.equal(plain.checkText(identity('d.yaml'), suppressed).findings.some((f) => f.code === 'K8S001'), false);
  });

  it('keeps nothing between files (the service cache is released)', () => {
    const service = createLanguageService({ kubernetes });
    const checker = createChecker({ service, settings: normalizeSettings({}) });
    checker.checkText(identity('d.yaml'), deployment);
    assert.deepEqual(service.lastDiagnostics('file:///work/d.yaml'), []);
  });

  it('speaks the configured language', () => {
    const service = createLanguageService({ kubernetes });
    const ko = createChecker({ service, settings: normalizeSettings({ language: 'ko' }) });
    assert.equal(ko.lang, 'ko');
    assert.match(ko.checkText(identity('d.yaml'), deployment).findings.find((f) => f.code === 'K8S001')!.message, /필드/);
    assert.match(ko.unreadable(identity('x.yaml'), { ko: '권한이 없습니다', en: 'permission denied' }).findings[0]!.message, /^파일을 읽을 수 없습니다: 권한이 없습니다$/);
  });

  it('turns binary data, invalid UTF-8, unreadable and oversized files into one finding each', () => {
    const checker = createChecker({ service: createLanguageService({ kubernetes }), settings: normalizeSettings({ language: 'en' }) });
    const binary = checker.checkBytes(identity('b.yaml'), Uint8Array.from([0x61, 0x3a, 0x00, 0x62]));
    assert.deepEqual(binary.findings.map((f) => [f.code, f.severity, f.line, f.column]), [['CLI002', 'error', 1, 1]]);
    assert.match(binary.findings[0]!.message, /NUL byte at offset 2/);
    const latin1 = checker.checkBytes(identity('l.yaml'), Uint8Array.from([0x61, 0x3a, 0x20, 0xe9, 0x0a]));
    assert.match(latin1.findings[0]!.message, /invalid byte at offset 3/);
    assert.equal(checker.unreadable(identity('u.yaml'), { ko: 'x', en: 'it is a directory (EISDIR)' }).findings[0]!.code, 'CLI001');
    const large = checker.tooLarge(identity('big.yaml'), 60 * 1024 * 1024, 50 * 1024 * 1024);
    assert.equal(large.findings[0]!.code, 'CLI003');
    assert.match(large.findings[0]!.message, /60 MB, over the 50 MB limit/);
  });

  it('lets settings turn the checker’s own codes down or off', () => {
    const service = createLanguageService({ kubernetes });
    const off = createChecker({ service, settings: normalizeSettings({ lint: { binaryFile: 'off', CLI001: 'warning' } }) });
    assert.deepEqual(off.checkBytes(identity('b.yaml'), Uint8Array.from([0])).findings, []);
    assert.equal(off.unreadable(identity('u.yaml'), { ko: '', en: '' }).findings[0]!.severity, 'warning');
  });

  it('reads UTF-8 with a BOM and UTF-16 with a BOM as text', () => {
    const checker = createChecker({ service: createLanguageService({ kubernetes }), settings: normalizeSettings({}) });
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('a: 1\n')]);
    assert.deepEqual(decodeText(bom), { ok: true, text: 'a: 1\n' });
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('kind: ConfigMap\n', 'utf16le')]);
    const decoded = decodeText(utf16);
    assert.ok(decoded.ok && decoded.text === 'kind: ConfigMap\n');
    assert.equal(checker.checkBytes(identity('u16.yaml'), utf16).findings.some((f) => f.code === 'CLI002'), false);
  });

  it('reports broken YAML as findings and goes on', () => {
    const checker = createChecker({ service: createLanguageService({ kubernetes }), settings: normalizeSettings({}) });
    const broken = checker.checkText(identity('broken.yaml'), 'a: [1, 2\nb: : :\n');
    assert.ok(broken.findings.some((f) => f.severity === 'error' && f.code.startsWith('YAML')), JSON.stringify(broken.findings));
    assert.equal(checker.checkText(identity('ok.yaml'), 'a: 1\n').findings.length, 0);
  });

  it('formats sizes', () => {
    assert.equal(formatBytes(512), '512 B');
    assert.equal(formatBytes(1536), '1.5 KB');
    assert.equal(formatBytes(50 * 1024 * 1024), '50 MB');
  });
});
