// An LSP client for the robustness and security suites: spawns the built server (optionally under a preload), records
// everything it says (stderr, logs, server→client requests, diagnostics in arrival order) and checks version ordering.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import {
  CancellationTokenSource,
  createMessageConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type MessageConnection,
} from 'vscode-languageserver-protocol/node';
import type { Hover, InitializeResult, Position, PublishDiagnosticsParams, Range } from 'vscode-languageserver-protocol';

import * as messages from '../../server/src/protocol/messages';

export const REPO_ROOT = join(__dirname, '..', '..', '..');
/** The built server; KUBE_NOTES_SERVER_JS points the suites at another build (e.g. to check that they catch a broken one). */
export const SERVER_JS = process.env['KUBE_NOTES_SERVER_JS'] ?? join(REPO_ROOT, 'dist', 'server.js');
export const CLI_JS = join(REPO_ROOT, 'dist', 'cli.js');
export const NET_GUARD = join(__dirname, 'netGuard.js');

/** The custom preview request, when the server has one (found by name so the suites need no change when it lands). */
export const PREVIEW_METHOD = Object.values(messages as Record<string, unknown>)
  .map((value) => (value as { method?: unknown } | null)?.method)
  .find((method): method is string => typeof method === 'string' && /preview/i.test(method));

export interface StartOptions {
  readonly settings?: Record<string, unknown>;
  /** Extra node flags before the server script (e.g. `--require`, `--max-old-space-size`). */
  readonly nodeArgs?: readonly string[];
  readonly env?: NodeJS.ProcessEnv;
  readonly workspaceFolders?: readonly string[];
  readonly initializationOptions?: Record<string, unknown>;
  /** Delay the answers to workspace/configuration (to change settings while validation waits). */
  readonly configurationDelayMs?: number;
}

interface UriState {
  version: number;
  open: boolean;
}

export interface Violation {
  readonly uri: string;
  readonly published: number | undefined;
  readonly acknowledged: UriState;
  readonly diagnostics: number;
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export function memoryOf(pid: number | undefined): { hwmKb: number; rssKb: number } | undefined {
  if (pid === undefined) return undefined;
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    return { hwmKb: Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? NaN), rssKb: Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN) };
  } catch {
    return undefined;
  }
}

export class RobustClient {
  readonly process: ChildProcess;
  readonly connection: MessageConnection;
  stderr = '';
  readonly logs: string[] = [];
  /** Every request the server sent to the client, in order. */
  readonly serverRequests: Array<{ method: string; params: unknown }> = [];
  readonly diagnostics = new Map<string, PublishDiagnosticsParams>();
  readonly history: PublishDiagnosticsParams[] = [];
  /** Publications whose version was older than a change the server had provably received (see `barrier`). */
  readonly violations: Violation[] = [];
  initializeResult?: InitializeResult;
  settings: Record<string, unknown>;
  private readonly sent = new Map<string, UriState>();
  /** Per uri, the newest state the server has provably processed: a response arrived to a request sent after it. */
  private readonly acknowledged = new Map<string, UriState>();
  private exited = false;
  exitCode: number | null = null;
  exitSignal: NodeJS.Signals | null = null;

  private constructor(child: ChildProcess, private readonly options: StartOptions) {
    this.process = child;
    this.settings = options.settings ?? {};
    child.on('exit', (code, signal) => {
      this.exited = true;
      this.exitCode = code;
      this.exitSignal = signal;
    });
    child.stderr!.on('data', (chunk: Buffer) => {
      if (this.stderr.length < 1_000_000) this.stderr += chunk.toString('utf8');
    });
    this.connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    this.connection.onNotification((method: string, params: unknown) => {
      if (method === 'textDocument/publishDiagnostics') this.onDiagnostics(params as PublishDiagnosticsParams);
      else if (method === 'window/logMessage' || method === 'window/showMessage') this.logs.push((params as { message: string }).message);
    });
    this.connection.onRequest(async (method: string, params: unknown) => {
      this.serverRequests.push({ method, params });
      if (method === 'workspace/configuration') {
        if (this.options.configurationDelayMs) await sleep(this.options.configurationDelayMs);
        return (params as { items: Array<{ section?: string }> }).items.map((item) => (item.section === 'kubeNotes' ? this.settings : null));
      }
      if (method === 'workspace/applyEdit') return { applied: false };
      return null;
    });
    this.connection.listen();
  }

