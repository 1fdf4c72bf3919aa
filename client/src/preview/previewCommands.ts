// Command factories of the JSON preview: kubeNotes.previewAsJson (editor title, palette, context menu) and
// kubeNotes.copyAsJson (palette, context menu). Both need the running server: the conversion lives there.
import * as vscode from 'vscode';
import type { CommandFactory } from '../commands/commandFactory';
import { JsonPreview } from './jsonPreview';
import { lineColumn } from './previewContent';

/** The YAML document a command is about: the URI the menu passed, the preview's source, or the active editor's. */
async function targetDocument(arg: unknown): Promise<vscode.TextDocument | undefined> {
  let uri = arg instanceof vscode.Uri ? arg : vscode.window.activeTextEditor?.document.uri;
  if (!uri) return undefined;
  uri = JsonPreview.sourceOf(uri) ?? uri;
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri!.toString());
  return open ?? (await vscode.workspace.openTextDocument(uri));
}

async function yamlDocument(arg: unknown): Promise<vscode.TextDocument | undefined> {
  const document = await targetDocument(arg);
  if (!document || document.languageId !== 'yaml') {
    void vscode.window.showInformationMessage(vscode.l10n.t('Open a YAML file to see it as JSON.'));
    return undefined;
  }
  return document;
}

export function jsonPreviewCommands(preview: JsonPreview): Record<'previewAsJson' | 'copyAsJson', CommandFactory> {
  return {
    previewAsJson: {
      running: () => async (arg?: unknown) => {
        const document = await yamlDocument(arg);
        if (document) await preview.open(document);
      },
    },
    copyAsJson: {
      running: (_ctx, client) => async (arg?: unknown) => {
        const document = await yamlDocument(arg);
        if (!document) return;
        const result = await preview.convert(client, document);
        if (!result) return;
        if (result.error) {
          const copyAnyway = vscode.l10n.t('Copy anyway');
          const choice = await vscode.window.showWarningMessage(
            vscode.l10n.t('The YAML has an error at {0}: {1}. The JSON is a best effort.', lineColumn(result.error.range.start), result.error.message),
            copyAnyway,
          );
          if (choice !== copyAnyway) return;
        }
        await vscode.env.clipboard.writeText(result.json);
        void vscode.window.setStatusBarMessage(
          result.documents === 1 ? vscode.l10n.t('Copied the JSON of 1 document') : vscode.l10n.t('Copied the JSON of {0} documents', result.documents),
          3000,
        );
      },
    },
  };
}
