// The bundled knowledge base: every note is valid, linked both ways, bilingual, and every line of the user's notes is kept.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT, bundledIndex, loadBundledNotes } from '../../helpers/bundledNotes';

/** The only corrections allowed to the user's text: obvious typos. */
const TYPO_FIXES: ReadonlyArray<[string, string]> = [
  ['DB으 ㅣ데이터', 'DB의 데이터'],
  ['향상성', '항상성'],
  ['Embbeded', 'Embedded'],
  ['시계열 매트릭', '시계열 메트릭'],
];

const REQUIRED_IDS = [
  'kubernetes', 'cluster', 'master', 'node', 'kubelet', 'minikube', 'kubectl', 'kubernetes-api', 'docker', 'container',
  'container-link', 'clustering', 'classification', 'alpine-linux', 'ftp', 'ftps', 'sftp', 'grafana', 'ssh', 'yaml',
  'yaml-comment', 'yaml-document-start', 'yaml-document-end', 'yaml-key-value', 'yaml-scalar-types', 'yaml-objects',
  'yaml-lists', 'yaml-block-scalars',
];

const collapse = (s: string): string => s.replace(/\s+/g, ' ').trim();

describe('bundled notes', () => {
  const parsed = loadBundledNotes();
  const index = bundledIndex();

  it('parse without a single problem', () => {
    assert.deepEqual(parsed.flatMap((p) => p.problems).map((p) => `${p.path}: ${p.message.en}`), []);
    assert.deepEqual(index.problems, []);
  });

  it('cover every concept of the user notes', () => {
    for (const id of REQUIRED_IDS) assert.ok(index.notes.has(id), `missing note ${id}`);
  });

  it('have Korean and English titles, summaries and bodies that differ', () => {
    for (const note of index.notes.values()) {
      assert.ok(/[가-힣]/.test(note.title.ko + note.summary.ko), `${note.id}: Korean title or summary`);
      assert.ok(note.summary.en !== note.summary.ko, `${note.id}: English summary`);
      assert.ok(note.body.en.length > 20 && note.body.en !== note.body.ko, `${note.id}: English body`);
      assert.ok(!/[가-힣]{4,}/.test(note.body.en.replace(/`[^`]*`/g, '')), `${note.id}: English body should be English`);
    }
  });

  it('link related notes both ways', () => {
    for (const note of index.notes.values()) {
      for (const related of note.related) {
        assert.ok(index.notes.get(related)?.related.includes(note.id), `${note.id} → ${related} is not linked back`);
      }
    }
  });

  it('contain no raw HTML', () => {
    for (const note of index.notes.values()) assert.doesNotMatch(note.body.ko + note.body.en, /<\/?[a-z][^>]*>/i, note.id);
  });

  it('keep every line of the user notes, with only the obvious typos fixed', () => {
    const source = join(process.env['KUBE_NOTES_SHARED'] ?? join(REPO_ROOT, '..', 'shared'), 'notes', 'study-notes.ko.txt');
    assert.ok(existsSync(source), `the user notes are expected at ${source} (../shared beside the checkout, or set KUBE_NOTES_SHARED)`);
    const korean = collapse([...index.notes.values()].map((n) => n.body.ko).join('\n'));
    const missing: string[] = [];
    for (const raw of readFileSync(source, 'utf8').split('\n')) {
      let line = raw.trim();
      if (line === '' || line === '-') continue;
      for (const [from, to] of TYPO_FIXES) line = line.split(from).join(to);
      if (!korean.includes(collapse(line))) missing.push(line);
    }
    assert.deepEqual(missing, []);
  });

  it('attach the notes the issue names to their triggers', () => {
    assert.ok(index.byKind.get('Node')?.some((n) => n.id === 'node'));
    assert.ok(index.byKey.get('nodeName')?.some((n) => n.id === 'node'));
    assert.ok(index.byImage.get('alpine')?.some((n) => n.id === 'alpine-linux'));
    assert.ok(index.byImage.get('grafana/grafana')?.some((n) => n.id === 'grafana'));
    for (const [port, id] of [[22, 'ssh'], [22, 'sftp'], [21, 'ftp'], [20, 'ftp'], [990, 'ftps']] as const) {
      assert.ok(index.byPort.get(port)?.some((n) => n.id === id), `${port} → ${id}`);
    }
    for (const [token, id] of [['#', 'yaml-comment'], ['---', 'yaml-document-start'], ['...', 'yaml-document-end'], ['|', 'yaml-block-scalars'], ['>', 'yaml-block-scalars'], ['{}', 'yaml-objects'], ['[]', 'yaml-lists']] as const) {
      assert.ok(index.byToken.get(token)?.some((n) => n.id === id), `${token} → ${id}`);
    }
    assert.ok(index.byKey.get('apiVersion')?.some((n) => n.id === 'kubernetes-api'));
    assert.ok(index.byKey.get('kind')?.some((n) => n.id === 'kubectl'));
    const clusterWord = (index.byWord.get('cluster') ?? []).map((n) => n.id);
    assert.ok(clusterWord.includes('cluster') && clusterWord.includes('clustering'), `cluster → ${clusterWord.join(', ')}`);
  });
});
