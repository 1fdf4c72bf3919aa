// With VS Code's display language Korean (code-server --locale ko plus a minimal Korean language pack,
// test/e2e/fixtures/language-pack-ko): the palette, hovers, Problems and the glossary speak Korean first.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { commandTitle } from './harness/manifest';
import { startSession, step, type Session } from './harness/session';

const GLOSSARY_KO = '쿠버 노트: 개념 용어집 열기';

describe('kube-notes in VS Code with the Korean display language', { timeout: 600_000 }, () => {
  let session: Session | undefined;

  before(async () => {
    session = await startSession({ name: 'korean', locale: 'ko' });
  });

  after(async () => {
    await session?.close();
  });

  it('the command palette shows the commands in Korean', async () => {
    await step(session, 'palette', async () => {
      const { wb } = session!;
      assert.equal(commandTitle('kubeNotes.openGlossary', 'ko'), GLOSSARY_KO, 'package.nls.ko.json has the Korean title');
      const rows = await wb.paletteEntries('쿠버 노트', (labels) => labels.some((l) => l.startsWith(GLOSSARY_KO)));
      assert.ok(!rows.some((r) => r.startsWith('Kube Notes:')), `no English titles: ${rows.join(' | ')}`);
      await wb.screenshot('palette');
      await wb.closeQuickInput();
    });
  });

  it('hovers are Korean first: kind: Node shows "노드 · Node"', async () => {
    await step(session, 'hover', async () => {
      const { wb } = session!;
      await wb.openFile('manifests/app.yaml');
      await wb.goTo(3, 1);
      const node = await wb.hover('kind: Node', 'Node', /노드 · Node/);
      assert.ok(node.indexOf('워커 머신') >= 0 && node.indexOf('워커 머신') < node.indexOf('worker machine'), `Korean summary first: ${node}`);
      assert.match(node, /용어집에서 전체 노트 보기/, 'the glossary link is Korean');
      await wb.screenshot('hover-node');
      await wb.dismissWidgets();

      await wb.goTo(25, 11);
      const unknown = await wb.hover('colour: blue', 'colour', /K8S001/);
      assert.match(unknown, /알 수 없는 필드/, 'the title of K8S001 in Korean');
      await wb.dismissWidgets();
    });
  });

  it('the Problems panel shows Korean messages', async () => {
    await step(session, 'problems', async () => {
      const { wb } = session!;
      await wb.openFile('manifests/app.yaml');
      const rows = await wb.waitForProblems('app.yaml', 'K8S001 and YAML100 in Korean', (rows) =>
        rows.some((r) => r.code === 'K8S001') && rows.some((r) => r.code === 'YAML100'),
      );
      assert.match(rows.find((r) => r.code === 'K8S001')!.message, /colour.*필드/);
      assert.match(rows.find((r) => r.code === 'YAML100')!.message, /키가/);
      await wb.screenshot('problems');
    });
  });

  it('the glossary opens from the Korean palette title and searches in Korean', async () => {
    await step(session, 'glossary', async () => {
      const { wb } = session!;
      await wb.runCommand(GLOSSARY_KO);
      const frame = await wb.webviewFrame('#search');
      assert.match((await frame.locator('#search').getAttribute('placeholder')) ?? '', /한국어나 영어로 검색/);
      await wb.searchWebview('#search', 'article.note', '쿠버네티스', (ids) => ids.includes('note-kubernetes') && !ids.includes('note-ftp'));
      assert.match(await (await wb.webviewFrame('#search')).locator('#note-kubernetes h2').innerText(), /^쿠버네티스/);
      await wb.screenshot('glossary');
    });
  });
});
