// A minimal LSP driver for the benchmark: spawns a server over stdio, times requests and waits for diagnostics by event (no polling).
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type ProtocolConnection,
} from 'vscode-languageserver-protocol/node';
import type { InitializeResult, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';

export interface SessionOptions {
  readonly command: string;
  readonly args: readonly string[];
  readonly env?: NodeJS.ProcessEnv;
  /** Answers workspace/configuration for one section. */
  readonly configuration: (section: string | undefined) => unknown;
  /** Sent as didChangeConfiguration after `initialized` (yaml-language-server reads settings this way too). */
  readonly pushSettings?: unknown;
  readonly initializationOptions?: unknown;
  readonly rootUri?: string;
}

interface DiagnosticsWaiter {
  readonly uri: string;
  readonly version: number | undefined;
  readonly resolve: (event: DiagnosticsEvent) => void;
}

export interface DiagnosticsEvent {
  readonly params: PublishDiagnosticsParams;
  readonly at: number;
}

/** Reads VmHWM / VmRSS (kB) of a process. */
export function memoryOf(pid: number | undefined): { hwm: number; rss: number } | undefined {
  if (pid === undefined) return undefined;
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const hwm = /VmHWM:\s+(\d+) kB/.exec(status);
    const rss = /VmRSS:\s+(\d+) kB/.exec(status);
    return hwm && rss ? { hwm: Number(hwm[1]), rss: Number(rss[1]) } : undefined;
  } catch {
    return undefined;
  }
}

export class LspSession {
  readonly child: ChildProcess;
  readonly connection: ProtocolConnection;
  readonly stderr: string[] = [];
  readonly spawnedAt: number;
  initializeResult?: InitializeResult;
  initializedAt = 0;
  private waiters: DiagnosticsWaiter[] = [];
  private readonly published = new Map<string, number>();
  private readonly versions = new Map<string, number>();
  private exited = false;
  /** Rejects when the server process exits (so a dead server fails the run instead of hanging it). */
  readonly exitedPromise: Promise<never>;

