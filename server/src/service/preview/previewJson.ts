// The JSON kubectl would send for a whole YAML file: documents converted one by one (cached per chunk), joined into
// one object, a JSON array or a `kind: List`, with the notes placed in the file. Pure; never throws on data.
import type { Range } from 'vscode-languageserver-types';
import { pick, type Lang } from '../l10n/localized';
import { chunkPosition, type ParsedFile, type PlacedChunk } from '../parser/parsedFile';
import { convertDocument, DEFAULT_PREVIEW_LIMITS, type DocumentJson, type KeyOrder, type PreviewLimits, type PreviewNoteKind, type PreviewNoteSeverity, type RawPreviewNote } from './kubectlJson';
import { formatSize, previewText } from './previewMessages';

export type { KeyOrder, PreviewLimits, PreviewNoteKind, PreviewNoteSeverity } from './kubectlJson';
export { DEFAULT_PREVIEW_LIMITS } from './kubectlJson';

/** How a file with several documents is shown: a JSON array, or a `{ apiVersion: v1, kind: List, items }` object. */
export type MultiDocumentMode = 'array' | 'list';

export interface PreviewNote {
  readonly kind: PreviewNoteKind;
  readonly severity: PreviewNoteSeverity;
  /** In the requested language. */
  readonly message: string;
  readonly range: Range;
}

export interface PreviewJsonResult {
  readonly uri: string;
  /** Version of the document the JSON was made from. */
  readonly version: number;
  /** Pretty-printed JSON, always valid (markers where a limit cut it). */
  readonly json: string;
  /** Where kubectl's reading differs from YAML 1.2, merges, limits and errors, in document order. */
  readonly notes: readonly PreviewNote[];
  /** Notes left out beyond the cap. */
  readonly omittedNotes: number;
  /** The first error (syntax, unresolved alias, cycle, …); the JSON is then best effort. */
  readonly error?: { readonly message: string; readonly range: Range };
  /** Documents in the JSON (empty and null documents are skipped, as kubectl does). */
  readonly documents: number;
  /** A limit (size, values, aliases, time) cut the JSON. */
  readonly truncated: boolean;
  readonly lang: Lang;
}

export interface PreviewOptions {
  readonly multiDocument: MultiDocumentMode;
  readonly keyOrder: KeyOrder;
  readonly lang: Lang;
  readonly isHelmTemplate?: boolean;
  readonly limits?: Partial<PreviewLimits>;
  readonly maxNotes?: number;
  /** Clock, for tests. */
  readonly now?: () => number;
}

interface ChunkPreview {
  readonly key: string;
  readonly documents: readonly DocumentJson[];
}

const MEMO_PREFIX = 'preview:';
const DEFAULT_MAX_NOTES = 200;
/** Documents larger than this are not kept in the chunk memo (memory). */
const MAX_CACHED_CHARS = 1024 * 1024;

function chunkPreview(chunk: PlacedChunk, keyOrder: KeyOrder, limits: PreviewLimits, deadline: number, now: () => number): readonly DocumentJson[] {
  const key = `${MEMO_PREFIX}${keyOrder}:${limits.maxOutputChars}:${limits.maxNodes}:${limits.maxMergeDepth}`;
  const memo = chunk.parsed.memo;
  const cached = memo.get(MEMO_PREFIX) as ChunkPreview | undefined;
  if (cached && cached.key === key) return cached.documents;
  const documents = chunk.parsed.documents.map((document) => convertDocument(document, { keyOrder, limits, deadline, now }));
  const cacheable = documents.every((d) => d.stopped !== 'timeout') && documents.reduce((n, d) => n + d.json.length, 0) <= MAX_CACHED_CHARS;
  if (cacheable) memo.set(MEMO_PREFIX, { key, documents } satisfies ChunkPreview);
  else memo.delete(MEMO_PREFIX);
  return documents;
}

function indentJson(json: string, indent: string): string {
  // Newlines inside JSON strings are escaped, so every raw newline is structural.
  return json.replace(/\n/g, `\n${indent}`);
}