  static async start(options: StartOptions = {}): Promise<RobustClient> {
    const child = spawn(process.execPath, [...(options.nodeArgs ?? []), SERVER_JS, '--stdio'], {
      stdio: ['pipe', 'pipe', 'pipe'],
      env: options.env ?? process.env,
    });
    const client = new RobustClient(child, options);
    const folders = options.workspaceFolders ?? [];
    client.initializeResult = await client.request<InitializeResult>('initialize', {
      processId: process.pid,
      rootUri: folders[0] ?? null,
      locale: 'en',
      capabilities: {
        workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true }, workspaceFolders: true, applyEdit: true },
        textDocument: {
          publishDiagnostics: { versionSupport: true },
          hover: { contentFormat: ['markdown', 'plaintext'] },
          completion: { completionItem: { snippetSupport: true } },
          documentSymbol: { hierarchicalDocumentSymbolSupport: true },
          codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source.fixAll'] } }, dataSupport: true },
        },
      },
      workspaceFolders: folders.map((uri, i) => ({ uri, name: `folder${i}` })),
      initializationOptions: options.initializationOptions ?? { commandLinks: true },
    }, 15_000);
    void client.connection.sendNotification('initialized', {});
    return client;
  }

  get alive(): boolean {
    return !this.exited;
  }

  get pid(): number | undefined {
    return this.process.pid;
  }

  memory(): { hwmKb: number; rssKb: number } | undefined {
    return memoryOf(this.process.pid);
  }

  capability(name: string): boolean {
    const caps = (this.initializeResult?.capabilities ?? {}) as Record<string, unknown>;
    return caps[name] !== undefined && caps[name] !== null && caps[name] !== false;
  }

  private onDiagnostics(params: PublishDiagnosticsParams): void {
    this.history.push(params);
    this.diagnostics.set(params.uri, params);
    const sent = this.sent.get(params.uri);
    // A version the client never sent cannot be published.
    const fromTheFuture = params.version !== undefined && params.version !== null && (sent === undefined || params.version > sent.version);
    const acked = this.acknowledged.get(params.uri);
    // Closed (and acknowledged): only the clearing publication may arrive, unless a newer open has been sent since.
    const staleClosed = acked !== undefined && !acked.open && params.diagnostics.length > 0 && (params.version === undefined || params.version === null || params.version <= acked.version);
    const staleVersion = acked !== undefined && acked.open && params.version !== undefined && params.version !== null && params.version < acked.version;
    if (fromTheFuture || staleClosed || staleVersion) {
      this.violations.push({ uri: params.uri, published: params.version ?? undefined, acknowledged: { ...(acked ?? { version: 0, open: false }) }, diagnostics: params.diagnostics.length });
    }
  }

  /**
   * Sends a request; when its response arrives, every notification sent before it has been processed by the server
   * (JSON-RPC messages are handled in order), so later publications must not be for older versions.
   */
  async request<R>(method: string, params: unknown, timeoutMs = 10_000, token?: CancellationTokenSource): Promise<R> {
    const snapshot = new Map([...this.sent].map(([uri, state]) => [uri, { ...state }]));
    const pending = token ? this.connection.sendRequest<R>(method, params, token.token) : this.connection.sendRequest<R>(method, params);
    const result = await withTimeout(pending, timeoutMs, `${method} (server ${this.exited ? 'exited' : 'alive'})`);
    for (const [uri, state] of snapshot) {
      const previous = this.acknowledged.get(uri);
      if (!previous || state.version >= previous.version) this.acknowledged.set(uri, state);
    }
    return result;
  }

  /** Times a request: resolves with the result and the milliseconds it took. */
  async timed<R>(method: string, params: unknown, timeoutMs = 10_000): Promise<{ result: R; ms: number }> {
    const start = performance.now();
    const result = await this.request<R>(method, params, timeoutMs);
    return { result, ms: performance.now() - start };
  }

  open(uri: string, text: string, languageId = 'yaml', version?: number): number {
    const next = version ?? (this.sent.get(uri)?.version ?? 0) + 1;
    this.sent.set(uri, { version: next, open: true });
    this.diagnostics.delete(uri);
    void this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: next, text } });
    return next;
  }

  /** Sends one didChange with the given changes (full text when no range); returns the new version. */
  change(uri: string, changes: ReadonlyArray<{ range?: Range; text: string }>): number {
    const version = (this.sent.get(uri)?.version ?? 0) + 1;
    this.sent.set(uri, { version, open: true });
    void this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: changes });
    return version;
  }

  close(uri: string): void {
    const state = this.sent.get(uri);
    this.sent.set(uri, { version: state?.version ?? 0, open: false });
    void this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  save(uri: string, text?: string): void {
    void this.connection.sendNotification('textDocument/didSave', { textDocument: { uri }, ...(text !== undefined ? { text } : {}) });
  }

  notify(method: string, params: unknown): void {
    void this.connection.sendNotification(method, params);
  }

  version(uri: string): number {
    return this.sent.get(uri)?.version ?? 0;
  }

  /** Waits (event-driven polling) for diagnostics of the document's current version. */
  async diagnosticsFor(uri: string, timeoutMs = 10_000): Promise<PublishDiagnosticsParams> {
    const version = this.version(uri);
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const params = this.diagnostics.get(uri);
      if (params && (params.version === undefined || params.version === version)) return params;
      if (!this.alive) throw new Error(`server exited (code ${String(this.exitCode)}, signal ${String(this.exitSignal)}) while waiting for diagnostics of ${uri} v${version}\n${this.stderr.slice(-3000)}`);
      if (Date.now() > deadline) throw new Error(`no diagnostics for ${uri} v${version} within ${timeoutMs} ms (last: v${String(params?.version)})`);
      await sleep(5);
    }
  }

  hover(uri: string, position: Position, timeoutMs?: number): Promise<Hover | null> {
    return this.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position }, timeoutMs);
  }

  async stop(): Promise<void> {
    if (this.exited) return;
    try {
      await withTimeout(this.connection.sendRequest('shutdown'), 3000, 'shutdown');
      void this.connection.sendNotification('exit');
    } catch {
      // gone already
    }
    const deadline = Date.now() + 3000;
    while (!this.exited && Date.now() < deadline) await sleep(10);
    if (!this.exited) this.process.kill('SIGKILL');
    this.connection.dispose();
  }

  /** Lines of stderr and log messages that speak of a crash or an unhandled error. */
  problems(): string[] {
    const text = `${this.stderr}\n${this.logs.join('\n')}`;
    return text.split('\n').filter((line) => /uncaught|unhandled rejection|FATAL|RangeError|Maximum call stack|heap out of memory|internal error/i.test(line));
  }
}

