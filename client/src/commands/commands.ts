// The kube-notes commands: open the glossary (optionally at a note or the term under the cursor), restart, output.
import * as vscode from 'vscode';
import { NoteAtRequest } from '../../../server/src/protocol/messages';
import { GlossaryPanel } from '../glossary/glossaryPanel';
import type { CommandFactory } from './commandFactory';

export const openGlossary: CommandFactory = {
  running: (ctx, client) => async (noteId?: unknown) => {
    let id = typeof noteId === 'string' ? noteId : undefined;
    const editor = vscode.window.activeTextEditor;
    if (!id && editor && ['yaml', 'markdown'].includes(editor.document.languageId)) {
      const found = await client.sendRequest(NoteAtRequest, {
        textDocument: { uri: editor.document.uri.toString() },
        position: editor.selection.active,
      });
      id = found?.id;
    }
    await GlossaryPanel.show(ctx, id);
  },
};

export const restartServer: CommandFactory = {
  enabled: (ctx) => async () => {
    await ctx.restart();
    void vscode.window.setStatusBarMessage(vscode.l10n.t('Kube Notes server restarted'), 3000);
  },
};

export const showOutput: CommandFactory = {
  enabled: (ctx) => () => ctx.output.show(true),
};
