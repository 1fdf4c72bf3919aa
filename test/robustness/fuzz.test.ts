// Seeded fuzzing of the running server: random mutations of valid manifests, random incremental edits, opens, closes,
// settings changes and requests. No crash, no hang, no unhandled error, and never diagnostics for a stale version.
//
// CI runs a bounded number of operations with a fixed seed. A longer run on demand:
//   KUBE_NOTES_FUZZ_OPS=20000 KUBE_NOTES_FUZZ_SEED=7 node --test out/test/robustness/fuzz.test.js
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Range } from 'vscode-languageserver-protocol';
import { generateManifest } from '../../bench/manifests';
import { createRng } from '../../bench/stats';
import { RobustClient, sleep, unsafeMarkdown, hoverMarkdown } from './harness';

const SEED = Number(process.env['KUBE_NOTES_FUZZ_SEED'] ?? 20261129);
const OPS = Number(process.env['KUBE_NOTES_FUZZ_OPS'] ?? 1500);
const DOCUMENTS = 6;

const FRAGMENTS = [
  ':', ': ', '-', '- ', ' ', '  ', '\n', '\r\n', '\r', '\t', '[', ']', '{', '}', ',', '"', "'", '#', '|', '>-', '&a ', '*a', '<<: *a',
  '---\n', '...\n', '%YAML 1.1\n', '!!binary ', '!!js/function ', '? ', '\\', '\u0000', '\ufeff', '\u202e', '😀', '한글', 'kind: Pod\n',
  'apiVersion: apps/v1\n', 'replicas: "3"', 'image: nginx:latest', 'ports:\n  - containerPort: 80\n', '{{ .Values.x }}', '[x](command:evil)',
  '<script>', 'y', 'no', '0o17', '1e3', '~', 'null', '__proto__: 1\n', `${'['.repeat(300)}`, '# kube-notes-disable-next-line\n',
];

const SETTINGS = [
  {},
  { language: 'ko' },
  { language: 'en', lint: { trailingSpaces: 'off', noSpaceAfterComma: 'error' } },
  { kubernetes: { version: '1.28' } },
  { kubernetes: { validate: false }, hover: { enabled: false } },
  { lint: 'not an object', hover: 7, notes: { paths: [null, 3, '/does/not/exist'] } },
];

interface Doc {
  uri: string;
  text: TextDocument | undefined;
}