  constructor(private readonly options: SessionOptions) {
    this.spawnedAt = performance.now();
    this.child = spawn(options.command, [...options.args], { stdio: ['pipe', 'pipe', 'pipe'], env: options.env ?? process.env });
    this.exitedPromise = new Promise<never>((_, reject) => {
      this.child.on('exit', (code, signal) => {
        this.exited = true;
        reject(new Error(`${options.command} exited (code ${String(code)}, signal ${String(signal)}): ${this.stderr.join('').slice(-3000)}`));
      });
    });
    this.exitedPromise.catch(() => undefined);
    this.child.stderr!.on('data', (chunk: Buffer) => {
      if (this.stderr.length < 200) this.stderr.push(chunk.toString('utf8'));
    });
    this.connection = createProtocolConnection(new StreamMessageReader(this.child.stdout!), new StreamMessageWriter(this.child.stdin!));
    this.connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
      const event = { params, at: performance.now() };
      this.published.set(params.uri, (this.published.get(params.uri) ?? 0) + 1);
      const still: DiagnosticsWaiter[] = [];
      for (const waiter of this.waiters) {
        const versionOk = waiter.version === undefined || params.version === undefined || params.version === waiter.version;
        if (waiter.uri === params.uri && versionOk) waiter.resolve(event);
        else still.push(waiter);
      }
      this.waiters = still;
    });
    this.connection.onRequest('workspace/configuration', (params: { items: Array<{ section?: string }> }) =>
      params.items.map((item) => options.configuration(item.section) ?? null),
    );
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.onRequest('client/unregisterCapability', () => null);
    this.connection.onRequest('window/workDoneProgress/create', () => null);
    this.connection.onRequest('workspace/workspaceFolders', () => (options.rootUri ? [{ uri: options.rootUri, name: 'bench' }] : null));
    this.connection.listen();
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  get alive(): boolean {
    return !this.exited;
  }

  /** initialize + initialized; returns ms from spawn to the initialize result. */
  async initialize(): Promise<number> {
    const rootUri = this.options.rootUri ?? null;
    this.initializeResult = await this.race(this.connection.sendRequest<InitializeResult>('initialize', {
      processId: process.pid,
      rootUri,
      locale: 'en',
      capabilities: {
        workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true }, workspaceFolders: true },
        textDocument: {
          synchronization: { dynamicRegistration: false },
          publishDiagnostics: { versionSupport: true, relatedInformation: true },
          hover: { contentFormat: ['markdown', 'plaintext'] },
          completion: { completionItem: { snippetSupport: true, documentationFormat: ['markdown', 'plaintext'] } },
          documentSymbol: { hierarchicalDocumentSymbolSupport: true },
          foldingRange: { rangeLimit: 5000, lineFoldingOnly: true },
        },
      },
      workspaceFolders: rootUri ? [{ uri: rootUri, name: 'bench' }] : null,
      initializationOptions: this.options.initializationOptions ?? {},
    }));
    const elapsed = performance.now() - this.spawnedAt;
    await this.connection.sendNotification('initialized', {});
    if (this.options.pushSettings !== undefined) {
      await this.connection.sendNotification('workspace/didChangeConfiguration', { settings: this.options.pushSettings });
    }
    this.initializedAt = performance.now();
    return elapsed;
  }

  /** Resolves with the first diagnostics for `uri` (of `version`, when the server sends versions) published after now. */
  nextDiagnostics(uri: string, version?: number): Promise<DiagnosticsEvent> {
    return new Promise((resolve) => this.waiters.push({ uri, version, resolve }));
  }

  /** Opens a document; resolves with ms from sending didOpen to its first diagnostics. */
  async open(uri: string, text: string, timeoutMs = 120_000): Promise<{ ms: number; count: number }> {
    this.versions.set(uri, 1);
    const waiting = this.nextDiagnostics(uri, 1);
    const start = performance.now();
    void this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text } });
    const event = await this.race(withTimeout(waiting, timeoutMs, `diagnostics after opening ${uri}`));
    return { ms: event.at - start, count: event.params.diagnostics.length };
  }

  /** Sends one incremental change; resolves with ms until the diagnostics of that version. */
  async change(uri: string, range: { start: { line: number; character: number }; end: { line: number; character: number } }, text: string, timeoutMs = 120_000): Promise<number> {
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    const waiting = this.nextDiagnostics(uri, version);
    const start = performance.now();
    void this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range, text }] });
    const event = await this.race(withTimeout(waiting, timeoutMs, `diagnostics after change v${version} of ${uri}`));
    return event.at - start;
  }

  /** How many publishDiagnostics arrived for a uri so far. */
  publishedCount(uri: string): number {
    return this.published.get(uri) ?? 0;
  }

  close(uri: string): void {
    void this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  /** Times one request round trip in ms. */
  async timed<R>(method: string, params: unknown): Promise<{ ms: number; result: R }> {
    const start = performance.now();
    const result = await this.race(this.connection.sendRequest<R>(method, params));
    return { ms: performance.now() - start, result };
  }

  private race<T>(promise: Promise<T>): Promise<T> {
    return Promise.race([promise, this.exitedPromise]);
  }

  memory(): { hwm: number; rss: number } | undefined {
    return memoryOf(this.pid);
  }

  async stop(): Promise<void> {
    if (this.exited) return;
    try {
      await Promise.race([this.connection.sendRequest('shutdown'), delay(3000)]);
      void this.connection.sendNotification('exit');
    } catch {
      // already gone
    }
    const deadline = Date.now() + 3000;
    while (!this.exited && Date.now() < deadline) await delay(20);
    if (!this.exited) this.child.kill('SIGKILL');
    this.connection.dispose();
  }
}

export const delay = (msValue: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, msValue));

export function withTimeout<T>(promise: Promise<T>, timeoutMs: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}`)), timeoutMs);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
