// The preview's virtual document (client, pure part): `//` header lines, the error with line:column while the YAML is
// broken, the last good JSON kept, notes that cannot break out of their comment line; and the client's l10n strings.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { commentSafe, jsonOfPreview, renderPreview, shownResult, type PreviewLabels } from '../../../client/src/preview/previewContent';
import type { PreviewJsonResult } from '../../../server/src/protocol/messages';
import { ParsedFileCache } from '../../../server/src/service/parser/parsedFile';
import { previewJson } from '../../../server/src/service/preview/previewJson';
import { REPO_ROOT } from '../../helpers/bundledNotes';
import { yamlDocument } from '../../helpers/caret';

const labels: PreviewLabels = {
  title: (fileName) => `JSON for ${fileName}`,
  documents: (n) => `${n} document(s)`,
  error: (position, message) => `YAML error at ${position}: ${message}`,
  keepingLastGood: (version) => `last good JSON (v${version})`,
  bestEffort: 'best effort',
  truncated: 'cut',
  notes: 'Notes:',
  moreNotes: (n) => `…and ${n} more`,
  failure: (m) => `No preview: ${m}`,
  loading: 'Converting…',
  severity: { error: 'error', warning: 'warning', info: 'info' },
};

function convert(text: string, version: number): PreviewJsonResult {
  return previewJson(new ParsedFileCache().get(yamlDocument(text, 'file:///p.yaml', version)), { multiDocument: 'array', keyOrder: 'sorted', lang: 'en' });
}

describe('preview document', () => {
  it('is jsonc: comment lines, then JSON that parses', () => {
    const result = convert('a: yes\nb: 2\n', 3);
    const text = renderPreview('p.yaml', { latest: result, lastGood: result }, labels);
    const lines = text.split('\n');
    assert.equal(lines[0], '// JSON for p.yaml');
    assert.ok(lines.includes('// 1 document(s)'));
    assert.ok(lines.some((l) => /^\/\/ {3}1:4\s+warning\s+kubectl \(YAML 1\.1\) sends `yes` as true/.test(l)), text);
    assert.deepEqual(JSON.parse(jsonOfPreview(text)), { a: true, b: 2 });
    assert.ok(text.endsWith('}\n'));
  });

  it('while the YAML is broken: says where, and keeps the last good JSON', () => {
    const good = convert('a: 1\n', 1);
    const broken = convert('a: [1\n', 2);
    assert.ok(broken.error);
    const state = { lastGood: good, latest: broken };
    assert.equal(shownResult(state), good);
    const text = renderPreview('p.yaml', state, labels);
    assert.match(text, /^\/\/ ⚠ YAML error at \d+:\d+: YAML syntax error: /m);
    assert.match(text, /\/\/ last good JSON \(v1\)/);
    assert.deepEqual(JSON.parse(jsonOfPreview(text)), { a: 1 });
  });

  it('shows the best-effort JSON when there never was a good one', () => {
    const broken = convert('a: 1\nb: *nope\n', 1);
    const text = renderPreview('p.yaml', { latest: broken }, labels);
    assert.match(text, /best effort/);
    assert.deepEqual(JSON.parse(jsonOfPreview(text)), { a: 1, b: null });
  });

  it('goes back to the newest JSON once the error is fixed', () => {
    const good = convert('a: 1\n', 1);
    const fixed = convert('a: 2\n', 3);
    assert.equal(shownResult({ lastGood: fixed, latest: fixed }), fixed);
    assert.doesNotMatch(renderPreview('p.yaml', { lastGood: fixed, latest: fixed }, labels), /error/);
    assert.notEqual(shownResult({ lastGood: good, latest: fixed }), good);
  });

  it('says when nothing could be fetched', () => {
    assert.equal(renderPreview('p.yaml', { failure: 'server down' }, labels), '// JSON for p.yaml\n// No preview: server down\n');
    assert.equal(renderPreview('p.yaml', {}, labels), '// JSON for p.yaml\n// Converting…\n');
  });

  it('keeps every note on its comment line, whatever its text', () => {
    assert.equal(commentSafe('a\nb\r\nc\u2028d\u0000'), 'a b c d');
    const result = convert('"x\\ny": yes\n', 1);
    const hostile: PreviewJsonResult = {
      ...result,
      notes: [{ kind: 'syntax', severity: 'error', message: 'line one\n{"injected": true}\n//', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } } }],
      omittedNotes: 4,
    };
    const text = renderPreview('p\nq.yaml', { latest: hostile, lastGood: hostile }, labels);
    const header = text.split('\n').filter((l) => !l.startsWith('//'));
    assert.deepEqual(JSON.parse(header.join('\n')), JSON.parse(result.json));
    assert.match(text, /\/\/ {3}…and 4 more/);
  });
});

describe('client l10n of the preview', () => {
  it('has every vscode.l10n.t string of client/src/preview in both bundles', () => {
    const en = JSON.parse(readFileSync(join(REPO_ROOT, 'l10n', 'bundle.l10n.json'), 'utf8')) as Record<string, string>;
    const ko = JSON.parse(readFileSync(join(REPO_ROOT, 'l10n', 'bundle.l10n.ko.json'), 'utf8')) as Record<string, string>;
    const dir = join(REPO_ROOT, 'client', 'src', 'preview');
    let count = 0;
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts'))) {
      for (const match of readFileSync(join(dir, file), 'utf8').matchAll(/l10n\.t\(\s*'((?:[^'\\]|\\.)+)'/g)) {
        const key = match[1]!.replace(/\\'/g, "'");
        count++;
        assert.ok(key in en, `${file}: "${key}" is missing from l10n/bundle.l10n.json (run the l10n export)`);
        assert.ok(ko[key] && /[가-힣]/.test(ko[key]!), `${file}: "${key}" has no Korean translation`);
      }
    }
    assert.ok(count >= 15, `found ${count} strings`);
  });
});
