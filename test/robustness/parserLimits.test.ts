// The parser's guards: nesting depth and values per document are bounded before composing (parsedChunk.ts), and
// files over MAX_FILE_CHARS are not parsed at all (parsedFile.ts).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { MAX_DOCUMENT_NODES, MAX_NESTING_DEPTH, measureDepth, parseChunk } from '../../server/src/service/parser/parsedChunk';
import { fastCst } from '../../server/src/service/parser/fastCst';
import { FAST_CST_MAX_DEPTH } from '../../server/src/service/parser/fastCstParser';
import { yamlPrototypeOf } from '../../server/src/service/parser/fastNodes';
import { MAX_FILE_CHARS, ParsedFileCache } from '../../server/src/service/parser/parsedFile';
import { createLanguageService } from '../../server/src/service/languageService';
import { normalizeSettings } from '../../server/src/service/settings';
import { TextDocument } from 'vscode-languageserver-textdocument';

/** Whether fastCompose built the document (its prototype sits below yaml's). */
function isFast(document: object): boolean {
  return yamlPrototypeOf(document) !== Object.getPrototypeOf(document);
}

describe('parser limits', () => {
  it('refuses to compose a document with more values than MAX_DOCUMENT_NODES, and says so', () => {
    const text = `data: [${Array(MAX_DOCUMENT_NODES + 10).fill('1').join(', ')}]\n`;
    assert.ok(fastCst(text) !== undefined, 'the fast parser takes it: the limit holds on the path that skips measureTree');
    const chunk = parseChunk(text);
    assert.equal(chunk.refused, 'size');
    assert.equal(chunk.documents.length, 0);
    assert.equal(chunk.problems.length, 1);
    assert.equal(chunk.problems[0]!.yamlCode, 'KN_TOO_LARGE');
    assert.match(chunk.problems[0]!.message, /more than 250,000 values/);
  });

  it('limits values per document the same on the fast paths and on yaml\'s (a tab makes fastCst decline)', () => {
    for (const [count, refused] of [[MAX_DOCUMENT_NODES, undefined], [MAX_DOCUMENT_NODES + 1, 'size']] as const) {
      // MAX_DOCUMENT_NODES CST items in all: the root map's one pair and the sequence's items.
      const items = Array(count - 1).fill('1').join(', ');
      const fast = parseChunk(`data: [${items}]\n`);
      const slow = parseChunk(`data:\t[${items}]\n`);
      assert.equal(fast.refused, refused, `fast path, ${count} items`);
      assert.equal(slow.refused, refused, `yaml's path, ${count} items`);
      if (refused === undefined) assert.ok(isFast(fast.documents[0]!), 'fastCompose composed the first');
      assert.equal(fastCst(`data:\t[${items}]\n`), undefined, 'fastCst declined the second: its limits were measured');
    }
  });

  it('counts block collections as the limit walk does: a sequence or a map of exactly MAX_DOCUMENT_NODES items in all', () => {
    for (const [count, refused] of [[MAX_DOCUMENT_NODES, undefined], [MAX_DOCUMENT_NODES + 1, 'size']] as const) {
      const sequence = `data:\n${'- 1\n'.repeat(count - 1)}`;
      const map = `data:\n${Array.from({ length: count - 1 }, (_, i) => `  k${i}: 1\n`).join('')}`;
      for (const text of [sequence, map]) {
        assert.ok(fastCst(text) !== undefined);
        const chunk = parseChunk(text);
        assert.equal(chunk.refused, refused, `${count} items, ${text === map ? 'map' : 'sequence'}`);
        if (refused === undefined) assert.ok(isFast(chunk.documents[0]!));
      }
    }
  });

  it('fastCst takes collections nested up to FAST_CST_MAX_DEPTH and no deeper, within MAX_NESTING_DEPTH', () => {
    assert.ok(FAST_CST_MAX_DEPTH <= MAX_NESTING_DEPTH);
    const deepest = `${'- '.repeat(FAST_CST_MAX_DEPTH - 1)}-`;
    const tokens = fastCst(deepest);
    assert.ok(tokens !== undefined);
    assert.equal(measureDepth(tokens), FAST_CST_MAX_DEPTH);
    assert.equal(fastCst(`${'- '.repeat(FAST_CST_MAX_DEPTH)}-`), undefined);
    assert.equal(fastCst(`${'- '.repeat(FAST_CST_MAX_DEPTH)}x\n`), undefined);
    assert.equal(parseChunk(deepest).maxDepth, FAST_CST_MAX_DEPTH);
  });

  it('measures the depth of chunks the fast paths took when asked, as of those they did not', () => {
    const nested = (depth: number): string => Array.from({ length: depth }, (_, i) => `${'  '.repeat(i)}k${i}:`).join('\n') + ' 1\n';
    for (const depth of [1, 3, 40, 100]) {
      const text = nested(depth);
      assert.ok(fastCst(text) !== undefined);
      const chunk = parseChunk(text);
      assert.equal(chunk.refused, undefined);
      assert.ok(isFast(chunk.documents[0]!), 'composed by fastCompose');
      assert.equal(chunk.maxDepth, depth);
      // After a release, asking for the depth reads the text again without keeping the tree.
      chunk.releaseSyntax();
      assert.equal(chunk.holdsTrees, false);
      const again = parseChunk(text);
      again.documents;
      again.releaseSyntax();
      assert.equal(again.maxDepth, depth);
      assert.equal(again.holdsTrees, false);
    }
    // Deeper than fastCst goes: measured before composing, and refused past the limit.
    assert.equal(parseChunk(nested(200)).maxDepth, 200);
    assert.equal(parseChunk(nested(MAX_NESTING_DEPTH + 1)).refused, 'depth');
  });

  it('composes large legal documents below the limit', () => {
    const lines = ['apiVersion: v1', 'kind: ConfigMap', 'metadata:', '  name: big', 'data:'];
    for (let i = 0; i < 60_000; i++) lines.push(`  key${i}: value${i}`);
    const chunk = parseChunk(`${lines.join('\n')}\n`);
    assert.equal(chunk.refused, undefined);
    assert.equal(chunk.documents.length, 1);
  });
});

