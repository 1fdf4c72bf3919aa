// Hostile inputs against the real server over stdio: each answers (diagnostics, hover, symbols, preview, completion)
// within its stated bound, the server stays alive with bounded memory, and nothing becomes live HTML or a command link.
//
// Bounds (see hostileCases.ts): 2 s for inputs up to 1 MB, proportionally more beyond (10 s for 5 MB lines,
// 25 s for 10 MB; files over 20 MB are not parsed and answer within 30 s).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { performance } from 'node:perf_hooks';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { hostileCases, type HostileCase } from './hostileCases';
import { hoverMarkdown, PREVIEW_METHOD, RobustClient, unsafeMarkdown } from './harness';

const FULL = process.env['KUBE_NOTES_ROBUSTNESS_FULL'] === '1';

const slug = (name: string): string => name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

function lineCount(text: string): { lines: number; lastLine: number; lastLength: number } {
  let lines = 0;
  let lastStart = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) {
      if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
      lines++;
      lastStart = i + 1;
    }
  }
  return { lines: lines + 1, lastLine: lines, lastLength: text.length - lastStart };
}

async function within<T>(what: string, boundMs: number, work: () => Promise<T>): Promise<T> {
  const start = performance.now();
  const result = await work();
  const elapsed = performance.now() - start;
  assert.ok(elapsed <= boundMs, `${what} took ${elapsed.toFixed(0)} ms (bound ${boundMs} ms)`);
  return result;
}

async function exercise(hostile: HostileCase): Promise<void> {
  const client = await RobustClient.start({ settings: {} });
  const uri = `file:///tmp/kube-notes-robustness/${slug(hostile.name)}.yaml`;
  try {
    const text = hostile.text();
    const { lines, lastLine, lastLength } = lineCount(text);
    const bound = hostile.boundMs;
    const published = await within('open → diagnostics', bound, async () => {
      client.open(uri, text);
      return client.diagnosticsFor(uri, bound + 5000);
    });
    const diagnostics = published.diagnostics as Diagnostic[];
    if (hostile.refusal) {
      const said = diagnostics.some((d) => hostile.refusal!.test(`${String(d.code)} ${d.message}`));
      assert.ok(said, `a diagnostic should say what was refused; got: ${diagnostics.map((d) => `${String(d.code)} ${d.message}`).join(' | ').slice(0, 500)}`);
    }

    const positions = [
      { line: 0, character: 0 },
      { line: 0, character: 2 },
      { line: Math.floor(lines / 2), character: 2 },
      { line: lastLine, character: lastLength },
      ...(hostile.hoverAt ?? []),
      // Diagnostics ranges: hovering them shows the explanation.
      ...diagnostics.slice(0, 5).map((d) => d.range.start),
    ];
    for (const position of positions) {
      const hover = await within(`hover at ${position.line}:${position.character}`, bound, () => client.hover(uri, position, bound + 5000));
      const markdown = hoverMarkdown(hover);
      assert.deepEqual(unsafeMarkdown(markdown), [], `hover at ${position.line}:${position.character} renders unsafe markdown:\n${markdown.slice(0, 2000)}`);
      assert.ok(!markdown.includes('INJECTED') || !/\]\(\s*<?command:[^)]*INJECTED/.test(markdown), 'a command link from the document became live');
    }

    if (diagnostics.length > 0) {
      await within('code actions', bound, () =>
        client.request('textDocument/codeAction', {
          textDocument: { uri },
          range: { start: { line: 0, character: 0 }, end: { line: lastLine, character: lastLength } },
          context: { diagnostics: diagnostics.slice(0, 50) },
        }, bound + 5000),
      );
    }
    if (client.capability('documentSymbolProvider')) {
      await within('document symbols', bound, () => client.request('textDocument/documentSymbol', { textDocument: { uri } }, bound + 5000));
    }
    if (client.capability('completionProvider')) {
      for (const position of [{ line: lastLine, character: lastLength }, { line: Math.floor(lines / 2), character: 2 }, ...(hostile.hoverAt ?? []).slice(0, 3)]) {
        const completion = await within('completion', bound, () => client.request<unknown>('textDocument/completion', { textDocument: { uri }, position }, bound + 5000));
        const docs = JSON.stringify(completion ?? null);
        assert.ok(!/\]\(command:(?!kubeNotes\.openGlossary)/.test(docs), 'completion documentation carries a command link');
      }
    }
    const previewMethod = PREVIEW_METHOD;
    if (previewMethod) {
      const preview = await within('preview', bound, () =>
        client.request<unknown>(previewMethod, { textDocument: { uri }, uri, position: { line: 0, character: 0 } }, bound + 5000),
      );
      assert.ok(JSON.stringify(preview ?? null).length < 64 * 1024 * 1024, 'the preview output is capped');
      if (hostile.previewSays) assert.match(JSON.stringify(preview ?? null), hostile.previewSays, 'the preview says what it refused');
    }

    // A one-character edit at the end goes through the incremental path.
    const version = client.change(uri, [{ range: { start: { line: lastLine, character: lastLength }, end: { line: lastLine, character: lastLength } }, text: '#' }]);
    const afterEdit = await within('edit → diagnostics', bound, () => client.diagnosticsFor(uri, bound + 5000));
    assert.equal(afterEdit.version, version);

    assert.ok(client.alive, 'the server exited');
    const memory = client.memory();
    assert.ok(memory, 'cannot read the server memory');
    assert.ok(memory.hwmKb / 1024 <= hostile.memoryMb, `peak memory ${(memory.hwmKb / 1024).toFixed(0)} MB exceeds ${hostile.memoryMb} MB`);
    assert.deepEqual(client.problems(), [], 'the server logged a crash or an unhandled error');
    assert.deepEqual(client.violations, [], 'diagnostics for a stale version');
  } finally {
    await client.stop();
  }
}

describe('hostile inputs over stdio', () => {
  for (const hostile of hostileCases) {
    const skip = hostile.ci === false && !FULL;
    it(hostile.name, { timeout: hostile.boundMs * 6 + 20_000, skip: skip ? 'set KUBE_NOTES_ROBUSTNESS_FULL=1' : false }, () => exercise(hostile));
  }
});
