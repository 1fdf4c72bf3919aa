// LSP edge cases against the real server: cancellation, closed and unknown documents, positions out of range,
// many open documents, settings changed mid-validation, versions going backwards and malformed traffic.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { CancellationTokenSource, LSPErrorCodes, ResponseError } from 'vscode-languageserver-protocol/node';
import { generateManifest } from '../../bench/manifests';
import { PREVIEW_METHOD, RobustClient, sleep } from './harness';

const base = 'file:///tmp/kube-notes-edge';
const manifest = generateManifest(400, 5).text;

describe('LSP edge cases', () => {
  let client: RobustClient;

  before(async () => {
    client = await RobustClient.start({ settings: {} });
  });

  after(async () => {
    await client.stop();
    assert.equal(client.exitCode, 0, 'the server did not exit cleanly');
  });

  it('answers cancelled requests with RequestCancelled (or a result), never hangs', async () => {
    const uri = `${base}/cancel.yaml`;
    client.open(uri, generateManifest(10_000, 3).text);
    const outcomes = await Promise.all(
      Array.from({ length: 30 }, async (_, i) => {
        const source = new CancellationTokenSource();
        const pending = client.request('textDocument/hover', { textDocument: { uri }, position: { line: i * 100, character: 3 } }, 10_000, source);
        source.cancel();
        try {
          await pending;
          return 'answered';
        } catch (error) {
          assert.ok(error instanceof ResponseError, `unexpected ${String(error)}`);
          assert.equal(error.code, LSPErrorCodes.RequestCancelled);
          return 'cancelled';
        }
      }),
    );
    assert.ok(outcomes.includes('cancelled'), `no request was cancelled: ${outcomes.join(',')}`);
    await client.diagnosticsFor(uri, 10_000);
    // The server still answers normally afterwards.
    assert.notEqual(await client.hover(uri, { line: 1, character: 2 }), undefined);
    client.close(uri);
  });

  it('answers requests for unknown and closed documents with empty results', async () => {
    const closed = `${base}/closed.yaml`;
    client.open(closed, manifest);
    await client.diagnosticsFor(closed);
    client.close(closed);
    for (const uri of [closed, `${base}/never-opened.yaml`, 'untitled:Untitled-1', 'vscode-vfs://github/x/y.yaml', 'not a uri at all']) {
      const position = { line: 1, character: 1 };
      assert.equal(await client.hover(uri, position), null, `hover on ${uri}`);
      const actions = await client.request<unknown[] | null>('textDocument/codeAction', { textDocument: { uri }, range: { start: position, end: position }, context: { diagnostics: [] } });
      assert.ok(actions === null || actions.length === 0, `code actions on ${uri}`);
      if (client.capability('completionProvider')) {
        const completion = await client.request<{ items?: unknown[] } | unknown[] | null>('textDocument/completion', { textDocument: { uri }, position });
        const items = Array.isArray(completion) ? completion : (completion?.items ?? []);
        assert.equal(items.length, 0, `completion on ${uri}`);
      }
      if (client.capability('documentSymbolProvider')) {
        const symbols = await client.request<unknown[] | null>('textDocument/documentSymbol', { textDocument: { uri } });
        assert.ok(symbols === null || symbols.length === 0, `symbols on ${uri}`);
      }
      await client.request('kubeNotes/noteAt', { textDocument: { uri }, position });
      if (PREVIEW_METHOD) await client.request(PREVIEW_METHOD, { textDocument: { uri }, uri, position }).catch(() => undefined);
    }
    // Notifications for documents the server does not know are ignored.
    client.notify('textDocument/didChange', { textDocument: { uri: `${base}/ghost.yaml`, version: 2 }, contentChanges: [{ text: 'a: 1' }] });
    client.notify('textDocument/didClose', { textDocument: { uri: `${base}/ghost.yaml` } });
    client.notify('textDocument/didSave', { textDocument: { uri: `${base}/ghost.yaml` } });
    assert.equal(await client.hover(`${base}/ghost.yaml`, { line: 0, character: 0 }), null);
    assert.ok(client.alive);
  });

  it('clamps positions and ranges out of range', async () => {
    const uri = `${base}/range.yaml`;
    client.open(uri, manifest);
    await client.diagnosticsFor(uri);
    const far = [
      { line: 1_000_000, character: 0 },
      { line: 0, character: 1_000_000 },
      { line: 2 ** 31 - 1, character: 2 ** 31 - 1 },
      { line: 3, character: 0.5 },
    ];
    for (const position of far) {
      await client.hover(uri, position);
      await client.request('textDocument/codeAction', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: position }, context: { diagnostics: [] } });
      if (client.capability('completionProvider')) await client.request('textDocument/completion', { textDocument: { uri }, position });
    }
    // Negative and malformed positions violate the protocol; the server may refuse them but must stay up.
    for (const position of [{ line: -1, character: -1 }, { line: 'x', character: null }, null]) {
      await client.request('textDocument/hover', { textDocument: { uri }, position }).catch(() => undefined);
    }
    // An edit whose range lies past the end appends, as in vscode-languageserver-textdocument.
    const version = client.change(uri, [{ range: { start: { line: 99_999, character: 5 }, end: { line: 99_999, character: 9 } }, text: '\n# appended\n' }]);
    const published = await client.diagnosticsFor(uri);
    assert.equal(published.version, version);
    assert.ok(client.alive);
    client.close(uri);
  });

  it('validates 200 documents opened at once', { timeout: 120_000 }, async () => {
    const uris = Array.from({ length: 200 }, (_, i) => `${base}/many/doc-${i}.yaml`);
    const start = Date.now();
    for (const [i, uri] of uris.entries()) client.open(uri, generateManifest(100, 100 + i).text);
    for (const uri of uris) await client.diagnosticsFor(uri, 60_000);
    const elapsed = Date.now() - start;
    assert.ok(elapsed < 30_000, `200 documents took ${elapsed} ms (bound 30 s)`);
    const memory = client.memory();
    assert.ok(memory && memory.hwmKb < 600 * 1024, `peak memory ${String(memory?.hwmKb)} kB (bound 600 MB)`);
    for (const uri of uris) client.close(uri);
    await client.request('textDocument/hover', { textDocument: { uri: uris[0] }, position: { line: 0, character: 0 } });
  });

  it('publishes only for the newest version when versions go backwards', async () => {
    const uri = `${base}/backwards.yaml`;
    client.open(uri, 'a: 1\n', 'yaml', 10);
    await client.diagnosticsFor(uri);
    // A client bug: version 5 after version 10. The server keeps the text; diagnostics follow the latest message.
    client.notify('textDocument/didChange', { textDocument: { uri, version: 5 }, contentChanges: [{ text: 'a: 1\na: 2\n' }] });
    const deadline = Date.now() + 5000;
    while (client.diagnostics.get(uri)?.version !== 5 && Date.now() < deadline) await sleep(10);
    assert.equal(client.diagnostics.get(uri)?.version, 5);
    assert.ok(client.alive);
    client.close(uri);
  });

  it('answers unknown methods with MethodNotFound and survives malformed params', async () => {
    await assert.rejects(client.request('kubeNotes/doesNotExist', {}), (error: unknown) => error instanceof ResponseError && error.code === -32601);
    for (const params of [null, 42, 'x', [], { textDocument: null }, { textDocument: { uri: 7 } }]) {
      await client.request('textDocument/hover', params).catch(() => undefined);
      await client.request('textDocument/codeAction', params).catch(() => undefined);
      await client.request('kubeNotes/glossary', params).catch(() => undefined);
      client.notify('textDocument/didOpen', params);
      client.notify('textDocument/didChange', params);
      client.notify('workspace/didChangeConfiguration', params);
    }
    await sleep(200);
    assert.ok(client.alive, `the server exited: ${client.stderr.slice(-2000)}`);
    assert.equal(await client.hover(`${base}/nothing.yaml`, { line: 0, character: 0 }), null);
    assert.deepEqual(client.problems(), [], 'malformed traffic caused uncaught errors');
  });
});

