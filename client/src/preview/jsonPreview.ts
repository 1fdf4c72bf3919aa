// "Preview manifest as JSON": a read-only virtual `jsonc` document beside the YAML, filled by the language server's
// kubeNotes/previewJson request (where the alias, cycle and size limits live), updated live as the YAML changes.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { PreviewJsonRequest, type PreviewJsonParams, type PreviewJsonResult } from '../../../server/src/protocol/messages';
import type { Ctx } from '../ctx';
import { PREVIEW_SCHEME, renderPreview, type PreviewLabels, type PreviewState } from './previewContent';

/** Schemes whose YAML documents the language client syncs (the server has their text). */
const SYNCED_SCHEMES = new Set(['file', 'untitled', 'vscode-vfs']);

function labels(): PreviewLabels {
  return {
    title: (fileName) => vscode.l10n.t('Kube Notes · JSON that kubectl sends for {0} (YAML 1.1 reading). Read-only; updates as you type.', fileName),
    documents: (count) => (count === 1 ? vscode.l10n.t('1 document') : vscode.l10n.t('{0} documents', count)),
    error: (position, message) => vscode.l10n.t('YAML error at {0}: {1}', position, message),
    keepingLastGood: (version) => vscode.l10n.t('Showing the last good JSON (document version {0}) until the error is fixed.', version),
    bestEffort: vscode.l10n.t('The JSON below is a best effort.'),
    truncated: vscode.l10n.t('A limit cut the JSON (see the notes); look for the "…" markers.'),
    notes: vscode.l10n.t('Notes (line:column):'),
    moreNotes: (count) => vscode.l10n.t('…and {0} more', count),
    failure: (message) => vscode.l10n.t('No preview: {0}', message),
    loading: vscode.l10n.t('Converting…'),
    severity: { error: vscode.l10n.t('error'), warning: vscode.l10n.t('warning'), info: vscode.l10n.t('info') },
  };
}

interface Entry {
  readonly source: vscode.Uri;
  state: PreviewState;
  /** Sequence number of the newest request; older answers are dropped. */
  sequence: number;
  timer?: NodeJS.Timeout;
}

