// LSP glue: wires the pure language service to a connection. Handlers are thin adapters inside runSafe.
import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type Diagnostic,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createLanguageService, type KubeNotesLanguageService, type LanguageServiceOptions } from './service/languageService';
import { normalizeSettings, type KubeNotesSettings } from './service/settings';
import { buildNotesIndex } from './service/notes/notesIndex';
import { parseNote, type NoteProblem, type ParsedNote } from './service/notes/noteParser';
import { FIX_ALL_KIND } from './service/codeActions/quickFixes';
import { pick } from './service/l10n/localized';
import { ActivePeersNotification, GlossaryRequest, NoteAtRequest, NotesChangedNotification, PreviewJsonRequest, type KubeNotesInitializationOptions } from './protocol/messages';
import { flattenSymbols } from './service/symbols/documentSymbols';
import { guarded, runSafe } from './utils/runSafe';

export const SERVER_NAME = 'kube-notes-language-server';

/** What the entry file provides: everything that touches the file system or the process. */
export interface ServerHost {
  readonly version: string;
  /** Notes shipped with the extension. */
  loadBundledNotes(): ParsedNote[];
  /** Resolves `kubeNotes.notes.paths` (workspace-relative or absolute) to folders. */
  resolveNoteFolders(paths: readonly string[], workspaceFolderUris: readonly string[]): { folders: string[]; missing: string[] };
  /** Whether a file path lies below a folder (platform rules: separators, drive letters). */
  isInsideFolder(path: string, folder: string): boolean;
  /** Reads every `*.md` note below the folders. */
  loadUserNotes(folders: readonly string[]): ParsedNote[];
  /** Watches the folders; calls back (debounced by the caller) on any change. Replaces earlier watches. */
  watchNoteFolders(folders: readonly string[], onChange: () => void): void;
  /** File-system path of a URI, or undefined for non-file URIs. */
  pathOf(uri: string): string | undefined;
  /** Scans the workspace folders for CRDs and kustomize patch lists (bounded); true if anything changed. */
  scanWorkspace?(workspaceFolderUris: readonly string[]): boolean;
  /** A YAML file was saved, created, changed on disk (text undefined: read it) or deleted (null); true if that changed what we know. */
  workspaceFileChanged?(uri: string, text: string | null | undefined): boolean;
  /** Extra service options (Kubernetes schema resources, hover participants, …). */
  readonly serviceOptions?: LanguageServiceOptions;
}

const VALIDATION_DELAY_MS = 20;
const NOTES_RELOAD_DELAY_MS = 150;

