// The pure kube-notes language service: one object wiring parser, rules, hovers and actions; no LSP connection.
import type { CodeAction, CompletionList, Diagnostic, DocumentSymbol, FoldingRange, Hover, Position, Range } from 'vscode-languageserver-types';
import { resolveLang, type Lang } from './l10n/localized';
import { chunkAtOffset, ParsedFileCache, type ParsedFile, type PlacedChunk, type TextSource } from './parser/parsedFile';
import type { Rule } from './diagnostics/rule';
import { RuleRegistry } from './diagnostics/ruleRegistry';
import { validateFile } from './diagnostics/validation';
import { yamlRules } from './yaml/yamlRules';
import { helmTemplateReason } from './yaml/helmTemplate';
import { kubernetesRules } from './kubernetes/kubernetesRules';
import { noKubernetesResources, type KubernetesResources } from './kubernetes/kubernetesResources';
import { emptyNotesIndex, type NotesIndex } from './notes/notesIndex';
import { matchConcepts, wordAt } from './notes/conceptMatcher';
import type { HoverParticipant, HoverSection } from './hover/hoverParticipant';
import { conceptHover } from './hover/conceptHover';
import { schemaHover } from './kubernetes/schemaHover';
import { kubernetesCompletion } from './completion/kubernetesCompletion';
import { createDiagnosticHover } from './hover/diagnosticHover';
import { fixAllAction, quickFixes, FIX_ALL_KIND } from './codeActions/quickFixes';
import { glossaryEntries, noteIdForTerm, type GlossaryEntry } from './glossary/glossaryModel';
import { settingValue, type KubeNotesSettings } from './settings';
import { previewJson, previewSettings, type KeyOrder, type MultiDocumentMode, type PreviewJsonResult } from './preview/previewJson';
import { cachedChunkOutline, documentSymbols } from './symbols/documentSymbols';
import { cachedChunkFolding, foldingRanges } from './symbols/foldingRanges';

/** A document as the service needs it: text plus offset/position conversion. */
export interface ServiceDocument extends TextSource {
  positionAt(offset: number): Position;
  offsetAt(position: Position): number;
}

export interface LanguageServiceOptions {
  /** Rule plug-ins (default: every YAML and Kubernetes rule). */
  readonly rules?: readonly Rule[];
  /** Extra hover participants (schema hover, …), merged with the built-in ones. */
  readonly hoverParticipants?: readonly HoverParticipant[];
  readonly kubernetes?: KubernetesResources;
  /** The client's display language (LSP `initialize` locale), used when `kubeNotes.language` is `auto`. */
  readonly clientLocale?: string;
  /** Whether hovers may contain `command:` links to our own commands. */
  readonly commandLinks?: boolean;
  /** Ids of other active extensions that report some of our problems too (e.g. `redhat.vscode-yaml`). */
  readonly activePeers?: readonly string[];
  /**
   * Compute each chunk's outline and folding ranges during validation, while its trees are in memory: chunks release
   * them right after their checks, and editors ask for both after every change (re-parsing would cost a second parse
   * of the file). Off by default (the CLI needs neither); the server turns on what the client supports.
   */
  readonly structureOnValidate?: { readonly outline: boolean; readonly folding: boolean };
}

export interface KubeNotesLanguageService {
  readonly registry: RuleRegistry;
  readonly notes: NotesIndex;
  setNotes(index: NotesIndex): void;
  setClientLocale(locale: string | undefined): void;
  /** Tells the service which peer extensions are active (see `RuleCode.alsoReportedBy`). */
  setActivePeers(peers: readonly string[]): void;
  languageOf(settings: KubeNotesSettings): Lang;
  parse(document: TextSource): ParsedFile;
  validate(document: ServiceDocument, settings: KubeNotesSettings): Diagnostic[];
  /** Diagnostics from the last `validate` of a file. */
  lastDiagnostics(uri: string): readonly Diagnostic[];
  hover(document: ServiceDocument, position: Position, settings: KubeNotesSettings): Hover | null;
  codeActions(document: ServiceDocument, range: Range, diagnostics: readonly Diagnostic[], settings: KubeNotesSettings, only?: readonly string[]): CodeAction[];
  glossary(): GlossaryEntry[];
  /** The note for the term or manifest element at a position (for "open glossary here"). */
  noteAt(document: ServiceDocument, position: Position): string | undefined;
  /** Completion at a position (Kubernetes keys, values, apiVersion/kind pairs). */
  complete(document: ServiceDocument, position: Position, settings: KubeNotesSettings): CompletionList;
  /** The JSON kubectl would send for the file (YAML 1.1 readings, merges and aliases resolved, bounded); see preview/. */
  previewJson(document: TextSource, settings: KubeNotesSettings, options?: PreviewJsonOptions): PreviewJsonResult;
  /** Outline: one symbol per YAML document (`Kind/name`) with its keys below. */
  documentSymbols(document: TextSource): DocumentSymbol[];
  /** Folding ranges per document and per block, at most `limit`. */
  foldingRanges(document: TextSource, limit?: number): FoldingRange[];
  closeDocument(uri: string): void;
}

