// Outline (document symbols) and folding ranges: labels, nesting, positions across documents and edits, caching per
// chunk, and bounds on huge or hostile documents.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { SymbolKind, type DocumentSymbol, type FoldingRange, type Range } from 'vscode-languageserver-types';
import { createLanguageService } from '../../../server/src/service/languageService';
import { ParsedFileCache } from '../../../server/src/service/parser/parsedFile';
import { documentSymbols, flattenSymbols, MAX_SYMBOL_DEPTH, MAX_SYMBOLS_PER_CHUNK } from '../../../server/src/service/symbols/documentSymbols';
import { foldingRanges } from '../../../server/src/service/symbols/foldingRanges';
import { documentAtCaret, yamlDocument } from '../../helpers/caret';

const DEPLOYMENT = [
  '# web tier', //                     0
  'apiVersion: apps/v1', //            1
  'kind: Deployment', //               2
  'metadata:', //                      3
  '  name: web', //                    4
  '  namespace: prod', //              5
  'spec:', //                          6
  '  template:', //                    7
  '    spec:', //                      8
  '      containers:', //              9
  '        - name: app', //            10
  '          image: nginx:1.27', //    11
  '          args: [', //              12
  '            --port, "80"', //       13
  '          ]', //                    14
  '        - image: busybox:1.36', //  15
  '      initScript: |', //            16
  '        # not a comment', //        17
  '        echo ready', //             18
  '---', //                            19
  'plain: 1', //                       20
  'other: [a, b]', //                  21
  '---', //                            22
  'kind: Service', //                  23
  '', //                               24
].join('\n');

function symbols(text: string): DocumentSymbol[] {
  return documentSymbols(new ParsedFileCache().get(yamlDocument(text)));
}

function folding(text: string, limit?: number): FoldingRange[] {
  return foldingRanges(new ParsedFileCache().get(yamlDocument(text)), limit);
}

const child = (symbol: DocumentSymbol | undefined, ...names: string[]): DocumentSymbol | undefined =>
  names.reduce<DocumentSymbol | undefined>((current, name) => current?.children?.find((c) => c.name === name), symbol);

const contains = (outer: Range, inner: Range): boolean =>
  (outer.start.line < inner.start.line || (outer.start.line === inner.start.line && outer.start.character <= inner.start.character)) &&
  (outer.end.line > inner.end.line || (outer.end.line === inner.end.line && outer.end.character >= inner.end.character));

function walk(list: readonly DocumentSymbol[], visit: (s: DocumentSymbol, depth: number) => void, depth = 0): void {
  for (const s of list) {
    visit(s, depth);
    walk(s.children ?? [], visit, depth + 1);
  }
}