describe('fuzzing the server', () => {
  it(`survives ${OPS} random operations (seed ${SEED})`, { timeout: Math.max(120_000, OPS * 200) }, async () => {
    const rng = createRng(SEED);
    const int = (n: number): number => Math.floor(rng() * n);
    const pick = <T>(items: readonly T[]): T => items[int(items.length)]!;
    const bases = [5, 30, 120, 400].map((lines, i) => generateManifest(lines, SEED + i).text);
    const client = await RobustClient.start({ settings: {} });
    const docs: Doc[] = Array.from({ length: DOCUMENTS }, (_, i) => ({ uri: `file:///tmp/kube-notes-fuzz/doc-${i}.yaml`, text: undefined }));
    const counts: Record<string, number> = {};
    const count = (what: string): void => {
      counts[what] = (counts[what] ?? 0) + 1;
    };

    const randomPosition = (doc: TextDocument, outOfRange = false) => {
      if (outOfRange && rng() < 0.5) return { line: int(1_000_000), character: int(1_000_000) };
      const offset = int(doc.getText().length + 1);
      return doc.positionAt(offset);
    };
    const randomRange = (doc: TextDocument): Range => {
      const a = int(doc.getText().length + 1);
      const b = Math.min(doc.getText().length, a + (rng() < 0.7 ? int(8) : int(400)));
      return { start: doc.positionAt(a), end: doc.positionAt(b) };
    };
    const mutate = (text: string): string => {
      let result = text;
      for (let i = 0, n = 1 + int(6); i < n; i++) {
        const at = int(result.length + 1);
        const r = rng();
        if (r < 0.5) result = result.slice(0, at) + pick(FRAGMENTS) + result.slice(at);
        else if (r < 0.8) result = result.slice(0, at) + result.slice(Math.min(result.length, at + 1 + int(40)));
        else {
          const lines = result.split('\n');
          const line = int(lines.length);
          lines.splice(int(lines.length), 0, lines[line] ?? '');
          result = lines.join('\n');
        }
      }
      return result;
    };

    try {
      for (let op = 0; op < OPS; op++) {
        const doc = pick(docs);
        const r = rng();
        if (!doc.text) {
          const text = rng() < 0.8 ? mutate(pick(bases)) : pick(bases);
          const version = client.open(doc.uri, text);
          doc.text = TextDocument.create(doc.uri, 'yaml', version, text);
          count('open');
        } else if (r < 0.55) {
          // 1–3 incremental changes in one didChange (ranges relative to the text after the previous change).
          const changes: Array<{ range?: Range; text: string }> = [];
          let model = doc.text;
          for (let i = 0, n = 1 + int(3); i < n; i++) {
            const change = rng() < 0.03 ? { text: mutate(pick(bases)) } : { range: randomRange(model), text: rng() < 0.3 ? '' : pick(FRAGMENTS) };
            changes.push(change);
            model = TextDocument.update(model, [change], model.version);
          }
          const version = client.change(doc.uri, changes);
          doc.text = TextDocument.update(doc.text, changes, version);
          count('change');
        } else if (r < 0.62) {
          client.close(doc.uri);
          doc.text = undefined;
          count('close');
        } else if (r < 0.8) {
          const hover = await client.hover(doc.uri, randomPosition(doc.text, true), 10_000);
          assert.deepEqual(unsafeMarkdown(hoverMarkdown(hover)), [], 'unsafe hover markdown');
          count('hover');
        } else if (r < 0.86 && client.capability('completionProvider')) {
          await client.request('textDocument/completion', { textDocument: { uri: doc.uri }, position: randomPosition(doc.text, true) }, 10_000);
          count('completion');
        } else if (r < 0.9 && client.capability('documentSymbolProvider')) {
          await client.request('textDocument/documentSymbol', { textDocument: { uri: doc.uri } }, 10_000);
          count('symbols');
        } else if (r < 0.95) {
          const diagnostics = client.diagnostics.get(doc.uri)?.diagnostics ?? [];
          await client.request('textDocument/codeAction', {
            textDocument: { uri: doc.uri },
            range: randomRange(doc.text),
            context: { diagnostics: diagnostics.slice(0, 5), ...(rng() < 0.3 ? { only: ['source.fixAll'] } : {}) },
          }, 10_000);
          count('codeAction');
        } else if (r < 0.97) {
          client.settings = pick(SETTINGS) as Record<string, unknown>;
          client.notify('workspace/didChangeConfiguration', { settings: { kubeNotes: client.settings } });
          count('settings');
        } else {
          // Let validation run now and then, so publications interleave with later edits.
          await sleep(int(40));
          count('pause');
        }
        if (!client.alive) break;
      }

      // Every open document settles on diagnostics for its latest version.
      for (const doc of docs) {
        if (doc.text) await client.diagnosticsFor(doc.uri, 15_000);
      }
      // A final barrier: any publication still in flight is checked against it.
      await client.request('textDocument/hover', { textDocument: { uri: docs[0]!.uri }, position: { line: 0, character: 0 } });
      await sleep(100);
      assert.ok(client.alive, `the server exited: ${client.stderr.slice(-3000)}`);
      assert.deepEqual(client.violations, [], 'diagnostics were published for a stale version');
      assert.deepEqual(client.problems(), [], 'the server logged a crash or an unhandled error');
      assert.ok((counts['change'] ?? 0) > OPS / 4, `too few changes: ${JSON.stringify(counts)}`);
    } finally {
      await client.stop();
    }
    assert.equal(client.exitCode, 0, `the server did not exit cleanly (code ${String(client.exitCode)}, signal ${String(client.exitSignal)})`);
  });
});
