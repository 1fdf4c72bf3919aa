// Our node guards (class checks) answer as yaml's own guards on every node of composed documents, fast or not.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as yaml from 'yaml';
import * as ours from '../../../server/src/service/yaml/yamlNodes';
import { parseChunk } from '../../../server/src/service/parser/parsedChunk';
import { FAST_SCHEMA, yamlPrototypeOf } from '../../../server/src/service/parser/fastNodes';
import { generateManifest } from '../../../bench/manifests';

const ROOT = join(__dirname, '..', '..', '..', '..');
const GUARDS = ['isAlias', 'isMap', 'isPair', 'isScalar', 'isSeq'] as const;

/** Every value reachable from the documents: nodes, pairs, their fields, and a few non-nodes. */
function everything(documents: readonly yaml.Document[]): unknown[] {
  const out: unknown[] = [undefined, null, 0, '', 'kind', {}, [], yaml.Scalar.prototype];
  const stack: unknown[] = [...documents];
  while (stack.length > 0) {
    const value = stack.pop();
    out.push(value);
    if (yaml.isDocument(value)) stack.push(value.contents);
    else if (yaml.isPair(value)) stack.push(value.key, value.value);
    else if (yaml.isCollection(value)) stack.push(...value.items);
  }
  return out;
}

/** A short description that never runs yaml's toString (a merge pair's toJSON can throw). */
function kindOf(value: unknown): string {
  return value === null || typeof value !== 'object' ? typeof value : (value.constructor?.name ?? 'object');
}

function assertSameAnswers(text: string): number {
  const chunk = parseChunk(text);
  const values = everything(chunk.documents as yaml.Document[]);
  for (const value of values) {
    for (const name of GUARDS) assert.equal((ours[name] as (v: unknown) => boolean)(value), (yaml[name] as (v: unknown) => boolean)(value), `${name} on a ${kindOf(value)} in ${JSON.stringify(text.slice(0, 80))}`);
  }
  return values.length;
}

describe('yamlNodes guards', () => {
  it('agree with yaml on a generated manifest (fastCompose nodes)', () => {
    const text = generateManifest(1000).text;
    const documents = parseChunk(text).documents;
    assert.ok(documents.length > 10 && documents.every((doc) => yamlPrototypeOf(doc) !== Object.getPrototypeOf(doc)), 'the documents are fastCompose\'s');
    assert.ok(assertSameAnswers(text) > 1000);
  });

  it('fastCompose documents share a schema whose tag list cannot change', () => {
    const [doc] = parseChunk('a: 1\n').documents;
    assert.equal(doc!.schema, FAST_SCHEMA);
    assert.throws(() => (FAST_SCHEMA.tags as unknown[]).push({}), TypeError);
    assert.equal(doc!.clone().toString(), 'a: 1\n');
  });

  it('agree with yaml on documents the real Composer builds (anchors, aliases, merge keys, tags, sets, ordered maps)', () => {
    const text = [
      'base: &b {a: 1}',
      'copy: *b',
      'merged:',
      '  <<: *b',
      '  c: !!str 3',
      'set: !!set {x, y}',
      'omap: !!omap [{k: 1}, {l: 2}]',
      'pairs: !!pairs [{k: 1}]',
      '? [complex, key]',
      ': value',
      '',
    ].join('\n');
    assertSameAnswers(text);
  });

  it('agree with yaml on every example file', () => {
    const files = readdirSync(join(ROOT, 'docs', 'examples'), { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.yaml'));
    assert.ok(files.length >= 10);
    for (const name of files) assertSameAnswers(readFileSync(join(ROOT, 'docs', 'examples', name), 'utf8'));
  });
});
