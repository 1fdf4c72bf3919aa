// LSP-level quick-fix tests: through the built server over stdio, apply every YAML quick fix of the bad fixtures,
// then check that its diagnostic is gone and no other YAML diagnostic appeared or disappeared; plus source.fixAll.kubeNotes.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CodeAction, Diagnostic, TextEdit } from 'vscode-languageserver-protocol';
import { TestClient, applyEdits } from './lspClient';

const FIXTURES = join(__dirname, '..', '..', '..', 'test', 'fixtures', 'yaml');

interface Case {
  readonly file: string;
  readonly settings?: Record<string, unknown>;
}

const CASES: readonly Case[] = [
  { file: 'syntaxErrors/bad.yaml' },
  { file: 'anchors/bad.yaml' },
  { file: 'duplicateKeys/bad.yaml' },
  { file: 'tabs/bad.yaml' },
  { file: 'colons/bad.yaml' },
  { file: 'commas/bad.yaml' },
  { file: 'indentation/bad.yaml' },
  { file: 'trailingSpaces/bad.yaml' },
  { file: 'yaml11Values/bad.yaml' },
  { file: 'emptyValues/bad.yaml' },
  { file: 'documentMarkers/bad.yaml', settings: { lint: { documentStart: 'warning', documentEnd: 'warning' } } },
  { file: 'finalNewline/bad.yaml' },
  { file: 'finalNewline/bad-blank-lines.yaml' },
  { file: 'emptyLines/bad.yaml' },
  { file: 'commentSpacing/bad.yaml' },
];

/**
 * Fixing FIXED may legitimately change OTHER (see test/unit/yaml/yamlFixtures.test.ts). The YAML 1.1, truthy and
 * empty-value rules offer a choice of meanings (string, boolean, `{}`, `[]`, `""`); the schema (K8S002) then
 * rejects the choices that do not fit the field, which is exactly what the user should see.
 */
const SIDE_EFFECTS = new Set(['YAML010>YAML103', 'YAML002>YAML112', 'YAML121>YAML105']);
const choosesMeaning = (fixed: string, other: string): boolean => /^YAML1\d\d$/.test(fixed) && other === 'K8S002';
const MAY_FIX_MORE = new Set(['YAML100']);

const yamlCounts = (diagnostics: readonly Diagnostic[]): Map<string, number> => {
  const counts = new Map<string, number>();
  for (const d of diagnostics) {
    const code = String(d.code ?? '');
    if (d.source === 'kube-notes') counts.set(code, (counts.get(code) ?? 0) + 1);
  }
  return counts;
};

const editsOf = (action: CodeAction, uri: string): TextEdit[] => action.edit?.changes?.[uri] ?? [];

describe('YAML quick fixes over stdio', () => {
  let client: TestClient;
  let counter = 0;

  before(async () => {
    client = await TestClient.start({ locale: 'en' });
  });
  after(async () => client.stop());

  for (const c of CASES) {
    describe(c.file, () => {
      const text = readFileSync(join(FIXTURES, c.file), 'utf8');

      it('every quick fix removes its diagnostic and changes nothing else', async () => {
        client.updateSettings(c.settings ?? {});
        const uri = `file:///tmp/kube-notes-yaml-fixes/${c.file.replace('/', '-')}-${counter++}`;
        client.open(uri, text);
        const before = await client.diagnosticsFor(uri, (d) => d.length > 0);
        const fixable = before.filter((d) => d.source === 'kube-notes' && (d.data as { fixes?: unknown[] } | undefined)?.fixes?.length);
        assert.ok(fixable.length > 0, 'the fixture has fixable diagnostics');
        for (const diagnostic of fixable) {
          const actions = (await client.codeActions(uri, diagnostic.range, [diagnostic], ['quickfix'])) ?? [];
          const own = actions.filter((a) => a.diagnostics?.length === 1 && a.diagnostics[0]!.code === diagnostic.code);
          assert.ok(own.length > 0, `quick fixes offered for ${String(diagnostic.code)}`);
          for (const action of own) {
            const fixed = applyEdits(text, editsOf(action, uri));
            assert.notEqual(fixed, text, `${action.title} edits the text`);
            client.change(uri, fixed);
            const after = await client.diagnosticsFor(uri);
            const was = yamlCounts(before);
            const now = yamlCounts(after);
            const code = String(diagnostic.code);
            const label = `${code} "${action.title}"`;
            if (MAY_FIX_MORE.has(code)) assert.ok((now.get(code) ?? 0) < (was.get(code) ?? 0), `${label}: one fewer`);
            else assert.equal(now.get(code) ?? 0, (was.get(code) ?? 0) - 1, `${label}: one fewer`);
            for (const other of new Set([...was.keys(), ...now.keys()])) {
              if (other === code || SIDE_EFFECTS.has(`${code}>${other}`) || choosesMeaning(code, other)) continue;
              assert.equal(now.get(other) ?? 0, was.get(other) ?? 0, `${label}: ${other} unchanged`);
            }
            client.change(uri, text); // back to the fixture for the next fix
            await client.diagnosticsFor(uri);
          }
        }
        client.close(uri);
      });
    });
  }

  it('source.fixAll.kubeNotes applies every preferred fix at once', async () => {
    client.updateSettings({});
    const uri = 'file:///tmp/kube-notes-yaml-fixes/fix-all.yaml';
    const text = 'apiVersion : v1\nkind: ConfigMap\nmetadata:\n  name:    all   \n#comment\ndata:\n  a: @x\n  b: 1_000\n  c: "1"\t# tab';
    client.open(uri, text);
    const before = await client.diagnosticsFor(uri, (d) => d.length > 0);
    const actions = (await client.codeActions(uri, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, before, ['source.fixAll.kubeNotes'])) ?? [];
    const fixAll = actions.find((a) => a.kind === 'source.fixAll.kubeNotes');
    assert.ok(fixAll, 'fix-all action offered');
    const fixed = applyEdits(text, editsOf(fixAll, uri));
    assert.equal(fixed, 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: all\n# comment\ndata:\n  a: "@x"\n  b: "1_000"\n  c: "1" # tab\n');
    client.change(uri, fixed);
    const after = await client.diagnosticsFor(uri);
    assert.deepEqual(after.filter((d) => String(d.code).startsWith('YAML')).map((d) => d.code), []);
  });

  it('offers "fix all of this kind" when a code occurs more than once', async () => {
    const uri = 'file:///tmp/kube-notes-yaml-fixes/kind.yaml';
    const text = 'a: 1 \nb: 2 \nc: 3\n';
    client.open(uri, text);
    const diagnostics = await client.diagnosticsFor(uri, (d) => d.length === 2);
    const actions = (await client.codeActions(uri, diagnostics[0]!.range, [diagnostics[0]!], ['quickfix'])) ?? [];
    const all = actions.find((a) => /Fix all YAML105/.test(a.title));
    assert.ok(all, 'fix-all-of-kind action offered');
    assert.equal(applyEdits(text, editsOf(all, uri)), 'a: 1\nb: 2\nc: 3\n');
  });
});
