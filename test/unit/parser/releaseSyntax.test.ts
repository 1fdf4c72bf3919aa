// Chunks drop their CST after validation and read it again, identically, when rules must run again.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Parser } from 'yaml';
import { createLanguageService } from '../../../server/src/service/languageService';
import { normalizeSettings } from '../../../server/src/service/settings';
import { parseChunk, SYNTAX_MEMO_PREFIX } from '../../../server/src/service/parser/parsedChunk';
import { yamlDocument } from '../../helpers/caret';

// Findings of many rules: YAML 1.1 values, a key without a space, tabs, a duplicate key, trailing spaces, a comment.
const TEXT = [
  'apiVersion: v1',
  'kind: ConfigMap',
  'metadata:',
  '  name: demo   ',
  'data:',
  '  enabled: yes',
  '  mode: 0644',
  '  mode: 0755',
  '#comment without a space',
  '---',
  'apiVersion: v1',
  'kind: Pod',
  'metadata: {name: p}',
  'spec:',
  '  containers:',
  '  - name: web',
  '    image:nginx',
  '',
].join('\n');

describe('releaseSyntax', () => {
  it('reads the same CST again after a release, and refused chunks keep theirs', () => {
    const chunk = parseChunk(TEXT);
    const before = chunk.tokens;
    chunk.memo.set(`${SYNTAX_MEMO_PREFIX}probe`, 1);
    chunk.memo.set('other', 2);
    chunk.releaseSyntax();
    assert.deepStrictEqual(chunk.memo.get(`${SYNTAX_MEMO_PREFIX}probe`), undefined);
    assert.equal(chunk.memo.get('other'), 2, 'only CST-derived entries go');
    assert.notEqual(chunk.tokens, before, 'a new tree was read');
    assert.deepStrictEqual(chunk.tokens, Array.from(new Parser().parse(TEXT)));
    const deep = parseChunk(`${'['.repeat(300)}${']'.repeat(300)}\n`);
    assert.equal(deep.refused, 'depth');
    const kept = deep.tokens;
    deep.releaseSyntax();
    assert.equal(deep.tokens, kept);
  });

  it('leaves no CST-derived memo entries after a validation', () => {
    const service = createLanguageService({});
    const document = yamlDocument(TEXT);
    assert.ok(service.validate(document, normalizeSettings({})).length > 0);
    const chunks = service.parse(document).chunks;
    assert.equal(chunks.length, 2);
    for (const chunk of chunks) {
      const keys = [...chunk.parsed.memo.keys()];
      assert.ok(keys.length > 0, 'findings are cached');
      assert.deepEqual(keys.filter((key) => key.startsWith(SYNTAX_MEMO_PREFIX)), []);
      assert.ok(!keys.includes('yaml:scan'), 'the CST scan is released under its own prefix');
    }
  });

  it('gives the same diagnostics after a release when settings change and change back', () => {
    const settingsA = normalizeSettings({});
    const settingsB = normalizeSettings({ lint: { trailingSpaces: 'off' }, yaml: { indentation: { spaces: 4 } } });
    const service = createLanguageService({});
    const document = yamlDocument(TEXT);
    const firstA = service.validate(document, settingsA);
    const thenB = service.validate(document, settingsB);
    const backToA = service.validate(document, settingsA);
    assert.deepStrictEqual(thenB, createLanguageService({}).validate(yamlDocument(TEXT), settingsB));
    assert.deepStrictEqual(backToA, firstA);
    assert.notDeepStrictEqual(thenB, firstA, 'the settings must change the result, or this test proves nothing');
  });
});
