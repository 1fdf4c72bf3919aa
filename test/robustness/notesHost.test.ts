// The host's note folders come from settings a workspace can set: reading and watching them stays bounded.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createNodeHost } from '../../server/src/node/nodeHost';
import { REPO_ROOT, sleep } from './harness';

const note = (id: string) => `---\nid: ${id}\ntitle:\n  ko: ${id}\n  en: ${id}\nsummary:\n  ko: s\n  en: s\ntriggers:\n  kinds: [Pod]\n---\n\n## 한국어\n\ns\n\n## English\n\ns\n`;

describe('note folders from settings', () => {
  let root: string;
  before(() => {
    root = mkdtempSync(join(tmpdir(), 'kube-notes-notes-'));
    // 3,000 folders, a symlink loop and a note deep inside.
    for (let i = 0; i < 60; i++) for (let j = 0; j < 50; j++) mkdirSync(join(root, `d${i}`, `e${j}`), { recursive: true });
    symlinkSync(root, join(root, 'd0', 'loop'));
    writeFileSync(join(root, 'd0', 'first.md'), note('first'));
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  it('reads and watches a huge folder tree within bounds', async () => {
    const host = createNodeHost(REPO_ROOT, '0.0.0');
    let start = performance.now();
    const notes = host.loadUserNotes([root]);
    assert.ok(performance.now() - start < 2000, `reading took ${(performance.now() - start).toFixed(0)} ms`);
    assert.ok(notes.some((n) => n.note?.id === 'first'));
    let changes = 0;
    start = performance.now();
    host.watchNoteFolders([root], () => changes++);
    assert.ok(performance.now() - start < 1000, `watching took ${(performance.now() - start).toFixed(0)} ms`);
    // Changes in watched folders are seen; a new note folder shows up as a change of its parent.
    writeFileSync(join(root, 'd0', 'second.md'), note('second'));
    mkdirSync(join(root, 'new-folder'));
    const deadline = Date.now() + 3000;
    while (changes < 2 && Date.now() < deadline) await sleep(20);
    assert.ok(changes >= 2, `saw ${changes} change(s)`);
    host.watchNoteFolders([], () => undefined);
  });
});

describe('workspace files seen by the host', () => {
  const crd = (description: string) => `apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata:
  name: widgets.example.com
spec:
  group: example.com
  names: {kind: Widget, plural: widgets}
  scope: Namespaced
  versions:
    - name: v1
      served: true
      storage: true
      schema:
        openAPIV3Schema:
          type: object
          description: ${description}
`;

  it('changes what it knows only when the content of a file changed (a save arrives twice in VS Code)', () => {
    const host = createNodeHost(REPO_ROOT, '0.0.0');
    const uri = 'file:///tmp/kube-notes-host/crd.yaml';
    assert.equal(host.workspaceFileChanged!(uri, crd('one')), true, 'a new CRD');
    assert.equal(host.workspaceFileChanged!(uri, crd('one')), false, 'the same text again');
    assert.equal(host.workspaceFileChanged!(uri, crd('two')), true, 'edited');
    assert.equal(host.workspaceFileChanged!(uri, null), true, 'deleted');
    assert.equal(host.workspaceFileChanged!(uri, crd('two')), true, 'created again after a delete');
  });
});
