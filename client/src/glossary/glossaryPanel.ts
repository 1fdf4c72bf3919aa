// The concept glossary webview: one panel, filled from the server's notes, revealing a note on request.
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import { GlossaryRequest } from '../../../server/src/protocol/messages';
import type { Ctx } from '../ctx';
import { renderGlossaryPage } from './glossaryHtml';

function nonce(): string {
  return randomBytes(24).toString('base64').replace(/[^A-Za-z0-9]/g, '');
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
    // A hidden webview is reloaded when revealed: the note to show is sent once its script says it is ready.
    panel.webview.onDidReceiveMessage((message: unknown) => {
      if ((message as { type?: unknown } | null)?.type !== 'ready' || !this.pendingReveal) return;
      const id = this.pendingReveal;
      this.pendingReveal = undefined;
      void panel.webview.postMessage({ type: 'reveal', id });
    });
  }

  private pendingReveal: string | undefined;

  /** Opens (or reveals) the glossary and scrolls to a note when given. */
  static async show(ctx: Ctx, noteId?: string): Promise<void> {
    const existing = GlossaryPanel.current;
    if (existing) {
      const wasVisible = existing.panel.visible;
      existing.panel.reveal(vscode.ViewColumn.Beside);
      if (noteId && wasVisible) await existing.panel.webview.postMessage({ type: 'reveal', id: noteId });
      else if (noteId) existing.pendingReveal = noteId;
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
