// Extension entry: starts the kube-notes language client and registers the commands.
import * as vscode from 'vscode';
import { NotesChangedNotification } from '../../server/src/protocol/messages';
import { Ctx } from './ctx';
import { registerCommands } from './commands/commandFactory';
import { openGlossary, restartServer, showOutput } from './commands/commands';
import { GlossaryPanel } from './glossary/glossaryPanel';
import { JsonPreview } from './preview/jsonPreview';
import { jsonPreviewCommands } from './preview/previewCommands';

let ctx: Ctx | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<{ ctx: Ctx }> {
  ctx = new Ctx(context);
  context.subscriptions.push(ctx);
  registerCommands(ctx, { openGlossary, restartServer, showOutput, ...jsonPreviewCommands(JsonPreview.register(ctx)) });
  ctx.onDidStart((client) => {
    ctx?.pushCleanup(client.onNotification(NotesChangedNotification, () => void GlossaryPanel.refresh()));
  });
  try {
    await ctx.start();
  } catch (error) {
    ctx.output.error(`Failed to start the language server: ${String(error)}`);
    void vscode.window.showErrorMessage(vscode.l10n.t('Kube Notes could not start its language server: {0}', String(error)));
  }
  return { ctx };
}

export async function deactivate(): Promise<void> {
  await ctx?.stop();
  ctx = undefined;
}
