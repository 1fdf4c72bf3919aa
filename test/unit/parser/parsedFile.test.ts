// Unit tests of the parser layer: splitting into documents, the nesting guard, line ends and chunk re-use.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { splitIntoChunks, normalizeLoneCarriageReturns } from '../../../server/src/service/parser/documentSplitter';
import { MAX_NESTING_DEPTH, parseChunk } from '../../../server/src/service/parser/parsedChunk';
import { ParsedFileCache, chunkAtOffset, chunkPosition } from '../../../server/src/service/parser/parsedFile';
import { locate } from '../../../server/src/service/parser/yamlLocation';
import { yamlDocument, withCaret } from '../../helpers/caret';
import { TextDocument } from 'vscode-languageserver-textdocument';

const slices = (text: string) => splitIntoChunks(text).map((s) => text.slice(s.start, s.end));

describe('splitIntoChunks', () => {
  it('splits on --- lines and keeps every character', () => {
    const text = 'a: 1\n---\nb: 2\n--- # c\nc: 3\n';
    assert.deepEqual(slices(text), ['a: 1\n', '---\nb: 2\n', '--- # c\nc: 3\n']);
    assert.deepEqual(splitIntoChunks(text).map((s) => s.startLine), [0, 1, 3]);
  });

  it('does not split on ---text, indented --- or a first-line marker', () => {
    assert.deepEqual(slices('---\na: ---x\n  ---\nb: 1\n'), ['---\na: ---x\n  ---\nb: 1\n']);
  });

  it('keeps directives with the document they introduce', () => {
    assert.deepEqual(slices('a: 1\n...\n%YAML 1.1\n---\nb: 2\n'), ['a: 1\n...\n', '%YAML 1.1\n---\nb: 2\n']);
  });

  it('handles CRLF and an empty text', () => {
    assert.deepEqual(slices('a: 1\r\n---\r\nb: 2\r\n'), ['a: 1\r\n', '---\r\nb: 2\r\n']);
    assert.deepEqual(slices(''), ['']);
  });

  it('normalises lone CR without moving offsets', () => {
    const text = 'a: 1\rb: 2\r\nc: 3';
    const normalized = normalizeLoneCarriageReturns(text);
    assert.equal(normalized, 'a: 1\nb: 2\r\nc: 3');
    assert.equal(normalized.length, text.length);
  });
});

describe('parseChunk', () => {
  it('composes documents and reports parser problems with offsets', () => {
    const chunk = parseChunk('a: 1\nb: [1, 2\n');
    assert.equal(chunk.documents.length, 1);
    assert.ok(chunk.problems.length > 0);
    assert.ok(chunk.problems.every((p) => p.start >= 0 && p.end <= chunk.text.length));
  });

  it('refuses 10,000-deep flow and block nesting instead of aborting the process', () => {
    for (const text of ['['.repeat(10_000) + ']'.repeat(10_000), '- '.repeat(10_000) + 'x\n', 'a:\n' + Array.from({ length: 400 }, (_, i) => `${' '.repeat(i + 1)}k${i}:`).join('\n')]) {
      const chunk = parseChunk(text);
      assert.equal(chunk.refused, 'depth');
      assert.equal(chunk.documents.length, 0);
      assert.equal(chunk.problems[0]!.yamlCode, 'KN_TOO_DEEP');
      assert.ok(chunk.maxDepth > MAX_NESTING_DEPTH);
    }
  });

  it('accepts nesting up to the limit', () => {
    const depth = MAX_NESTING_DEPTH;
    const chunk = parseChunk('['.repeat(depth) + ']'.repeat(depth));
    assert.equal(chunk.refused, undefined);
    assert.equal(chunk.maxDepth, depth);
  });
});

describe('ParsedFileCache', () => {
  it('re-parses only the documents whose text changed, even when they moved', () => {
    const cache = new ParsedFileCache();
    const docs = Array.from({ length: 5 }, (_, i) => `---\nkind: Pod\nmetadata:\n  name: p${i}\n`).join('');
    const first = cache.get(yamlDocument(docs, 'file:///a.yaml', 1));
    const edited = docs.replace('name: p2', 'name: p2-edited\n  labels: {a: b}');
    const second = cache.get(TextDocument.create('file:///a.yaml', 'yaml', 2, edited));
    assert.equal(second.chunks.length, 5);
    const reused = second.chunks.filter((c, i) => c.parsed === first.chunks[i]!.parsed).length;
    assert.equal(reused, 4);
    assert.notEqual(second.chunks[2]!.parsed, first.chunks[2]!.parsed);
    // Moved chunks keep their parse but get their new line numbers.
    assert.equal(second.chunks[3]!.slice.startLine, first.chunks[3]!.slice.startLine + 1);
  });

  it('maps chunk offsets to file positions', () => {
    const cache = new ParsedFileCache();
    const { text, offset } = withCaret('a: 1\n---\nb: x|yz\n');
    const file = cache.get(yamlDocument(text));
    const chunk = chunkAtOffset(file, offset);
    assert.equal(chunk.index, 1);
    assert.deepEqual(chunkPosition(chunk, offset - chunk.slice.start), { line: 2, character: 4 });
  });
});

describe('locate', () => {
  it('returns the key path and whether the caret is on a key or a value', () => {
    const { text, offset } = withCaret('spec:\n  containers:\n    - name: web\n      ima|ge: nginx\n');
    const chunk = parseChunk(text);
    const location = locate(chunk, offset)!;
    assert.deepEqual(location.keyPath, ['spec', 'containers', 0, 'image']);
    assert.ok(location.keyPair);
    const value = locate(chunk, text.indexOf('nginx') + 1)!;
    assert.deepEqual(value.keyPath, ['spec', 'containers', 0, 'image']);
    assert.equal(value.keyPair, undefined);
    assert.ok(value.valuePair);
  });
});
