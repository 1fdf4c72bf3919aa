// A small LSP client for tests: spawns the built server over stdio and speaks JSON-RPC to it.
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type ProtocolConnection,
} from 'vscode-languageserver-protocol/node';
import type {
  CodeAction,
  Diagnostic,
  Hover,
  InitializeResult,
  Position,
  PublishDiagnosticsParams,
  Range,
  TextEdit,
} from 'vscode-languageserver-protocol';

export const SERVER_PATH = join(__dirname, '..', '..', '..', 'dist', 'server.js');

export interface StartOptions {
  /** The `kubeNotes` section returned for workspace/configuration. */
  settings?: Record<string, unknown>;
  locale?: string;
  workspaceFolders?: string[];
  initializationOptions?: Record<string, unknown>;
  /** Announce the configuration capability (default true). */
  configuration?: boolean;
}

/** Polls until `check` returns a value (not undefined), or fails after the deadline. */
export async function waitFor<T>(what: string, check: () => T | undefined, timeoutMs = 10_000, intervalMs = 10): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

export class TestClient {
  readonly connection: ProtocolConnection;
  readonly process: ChildProcess;
  readonly diagnostics = new Map<string, PublishDiagnosticsParams>();
  readonly diagnosticHistory: PublishDiagnosticsParams[] = [];
  readonly logs: string[] = [];
  readonly notifications: Array<{ method: string; params: unknown }> = [];
  settings: Record<string, unknown>;
  initializeResult?: InitializeResult;
  configurationRequests = 0;
  private readonly versions = new Map<string, number>();
  private exited = false;

  private constructor(child: ChildProcess, settings: Record<string, unknown>) {
    this.process = child;
    this.settings = settings;
    child.on('exit', () => {
      this.exited = true;
    });
    this.connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    this.connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
      this.diagnostics.set(params.uri, params);
      this.diagnosticHistory.push(params);
    });
    this.connection.onNotification('window/logMessage', (params: { message: string }) => {
      this.logs.push(params.message);
    });
    this.connection.onNotification('kubeNotes/notesChanged', (params: unknown) => {
      this.notifications.push({ method: 'kubeNotes/notesChanged', params });
    });
    this.connection.onRequest('workspace/configuration', (params: { items: Array<{ section?: string }> }) => {
      this.configurationRequests++;
      return params.items.map((item) => (item.section === 'kubeNotes' ? this.settings : null));
    });
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.onRequest('window/workDoneProgress/create', () => null);
    this.connection.listen();
  }

  static async start(options: StartOptions = {}): Promise<TestClient> {
    const child = spawn(process.execPath, [SERVER_PATH, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    child.stderr!.on('data', () => undefined);
    const client = new TestClient(child, options.settings ?? {});
    const folders = options.workspaceFolders ?? [];
    client.initializeResult = await client.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: folders[0] ?? null,
      locale: options.locale ?? 'en',
      capabilities: {
        workspace: { configuration: options.configuration !== false, didChangeConfiguration: { dynamicRegistration: true }, workspaceFolders: true },
        textDocument: {
          publishDiagnostics: { versionSupport: true },
          hover: { contentFormat: ['markdown', 'plaintext'] },
          codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source.fixAll'] } }, dataSupport: true },
          completion: { completionItem: { snippetSupport: true } },
        },
      },
      workspaceFolders: folders.map((uri, i) => ({ uri, name: `folder${i}` })),
      initializationOptions: options.initializationOptions ?? {},
    });
    await client.connection.sendNotification('initialized', {});
    return client;
  }

  get alive(): boolean {
    return !this.exited;
  }

  open(uri: string, text: string, languageId = 'yaml', version = 1): void {
    this.versions.set(uri, version);
    this.diagnostics.delete(uri);
    void this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
  }

  /** Replaces the whole text (or a range) and returns the new version. */
  change(uri: string, text: string, range?: Range): number {
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    void this.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version },
      contentChanges: [range ? { range, text } : { text }],
    });
    return version;
  }

  close(uri: string): void {
    void this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  version(uri: string): number {
    return this.versions.get(uri) ?? 0;
  }

  /** Waits for diagnostics of the document's current version (and an optional condition). */
  async diagnosticsFor(uri: string, predicate: (d: Diagnostic[]) => boolean = () => true, timeoutMs = 10_000): Promise<Diagnostic[]> {
    const version = this.version(uri);
    return waitFor(`diagnostics for ${uri} v${version}`, () => {
      const params = this.diagnostics.get(uri);
      if (!params || (params.version !== undefined && params.version !== version)) return undefined;
      return predicate(params.diagnostics) ? params.diagnostics : undefined;
    }, timeoutMs);
  }

  hover(uri: string, position: Position): Promise<Hover | null> {
    return this.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position });
  }

  codeActions(uri: string, range: Range, diagnostics: Diagnostic[], only?: string[]): Promise<CodeAction[] | null> {
    return this.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range,
      context: { diagnostics, ...(only ? { only } : {}) },
    });
  }

  request<R>(method: string, params: unknown): Promise<R> {
    return this.connection.sendRequest(method, params);
  }

  /** Changes settings the VS Code way: didChangeConfiguration, then the server pulls them again. */
  updateSettings(settings: Record<string, unknown>): void {
    this.settings = settings;
    void this.connection.sendNotification('workspace/didChangeConfiguration', { settings: { kubeNotes: settings } });
  }

  async stop(): Promise<void> {
    if (this.exited) return;
    try {
      await Promise.race([this.connection.sendRequest('shutdown'), new Promise((resolve) => setTimeout(resolve, 2000))]);
      void this.connection.sendNotification('exit');
    } catch {
      // The server may already be gone.
    }
    await waitFor('server exit', () => (this.exited ? true : undefined), 3000).catch(() => this.process.kill('SIGKILL'));
    this.connection.dispose();
  }
}

/** Applies LSP text edits to a text (edits must not overlap). */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) lineStarts.push(i + 1);
  const offsetAt = (p: Position): number => Math.min(text.length, (lineStarts[p.line] ?? text.length) + p.character);
  const sorted = [...edits].sort((a, b) => offsetAt(b.range.start) - offsetAt(a.range.start));
  let result = text;
  for (const edit of sorted) result = result.slice(0, offsetAt(edit.range.start)) + edit.newText + result.slice(offsetAt(edit.range.end));
  return result;
}

/** Hover contents as plain text. */
export function hoverText(hover: Hover | null): string {
  if (!hover) return '';
  const contents = hover.contents as unknown;
  if (typeof contents === 'string') return contents;
  if (Array.isArray(contents)) return contents.map((c) => (typeof c === 'string' ? c : (c as { value: string }).value)).join('\n');
  return (contents as { value: string }).value;
}
