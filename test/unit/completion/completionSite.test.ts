// The completion site reads only the lines its walks can reach, with the same answers near and far from the cursor.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { completionSite as siteIn } from '../../../server/src/service/completion/completionSite';
import { computeLineStarts } from '../../../server/src/service/parser/parsedChunk';

const completionSite = (text: string, offset: number) => siteIn(text, computeLineStarts(text), offset);

const caret = (source: string): { text: string; offset: number } => {
  const offset = source.indexOf('|');
  return { text: source.slice(0, offset) + source.slice(offset + 1), offset };
};

test('a key site 4,000 lines below its owner still finds the owner and the siblings on both sides', () => {
  const labels = Array.from({ length: 4000 }, (_, i) => `    label${i}: v`).join('\n');
  const after = Array.from({ length: 3000 }, (_, i) => `  key${i}: v`).join('\n');
  const { text, offset } = caret(`apiVersion: v1\nkind: Pod\nmetadata:\n  labels:\n${labels}\n  na|\n${after}\nspec: {}\n`);
  const site = completionSite(text, offset)!;
  assert.equal(site.kind, 'key');
  assert.deepEqual(site.path, ['metadata']);
  assert.equal(site.prefix, 'na');
  assert.ok(site.presentKeys.has('labels'));
  assert.ok(site.presentKeys.has('key0') && site.presentKeys.has('key2998'));
});

test('beyond the walk limit the owner is not guessed', () => {
  const filler = Array.from({ length: 6000 }, (_, i) => `    k${i}: v`).join('\n');
  const { text, offset } = caret(`metadata:\n  labels:\n${filler}\n  |\n`);
  assert.equal(completionSite(text, offset), undefined);
});

test('value sites on the first and the last line of a chunk', () => {
  const first = caret('type: Cl|');
  assert.deepEqual(completionSite(first.text, first.offset)?.path, ['type']);
  const last = caret('spec:\n  type: |');
  const site = completionSite(last.text, last.offset)!;
  assert.equal(site.kind, 'value');
  assert.deepEqual(site.path, ['spec', 'type']);
});