export function startServer(connection: Connection, host: ServerHost): void {
  const documents = new TextDocuments(TextDocument);
  const logger = { error: (message: string) => connection.console.error(message) };
  let service: KubeNotesLanguageService = createLanguageService(host.serviceOptions);
  let supportsConfiguration = false;
  let supportsDynamicConfiguration = false;
  let capabilitiesHaveWorkspaceFolders = false;
  let hierarchicalSymbols = false;
  let foldingRangeLimit: number | undefined;
  let workspaceFolders: string[] = [];
  let globalSettings: KubeNotesSettings = normalizeSettings(undefined);
  const settingsCache = new Map<string, Promise<KubeNotesSettings>>();
  const pending = new Map<string, NodeJS.Timeout>();
  let noteFolders: string[] = [];
  let noteProblems: readonly NoteProblem[] = [];
  let notesTimer: NodeJS.Timeout | undefined;
  let pendingFullReload = false;
  let notesLoaded = false;

  const settingsFor = (uri: string): Promise<KubeNotesSettings> => {
    if (!supportsConfiguration) return Promise.resolve(globalSettings);
    let result = settingsCache.get(uri);
    if (!result) {
      result = connection.workspace
        .getConfiguration({ scopeUri: uri, section: 'kubeNotes' })
        .then(normalizeSettings, () => globalSettings);
      settingsCache.set(uri, result);
    }
    return result;
  };

  const isNoteFile = (document: TextDocument): boolean => {
    if (document.languageId !== 'markdown') return false;
    const path = host.pathOf(document.uri);
    return path !== undefined && noteFolders.some((folder) => host.isInsideFolder(path, folder));
  };

  const noteDiagnostics = (document: TextDocument, settings: KubeNotesSettings): Diagnostic[] => {
    const path = host.pathOf(document.uri) ?? document.uri;
    const parsed = parseNote(document.getText(), path, 'user');
    const indexProblems = noteProblems.filter((p) => p.path === path && !parsed.problems.includes(p));
    const lang = service.languageOf(settings);
    const seen = new Set<string>();
    return [...parsed.problems, ...indexProblems]
      .filter((p) => {
        const key = `${p.line}:${p.message.en}`;
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
      })
      .map((p) => ({
        range: { start: { line: p.line, character: 0 }, end: { line: p.line, character: Number.MAX_SAFE_INTEGER } },
        severity: p.severity === 'error' ? 1 : 2,
        code: 'NOTE001',
        source: 'kube-notes',
        message: pick(p.message, lang),
      }));
  };

  const validateNow = async (uri: string): Promise<void> => {
    const document = documents.get(uri);
    if (!document) return;
    const version = document.version;
    const settings = await settingsFor(uri);
    const current = documents.get(uri);
    // Never publish for a stale version: the document may have changed while settings were fetched.
    if (!current || current.version !== version) return;
    let diagnostics: Diagnostic[];
    if (current.languageId === 'markdown') {
      diagnostics = isNoteFile(current) ? noteDiagnostics(current, settings) : [];
    } else {
      diagnostics = service.validate(current, settings);
    }
    if (documents.get(uri)?.version !== version) return;
    await connection.sendDiagnostics({ uri, version, diagnostics });
  };

  const scheduleValidation = (uri: string, delay: number): void => {
    const existing = pending.get(uri);
    if (existing) clearTimeout(existing);
    pending.set(
      uri,
      setTimeout(
        guarded(logger, `validation of ${uri}`, () => {
          pending.delete(uri);
          validateNow(uri).catch((error: unknown) => logger.error(`validation of ${uri} failed: ${String(error)}`));
        }),
        delay,
      ),
    );
  };

  const revalidateAll = (): void => {
    for (const document of documents.all()) scheduleValidation(document.uri, 0);
  };

  /** Re-reads the notes; `onlyIfFoldersChanged` (a settings change) skips the disk when the folders stayed the same. */
  const reloadNotes = async (onlyIfFoldersChanged: boolean): Promise<void> => {
    const settings = workspaceFolders.length > 0 ? await settingsFor(workspaceFolders[0]!) : globalSettings;
    const resolved = host.resolveNoteFolders(settings.notes.paths, workspaceFolders);
    if (onlyIfFoldersChanged && notesLoaded && resolved.folders.join('\n') === noteFolders.join('\n')) {
      revalidateAll();
      return;
    }
    notesLoaded = true;
    noteFolders = resolved.folders;
    for (const missing of resolved.missing) {
      connection.console.warn(`[notes] kubeNotes.notes.paths: folder not found: ${missing} (relative paths are resolved against each workspace folder)`);
    }
    const bundled = host.loadBundledNotes();
    const user = host.loadUserNotes(noteFolders);
    const index = buildNotesIndex(bundled, user);
    noteProblems = index.problems;
    service.setNotes(index);
    host.watchNoteFolders(noteFolders, () => scheduleNotesReload(false));
    for (const problem of index.problems) {
      connection.console.warn(`[notes] ${problem.path}:${problem.line + 1}: ${problem.message.en}`);
    }
    connection.console.info(`[notes] ${index.notes.size} notes loaded (${bundled.length} bundled, ${user.length} from ${noteFolders.length} folder(s)), ${index.problems.length} problem(s)`);
    void connection.sendNotification(NotesChangedNotification, { count: index.notes.size, problems: index.problems.length });
    revalidateAll();
  };

  /** Debounced notes reload; a note file change always re-reads, a settings change only when folders changed. */
  function scheduleNotesReload(onlyIfFoldersChanged: boolean): void {
    if (notesTimer) clearTimeout(notesTimer);
    pendingFullReload ||= !onlyIfFoldersChanged;
    notesTimer = setTimeout(
      guarded(logger, 'notes reload', () => {
        const onlyIf = !pendingFullReload;
        pendingFullReload = false;
        reloadNotes(onlyIf).catch((error: unknown) => logger.error(`notes reload failed: ${String(error)}`));
      }),
      NOTES_RELOAD_DELAY_MS,
    );
  }

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const capabilities = params.capabilities;
    supportsConfiguration = capabilities.workspace?.configuration === true;
    supportsDynamicConfiguration = capabilities.workspace?.didChangeConfiguration?.dynamicRegistration === true;
    capabilitiesHaveWorkspaceFolders = capabilities.workspace?.workspaceFolders === true;
    hierarchicalSymbols = capabilities.textDocument?.documentSymbol?.hierarchicalDocumentSymbolSupport === true;
    foldingRangeLimit = capabilities.textDocument?.foldingRange?.rangeLimit;
    const options = (params.initializationOptions ?? {}) as KubeNotesInitializationOptions;
    workspaceFolders = (params.workspaceFolders ?? []).map((f) => f.uri);
    if (workspaceFolders.length === 0 && params.rootUri) workspaceFolders = [params.rootUri];
    service = createLanguageService({
      ...host.serviceOptions,
      ...(params.locale !== undefined ? { clientLocale: params.locale } : {}),
      commandLinks: options.commandLinks === true,
      activePeers: Array.isArray(options.activePeers) ? options.activePeers.filter((p): p is string => typeof p === 'string') : [],
      structureOnValidate: { outline: capabilities.textDocument?.documentSymbol !== undefined, folding: capabilities.textDocument?.foldingRange !== undefined },
    });
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        hoverProvider: true,
        completionProvider: { resolveProvider: false },
        documentSymbolProvider: { label: 'Kube Notes' },
        foldingRangeProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND], resolveProvider: false },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: SERVER_NAME, version: host.version },
    };
  });

  connection.onInitialized(() => {
    if (supportsDynamicConfiguration) {
      void connection.client.register(DidChangeConfigurationNotification.type, { section: 'kubeNotes' });
    }
    if (capabilitiesHaveWorkspaceFolders) {
      connection.workspace.onDidChangeWorkspaceFolders((event) => {
        const removed = new Set(event.removed.map((f) => f.uri));
        workspaceFolders = [...workspaceFolders.filter((f) => !removed.has(f)), ...event.added.map((f) => f.uri)];
        scheduleNotesReload(true);
      });
    }
    reloadNotes(false).catch((error: unknown) => logger.error(`notes load failed: ${String(error)}`));
    // CRDs and kustomizations of the workspace: scanned once after start (bounded), then kept up to date.
    setImmediate(
      guarded(logger, 'workspace scan', () => {
        if (host.scanWorkspace?.(workspaceFolders)) revalidateAll();
      }),
    );
  });

  connection.onDidChangeWatchedFiles((params) => {
    let changed = false;
    for (const event of params.changes) {
      if (!/(\.ya?ml|\/Kustomization)$/i.test(event.uri)) continue;
      try {
        changed = host.workspaceFileChanged?.(event.uri, event.type === 3 ? null : documents.get(event.uri)?.getText()) === true || changed;
      } catch (error) {
        logger.error(`watched file ${event.uri}: ${String(error)}`);
      }
    }
    if (changed) revalidateAll();
  });

  connection.onNotification(ActivePeersNotification, (params) => {
    service.setActivePeers(Array.isArray(params.activePeers) ? params.activePeers : []);
    revalidateAll();
  });

  connection.onDidChangeConfiguration((change) => {
    settingsCache.clear();
    const settings = (change.settings as { kubeNotes?: unknown } | null)?.kubeNotes;
    if (settings !== undefined) globalSettings = normalizeSettings(settings);
    scheduleNotesReload(true);
  });

  // TextDocuments fires onDidChangeContent right after onDidOpen: an open validates at once, only edits wait.
  const justOpened = new Set<string>();
  documents.onDidOpen((event) => justOpened.add(event.document.uri));
  documents.onDidSave((event) => {
    if (event.document.languageId !== 'yaml') return;
    try {
      if (host.workspaceFileChanged?.(event.document.uri, event.document.getText())) revalidateAll();
    } catch (error) {
      logger.error(`saved file ${event.document.uri}: ${String(error)}`);
    }
  });
  documents.onDidChangeContent((event) => {
    const uri = event.document.uri;
    scheduleValidation(uri, justOpened.delete(uri) ? 0 : VALIDATION_DELAY_MS);
  });
  documents.onDidClose((event) => {
    const uri = event.document.uri;
    const timer = pending.get(uri);
    if (timer) clearTimeout(timer);
    pending.delete(uri);
    settingsCache.delete(uri);
    justOpened.delete(uri);
    service.closeDocument(uri);
    void connection.sendDiagnostics({ uri, diagnostics: [] });
  });

  connection.onHover((params, token) =>
    withDocument(params.textDocument.uri, null, (document, settings) =>
      runSafe(logger, () => (document.languageId === 'markdown' ? null : service.hover(document, params.position, settings)), null, 'hover', token),
    ),
  );

  connection.onCompletion((params, token) =>
    withDocument(params.textDocument.uri, null, (document, settings) =>
      runSafe(logger, () => (document.languageId === 'markdown' ? null : service.complete(document, params.position, settings)), null, 'completion', token),
    ),
  );

  connection.onCodeAction((params, token) =>
    withDocument(params.textDocument.uri, [], async (document, settings) =>
      runSafe(logger, () => service.codeActions(document, params.range, params.context.diagnostics, settings, params.context.only), [], 'code actions', token),
    ),
  );

  connection.onRequest(GlossaryRequest, async (params, token) => {
    const settings = params.uri ? await settingsFor(params.uri) : globalSettings;
    return runSafe(logger, () => ({ lang: service.languageOf(settings), entries: service.glossary() }), { lang: service.languageOf(settings), entries: [] }, 'glossary', token);
  });

  connection.onRequest(NoteAtRequest, (params, token) =>
    runSafe(
      logger,
      () => {
        const document = documents.get(params.textDocument.uri);
        const id = document ? service.noteAt(document, params.position) : undefined;
        return id ? { id } : null;
      },
      null,
      'note lookup',
      token,
    ),
  );

  connection.onDocumentSymbol((params, token) =>
    runSafe(
      logger,
      () => {
        const document = documents.get(params.textDocument.uri);
        if (!document || document.languageId === 'markdown') return [];
        const symbols = service.documentSymbols(document);
        return hierarchicalSymbols ? symbols : flattenSymbols(symbols, document.uri);
      },
      [],
      'document symbols',
      token,
    ),
  );

  connection.onFoldingRanges((params, token) =>
    runSafe(
      logger,
      () => {
        const document = documents.get(params.textDocument.uri);
        if (!document || document.languageId === 'markdown') return [];
        return service.foldingRanges(document, foldingRangeLimit);
      },
      [],
      'folding ranges',
      token,
    ),
  );

  connection.onRequest(PreviewJsonRequest, async (params, token) => {
    const uri = params.textDocument.uri;
    const settings = await settingsFor(uri);
    return runSafe(
      logger,
      () => {
        const options = {
          ...(params.multiDocument === 'array' || params.multiDocument === 'list' ? { multiDocument: params.multiDocument } : {}),
          ...(params.keyOrder === 'sorted' || params.keyOrder === 'source' ? { keyOrder: params.keyOrder } : {}),
        };
        const document = documents.get(uri);
        if (document) return service.previewJson(document, settings, options);
        const text = params.text;
        if (typeof text !== 'string') return null;
        return service.previewJson({ uri, version: 0, getText: () => text }, settings, { ...options, transient: true });
      },
      null,
      'JSON preview',
      token,
    );
  });

  async function withDocument<T, R>(uri: string, fallback: T, work: (document: TextDocument, settings: KubeNotesSettings) => Promise<R>): Promise<T | R> {
    const document = documents.get(uri);
    if (!document) return fallback;
    return work(document, await settingsFor(uri));
  }

  documents.listen(connection);
  connection.listen();
}