export class JsonPreview implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly entries = new Map<string, Entry>();
  private readonly changeEmitter = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changeEmitter.event;
  private readonly disposables: vscode.Disposable[] = [];

  private constructor(private readonly ctx: Ctx) {
    this.disposables.push(
      this.changeEmitter,
      vscode.workspace.onDidChangeTextDocument((event) => this.sourceChanged(event.document)),
      vscode.workspace.onDidCloseTextDocument((document) => {
        if (document.uri.scheme === PREVIEW_SCHEME) this.forget(document.uri);
      }),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration('kubeNotes.preview') || event.affectsConfiguration('kubeNotes.language')) this.refreshAll();
      }),
    );
  }

  static register(ctx: Ctx): JsonPreview {
    const preview = new JsonPreview(ctx);
    ctx.pushCleanup(vscode.workspace.registerTextDocumentContentProvider(PREVIEW_SCHEME, preview));
    ctx.pushCleanup(preview);
    ctx.onDidStart(() => preview.refreshAll());
    return preview;
  }

  /** The preview URI of a YAML document: the source path plus `.jsonc` (so VS Code picks JSON with comments). */
  static previewUri(source: vscode.Uri): vscode.Uri {
    return vscode.Uri.from({ scheme: PREVIEW_SCHEME, path: `${source.path}.jsonc`, query: source.toString() });
  }

  static sourceOf(preview: vscode.Uri): vscode.Uri | undefined {
    if (preview.scheme !== PREVIEW_SCHEME || !preview.query) return undefined;
    try {
      return vscode.Uri.parse(preview.query, true);
    } catch {
      return undefined;
    }
  }

  /** Opens (or reveals) the preview of a YAML document beside it, keeping the focus in the editor. */
  async open(source: vscode.TextDocument): Promise<void> {
    const uri = JsonPreview.previewUri(source.uri);
    this.entry(uri, source.uri);
    let document = await vscode.workspace.openTextDocument(uri);
    if (document.languageId !== 'jsonc') document = await vscode.languages.setTextDocumentLanguage(document, 'jsonc');
    await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true, preview: false });
  }

  /** Asks the server for the JSON of a document now (for "Copy as JSON"). */
  async convert(client: LanguageClient, source: vscode.TextDocument): Promise<PreviewJsonResult | null> {
    return client.sendRequest(PreviewJsonRequest, JsonPreview.params(source));
  }

  provideTextDocumentContent(uri: vscode.Uri): vscode.ProviderResult<string> {
    const source = JsonPreview.sourceOf(uri);
    if (!source) return `// ${vscode.l10n.t('Not a Kube Notes preview.')}\n`;
    const entry = this.entry(uri, source);
    if (!entry.state.latest && !entry.state.failure) {
      // First open: fetch, then render (later renders use the cached state and are refreshed by onDidChange).
      return this.fetch(entry).then(() => this.render(entry));
    }
    return this.render(entry);
  }

  refreshAll(): void {
    for (const [key, entry] of this.entries) void this.fetch(entry).then(() => this.changeEmitter.fire(vscode.Uri.parse(key, true)));
  }

  dispose(): void {
    for (const entry of this.entries.values()) if (entry.timer) clearTimeout(entry.timer);
    this.entries.clear();
    for (const disposable of this.disposables) disposable.dispose();
  }

  private static params(source: vscode.TextDocument): PreviewJsonParams {
    const synced = SYNCED_SCHEMES.has(source.uri.scheme) && source.languageId === 'yaml';
    return { textDocument: { uri: source.uri.toString() }, ...(synced ? {} : { text: source.getText() }) };
  }

  private entry(uri: vscode.Uri, source: vscode.Uri): Entry {
    const key = uri.toString();
    let entry = this.entries.get(key);
    if (!entry) {
      entry = { source, state: {}, sequence: 0 };
      this.entries.set(key, entry);
    }
    return entry;
  }

  private forget(uri: vscode.Uri): void {
    const entry = this.entries.get(uri.toString());
    if (entry?.timer) clearTimeout(entry.timer);
    this.entries.delete(uri.toString());
  }

  private render(entry: Entry): string {
    const name = entry.source.path.split('/').pop() || entry.source.toString();
    return renderPreview(name, entry.state, labels());
  }

  private sourceChanged(document: vscode.TextDocument): void {
    const key = document.uri.toString();
    for (const [previewKey, entry] of this.entries) {
      if (entry.source.toString() !== key) continue;
      if (entry.timer) clearTimeout(entry.timer);
      const delay = vscode.workspace.getConfiguration('kubeNotes', document.uri).get<number>('preview.updateDelay', 300);
      entry.timer = setTimeout(() => {
        entry.timer = undefined;
        const uri = vscode.Uri.parse(previewKey, true);
        this.fetch(entry).then(
          () => this.changeEmitter.fire(uri),
          (error: unknown) => this.ctx.output.error(`JSON preview update failed: ${String(error)}`),
        );
      }, Math.max(0, Math.min(5000, delay)));
    }
  }

  private async fetch(entry: Entry): Promise<void> {
    const sequence = ++entry.sequence;
    const client = this.ctx.runningClient;
    if (!client) {
      entry.state = { ...entry.state, failure: vscode.l10n.t('The Kube Notes language server is not running.') };
      return;
    }
    try {
      const source = vscode.workspace.textDocuments.find((d) => d.uri.toString() === entry.source.toString()) ?? (await vscode.workspace.openTextDocument(entry.source));
      const result = await client.sendRequest(PreviewJsonRequest, JsonPreview.params(source));
      if (sequence !== entry.sequence) return; // a newer request is on its way
      if (!result) {
        entry.state = { ...entry.state, failure: vscode.l10n.t('The language server does not know this document.') };
        return;
      }
      entry.state = { latest: result, ...(result.error ? (entry.state.lastGood ? { lastGood: entry.state.lastGood } : {}) : { lastGood: result }) };
    } catch (error) {
      if (sequence !== entry.sequence) return;
      entry.state = { ...entry.state, failure: error instanceof Error ? error.message : String(error) };
    }
  }
}
