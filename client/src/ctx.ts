// The extension's context object: owns the language client, its output channel and its lifecycle.
import * as vscode from 'vscode';
import { LanguageClient, State, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { ActivePeersNotification, type KubeNotesInitializationOptions } from '../../server/src/protocol/messages';
import { SERVER_NODE_FLAGS } from '../../server/src/protocol/serverLaunch';

/** Extensions that report some of the same problems; the server shows those as hints while they are active. */
const PEER_EXTENSIONS = ['redhat.vscode-yaml'];

/** Peer extensions installed and enabled right now. */
export function activePeers(): string[] {
  return PEER_EXTENSIONS.filter((id) => vscode.extensions.getExtension(id) !== undefined);
}

export const CLIENT_ID = 'kubeNotes';

export class Ctx implements vscode.Disposable {
  readonly output: vscode.LogOutputChannel;
  private languageClient: LanguageClient | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  /** What belongs to the current client only. */
  private clientDisposables: vscode.Disposable[] = [];
  private readonly onDidStartEmitter = new vscode.EventEmitter<LanguageClient>();
  /** Fires each time the server has started (also after a restart). */
  readonly onDidStart = this.onDidStartEmitter.event;

  constructor(readonly extension: vscode.ExtensionContext) {
    this.output = vscode.window.createOutputChannel('Kube Notes', { log: true });
    this.disposables.push(this.output, this.onDidStartEmitter);
  }

  get client(): LanguageClient | undefined {
    return this.languageClient;
  }

  /** The client, when the server is up and running. */
  get runningClient(): LanguageClient | undefined {
    return this.languageClient?.state === State.Running ? this.languageClient : undefined;
  }

  async start(): Promise<void> {
    if (this.languageClient) return;
    const module = this.extension.asAbsolutePath('dist/server.js');
    const memoryFlags = [...SERVER_NODE_FLAGS];
    const serverOptions: ServerOptions = {
      run: { module, transport: TransportKind.ipc, options: { execArgv: memoryFlags } },
      debug: { module, transport: TransportKind.ipc, options: { execArgv: [...memoryFlags, '--nolazy', '--inspect=6010'] } },
    };
    const initializationOptions: KubeNotesInitializationOptions = { commandLinks: true, activePeers: activePeers() };
    // Disposed with this client (stop/restart), so restarts do not pile up watchers and listeners.
    const watcher = vscode.workspace.createFileSystemWatcher('**/{*.yaml,*.yml,Kustomization}');
    this.clientDisposables.push(watcher);
    const clientOptions: LanguageClientOptions = {
      documentSelector: [
        { scheme: 'file', language: 'yaml' },
        { scheme: 'untitled', language: 'yaml' },
        { scheme: 'vscode-vfs', language: 'yaml' },
        { scheme: 'file', language: 'markdown' },
      ],
      initializationOptions,
      outputChannel: this.output,
      traceOutputChannel: this.output,
      // Only our own glossary command may run from a hover link; note text is escaped by the server.
      markdown: { isTrusted: { enabledCommands: ['kubeNotes.openGlossary'] }, supportHtml: false },
      diagnosticCollectionName: 'kube-notes',
      // CRDs and kustomizations anywhere in the workspace change what a manifest may contain.
      synchronize: { fileEvents: watcher },
    };
    const client = new LanguageClient(CLIENT_ID, 'Kube Notes', serverOptions, clientOptions);
    this.languageClient = client;
    await client.start();
    let peers = activePeers().join(',');
    this.clientDisposables.push(
      vscode.extensions.onDidChange(() => {
        const now = activePeers();
        if (now.join(',') === peers || this.languageClient !== client) return;
        peers = now.join(',');
        void client.sendNotification(ActivePeersNotification, { activePeers: now });
      }),
    );
    this.onDidStartEmitter.fire(client);
  }

  async stop(): Promise<void> {
    const client = this.languageClient;
    this.languageClient = undefined;
    for (const disposable of this.clientDisposables) disposable.dispose();
    this.clientDisposables = [];
    if (client) await client.stop();
  }

  async restart(): Promise<void> {
    await this.stop();
    await this.start();
  }

  pushCleanup(disposable: vscode.Disposable): void {
    this.disposables.push(disposable);
  }

  dispose(): void {
    void this.stop();
    for (const disposable of this.disposables) disposable.dispose();
  }
}