export function withTimeout<T>(promise: Promise<T>, timeoutMs: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`timed out after ${timeoutMs} ms: ${what}`)), timeoutMs);
    }),
  ]).finally(() => clearTimeout(timer));
}

/** Hover contents as one string. */
export function hoverMarkdown(hover: Hover | null): string {
  if (!hover) return '';
  const contents = hover.contents as unknown;
  if (typeof contents === 'string') return contents;
  if (Array.isArray(contents)) return contents.map((c) => (typeof c === 'string' ? c : (c as { value: string }).value)).join('\n');
  return (contents as { value: string }).value;
}

/** Markdown that a client would render live: raw HTML tags or command links other than our glossary command. */
export function unsafeMarkdown(markdown: string): string[] {
  const found: string[] = [];
  // Outside code spans/blocks, a `<tag` would be HTML; inside them it is text. Strip fenced and inline code first.
  const prose = markdown.replace(/(`{3,})[\s\S]*?\1/g, '').replace(/(`+)[^`]*?\1/g, '');
  for (const m of prose.matchAll(/(?<!\\)<\s*(script|img|iframe|a|svg|style|object|embed|form|input|div|span|details|b|i)\b/gi)) found.push(`raw HTML <${m[1]}`);
  for (const m of prose.matchAll(/(?<!\\)\]\(\s*<?\s*(command:[^)\s>]*)/gi)) {
    if (!/^command:kubeNotes\.openGlossary(\?|$)/.test(m[1]!)) found.push(`command link ${m[1]}`);
  }
  for (const m of prose.matchAll(/(?<!\\)\]\(\s*<?\s*(javascript|data|vbscript|file):/gi)) found.push(`${m[1]} link`);
  // A remote image in a hover is fetched by the editor: content must never make it reach the network.
  for (const m of prose.matchAll(/(?<!\\)!\[[^\]]*\]\(\s*<?\s*((?:https?:)?\/\/[^)\s>]*)/gi)) found.push(`remote image ${m[1]}`);
  return found;
}
