// The incremental parse (parser/parsedFile.ts) under random edits: chunk boundaries and line numbers always equal a
// fresh split of the text, and re-used chunks carry exactly the text they cover.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ParsedFileCache } from '../../server/src/service/parser/parsedFile';
import { chunkBoundaries, splitIntoChunks } from '../../server/src/service/parser/documentSplitter';
import { generateManifest } from '../../bench/manifests';
import { createRng } from '../../bench/stats';

const FRAGMENTS = ['---\n', '\n---\n', '--- \n', '---', '%YAML 1.2\n', '%TAG ! tag:x,2000:\n---\n', '...\n', 'a: 1\n', '\n', '-', ' ', '#', '\r', '\r\n', 'x'];

describe('incremental parse', () => {
  it('keeps boundaries and line numbers equal to a fresh split under 3,000 random edits', () => {
    const rng = createRng(99);
    const int = (n: number): number => Math.floor(rng() * n);
    const cache = new ParsedFileCache();
    let text = generateManifest(300, 3).text;
    for (let version = 1; version <= 3000; version++) {
      const at = int(text.length + 1);
      const r = rng();
      if (r < 0.5) text = text.slice(0, at) + FRAGMENTS[int(FRAGMENTS.length)]! + text.slice(at);
      else if (r < 0.9) text = text.slice(0, at) + text.slice(Math.min(text.length, at + 1 + int(30)));
      else text = generateManifest(50 + int(200), version).text;
      const file = cache.get({ uri: 'file:///inc.yaml', version, getText: () => text });
      const expected = splitIntoChunks(file.text);
      assert.deepEqual(file.chunks.map((c) => c.slice), expected, `slices differ at version ${version}`);
      assert.deepEqual(chunkBoundaries(file.text), expected.map((s) => s.start));
      for (const chunk of file.chunks) assert.equal(chunk.parsed.text, file.text.slice(chunk.slice.start, chunk.slice.end));
    }
  });
});
