// Chunks are parsed on first use, drop their trees right after their checks and read them again, identically, when needed.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Composer, Parser } from 'yaml';
import { createLanguageService } from '../../../server/src/service/languageService';
import { normalizeSettings } from '../../../server/src/service/settings';
import { parseChunk, SYNTAX_MEMO_PREFIX } from '../../../server/src/service/parser/parsedChunk';
import { ParsedFileCache } from '../../../server/src/service/parser/parsedFile';
import { validateFile } from '../../../server/src/service/diagnostics/validation';
import { RuleRegistry } from '../../../server/src/service/diagnostics/ruleRegistry';
import type { Rule } from '../../../server/src/service/diagnostics/rule';
import { noKubernetesResources } from '../../../server/src/service/kubernetes/kubernetesResources';
import { COMPOSE_OPTIONS } from '../../../server/src/service/parser/fastCompose';
import { yamlClassCopy } from '../../../server/src/service/parser/fastNodes';
import { yamlDocument } from '../../helpers/caret';
import { join } from 'node:path';
import { bundledIndex, REPO_ROOT } from '../../helpers/bundledNotes';
import { createKubernetesResources } from '../../../server/src/node/kubernetesSchemaLoader';
import { analyzeChunk } from '../../../server/src/service/kubernetes/manifestAnalysis';
import { containersOf, podSpecOf } from '../../../server/src/service/kubernetes/workloads';
import { kubernetesRules } from '../../../server/src/service/kubernetes/kubernetesRules';
import * as v8 from 'node:v8';
import { runInNewContext } from 'node:vm';

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
  it('is not parsed before it is read, and reads the same trees again after a release', () => {
    const chunk = parseChunk(TEXT);
    assert.equal(chunk.holdsTrees, false, 'nothing is parsed before it is read');
    const documents = chunk.documents;
    const before = chunk.tokens;
    assert.equal(chunk.holdsTrees, true);
    const counts = chunk.counts;
    assert.deepStrictEqual(counts, { documents: 2, resources: 2 });
    chunk.memo.set(`${SYNTAX_MEMO_PREFIX}probe`, 1);
    chunk.memo.set('other', 2);
    chunk.releaseSyntax();
    assert.equal(chunk.holdsTrees, false);
    assert.deepStrictEqual(chunk.memo.get(`${SYNTAX_MEMO_PREFIX}probe`), undefined);
    assert.equal(chunk.memo.get('other'), 2, 'only entries holding tree nodes go');
    assert.equal(chunk.counts, counts, 'counts are kept without a re-parse');
    assert.equal(chunk.holdsTrees, false);
    assert.notEqual(chunk.tokens, before, 'a new CST was read');
    const cst = Array.from(new Parser().parse(TEXT));
    assert.deepStrictEqual(chunk.tokens, cst);
    assert.notEqual(chunk.documents, documents, 'new documents were composed');
    assert.deepStrictEqual(yamlClassCopy(chunk.documents), Array.from(new Composer(COMPOSE_OPTIONS).compose(cst, true, TEXT.length)));
    assert.deepStrictEqual(chunk.documents, documents);
  });

  it('keeps the trees of refused chunks, which say why they were refused', () => {
    const deep = parseChunk(`${'['.repeat(300)}${']'.repeat(300)}\n`);
    assert.equal(deep.refused, 'depth');
    const kept = deep.tokens;
    deep.releaseSyntax();
    assert.equal(deep.tokens, kept);
    assert.equal(deep.problems[0]?.yamlCode, 'KN_TOO_DEEP');
  });

  it('checks a file one chunk at a time: each chunk is parsed when its rules run and released before the next', () => {
    const seen: boolean[][] = [];
    const probe: Rule = {
      id: 'test.probe',
      chunkLocal: true,
      codes: [{ code: 'TEST001', name: 'probe', defaultSeverity: 'warning', title: { ko: '탐침', en: 'probe' }, explanation: { ko: '시험', en: 'test' } }],
      check(context) {
        assert.ok(context.chunk.documents.length > 0);
        seen.push(file.chunks.map((chunk) => chunk.parsed.holdsTrees));
      },
    };
    const text = Array.from({ length: 4 }, (_, i) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c${i}\n`).join('---\n');
    const file = new ParsedFileCache().get({ uri: 'file:///probe.yaml', version: 1, getText: () => text });
    assert.equal(file.chunks.length, 4);
    assert.ok(file.chunks.every((chunk) => !chunk.parsed.holdsTrees), 'splitting a file parses nothing');
    const settings = normalizeSettings({});
    validateFile({ file, registry: new RuleRegistry([probe]), settings, settingsKey: 'probe', lang: 'en', kubernetes: noKubernetesResources, isHelmTemplate: false });
    assert.deepStrictEqual(seen, [
      [true, false, false, false],
      [false, true, false, false],
      [false, false, true, false],
      [false, false, false, true],
    ]);
    assert.ok(file.chunks.every((chunk) => !chunk.parsed.holdsTrees), 'nothing is kept after the checks');
  });

  it('leaves no trees and no tree-derived memo entries after a validation', () => {
    const service = createLanguageService({});
    const document = yamlDocument(TEXT);
    assert.ok(service.validate(document, normalizeSettings({})).length > 0);
    const chunks = service.parse(document).chunks;
    assert.equal(chunks.length, 2);
    for (const chunk of chunks) {
      assert.equal(chunk.parsed.holdsTrees, false);
      const keys = [...chunk.parsed.memo.keys()];
      assert.ok(keys.length > 0, 'findings are cached');
      assert.deepEqual(keys.filter((key) => key.startsWith(SYNTAX_MEMO_PREFIX)), []);
    }
  });

  it('after a validation nothing holds the documents it analysed (they can be collected)', async () => {
    // A probe rule keeps only weak references to what the Kubernetes rules were handed.
    const refs: Array<WeakRef<object>> = [];
    const probe: Rule = {
      id: 'test.probe',
      chunkLocal: true,
      codes: [{ code: 'TEST001', name: 'probe', defaultSeverity: 'hint', title: { ko: '탐침', en: 'probe' }, explanation: { ko: '시험', en: 'test' } }],
      check(context) {
        for (const doc of analyzeChunk(context).documents) {
          refs.push(new WeakRef(doc.root), new WeakRef(doc.document));
          // What the workload rules remember about the manifest (its pod spec and containers) must go with it too.
          const podSpec = podSpecOf(doc);
          if (podSpec) refs.push(new WeakRef(podSpec), ...containersOf(doc).map((container) => new WeakRef(container.node)));
        }
      },
    };
    const service = createLanguageService({ rules: [...kubernetesRules, probe], kubernetes: createKubernetesResources(join(REPO_ROOT, 'server', 'schemas')) });
    assert.ok(service.validate(yamlDocument(TEXT), normalizeSettings({})).length > 0);
    assert.equal(refs.length, 6, 'both manifests were analysed, and the Pod has a pod spec and one container');
    v8.setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    await new Promise((resolve) => setImmediate(resolve)); // WeakRef targets live until the end of the job that made them
    gc();
    assert.deepEqual(refs.map((ref) => ref.deref() === undefined), [true, true, true, true, true, true]);
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

  it('keeps the outline and folding ranges computed during validation; hover, completion and preview keep no trees', () => {
    const service = createLanguageService({ structureOnValidate: { outline: true, folding: true }, kubernetes: createKubernetesResources(join(REPO_ROOT, 'server', 'schemas')) });
    service.setNotes(bundledIndex());
    const settings = normalizeSettings({});
    const document = yamlDocument(TEXT);
    service.validate(document, settings);
    const chunks = service.parse(document).chunks;
    assert.equal(service.documentSymbols(document).length, 2);
    assert.ok(service.foldingRanges(document).length > 0);
    assert.deepStrictEqual(chunks.map((chunk) => chunk.parsed.holdsTrees), [false, false], 'outline and folding came from the memo');
    assert.deepStrictEqual(service.documentSymbols(document), createLanguageService({}).documentSymbols(yamlDocument(TEXT)));
    assert.deepStrictEqual(service.foldingRanges(document), createLanguageService({}).foldingRanges(yamlDocument(TEXT)));
    const nodes = yamlDocument('apiVersion: v1\nkind: Node\nmetadata:\n  name: a\n---\napiVersion: v1\nkind: Node\nmetadata:\n  name: b\n');
    service.validate(nodes, settings);
    const nodeChunks = service.parse(nodes).chunks;
    assert.ok(service.hover(nodes, { line: 6, character: 7 }, settings) !== null, 'hover on `kind: Node` after the release');
    assert.deepStrictEqual(nodeChunks.map((chunk) => chunk.parsed.holdsTrees), [false, false], 'the hovered chunk was parsed again and let go');
    assert.ok(service.complete(nodes, { line: 8, character: 2 }, settings).items.length > 0, 'completion after the release');
    assert.ok(service.previewJson(nodes, settings).json.includes('"kind": "Node"'));
    assert.deepStrictEqual(nodeChunks.map((chunk) => chunk.parsed.holdsTrees), [false, false], 'completion and preview keep nothing either');
  });

  it('without structureOnValidate (the CLI), an outline after validation parses the chunks again, correctly, and keeps no trees', () => {
    const service = createLanguageService({});
    const document = yamlDocument(TEXT);
    service.validate(document, normalizeSettings({}));
    assert.deepStrictEqual(service.documentSymbols(document), createLanguageService({}).documentSymbols(yamlDocument(TEXT)));
    assert.ok(service.parse(document).chunks.every((chunk) => !chunk.parsed.holdsTrees), 'parsed for the outline, then let go');
  });
});
