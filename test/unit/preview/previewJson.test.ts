// The JSON preview (pure service): kubectl's YAML 1.1 readings, merges and aliases, multi-document files, notes where
// YAML 1.1 and 1.2 differ, broken YAML, and the limits that keep hostile input bounded.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createLanguageService } from '../../../server/src/service/languageService';
import { ParsedFileCache } from '../../../server/src/service/parser/parsedFile';
import { previewJson, type PreviewJsonResult, type PreviewOptions } from '../../../server/src/service/preview/previewJson';
import { goFloatKey, resolveCorePlain, resolveGoPlain } from '../../../server/src/service/preview/goYamlScalar';
import { normalizeSettings } from '../../../server/src/service/settings';
import { documentAtCaret, yamlDocument } from '../../helpers/caret';

const base: PreviewOptions = { multiDocument: 'array', keyOrder: 'sorted', lang: 'en' };

function preview(text: string, options: Partial<PreviewOptions> = {}): PreviewJsonResult {
  const file = new ParsedFileCache().get(yamlDocument(text));
  return previewJson(file, { ...base, ...options });
}

function data(text: string, options: Partial<PreviewOptions> = {}): unknown {
  const result = preview(text, options);
  return JSON.parse(result.json) as unknown;
}

const notesOf = (result: PreviewJsonResult, kind?: string) => result.notes.filter((n) => kind === undefined || n.kind === kind);

describe('kubectl scalar resolution (go-yaml v2)', () => {
  const cases: Array<[string, string]> = [
    ['yes', 'true'], ['Yes', 'true'], ['YES', 'true'], ['y', 'true'], ['Y', 'true'], ['on', 'true'], ['On', 'true'],
    ['no', 'false'], ['n', 'false'], ['N', 'false'], ['off', 'false'], ['OFF', 'false'], ['True', 'true'], ['FALSE', 'false'],
    ['~', 'null'], ['null', 'null'], ['', 'null'], ['NULL', 'null'],
    ['0777', '511'], ['0644', '420'], ['-010', '-8'], ['0o17', '15'], ['0x1F', '31'], ['0b101', '5'], ['-0b11', '-3'],
    ['1_000', '1000'], ['1_000.5', '1000.5'], ['+12', '12'], ['08', '8'], ['1e3', '1000'], ['1.0', '1'], ['.5', '0.5'],
    ['9223372036854775807', '9223372036854775807'], ['18446744073709551615', '18446744073709551615'],
  ];
  for (const [source, json] of cases) {
    it(`${JSON.stringify(source)} → ${json}`, () => {
      const value = resolveGoPlain(source);
      assert.equal(value.kind === 'string' ? JSON.stringify(value.value) : value.json, json);
    });
  }

  it('keeps timestamps, base-60 and words as strings', () => {
    for (const source of ['2001-12-14', '1:20', '12:30:00', 'nginx', '1.2.3', '0x', '-', '.', 'on-call']) {
      assert.deepEqual(resolveGoPlain(source), { kind: 'string', value: source }, source);
    }
  });

  it('reads the YAML 1.2 core schema differently where it should', () => {
    assert.deepEqual(resolveCorePlain('yes'), { kind: 'string', value: 'yes' });
    assert.equal((resolveCorePlain('0777') as { json: string }).json, '777');
    assert.deepEqual(resolveCorePlain('1_000'), { kind: 'string', value: '1_000' });
    assert.equal((resolveCorePlain('0o17') as { json: string }).json, '15');
  });

  it('formats float keys like Go (FormatFloat g, 32 bits)', () => {
    assert.equal(goFloatKey(1.5), '1.5');
    assert.equal(goFloatKey(1500), '1500');
    assert.equal(goFloatKey(1e6), '1e+06');
    assert.equal(goFloatKey(0.0001), '0.0001');
    assert.equal(goFloatKey(0.00001), '1e-05');
    assert.equal(goFloatKey(0.1), '0.1');
    assert.equal(goFloatKey(Infinity), '.inf');
  });
});

