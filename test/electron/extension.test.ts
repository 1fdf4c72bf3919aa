// The in-editor scenarios at the VS Code API level, for machines that can run @vscode/test-electron
// (`npm run test:electron`): diagnostics, hovers, a quick fix, completion, the JSON preview and the glossary.
// The workspace is a copy of test/e2e/fixtures/workspace (see .vscode-test.mjs). The browser suite
// (test/e2e, `npm run test:e2e`) covers the same ground as a person sees it, plus Korean and restricted mode.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { suite, suiteSetup, suiteTeardown, test } from './tdd';

const EXTENSION_ID = 'kube-notes.kube-notes';

async function waitFor<T>(what: string, probe: () => Promise<T | undefined | false> | T | undefined | false, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function file(relative: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'a workspace folder is open');
  return vscode.Uri.joinPath(folder.uri, relative);
}

async function open(relative: string): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(file(relative));
  return vscode.window.showTextDocument(document, { preview: false });
}

const codeOf = (d: vscode.Diagnostic): string => String(typeof d.code === 'object' ? d.code.value : d.code ?? '');

async function diagnostics(uri: vscode.Uri, what: string, accept: (codes: string[]) => boolean): Promise<vscode.Diagnostic[]> {
  return waitFor(`diagnostics of ${uri.path}: ${what}`, () => {
    const found = vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'kube-notes');
    return accept(found.map(codeOf)) ? found : undefined;
  });
}

async function hoverText(uri: vscode.Uri, position: vscode.Position): Promise<string> {
  const hovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position)) ?? [];
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))
    .join('\n');
}

suite('kube-notes in VS Code (API level)', () => {
  suiteSetup(async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is loaded`);
    await extension.activate();
  });

  suiteTeardown(async () => {
    // Leave the workspace copy as it was: revert every edited editor, then close them.
    for (const document of vscode.workspace.textDocuments) {
      if (document.isDirty) {
        await vscode.window.showTextDocument(document);
        await vscode.commands.executeCommand('workbench.action.files.revert');
      }
    }
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('diagnostics of a multi-document manifest carry stable codes', async () => {
    const editor = await open('manifests/app.yaml');
    const found = await diagnostics(editor.document.uri, 'YAML109, K8S004, K8S001, YAML100, K8S002, YAML008', (codes) =>
      ['YAML109', 'K8S004', 'K8S001', 'YAML100', 'K8S002', 'YAML008'].every((c) => codes.includes(c)),
    );
    const unknown = found.find((d) => codeOf(d) === 'K8S001')!;
    assert.equal(unknown.range.start.line, 24);
    assert.match(unknown.message, /colour/);
  });

  test('hover on kind: Node shows the node note; on an unknown field its explanation', async () => {
    const editor = await open('manifests/app.yaml');
    const node = await waitFor('the node note', async () => {
      const text = await hoverText(editor.document.uri, new vscode.Position(2, 7));
      return /Node · 노드/.test(text) ? text : undefined;
    });
    assert.match(node, /worker machine/);
    const unknown = await waitFor('the K8S001 explanation', async () => {
      const text = await hoverText(editor.document.uri, new vscode.Position(24, 12));
      return /K8S001/.test(text) ? text : undefined;
    });
    assert.match(unknown, /not in the API schema/);
  });

  test('a quick fix removes its diagnostic', async () => {
    const editor = await open('manifests/fix-me.yaml');
    const uri = editor.document.uri;
    const [problem] = (await diagnostics(uri, 'YAML003', (codes) => codes.includes('YAML003'))).filter((d) => codeOf(d) === 'YAML003');
    const actions = (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, problem!.range, vscode.CodeActionKind.QuickFix.value)) ?? [];
    const fix = actions.find((a) => /space after the colon/i.test(a.title));
    assert.ok(fix?.edit, `a quick fix with an edit; offered: ${actions.map((a) => a.title).join(' | ')}`);
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    assert.equal(editor.document.lineAt(6).text.trim(), 'app: web');
    await diagnostics(uri, 'no YAML003', (codes) => !codes.includes('YAML003'));
  });

  test('completion inside spec: offers the allowed fields', async () => {
    const editor = await open('manifests/deployment.yaml');
    const line = editor.document.lineAt(5); // "  replicas: 1"
    await editor.edit((edit) => edit.insert(line.range.end, '\n  '));
    const position = new vscode.Position(6, 2);
    const labels = await waitFor('DeploymentSpec fields', async () => {
      const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', editor.document.uri, position);
      const names = (list?.items ?? []).map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
      return ['revisionHistoryLimit', 'progressDeadlineSeconds', 'paused'].every((n) => names.includes(n)) ? names : undefined;
    });
    assert.ok(!labels.includes('containers'), 'fields of other objects are not offered');
  });

  test('"Preview as JSON" opens the JSON beside the editor and follows edits', async () => {
    const editor = await open('manifests/preview.yaml');
    await vscode.commands.executeCommand('kubeNotes.previewAsJson');
    const preview = await waitFor('the preview editor', () =>
      vscode.window.visibleTextEditors.find((e) => e.document.uri.scheme === 'kube-notes-preview' && /"kind": "ConfigMap"/.test(e.document.getText())),
    );
    assert.match(preview.document.getText(), /"enabled": true/);
    const line = editor.document.lineAt(5); // "  greeting: hello"
    await editor.edit((edit) => edit.replace(new vscode.Range(line.range.start.translate(0, 12), line.range.end), 'bonjour'));
    await waitFor('the preview to follow the edit', () => /"greeting": "bonjour"/.test(preview.document.getText()));
  });

  test('"Open Concept Glossary" opens the glossary webview', async () => {
    await open('manifests/app.yaml');
    await vscode.commands.executeCommand('kubeNotes.openGlossary');
    await waitFor('the glossary tab', () => vscode.window.tabGroups.all.flatMap((g) => g.tabs).some((t) => t.input instanceof vscode.TabInputWebview && /Glossary|용어집/.test(t.label)));
  });

  test('kubeNotes.language = ko puts the Korean text first', async () => {
    const configuration = vscode.workspace.getConfiguration('kubeNotes');
    await configuration.update('language', 'ko', vscode.ConfigurationTarget.Global);
    try {
      const editor = await open('manifests/app.yaml');
      await waitFor('노드 · Node first', async () => /노드 · Node/.test(await hoverText(editor.document.uri, new vscode.Position(2, 7))));
    } finally {
      await configuration.update('language', undefined, vscode.ConfigurationTarget.Global);
    }
  });
});
