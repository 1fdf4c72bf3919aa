// The example workspace that `npm start` opens (docs/examples) shows what its README promises:
// diagnostics with codes in each kind of file, the Helm note, kustomize and CRD checks, and a user note.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startSession, step, type Session } from './harness/session';

const EXPECTED: Readonly<Record<string, readonly string[]>> = {
  'manifests/app.yaml': ['YAML109', 'K8S004', 'K8S001', 'YAML100', 'K8S002', 'YAML003', 'YAML008'],
  'helm/web/templates/deployment.yaml': ['YAML120'],
  'kustomize/kustomization.yaml': ['K8S020'],
  'crd/crontab.yaml': ['K8S001', 'K8S002'],
  'not-kubernetes/ci.yaml': ['YAML107', 'YAML109'],
};

describe('the example workspace of npm start (docs/examples)', { timeout: 600_000 }, () => {
  let session: Session | undefined;

  before(async () => {
    session = await startSession({ name: 'examples', copyOf: 'docs/examples' });
  });

  after(async () => {
    await session?.close();
  });

  for (const [path, codes] of Object.entries(EXPECTED)) {
    it(`${path} shows ${codes.join(', ')}`, async () => {
      await step(session, `example-${path}`, async () => {
        const { wb } = session!;
        await wb.openFile(path);
        const name = path.split('/').pop()!;
        const rows = await wb.waitForProblems(name, codes.join(', '), (rows) => codes.every((c) => rows.some((r) => r.code === c)));
        if (path.startsWith('not-kubernetes/')) assert.ok(!rows.some((r) => r.code.startsWith('K8S')), 'no Kubernetes checks on plain YAML');
        if (path.startsWith('helm/')) assert.deepEqual(rows.map((r) => r.code), ['YAML120'], 'a Helm template gets only the note');
        await wb.closeAllEditors();
      });
    });
  }

  it('hovering kind: Pod shows the user note from notes/ (kubeNotes.notes.paths)', async () => {
    await step(session, 'user-note', async () => {
      const { wb } = session!;
      await wb.openFile('manifests/concepts.yaml');
      await wb.goTo(10, 1);
      const text = await wb.hover('kind: Pod', 'Pod', /Pod · 파드/);
      assert.match(text, /\(my note\)/);
      await wb.screenshot('user-note');
      await wb.dismissWidgets();
    });
  });
});
