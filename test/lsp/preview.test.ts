// LSP-level tests of kubeNotes/previewJson over stdio: kubectl's readings, live update after edits, broken YAML with
// its error range and best-effort JSON, settings, and hostile input that stays bounded without hurting the server.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { PreviewJsonResult } from '../../server/src/protocol/messages';
import { TestClient, hoverText } from './lspClient';

const MANIFEST = [
  'apiVersion: v1',
  'kind: ConfigMap',
  'metadata:',
  '  name: flags',
  'data:',
  '  debug: "no"',
  '---',
  'apiVersion: apps/v1',
  'kind: Deployment',
  'metadata:',
  '  name: web',
  '  labels: &labels {app: web}',
  'x-defaults: &defaults',
  '  replicas: 2',
  '  paused: off',
  'spec:',
  '  <<: *defaults',
  '  replicas: 3',
  '  selector:',
  '    matchLabels: *labels',
  '',
].join('\n');

describe('kubeNotes/previewJson over stdio', () => {
  let client: TestClient;
  const uri = 'file:///tmp/kube-notes-test/preview.yaml';
  const previewOf = (params: Record<string, unknown> = {}) => client.request<PreviewJsonResult | null>('kubeNotes/previewJson', { textDocument: { uri }, ...params });

  before(async () => {
    client = await TestClient.start({ locale: 'en' });
    client.open(uri, MANIFEST);
  });
  after(async () => client.stop());

  it('converts the file as kubectl does: YAML 1.1, aliases and merge keys resolved', async () => {
    const result = (await previewOf())!;
    assert.equal(result.uri, uri);
    assert.equal(result.version, 1);
    assert.equal(result.documents, 2);
    assert.equal(result.error, undefined);
    const [configMap, deployment] = JSON.parse(result.json) as Array<Record<string, any>>;
    assert.equal(configMap!['data'].debug, 'no');
    assert.equal(deployment!['x-defaults'].paused, false);
    assert.deepEqual(deployment!['metadata'].labels, { app: 'web' });
    assert.deepEqual(deployment!['spec'], { paused: false, replicas: 3, selector: { matchLabels: { app: 'web' } } });
    const yaml11 = result.notes.find((n) => n.kind === 'yaml11')!;
    assert.deepEqual(yaml11.range.start, { line: 14, character: 10 });
    assert.ok(result.notes.some((n) => n.kind === 'mergeKey' && n.range.start.line === 16));
  });

  it('updates live: a change, then a new request, gives the new JSON', async () => {
    const version = client.change(uri, MANIFEST.replace('replicas: 3', 'replicas: 5'));
    const result = (await previewOf())!;
    assert.equal(result.version, version);
    assert.equal((JSON.parse(result.json) as Array<Record<string, any>>)[1]!['spec'].replicas, 5);
    const range = { start: { line: 3, character: 8 }, end: { line: 3, character: 13 } };
    const next = client.change(uri, 'cfg', range);
    const edited = (await previewOf())!;
    assert.equal(edited.version, next);
    assert.equal((JSON.parse(edited.json) as Array<Record<string, any>>)[0]!['metadata'].name, 'cfg');
  });

  it('returns the error with its range and a best-effort JSON while the YAML is broken', async () => {
    const broken = MANIFEST.replace('  name: web', '  name: [web');
    client.change(uri, broken);
    const result = (await previewOf())!;
    assert.ok(result.error, 'an error is expected');
    assert.match(result.error.message, /syntax/i);
    assert.ok(result.error.range.start.line >= 10 && result.error.range.start.line <= 12, JSON.stringify(result.error.range));
    const value = JSON.parse(result.json) as Array<Record<string, any>>;
    assert.equal(value[0]!['metadata'].name, 'flags', 'the untouched document is still converted');
    client.change(uri, MANIFEST);
    const fixed = (await previewOf())!;
    assert.equal(fixed.error, undefined);
  });

  it('follows kubeNotes.preview.multiDocument, and the request may override it', async () => {
    client.updateSettings({ preview: { multiDocument: 'list' } });
    let kind: unknown;
    const deadline = Date.now() + 10_000;
    while (kind !== 'List' && Date.now() < deadline) {
      kind = (JSON.parse((await previewOf())!.json) as { kind?: unknown }).kind;
      if (kind !== 'List') await new Promise((resolve) => setTimeout(resolve, 20));
    }
    assert.equal(kind, 'List');
    assert.ok(Array.isArray(JSON.parse((await previewOf({ multiDocument: 'array' }))!.json)));
    client.updateSettings({});
  });

  it('converts text the server does not have open, and answers null without it', async () => {
    assert.equal(await client.request('kubeNotes/previewJson', { textDocument: { uri: 'git:/other.yaml' } }), null);
    const result = (await client.request<PreviewJsonResult>('kubeNotes/previewJson', { textDocument: { uri: 'git:/other.yaml' }, text: 'a: on\n' }))!;
    assert.deepEqual(JSON.parse(result.json), { a: true });
  });

  it('keeps the 9×9 alias bomb and a self-referencing alias bounded and fast; the server stays healthy', async () => {
    const lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 9; i++) {
      const name = String.fromCharCode(97 + i);
      lines.push(`${name}: &${name} [${Array(9).fill(`*${String.fromCharCode(96 + i)}`).join(',')}]`);
    }
    const bombUri = 'file:///tmp/kube-notes-test/bomb.yaml';
    client.open(bombUri, `${lines.join('\n')}\n`);
    let started = Date.now();
    const bomb = (await client.request<PreviewJsonResult>('kubeNotes/previewJson', { textDocument: { uri: bombUri } }))!;
    assert.ok(Date.now() - started < 3000, `bomb took ${Date.now() - started} ms`);
    assert.equal(bomb.truncated, true);
    assert.ok(bomb.error);
    assert.ok(bomb.json.length < 1_000_000);
    assert.doesNotThrow(() => JSON.parse(bomb.json));

    const selfUri = 'file:///tmp/kube-notes-test/self.yaml';
    client.open(selfUri, 'a: &a [1, *a]\nb: &m {<<: *m}\n');
    started = Date.now();
    const self = (await client.request<PreviewJsonResult>('kubeNotes/previewJson', { textDocument: { uri: selfUri } }))!;
    assert.ok(Date.now() - started < 1000);
    assert.deepEqual(JSON.parse(self.json), { a: [1, null], b: {} });
    assert.ok(self.notes.some((n) => n.kind === 'cycle'));

    assert.ok(client.alive);
    const hover = hoverText(await client.hover(uri, { line: 1, character: 7 }));
    assert.equal(typeof hover, 'string');
  });
});