/** Converts a parsed file to the JSON kubectl sends to the API server. */
export function previewJson(file: ParsedFile, options: PreviewOptions): PreviewJsonResult {
  const limits: PreviewLimits = { ...DEFAULT_PREVIEW_LIMITS, ...options.limits };
  const now = options.now ?? Date.now;
  const deadline = now() + limits.timeBudgetMs;
  const lang = options.lang;
  const notes: Array<{ note: RawPreviewNote; chunk: PlacedChunk }> = [];
  const items: string[] = [];
  let total = 0;
  let truncated = false;
  let fileCut = false;
  const firstChunk = file.chunks[0]!;
  if (options.isHelmTemplate) notes.push({ chunk: firstChunk, note: { kind: 'helm', severity: 'info', message: previewText.helm, start: 0, end: 0 } });
  for (const chunk of file.chunks) {
    if (total > limits.maxOutputChars) {
      fileCut = true;
      truncated = true;
      notes.push({ chunk, note: { kind: 'limit', severity: 'warning', message: previewText.outputLimit(formatSize(limits.maxOutputChars)), start: 0, end: 0 } });
      break;
    }
    const seen = new Set<string>();
    for (const problem of chunk.parsed.problems) {
      if (problem.isWarning) continue;
      const key = `${problem.start}:${problem.message}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const message = chunk.parsed.refused ? previewText.refused(problem.message) : previewText.syntax(problem.message);
      notes.push({ chunk, note: { kind: 'syntax', severity: 'error', message, start: problem.start, end: problem.end } });
    }
    for (const document of chunkPreview(chunk, options.keyOrder, limits, deadline, now)) {
      for (const note of document.notes) notes.push({ chunk, note });
      if (document.stopped) truncated = true;
      if (document.skipped) continue;
      items.push(document.json);
      total += document.json.length;
    }
  }
  const cutMarker = JSON.stringify(previewText.truncatedMarker(formatSize(limits.maxOutputChars)));
  let json: string;
  if (items.length === 1 && !fileCut) {
    json = items[0]!;
  } else if (options.multiDocument === 'list') {
    const body = [...items.map((item) => `    ${indentJson(item, '    ')}`), ...(fileCut ? [`    ${cutMarker}`] : [])];
    const list = body.length > 0 ? `[\n${body.join(',\n')}\n  ]` : '[]';
    const fields = options.keyOrder === 'sorted'
      ? ['"apiVersion": "v1"', `"items": ${list}`, '"kind": "List"']
      : ['"apiVersion": "v1"', '"kind": "List"', `"items": ${list}`];
    json = `{\n  ${fields.join(',\n  ')}\n}`;
  } else {
    const body = [...items.map((item) => `  ${indentJson(item, '  ')}`), ...(fileCut ? [`  ${cutMarker}`] : [])];
    json = body.length > 0 ? `[\n${body.join(',\n')}\n]` : '[]';
  }

  const placed = notes.map(({ note, chunk }) => ({
    kind: note.kind,
    severity: note.severity,
    message: pick(note.message, lang),
    range: { start: chunkPosition(chunk, note.start), end: chunkPosition(chunk, note.end) },
  }));
  placed.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  const firstError = placed.find((n) => n.severity === 'error');
  const maxNotes = options.maxNotes ?? DEFAULT_MAX_NOTES;
  // Keep every error within the cap first, then the rest in document order.
  let kept = placed;
  if (placed.length > maxNotes) {
    const errors = placed.filter((n) => n.severity === 'error').slice(0, maxNotes);
    const others = placed.filter((n) => n.severity !== 'error').slice(0, maxNotes - errors.length);
    kept = [...errors, ...others].sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  }
  return {
    uri: file.uri,
    version: file.version,
    json,
    notes: kept,
    omittedNotes: placed.length - kept.length,
    ...(firstError ? { error: { message: firstError.message, range: firstError.range } } : {}),
    documents: items.length,
    truncated,
    lang,
  };
}

/** `kubeNotes.preview.multiDocument` and `kubeNotes.preview.keyOrder`, tolerant of garbage. */
export function previewSettings(raw: Readonly<Record<string, unknown>>): { multiDocument: MultiDocumentMode; keyOrder: KeyOrder } {
  const section = raw['preview'];
  const nested = typeof section === 'object' && section !== null && !Array.isArray(section) ? (section as Record<string, unknown>) : {};
  const multiDocument = nested['multiDocument'] ?? raw['preview.multiDocument'];
  const keyOrder = nested['keyOrder'] ?? raw['preview.keyOrder'];
  return {
    multiDocument: multiDocument === 'list' ? 'list' : 'array',
    keyOrder: keyOrder === 'source' ? 'source' : 'sorted',
  };
}