describe('file size limit', () => {
  it('does not parse files over MAX_FILE_CHARS and says so in one problem', () => {
    const line = 'key: value\n';
    const text = line.repeat(Math.ceil((MAX_FILE_CHARS + 10) / line.length));
    const start = Date.now();
    const file = new ParsedFileCache().get({ uri: 'file:///huge.yaml', version: 1, getText: () => text });
    assert.ok(Date.now() - start < 5000);
    assert.equal(file.chunks.length, 1);
    assert.equal(file.chunks[0]!.parsed.refused, 'size');
    assert.match(file.chunks[0]!.parsed.problems[0]!.message, /files over 20 million are not analysed/);
    // Positions still map: the last line is known.
    assert.equal(file.chunks[0]!.parsed.lineStarts.length, text.split('\n').length);
  });
});

describe('refusals as diagnostics', () => {
  it('says in the chosen language that a document too large to analyse was skipped (YAML027)', () => {
    const text = `a: [${Array.from({ length: 260_000 }, (_, i) => i).join(',')}]\n`;
    const diagnostics = createLanguageService({}).validate(TextDocument.create('file:///big.yaml', 'yaml', 1, text), normalizeSettings({ language: 'ko' }));
    assert.deepEqual(diagnostics.map((d) => d.code), ['YAML027']);
    assert.equal(diagnostics[0]!.severity, 2);
    assert.match(String(diagnostics[0]!.message), /250,000개/);
    assert.ok(diagnostics[0]!.range.end.character <= 80, 'the range stays short on a huge line');
  });
});