describe('preview: one document as kubectl sends it', () => {
  it('turns a manifest into the JSON object, keys sorted as Go does', () => {
    const result = preview('kind: ConfigMap\napiVersion: v1\nmetadata:\n  name: flags\ndata:\n  mode: "on"\n');
    assert.equal(result.documents, 1);
    assert.equal(result.error, undefined);
    assert.equal(result.truncated, false);
    assert.equal(result.json, '{\n  "apiVersion": "v1",\n  "data": {\n    "mode": "on"\n  },\n  "kind": "ConfigMap",\n  "metadata": {\n    "name": "flags"\n  }\n}');
  });

  it('keeps the source key order when asked', () => {
    const result = preview('kind: ConfigMap\napiVersion: v1\n', { keyOrder: 'source' });
    assert.deepEqual(Object.keys(JSON.parse(result.json) as object), ['kind', 'apiVersion']);
  });

  it('applies the YAML 1.1 readings to values and keys', () => {
    const value = data([
      'enabled: yes', 'debug: off', 'mode: 0777', 'count: 1_000', 'mask: 0b101', 'hex: 0x1F', 'clock: 1:20', 'day: 2001-12-14',
      'quoted: "yes"', 'literal: !!str 0777', 'nothing: ~', 'empty:', 'big: 123456789012345678', 'yes: key', 'n: short',
    ].join('\n'));
    assert.deepEqual(value, {
      big: 123456789012345680, // JSON.parse loses digits; the text keeps them (checked below)
      clock: '1:20', count: 1000, day: '2001-12-14', debug: false, empty: null, enabled: true, hex: 31, literal: '0777',
      mask: 5, mode: 511, nothing: null, quoted: 'yes', true: 'key', false: 'short',
    });
    assert.match(preview('big: 123456789012345678\n').json, /"big": 123456789012345678\n/);
  });

  it('notes every place where YAML 1.1 and 1.2 differ, with its range, and nothing else', () => {
    const { document } = documentAtCaret('a: 1\nb: |yes\nc: true\nd: 80\n');
    const result = previewJson(new ParsedFileCache().get(document), base);
    const notes = notesOf(result, 'yaml11');
    assert.equal(notes.length, 1);
    assert.deepEqual(notes[0]!.range, { start: { line: 1, character: 3 }, end: { line: 1, character: 6 } });
    assert.match(notes[0]!.message, /`yes`.*true.*YAML 1\.2.*"yes"/);
    const octal = notesOf(preview('mode: 0644\n'), 'yaml11')[0]!;
    assert.match(octal.message, /420.*644/);
    assert.match(notesOf(preview('on: 1\n'), 'yaml11')[0]!.message, /key `on`.*"true"/);
    assert.equal(notesOf(preview('t: 1:20\n'), 'sexagesimal').length, 1);
    assert.match(notesOf(preview('t: 1:20\n'), 'sexagesimal')[0]!.message, /80/);
  });

  it('writes the notes in Korean when asked', () => {
    assert.match(notesOf(preview('a: yes\n', { lang: 'ko' }), 'yaml11')[0]!.message, /kubectl\(YAML 1\.1\)은/);
  });

  it('resolves anchors and aliases', () => {
    assert.deepEqual(data('a: &x {k: v}\nb: *x\nc: &s hello\nd: [*s, *s]\n'), { a: { k: 'v' }, b: { k: 'v' }, c: 'hello', d: ['hello', 'hello'] });
  });

  it('resolves merge keys as go-yaml v2 does, and notes them', () => {
    const result = preview([
      'base: &base {image: nginx, port: 80}',
      'extra: &extra {port: 8080, tier: web}',
      'svc:',
      '  name: early',
      '  <<: [*base, *extra]',
      '  image: custom',
    ].join('\n'));
    // Earlier mappings in the list win; keys after the merge override it; the merge overrides keys before it.
    assert.deepEqual((JSON.parse(result.json) as { svc: unknown }).svc, { image: 'custom', name: 'early', port: 80, tier: 'web' });
    assert.equal(notesOf(result, 'mergeKey').length, 1);
    assert.deepEqual(notesOf(result, 'mergeKey')[0]!.range.start, { line: 4, character: 2 });
    assert.deepEqual(data('a: &a {x: 1}\nb:\n  x: 0\n  <<: *a\n'), { a: { x: 1 }, b: { x: 1 } });
  });

  it('reports a merge of something that is not a mapping', () => {
    const result = preview('a: &s text\nb:\n  <<: *s\n');
    assert.ok(result.error);
    assert.equal(notesOf(result, 'mergeValue').length, 1);
  });

  it('notes duplicate keys; kubectl keeps the last value', () => {
    const result = preview('a: 1\na: 2\n');
    assert.deepEqual(JSON.parse(result.json), { a: 2 });
    assert.equal(notesOf(result, 'duplicateKey').length, 1);
  });

  it('reports values JSON cannot hold and keys JSON cannot have', () => {
    const inf = preview('a: .inf\n');
    assert.deepEqual(JSON.parse(inf.json), { a: null });
    assert.equal(inf.error?.range.start.character, 3);
    const nullKey = preview('~: 1\nb: 2\n');
    assert.deepEqual(JSON.parse(nullKey.json), { b: 2 });
    assert.ok(nullKey.error);
    const seqKey = preview('? [a]\n: 1\n');
    assert.deepEqual(JSON.parse(seqKey.json), {});
    assert.ok(seqKey.error);
  });

  it('notes custom tags and tag mismatches', () => {
    assert.deepEqual(data('a: !vault secret\nb: !!int "12"\n'), { a: 'secret', b: 12 });
    assert.equal(notesOf(preview('a: !vault secret\n'), 'tag')[0]!.severity, 'info');
    assert.ok(preview('a: !!int abc\n').error);
  });
});