describe('settings changed mid-validation', () => {
  it('publishes the newest version with the newest settings', async () => {
    // Configuration answers take 300 ms: the settings change and an edit land while validation waits for them.
    const client = await RobustClient.start({ settings: { language: 'en' }, configurationDelayMs: 300 });
    try {
      const uri = `${base}/settings.yaml`;
      client.open(uri, 'a: 1\na: 2\n');
      await sleep(50);
      client.settings = { language: 'ko' };
      client.notify('workspace/didChangeConfiguration', { settings: { kubeNotes: client.settings } });
      client.change(uri, [{ range: { start: { line: 1, character: 4 }, end: { line: 1, character: 4 } }, text: '0' }]);
      const deadline = Date.now() + 10_000;
      let last = '';
      for (;;) {
        const published = client.diagnostics.get(uri);
        last = JSON.stringify(published?.diagnostics.map((d) => d.message));
        if (published?.version === client.version(uri) && published.diagnostics.some((d) => /[가-힣]/.test(String(d.message)))) break;
        assert.ok(Date.now() < deadline, `no Korean diagnostics for the newest version; last: ${last}`);
        await sleep(20);
      }
      await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 0 } });
      assert.deepEqual(client.violations, []);
      assert.deepEqual(client.problems(), []);
    } finally {
      await client.stop();
    }
  });
});