export interface PreviewJsonOptions {
  /** Overrides `kubeNotes.preview.multiDocument`. */
  readonly multiDocument?: MultiDocumentMode;
  /** Overrides `kubeNotes.preview.keyOrder`. */
  readonly keyOrder?: KeyOrder;
  /** A document the client does not sync (parsed once, not cached). */
  readonly transient?: boolean;
}

/** Detects Helm templates (chart `templates/` folder or Helm vocabulary plus `{{ … }}`); see yaml/helmTemplate.ts. */
export function looksLikeHelmTemplate(text: string, uri = ''): boolean {
  return helmTemplateReason(text, uri) !== undefined;
}

export function createLanguageService(options: LanguageServiceOptions = {}): KubeNotesLanguageService {
  const registry = new RuleRegistry(options.rules ?? [...yamlRules, ...kubernetesRules]);
  const cache = new ParsedFileCache();
  const kubernetes = options.kubernetes ?? noKubernetesResources;
  /** The last diagnostics of each file, with the version they belong to. */
  const published = new Map<string, { readonly version: number; readonly diagnostics: readonly Diagnostic[] }>();
  let notes = emptyNotesIndex;
  let clientLocale = options.clientLocale;
  const participants: HoverParticipant[] = [
    createDiagnosticHover(registry, (uri, version) => (published.get(uri)?.version === version ? published.get(uri)!.diagnostics : [])),
    ...(options.hoverParticipants ?? []),
    schemaHover,
    conceptHover,
  ];
  const settingsKeys = new WeakMap<KubeNotesSettings, string>();
  const settingsKey = (settings: KubeNotesSettings): string => {
    let key = settingsKeys.get(settings);
    if (key === undefined) {
      key = JSON.stringify(settings.raw);
      settingsKeys.set(settings, key);
    }
    return key;
  };
  const languageOf = (settings: KubeNotesSettings): Lang => resolveLang(settings.language, clientLocale);
  // Helm detection scans the whole text: once per parsed version, not once per request.
  const helmByFile = new WeakMap<ParsedFile, boolean>();
  const isHelm = (file: ParsedFile): boolean => {
    let helm = helmByFile.get(file);
    if (helm === undefined) {
      helm = looksLikeHelmTemplate(file.text, file.uri);
      helmByFile.set(file, helm);
    }
    return helm;
  };
  let activePeers = new Set(options.activePeers ?? []);
  /** Codes a peer extension also reports: shown as hints unless `kubeNotes.coexistence.redHatYaml` is `full`. */
  // Computed once per set of active peers, not on every validation.
  let quietForPeers: ReadonlySet<string> | undefined;
  const quietCodes = (settings: KubeNotesSettings): ReadonlySet<string> | undefined => {
    if (activePeers.size === 0 || settingValue<string>(settings, 'coexistence.redHatYaml', 'quiet') === 'full') return undefined;
    quietForPeers ??= new Set(registry.allCodes().filter((c) => c.alsoReportedBy?.some((peer) => activePeers.has(peer))).map((c) => c.code));
    return quietForPeers;
  };

  /**
   * Runs a request and leaves the file's chunks as it found them: chunks it had to parse again (their trees were
   * released after validation) are released once more, so hovers and completions over a big file keep nothing and
   * their trees die young instead of piling up until the next validation.
   */
  const leavingTrees = <T>(file: ParsedFile, run: () => T): T => {
    const chunks = file.chunks;
    const held = chunks.map((chunk) => chunk.parsed.holdsTrees);
    try {
      return run();
    } finally {
      for (let i = 0; i < chunks.length; i++) if (!held[i]) chunks[i]!.parsed.releaseSyntax();
    }
  };
  const hoverAt = (file: ParsedFile, document: ServiceDocument, position: Position, settings: KubeNotesSettings): Hover | null => {
    const offset = document.offsetAt(position);
    const chunk = chunkAtOffset(file, offset);
    const context = {
      file,
      chunk,
      offset: offset - chunk.slice.start,
      settings,
      lang: languageOf(settings),
      notes,
      kubernetes,
      commandLinks: options.commandLinks ?? false,
    };
    const sections: HoverSection[] = [];
    for (const participant of participants) sections.push(...participant.provide(context));
    if (sections.length === 0) return null;
    sections.sort((a, b) => a.order - b.order);
    const located = sections.filter((s) => s.end > s.start);
    const range = located.length > 0
      ? {
          start: document.positionAt(chunk.slice.start + Math.min(...located.map((s) => s.start))),
          end: document.positionAt(chunk.slice.start + Math.max(...located.map((s) => s.end))),
        }
      : undefined;
    return {
      contents: { kind: 'markdown', value: sections.map((s) => s.markdown).join('\n\n---\n\n') },
      ...(range ? { range } : {}),
    };
  };
  const structure = options.structureOnValidate;
  const afterChunk =
    structure && (structure.outline || structure.folding)
      ? (chunk: PlacedChunk): void => {
          if (structure.outline) cachedChunkOutline(chunk);
          if (structure.folding) cachedChunkFolding(chunk);
        }
      : undefined;
  const validate = (document: ServiceDocument, settings: KubeNotesSettings): Diagnostic[] => {
    const file = cache.get(document);
    const diagnostics = validateFile({
      file,
      registry,
      settings,
      settingsKey: settingsKey(settings),
      lang: languageOf(settings),
      kubernetes,
      isHelmTemplate: isHelm(file),
      quietCodes: quietCodes(settings),
      ...(afterChunk ? { afterChunk } : {}),
    });
    published.set(document.uri, { version: document.version, diagnostics });
    return diagnostics;
  };
  /** Diagnostics of exactly this version: code actions must never carry edits computed for an older text. */
  const currentDiagnostics = (document: ServiceDocument, settings: KubeNotesSettings): readonly Diagnostic[] => {
    const last = published.get(document.uri);
    return last && last.version === document.version ? last.diagnostics : validate(document, settings);
  };

  return {
    registry,
    get notes() {
      return notes;
    },
    setNotes(index) {
      notes = index;
    },
    setClientLocale(locale) {
      clientLocale = locale;
    },
    setActivePeers(peers) {
      activePeers = new Set(peers);
      quietForPeers = undefined;
    },
    languageOf,
    parse: (document) => cache.get(document),
    validate,
    lastDiagnostics: (uri) => published.get(uri)?.diagnostics ?? [],
    hover(document, position, settings) {
      if (!settings.hover.enabled) return null;
      const file = cache.get(document);
      return leavingTrees(file, () => hoverAt(file, document, position, settings));
    },
    codeActions(document, _range, diagnostics, settings, only) {
      const lang = languageOf(settings);
      const fileDiagnostics = currentDiagnostics(document, settings);
      // The client may ask with diagnostics of an older version: only fix those that still exist as they are.
      const sameSpot = (a: Diagnostic, b: Diagnostic): boolean =>
        a.code === b.code && a.range.start.line === b.range.start.line && a.range.start.character === b.range.start.character &&
        a.range.end.line === b.range.end.line && a.range.end.character === b.range.end.character;
      const requested = diagnostics.flatMap((d) => fileDiagnostics.filter((fresh) => sameSpot(fresh, d)).slice(0, 1));
      const wants = (kind: string): boolean => !only || only.length === 0 || only.some((o) => kind === o || kind.startsWith(`${o}.`));
      const actions: CodeAction[] = [];
      if (wants('quickfix')) actions.push(...quickFixes(document.uri, requested, fileDiagnostics, lang));
      if (only?.some((o) => FIX_ALL_KIND === o || FIX_ALL_KIND.startsWith(`${o}.`))) {
        const all = fixAllAction(document.uri, fileDiagnostics, lang);
        if (all) actions.push(all);
      }
      return actions;
    },
    glossary: () => glossaryEntries(notes),
    noteAt(document, position) {
      const file = cache.get(document);
      const offset = document.offsetAt(position);
      const chunk = chunkAtOffset(file, offset);
      return leavingTrees(file, () => {
        const match = matchConcepts(notes, chunk.parsed, offset - chunk.slice.start)[0];
        if (match) return match.note.id;
        const word = wordAt(chunk.parsed.text, offset - chunk.slice.start, /[\p{L}\p{N}_-]/u);
        return word ? noteIdForTerm(notes, word.word) : undefined;
      });
    },
    complete(document, position, settings) {
      const file = cache.get(document);
      const offset = document.offsetAt(position);
      const chunk = chunkAtOffset(file, offset);
      if (isHelm(file)) return { isIncomplete: false, items: [] };
      return leavingTrees(file, () => kubernetesCompletion({ file, chunk, offset: offset - chunk.slice.start, settings, kubernetes, lang: languageOf(settings) }));
    },
    previewJson(document, settings, options = {}) {
      const file = options.transient ? transientFile(document) : cache.get(document);
      const configured = previewSettings(settings.raw);
      return leavingTrees(file, () =>
        previewJson(file, {
          multiDocument: options.multiDocument ?? configured.multiDocument,
          keyOrder: options.keyOrder ?? configured.keyOrder,
          lang: languageOf(settings),
          isHelmTemplate: isHelm(file),
        }),
      );
    },
    documentSymbols(document) {
      const file = cache.get(document);
      return leavingTrees(file, () => documentSymbols(file));
    },
    foldingRanges(document, limit) {
      const file = cache.get(document);
      return leavingTrees(file, () => foldingRanges(file, limit));
    },
    closeDocument(uri) {
      cache.delete(uri);
      published.delete(uri);
    },
  };
}

/** Parses a file that is not kept in the cache (e.g. a preview of a document the client does not sync). */
function transientFile(document: TextSource): ParsedFile {
  return new ParsedFileCache().get(document);
}