describe('preview: several documents', () => {
  const stream = '# header\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: a\n---\n# only a comment\n---\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: b\n';

  it('is a JSON array by default, skipping empty documents as kubectl does', () => {
    const result = preview(stream);
    assert.equal(result.documents, 2);
    const value = JSON.parse(result.json) as Array<{ metadata: { name: string } }>;
    assert.ok(Array.isArray(value));
    assert.deepEqual(value.map((v) => v.metadata.name), ['a', 'b']);
    assert.match(result.json, /^\[\n {2}\{\n {4}"apiVersion"/);
  });

  it('is a kind: List object with multiDocument: list', () => {
    const result = preview(stream, { multiDocument: 'list' });
    const value = JSON.parse(result.json) as { apiVersion: string; kind: string; items: unknown[] };
    assert.equal(value.apiVersion, 'v1');
    assert.equal(value.kind, 'List');
    assert.equal(value.items.length, 2);
    assert.deepEqual(Object.keys(JSON.parse(preview(stream, { multiDocument: 'list', keyOrder: 'source' }).json) as object), ['apiVersion', 'kind', 'items']);
  });

  it('notes a null document and shows an empty file as an empty list', () => {
    const result = preview('a: 1\n---\nnull\n---\nb: 2\n');
    assert.equal(result.documents, 2);
    assert.equal(notesOf(result, 'document').length, 1);
    assert.equal(preview('# nothing here\n').json, '[]');
    assert.deepEqual((JSON.parse(preview('', { multiDocument: 'list' }).json) as { items: unknown[] }).items, []);
  });

  it('places notes of later documents at their file lines', () => {
    const result = preview('a: 1\n---\nb: 2\n---\nc: yes\n');
    assert.deepEqual(notesOf(result, 'yaml11')[0]!.range.start, { line: 4, character: 3 });
  });

  it('re-uses the conversion of untouched documents across edits (chunk memo)', () => {
    const cache = new ParsedFileCache();
    const doc1 = yamlDocument('a: 1\n---\nb: 2\n', 'file:///memo.yaml', 1);
    const first = cache.get(doc1);
    previewJson(first, base);
    const memo = first.chunks[0]!.parsed.memo.get('preview:');
    assert.ok(memo);
    const second = cache.get(yamlDocument('a: 1\n---\nb: 3\n', 'file:///memo.yaml', 2));
    assert.equal(second.chunks[0]!.parsed.memo.get('preview:'), memo, 'first document not converted again');
    assert.deepEqual(JSON.parse(previewJson(second, base).json), [{ a: 1 }, { b: 3 }]);
  });
});

describe('preview: broken YAML', () => {
  it('returns the first error with its range and a best-effort JSON', () => {
    const result = preview('apiVersion: v1\nkind: Pod\nmetadata:\n  name: [web\nspec: {}\n');
    assert.ok(result.error, 'error expected');
    assert.match(result.error.message, /YAML syntax error/);
    assert.ok(result.error.range.start.line >= 3);
    const value = JSON.parse(result.json) as Record<string, unknown>;
    assert.equal(value['apiVersion'], 'v1');
  });

  it('scopes anchors to their document, as YAML and kubectl do', () => {
    const result = preview('a: &x 1\n---\nb: *x\n');
    assert.deepEqual(JSON.parse(result.json), [{ a: 1 }, { b: null }]);
    assert.deepEqual(result.error?.range.start, { line: 2, character: 3 });
  });

  it('reports an alias to an anchor that does not exist (the parser does not)', () => {
    const result = preview('a: *missing\n');
    assert.deepEqual(JSON.parse(result.json), { a: null });
    assert.equal(result.error?.range.start.character, 3);
    assert.match(result.error!.message, /\*missing/);
  });

  it('refuses a document nested too deep, without throwing', () => {
    const result = preview(`${'['.repeat(5000)}${']'.repeat(5000)}\n`);
    assert.ok(result.error);
    assert.doesNotThrow(() => JSON.parse(result.json));
  });
});

describe('preview: hostile input stays bounded', () => {
  const bomb = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  for (let i = 1; i < 9; i++) {
    const name = String.fromCharCode(97 + i);
    const previous = String.fromCharCode(96 + i);
    bomb.push(`${name}: &${name} [${Array(9).fill(`*${previous}`).join(',')}]`);
  }

  it('stops the 9×9 alias bomb fast, as kubectl does (excessive aliasing)', () => {
    const started = Date.now();
    const result = preview(`${bomb.join('\n')}\n`);
    assert.ok(Date.now() - started < 2000, `took ${Date.now() - started} ms`);
    assert.equal(result.truncated, true);
    assert.equal(notesOf(result, 'aliasing').length, 1);
    assert.ok(result.error);
    assert.ok(result.json.length < 200_000, `output ${result.json.length} chars`);
    assert.match(result.json, /stopped by Kube Notes: excessive aliasing/);
    assert.doesNotThrow(() => JSON.parse(result.json));
  });

  it('stops a merge-key bomb', () => {
    const lines = ['l0: &l0 {a: 1, b: 2, c: 3, d: 4, e: 5, f: 6, g: 7, h: 8, i: 9}'];
    for (let i = 1; i < 10; i++) lines.push(`l${i}: &l${i} {<<: [${Array(9).fill(`*l${i - 1}`).join(', ')}], x${i}: {k: [*l${i - 1}, *l${i - 1}, *l${i - 1}]}}`);
    const started = Date.now();
    const result = preview(`${lines.join('\n')}\n`);
    assert.ok(Date.now() - started < 3000, `took ${Date.now() - started} ms`);
    assert.doesNotThrow(() => JSON.parse(result.json));
  });

  it('detects self-referencing aliases and merge cycles', () => {
    const started = Date.now();
    const seq = preview('a: &a [*a]\n');
    assert.deepEqual(JSON.parse(seq.json), { a: [null] });
    assert.equal(notesOf(seq, 'cycle').length, 1);
    const map = preview('a: &m {k: 1, self: *m}\n');
    assert.deepEqual(JSON.parse(map.json), { a: { k: 1, self: null } });
    const merge = preview('a: &m {<<: *m, k: 1}\n');
    assert.deepEqual(JSON.parse(merge.json), { a: { k: 1 } });
    assert.ok(merge.error);
    const root = preview('&r [1, *r]\n');
    assert.deepEqual(JSON.parse(root.json), [1, null]);
    assert.ok(Date.now() - started < 1000);
  });

  it('repeats a plain alias thousands of times in linear time', () => {
    const lines = ['base: &b {name: web, port: 80}', 'items:'];
    for (let i = 0; i < 8000; i++) lines.push('  - *b');
    const started = Date.now();
    const result = preview(`${lines.join('\n')}\n`);
    assert.ok(Date.now() - started < 3000, `took ${Date.now() - started} ms`);
    assert.equal(result.error, undefined);
    assert.equal((JSON.parse(result.json) as { items: unknown[] }).items.length, 8000);
  });

  it('caps the output size with a marker and a note, and keeps the JSON valid', () => {
    const lines = ['items:'];
    for (let i = 0; i < 2000; i++) lines.push(`  - name: item-${i}`);
    const result = preview(`${lines.join('\n')}\n`, { limits: { maxOutputChars: 4096 } });
    assert.equal(result.truncated, true);
    assert.ok(result.json.length < 4096 + 400, `output ${result.json.length}`);
    assert.match(result.json, /truncated by Kube Notes/);
    assert.equal(notesOf(result, 'limit').length, 1);
    assert.doesNotThrow(() => JSON.parse(result.json));
    const huge = preview(`a: "${'x'.repeat(10_000)}"\n`, { limits: { maxOutputChars: 4096 } });
    assert.ok(huge.json.length < 4096);
    assert.doesNotThrow(() => JSON.parse(huge.json));
  });

  it('caps the file across documents', () => {
    const docs = Array.from({ length: 50 }, (_, i) => `name: doc-${i}\nvalue: ${'v'.repeat(100)}`).join('\n---\n');
    const result = preview(`${docs}\n`, { limits: { maxOutputChars: 1024 } });
    assert.equal(result.truncated, true);
    assert.ok(result.documents < 50);
    const value = JSON.parse(result.json) as unknown[];
    assert.match(String(value[value.length - 1]), /truncated by Kube Notes/);
  });

  it('stops at the node budget and at the deadline', () => {
    const lines = ['items:'];
    for (let i = 0; i < 500; i++) lines.push(`  - ${i}`);
    const nodes = preview(`${lines.join('\n')}\n`, { limits: { maxNodes: 100 } });
    assert.equal(nodes.truncated, true);
    assert.doesNotThrow(() => JSON.parse(nodes.json));
    const big = ['items:'];
    for (let i = 0; i < 5000; i++) big.push(`  - ${i}`);
    let clock = 0;
    const timed = preview(`${big.join('\n')}\n`, { now: () => (clock += 1000), limits: { timeBudgetMs: 1000 } });
    assert.equal(timed.truncated, true);
    assert.match(timed.notes.map((n) => n.message).join('\n'), /longer than 1000 ms/);
    assert.doesNotThrow(() => JSON.parse(timed.json));
  });

  it('never throws on odd input', () => {
    for (const text of ['', '\n', '---\n---\n', '- - - -\n', '{', ': :', '? ? ?', '*a', '&a', '!!binary', '%YAML 1.1\n---\nx: yes\n', 'a: |\n  b\n c', '\u0000\u0001', 'a:\r b\r']) {
      const result = preview(text);
      assert.doesNotThrow(() => JSON.parse(result.json), JSON.stringify(text));
    }
  });

  it('caps the number of notes, keeping the errors', () => {
    const lines: string[] = [];
    for (let i = 0; i < 300; i++) lines.push(`k${i}: yes`);
    lines.push('z: *missing');
    const result = preview(`${lines.join('\n')}\n`);
    assert.equal(result.notes.length, 200);
    assert.equal(result.omittedNotes, 101);
    assert.ok(result.notes.some((n) => n.severity === 'error'));
  });
});

describe('preview through the language service', () => {
  it('reads the preview settings and the display language', () => {
    const service = createLanguageService();
    const document = yamlDocument('a: 1\n---\nb: no\n');
    const list = service.previewJson(document, normalizeSettings({ preview: { multiDocument: 'list' }, language: 'ko' }));
    assert.equal((JSON.parse(list.json) as { kind: string }).kind, 'List');
    assert.equal(list.lang, 'ko');
    assert.equal(list.version, 1);
    const array = service.previewJson(document, normalizeSettings({}), { multiDocument: 'array' });
    assert.ok(Array.isArray(JSON.parse(array.json)));
  });

  it('converts a transient document without caching it', () => {
    const service = createLanguageService();
    const result = service.previewJson({ uri: 'git:/x.yaml', version: 0, getText: () => 'a: on\n' }, normalizeSettings({}), { transient: true });
    assert.deepEqual(JSON.parse(result.json), { a: true });
  });

  it('notes Helm templates: kubectl never sees them', () => {
    const service = createLanguageService();
    const result = service.previewJson(yamlDocument('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Release.Name }}\n', 'file:///chart/templates/cm.yaml'), normalizeSettings({}));
    assert.equal(notesOf(result, 'helm').length, 1);
  });
});
