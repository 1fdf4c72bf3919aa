// LSP-level tests of document symbols (Outline, breadcrumbs, Go to Symbol) and folding ranges over stdio.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter, type ProtocolConnection } from 'vscode-languageserver-protocol/node';
import type { DocumentSymbol, FoldingRange, SymbolInformation } from 'vscode-languageserver-protocol';
import { SERVER_PATH, TestClient, waitFor } from './lspClient';

/** A bare client announcing hierarchical document symbols and a folding range limit (as VS Code does). */
async function startHierarchicalClient(): Promise<{ connection: ProtocolConnection; stop: () => Promise<void> }> {
  const child = spawn(process.execPath, [SERVER_PATH, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  child.stderr!.on('data', () => undefined);
  let exited = false;
  child.on('exit', () => (exited = true));
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => ({})));
  connection.onRequest('client/registerCapability', () => null);
  connection.onNotification('textDocument/publishDiagnostics', () => undefined);
  connection.onNotification('window/logMessage', () => undefined);
  connection.onNotification('kubeNotes/notesChanged', () => undefined);
  connection.listen();
  await connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri: null,
    locale: 'en',
    capabilities: {
      workspace: { configuration: true },
      textDocument: { documentSymbol: { hierarchicalDocumentSymbolSupport: true }, foldingRange: { rangeLimit: 4, lineFoldingOnly: true } },
    },
  });
  await connection.sendNotification('initialized', {});
  return {
    connection,
    stop: async () => {
      await Promise.race([connection.sendRequest('shutdown'), new Promise((resolve) => setTimeout(resolve, 2000))]).catch(() => undefined);
      await connection.sendNotification('exit').catch(() => undefined);
      await waitFor('server exit', () => (exited ? true : undefined), 3000).catch(() => child.kill('SIGKILL'));
      connection.dispose();
    },
  };
}

const TEXT = [
  '# a namespace and its deployment',
  '# (two documents)',
  'apiVersion: v1',
  'kind: Namespace',
  'metadata:',
  '  name: shop',
  '---',
  'apiVersion: apps/v1',
  'kind: Deployment',
  'metadata:',
  '  name: cart',
  '  namespace: shop',
  'spec:',
  '  template:',
  '    spec:',
  '      containers:',
  '        - name: app',
  '          image: nginx:1.27',
  '',
].join('\n');

describe('document symbols and folding over stdio (hierarchical client)', () => {
  let client: { connection: ProtocolConnection; stop: () => Promise<void> };
  const uri = 'file:///tmp/kube-notes-test/symbols.yaml';
  let version = 1;
  const symbols = () => client.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } }) as Promise<DocumentSymbol[]>;

  before(async () => {
    client = await startHierarchicalClient();
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version, text: TEXT } });
  });
  after(async () => client.stop());

  it('answers hierarchical symbols labelled Kind/name', async () => {
    const result = await symbols();
    assert.deepEqual(result.map((s) => s.name), ['Namespace/shop', 'Deployment/cart']);
    assert.equal(result[1]!.range.start.line, 6);
    assert.equal(result[1]!.detail, 'apps/v1 · ns: shop');
    const containers = result[1]!.children!.find((c) => c.name === 'spec')!.children![0]!.children![0]!.children![0]!;
    assert.equal(containers.name, 'containers');
    assert.equal(containers.children![0]!.name, 'app');
  });

  it('follows edits: a document added above shifts the others', async () => {
    version++;
    await client.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version },
      contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: bot\n---\n' }],
    });
    const result = await symbols();
    assert.deepEqual(result.map((s) => s.name), ['ServiceAccount/bot', 'Namespace/shop', 'Deployment/cart']);
    assert.equal(result[2]!.range.start.line, 11);
  });

  it("respects the client's folding range limit", async () => {
    const ranges = (await client.connection.sendRequest('textDocument/foldingRange', { textDocument: { uri } })) as FoldingRange[];
    assert.equal(ranges.length, 4);
  });
});

describe('folding ranges and flat symbols over stdio (TestClient)', () => {
  let client: TestClient;
  const uri = 'file:///tmp/kube-notes-test/folding.yaml';

  before(async () => {
    client = await TestClient.start({ locale: 'en' });
    client.open(uri, TEXT);
  });
  after(async () => client.stop());

  it('declares both providers statically in the initialize result', () => {
    const caps = client.initializeResult!.capabilities;
    assert.ok(caps.documentSymbolProvider);
    assert.equal(caps.foldingRangeProvider, true);
  });

  it('answers folding ranges per document, block and comment', async () => {
    const ranges = await client.request<FoldingRange[]>('textDocument/foldingRange', { textDocument: { uri } });
    const has = (startLine: number, endLine: number, kind?: string) =>
      ranges.some((r) => r.startLine === startLine && r.endLine === endLine && (kind === undefined || r.kind === kind));
    assert.ok(has(0, 1, 'comment'), JSON.stringify(ranges));
    assert.ok(has(2, 5), 'first document');
    assert.ok(has(6, 17), 'second document from its ---');
    assert.ok(has(9, 11), 'metadata');
    assert.ok(has(15, 17), 'containers');
  });

  it('sends flat SymbolInformation to a client that did not announce hierarchical symbols', async () => {
    const symbols = await client.request<SymbolInformation[]>('textDocument/documentSymbol', { textDocument: { uri } });
    assert.equal(symbols[0]!.name, 'Namespace/shop');
    assert.equal(symbols[0]!.location.uri, uri);
    assert.ok(symbols.some((s) => s.name === 'containers' && s.containerName === 'spec'));
    assert.ok(symbols.every((s) => !('children' in s)));
  });

  it('answers empty lists for unknown documents', async () => {
    assert.deepEqual(await client.request('textDocument/documentSymbol', { textDocument: { uri: 'file:///nope.yaml' } }), []);
    assert.deepEqual(await client.request('textDocument/foldingRange', { textDocument: { uri: 'file:///nope.yaml' } }), []);
  });
});
