// In an untrusted folder (workspace trust on, folder not trusted: VS Code's restricted mode) kube-notes
// still validates and explains, and nothing from the workspace runs: the fixture carries tripwires (a
// folder-open task, kubectl/helm/kustomize/node shims named by workspace settings) that would leave an
// EXECUTED-* file behind.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { startSession, step, type Session } from './harness/session';
import { waitFor } from './harness/workbench';

function tripped(workspace: string): string[] {
  const found: string[] = [];
  for (const dir of [workspace, join(workspace, 'bin'), join(workspace, 'manifests')]) {
    for (const name of readdirSync(dir)) if (name.startsWith('EXECUTED-')) found.push(join(dir, name));
  }
  return found;
}

describe('kube-notes in restricted mode (untrusted folder)', { timeout: 600_000 }, () => {
  let session: Session | undefined;

  before(async () => {
    session = await startSession({ name: 'restricted', trusted: false, fixtures: ['workspace', 'untrusted'] });
  });

  after(async () => {
    await session?.close();
  });

  it('the folder is open in restricted mode', async () => {
    await step(session, 'restricted', async () => {
      const { wb } = session!;
      const page = wb.page;
      // VS Code asks whether to trust the authors (security.workspace.trust.startupPrompt: always): answer no.
      const dialog = page.locator('.monaco-dialog-box');
      await dialog.waitFor({ state: 'visible', timeout: 60_000 });
      assert.match(await dialog.innerText(), /trust the authors/i);
      await dialog.locator('.monaco-button', { hasText: "No, I don't trust the authors" }).click();
      await dialog.waitFor({ state: 'hidden', timeout: 30_000 });
      await waitFor('the Restricted Mode indicator', async () => page.locator('.statusbar-item', { hasText: 'Restricted Mode' }).first().isVisible());
      await wb.screenshot('restricted');
    });
  });

  it('validation and hovers still work', async () => {
    await step(session, 'validation', async () => {
      const { wb } = session!;
      await wb.openFile('manifests/app.yaml');
      const rows = await wb.waitForProblems('app.yaml', 'K8S001, K8S004, YAML100 and YAML008', (rows) =>
        ['K8S001', 'K8S004', 'YAML100', 'YAML008'].every((code) => rows.some((r) => r.code === code)),
      );
      assert.ok(rows.every((r) => r.source === 'kube-notes'));
      await wb.goTo(3, 1);
      await wb.hover('kind: Node', 'Node', /Node · 노드/);
      await wb.screenshot('validation');
      await wb.dismissWidgets();
    });
  });

  it('nothing from the workspace was executed', async () => {
    await step(session, 'nothing-executed', async () => {
      const { wb, workspace } = session!;
      // Give the workspace every chance: the glossary (which reads the workspace's notes) and a restart of the server.
      await wb.openFile('manifests/app.yaml');
      await wb.runCommand('Kube Notes: Open Concept Glossary');
      const frame = await wb.webviewFrame('#search');
      await waitFor('the glossary notes', async () => (await frame.locator('article.note').count()) > 0);
      assert.equal(await frame.locator('#notes script, #notes img').count(), 0, 'no element from note text');
      await wb.runCommand('Kube Notes: Restart Language Server');
      await wb.openFile('manifests/fix-me.yaml');
      await wb.waitForProblems('fix-me.yaml', 'YAML003 after the restart', (rows) => rows.some((r) => r.code === 'YAML003'));
      assert.deepEqual(tripped(workspace), [], 'no tripwire fired');
      for (const page of session!.browser.pages()) assert.doesNotMatch(await page.title(), /PWNED/);
      await wb.screenshot('nothing-executed');
    });
  });
});
