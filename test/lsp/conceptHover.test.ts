// LSP-level tests: the built server over stdio answers concept hovers from the bundled notes in both languages.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { TestClient, hoverText, waitFor } from './lspClient';

const MANIFEST = [
  '# a node and its agent',
  'apiVersion: v1',
  'kind: Node',
  'metadata:',
  '  name: worker-1',
  '---',
  'apiVersion: v1',
  'kind: Pod',
  'metadata:',
  '  name: tools',
  'spec:',
  '  containers:',
  '    - name: sshd',
  '      image: alpine:3.20',
  '      ports:',
  '        - containerPort: 22',
  '    - name: dash',
  '      image: grafana/grafana:11.0.0',
  '      command: ["run"]',
  '      args: |',
  '        --verbose',
  '...',
  '',
].join('\n');

describe('concept hover over stdio', () => {
  let client: TestClient;
  const uri = 'file:///tmp/kube-notes-test/hover.yaml';

  before(async () => {
    client = await TestClient.start({ locale: 'en' });
    client.open(uri, MANIFEST);
    await client.diagnosticsFor(uri);
    await waitFor('notes loaded', () => (client.notifications.some((n) => n.method === 'kubeNotes/notesChanged') ? true : undefined));
  });
  after(async () => client.stop());

  const hoverAt = async (line: number, character: number) => hoverText(await client.hover(uri, { line, character }));

  it('declares its capabilities statically in the initialize result', () => {
    const caps = client.initializeResult!.capabilities;
    assert.equal(caps.hoverProvider, true);
    assert.ok(caps.codeActionProvider);
    assert.ok(caps.textDocumentSync);
    assert.equal(client.initializeResult!.serverInfo?.name, 'kube-notes-language-server');
  });

  it('kind: Node → the node note, English first', async () => {
    const text = await hoverAt(2, 7);
    assert.match(text, /\*\*Node · 노드\*\*/);
    assert.ok(text.indexOf('worker machine') < text.indexOf('워커 머신'), 'English summary comes before Korean');
  });

  it('image: alpine → Alpine Linux and container notes', async () => {
    const text = await hoverAt(13, 16);
    assert.match(text, /Alpine Linux/);
  });

  it('image: grafana/grafana → Grafana', async () => {
    assert.match(await hoverAt(17, 18), /Grafana/);
  });

  it('containerPort: 22 → SSH and SFTP', async () => {
    const text = await hoverAt(15, 25);
    assert.match(text, /SSH/);
    assert.match(text, /SFTP/);
  });

  it('--- and ... → the YAML document marker notes', async () => {
    assert.match(await hoverAt(5, 1), /document start|문서의 시작/i);
    assert.match(await hoverAt(21, 1), /document end|문서의 끝/i);
  });

  it('| → the block scalar note; # → the comment note', async () => {
    assert.match(await hoverAt(19, 12), /block scalar|블록/i);
    assert.match(await hoverAt(0, 0), /comment|주석/i);
  });

  it('no command links are sent to a client that did not ask for them', async () => {
    assert.doesNotMatch(await hoverAt(2, 7), /command:/);
  });
});

describe('concept hover in Korean', () => {
  let client: TestClient;
  const uri = 'file:///tmp/kube-notes-test/hover-ko.yaml';

  before(async () => {
    client = await TestClient.start({ locale: 'ko', initializationOptions: { commandLinks: true } });
    client.open(uri, MANIFEST);
    await client.diagnosticsFor(uri);
    await waitFor('notes loaded', () => (client.notifications.some((n) => n.method === 'kubeNotes/notesChanged') ? true : undefined));
  });
  after(async () => client.stop());

  it('shows Korean first and links the glossary', async () => {
    const text = hoverText(await client.hover(uri, { line: 2, character: 7 }));
    assert.match(text, /\*\*노드 · Node\*\*/);
    assert.ok(text.indexOf('워커 머신') < text.indexOf('worker machine'), 'Korean summary comes first');
    assert.match(text, /\(command:kubeNotes\.openGlossary\?%5B%22node%22%5D\)/);
  });

  it('the language setting overrides the display language', async () => {
    client.updateSettings({ language: 'en' });
    const text = await pollHover(client, uri, /\*\*Node · 노드\*\*/);
    assert.ok(text.indexOf('worker machine') < text.indexOf('워커 머신'));
  });
});

async function pollHover(client: TestClient, uri: string, pattern: RegExp): Promise<string> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const text = hoverText(await client.hover(uri, { line: 2, character: 7 }));
    if (pattern.test(text)) return text;
    if (Date.now() > deadline) throw new Error(`hover never matched ${pattern}: ${text}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
