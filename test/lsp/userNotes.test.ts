// LSP-level tests: user note folders from settings, live reload on edits, overrides, and broken-note diagnostics.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { TestClient, hoverText, waitFor } from './lspClient';

const note = (id: string, title: string, kinds: string[], summary: string) =>
  `---\nid: ${id}\ntitle:\n  ko: ${title}\n  en: ${title}\nsummary:\n  ko: ${summary}\n  en: ${summary}\ntriggers:\n  kinds: [${kinds.join(', ')}]\n---\n\n## 한국어\n\n${summary}\n\n## English\n\n${summary}\n`;

describe('user notes over stdio', () => {
  let client: TestClient;
  let workspace: string;
  const manifestUri = 'file:///tmp/kube-notes-user-notes/m.yaml';

  before(async () => {
    workspace = mkdtempSync(join(tmpdir(), 'kube-notes-ws-'));
    mkdirSync(join(workspace, 'my-notes', 'sub'), { recursive: true });
    writeFileSync(join(workspace, 'my-notes', 'pod.md'), note('pod', 'Pod', ['Pod'], 'My own pod note.'));
    writeFileSync(join(workspace, 'my-notes', 'sub', 'node.md'), note('node', 'My Node', ['Node'], 'Overrides the bundled node note.'));
    client = await TestClient.start({ workspaceFolders: [pathToFileURL(workspace).href], settings: { notes: { paths: ['my-notes'] } } });
    client.open(manifestUri, 'kind: Pod\n---\nkind: Node\n');
    await client.diagnosticsFor(manifestUri);
  });

  after(async () => {
    await client.stop();
    rmSync(workspace, { recursive: true, force: true });
  });

  const hoverPoll = async (line: number, pattern: RegExp): Promise<string> => {
    let last = '';
    const deadline = Date.now() + 10_000;
    while (Date.now() < deadline) {
      last = hoverText(await client.hover(manifestUri, { line, character: 7 }));
      if (pattern.test(last)) return last;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    throw new Error(`hover never matched ${pattern}; last: ${last}`);
  };

  it('loads notes from a workspace-relative folder (recursively)', async () => {
    await hoverPoll(0, /My own pod note/);
  });

  it('lets a user note override the bundled note with the same id', async () => {
    const text = await hoverPoll(2, /Overrides the bundled node note/);
    assert.doesNotMatch(text, /worker machine/);
  });

  it('picks up edits to note files without a restart', async () => {
    writeFileSync(join(workspace, 'my-notes', 'pod.md'), note('pod', 'Pod', ['Pod'], 'Edited on disk.'));
    await hoverPoll(0, /Edited on disk/);
  });

  it('reports a broken note in the log and as diagnostics when the note file is open', async () => {
    const broken = join(workspace, 'my-notes', 'broken.md');
    writeFileSync(broken, '---\nid: [oops\n---\n');
    await waitFor('a notes warning in the log', () => (client.logs.some((l) => l.includes('broken.md') && l.includes('not valid YAML')) ? true : undefined));
    const uri = pathToFileURL(broken).href;
    client.open(uri, '---\nid: [oops\n---\n', 'markdown');
    const diagnostics = await client.diagnosticsFor(uri, (d) => d.length > 0);
    assert.equal(diagnostics[0]!.code, 'NOTE001');
    assert.match(String(diagnostics[0]!.message), /not valid YAML/);
    assert.ok(client.alive);
  });

  it('follows a settings change to other folders without a restart', async () => {
    mkdirSync(join(workspace, 'other'), { recursive: true });
    writeFileSync(join(workspace, 'other', 'pod.md'), note('pod', 'Pod', ['Pod'], 'From the other folder.'));
    client.updateSettings({ notes: { paths: ['other'] } });
    await hoverPoll(0, /From the other folder/);
    await hoverPoll(2, /worker machine/);
  });
});