describe('document symbols', () => {
  const result = symbols(DEPLOYMENT);

  it('has one symbol per YAML document, labelled Kind/name, else Document N', () => {
    assert.deepEqual(result.map((s) => s.name), ['Deployment/web', 'Document 2', 'Service']);
    assert.equal(result[0]!.kind, SymbolKind.Class);
    assert.equal(result[0]!.detail, 'apps/v1 · ns: prod');
    assert.equal(result[1]!.kind, SymbolKind.File);
    assert.equal(result[1]!.detail, 'plain');
  });

  it('nests the keys, labels list items by name: or [index], and shows scalar values as details', () => {
    const deployment = result[0]!;
    assert.deepEqual(deployment.children!.map((c) => c.name), ['apiVersion', 'kind', 'metadata', 'spec']);
    const containers = child(deployment, 'spec', 'template', 'spec', 'containers')!;
    assert.equal(containers.kind, SymbolKind.Array);
    assert.equal(containers.detail, '2 items');
    assert.deepEqual(containers.children!.map((c) => [c.name, c.detail]), [['app', '[0]'], ['[1]', undefined]]);
    assert.equal(child(containers, 'app', 'image')!.detail, 'nginx:1.27');
    assert.deepEqual(child(containers, 'app', 'args')!.children!.map((c) => [c.name, c.detail]), [['[0]', '--port'], ['[1]', '80']]);
    assert.match(child(deployment, 'spec', 'template', 'spec', 'initScript')!.detail!, /^\| # not a comment echo ready/);
  });

  it('labels the items of a kind: List like documents (Kind/name), lists in lists too, and only there', () => {
    const list = symbols([
      'apiVersion: v1',
      'kind: List',
      'items:',
      '  - apiVersion: apps/v1',
      '    kind: Deployment',
      '    metadata: {name: web, namespace: prod}',
      '  - apiVersion: v1',
      '    kind: List',
      '    items:',
      '      - {apiVersion: v1, kind: Service, metadata: {name: web-svc}}',
      '  - {metadata: {name: no-kind}}',
      '  - just a string',
      '---',
      'apiVersion: example.com/v1',
      'kind: Thing',
      'items:',
      '  - {apiVersion: v1, kind: ConfigMap, metadata: {name: not-a-list-item}}',
      '',
    ].join('\n'));
    assert.deepEqual(list.map((s) => s.name), ['List', 'Thing']);
    const items = child(list[0], 'items')!;
    assert.deepEqual(items.children!.map((c) => [c.name, c.detail, c.kind]), [
      ['Deployment/web', 'apps/v1 · ns: prod', SymbolKind.Class],
      ['List', 'v1', SymbolKind.Class],
      ['no-kind', '[2]', SymbolKind.Module],
      ['[3]', 'just a string', SymbolKind.String],
    ]);
    assert.deepEqual(child(items, 'List', 'items')!.children!.map((c) => c.name), ['Service/web-svc']);
    const web = items.children![0]!;
    assert.ok(contains(web.range, web.selectionRange));
    assert.equal(web.selectionRange.start.line, 5, 'the selection is the name');
    assert.deepEqual(child(list[1], 'items')!.children!.map((c) => c.name), ['[0]']);
  });

  it('places ranges in the file, the selection inside the range', () => {
    const deployment = result[0]!;
    assert.equal(deployment.range.start.line, 1);
    assert.equal(deployment.range.end.line, 18);
    assert.deepEqual(deployment.selectionRange, { start: { line: 4, character: 8 }, end: { line: 4, character: 11 } });
    assert.deepEqual(result[1]!.range.start, { line: 19, character: 0 }, 'a document with --- starts at its marker');
    assert.deepEqual(child(result[1], 'other')!.range, { start: { line: 21, character: 0 }, end: { line: 21, character: 13 } });
    walk(result, (s) => assert.ok(contains(s.range, s.selectionRange), `${s.name}: selection outside range`));
    walk(result, (s) => s.children?.forEach((c) => assert.ok(contains(s.range, c.range), `${c.name} outside ${s.name}`)));
  });

  it('uses generateName, and shows aliases without following them', () => {
    const [pod] = symbols('kind: Pod\nmetadata:\n  generateName: job-\nspec: &s {a: 1}\ncopy: *s\n');
    assert.equal(pod!.name, 'Pod/job-*');
    const copy = child(pod, 'copy')!;
    assert.equal(copy.detail, '*s');
    assert.equal(copy.kind, SymbolKind.Variable);
    assert.equal(copy.children, undefined);
  });

  it('gives every symbol a non-empty name', () => {
    walk(symbols('"": 1\n? [a]\n: 2\n- x\n'), (s) => assert.ok(s.name.trim().length > 0));
    walk(symbols('- name: ""\n  a: 1\n'), (s) => assert.ok(s.name.trim().length > 0));
  });

  it('shifts cached symbols of untouched documents after an edit above them', () => {
    const cache = new ParsedFileCache();
    const text = 'a: 1\n---\nkind: Pod\nmetadata:\n  name: p\n';
    const first = documentSymbols(cache.get(yamlDocument(text, 'file:///shift.yaml', 1)));
    assert.equal(first[1]!.range.start.line, 1);
    const edited = cache.get(yamlDocument(`a: 1\nb: 2\nc: 3\n${text.slice(5)}`, 'file:///shift.yaml', 2));
    const second = documentSymbols(edited);
    assert.equal(edited.chunks[1]!.parsed.memo.has('symbols:outline'), true, 'second chunk re-used with its memo');
    assert.equal(second[1]!.name, 'Pod/p');
    assert.equal(second[1]!.range.start.line, 3);
    assert.equal(child(second[1], 'metadata', 'name')!.range.start.line, 6);
    // The cached tree itself was not mutated.
    assert.equal(documentSymbols(cache.get(yamlDocument(text, 'file:///shift.yaml', 3)))[1]!.range.start.line, 1);
  });

  it('stays bounded on huge and deep documents and on alias bombs', () => {
    const wide = Array.from({ length: MAX_SYMBOLS_PER_CHUNK + 3000 }, (_, i) => `k${i}: ${i}`).join('\n');
    let count = 0;
    walk(symbols(wide), () => count++);
    assert.ok(count <= MAX_SYMBOLS_PER_CHUNK, `${count} symbols`);
    let deepest = 0;
    walk(symbols(`${'['.repeat(200)}1${']'.repeat(200)}\n`), (_s, depth) => (deepest = Math.max(deepest, depth)));
    assert.ok(deepest <= MAX_SYMBOL_DEPTH, `depth ${deepest}`);
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 9; i++) bomb.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill(`*${String.fromCharCode(96 + i)}`).join(', ')}]`);
    const started = Date.now();
    let bombCount = 0;
    walk(symbols(bomb.join('\n')), () => bombCount++);
    assert.ok(bombCount < 200 && Date.now() - started < 500);
    assert.doesNotThrow(() => symbols('a: &a [*a]\n'));
  });

  it('flattens for clients without hierarchical symbols', () => {
    const flat = flattenSymbols(result, 'file:///x.yaml');
    assert.equal(flat[0]!.name, 'Deployment/web');
    assert.equal(flat[1]!.containerName, 'Deployment/web');
    assert.ok(flat.every((s) => s.location.uri === 'file:///x.yaml'));
  });
});

describe('folding ranges', () => {
  const ranges = folding(DEPLOYMENT);
  const at = (line: number) => ranges.find((r) => r.startLine === line);

  it('folds each document (from its --- marker) and each block', () => {
    assert.deepEqual(at(1), { startLine: 1, endLine: 18 }, 'document 1');
    assert.deepEqual(at(19), { startLine: 19, endLine: 21 }, 'document 2 from its ---');
    assert.deepEqual(at(3), { startLine: 3, endLine: 5 }, 'metadata');
    assert.deepEqual(at(6), { startLine: 6, endLine: 18 }, 'spec');
    assert.deepEqual(at(9), { startLine: 9, endLine: 15 }, 'containers');
    assert.deepEqual(at(10), { startLine: 10, endLine: 14 }, 'first container');
    assert.deepEqual(at(12), { startLine: 12, endLine: 13 }, 'multi-line flow sequence, closing bracket stays visible');
    assert.deepEqual(at(16), { startLine: 16, endLine: 18 }, 'block scalar');
    assert.equal(at(17), undefined, '# inside a block scalar is not a comment');
    assert.equal(at(15), undefined, 'one-line item');
  });

  it('folds comment blocks and # region markers', () => {
    const text = '# one\n# two\n# three\na: 1\n# region ports\nb: 2\nc: 3\n# endregion\n';
    const result = folding(text);
    assert.deepEqual(result.find((r) => r.startLine === 0), { startLine: 0, endLine: 2, kind: 'comment' });
    assert.deepEqual(result.find((r) => r.startLine === 4), { startLine: 4, endLine: 7, kind: 'region' });
  });

  it('folds a flow mapping whose closing brace ends a content line', () => {
    const result = folding('x: 0\na: {b: 1,\n  c: 2}\nd: 3\n');
    assert.deepEqual(result.find((r) => r.startLine === 1), { startLine: 1, endLine: 2 });
  });

  it('keeps one range per start line and respects the client limit (outermost first)', () => {
    const starts = ranges.map((r) => r.startLine);
    assert.equal(new Set(starts).size, starts.length);
    assert.deepEqual(starts, [...starts].sort((a, b) => a - b));
    const limited = folding(DEPLOYMENT, 3);
    assert.equal(limited.length, 3);
    assert.deepEqual(limited.map((r) => r.startLine), [1, 6, 7]);
  });

  it('stays bounded on hostile input', () => {
    const deep = `${'- '.repeat(300)}x\n`;
    assert.doesNotThrow(() => folding(deep));
    const many = Array.from({ length: 8000 }, (_, i) => `k${i}:\n  v: ${i}`).join('\n');
    const started = Date.now();
    const result = folding(many);
    assert.ok(result.length <= 5000 && result.length > 4000, `${result.length} ranges`);
    assert.ok(Date.now() - started < 5000);
  });
});

describe('symbols and folding through the language service', () => {
  it('answers for in-memory documents', () => {
    const service = createLanguageService();
    const { document } = documentAtCaret('kind: ConfigMap\nmetadata:\n  name: c|\ndata:\n  a: "1"\n');
    assert.equal(service.documentSymbols(document)[0]!.name, 'ConfigMap/c');
    assert.ok(service.foldingRanges(document).length >= 2);
    assert.ok(service.foldingRanges(document, 1).length === 1);
  });
});
