// The concept glossary webview: one panel, filled from the server's notes, revealing a note on request.
import * as vscode from 'vscode';
import { GlossaryRequest } from '../../../server/src/protocol/messages';
import type { Ctx } from '../ctx';
import { renderGlossaryPage } from './glossaryHtml';

function nonce(): string {
  const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  let value = '';
  for (let i = 0; i < 32; i++) value += chars.charAt(Math.floor(Math.random() * chars.length));
  return value;
}

export class GlossaryPanel {
  static readonly viewType = 'kubeNotes.glossary';
  private static current: GlossaryPanel | undefined;

  private constructor(
    private readonly panel: vscode.WebviewPanel,
    private readonly ctx: Ctx,
  ) {
    panel.onDidDispose(() => {
      if (GlossaryPanel.current === this) GlossaryPanel.current = undefined;
    });
  }

  /** Opens (or reveals) the glossary and scrolls to a note when given. */
  static async show(ctx: Ctx, noteId?: string): Promise<void> {
    const existing = GlossaryPanel.current;
    if (existing) {
      existing.panel.reveal(vscode.ViewColumn.Beside);
      if (noteId) await existing.panel.webview.postMessage({ type: 'reveal', id: noteId });
      return;
    }
    const mediaRoot = vscode.Uri.joinPath(ctx.extension.extensionUri, 'client', 'media');
    const panel = vscode.window.createWebviewPanel(GlossaryPanel.viewType, vscode.l10n.t('Kube Notes Glossary'), vscode.ViewColumn.Beside, {
      enableScripts: true,
      enableCommandUris: false,
      enableForms: false,
      localResourceRoots: [mediaRoot],
      retainContextWhenHidden: false,
    });
    const glossary = new GlossaryPanel(panel, ctx);
    GlossaryPanel.current = glossary;
    await glossary.render(noteId);
  }

  /** Re-renders the open glossary (notes changed), keeping the search state in the webview. */
  static async refresh(): Promise<void> {
    await GlossaryPanel.current?.render();
  }

  private async render(focusId?: string): Promise<void> {
    const client = this.ctx.runningClient;
    if (!client) return;
    const activeUri = vscode.window.activeTextEditor?.document.uri.toString();
    const result = await client.sendRequest(GlossaryRequest, activeUri ? { uri: activeUri } : {});
    const webview = this.panel.webview;
    const media = vscode.Uri.joinPath(this.ctx.extension.extensionUri, 'client', 'media');
    webview.html = renderGlossaryPage({
      entries: result.entries,
      lang: result.lang,
      nonce: nonce(),
      cspSource: webview.cspSource,
      scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(media, 'glossary.js')).toString(),
      styleUri: webview.asWebviewUri(vscode.Uri.joinPath(media, 'glossary.css')).toString(),
      ...(focusId ? { focusId } : {}),
    });
  }
}
