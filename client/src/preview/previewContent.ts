// The text of the JSON preview's virtual document: a `jsonc` document whose leading `//` lines carry the header,
// the error (while the YAML is broken) and the notes, followed by plain JSON. Pure (no `vscode`), so it is unit-tested.
import type { PreviewJsonResult, PreviewNote } from '../../../server/src/protocol/messages';

export const PREVIEW_SCHEME = 'kube-notes-preview';

/** The last answer worth showing, and what happened since. */
export interface PreviewState {
  /** The last result without an error: shown while the YAML is broken. */
  readonly lastGood?: PreviewJsonResult;
  /** The newest result (may carry an error; its JSON is best effort). */
  readonly latest?: PreviewJsonResult;
  /** Why no result could be fetched (server not running, request failed). */
  readonly failure?: string;
}

/** Texts of the header, in the display language (built by the caller with vscode.l10n). */
export interface PreviewLabels {
  readonly title: (fileName: string) => string;
  readonly documents: (count: number) => string;
  /** `position` is `line:column`. */
  readonly error: (position: string, message: string) => string;
  readonly keepingLastGood: (version: number) => string;
  readonly bestEffort: string;
  readonly truncated: string;
  readonly notes: string;
  readonly moreNotes: (count: number) => string;
  readonly failure: (message: string) => string;
  readonly loading: string;
  readonly severity: Readonly<Record<PreviewNote['severity'], string>>;
}

/** Keeps one comment line one line: no line breaks, no control characters. */
export function commentSafe(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\r\n\u2028\u2029]+/g, ' ').replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '');
}

/** 1-based `line:column` of an LSP position. */
export function lineColumn(position: { line: number; character: number }): string {
  return `${position.line + 1}:${position.character + 1}`;
}

/** The result to show: the newest one unless it has an error and an earlier good one exists. */
export function shownResult(state: PreviewState): PreviewJsonResult | undefined {
  if (state.latest && !state.latest.error) return state.latest;
  return state.lastGood ?? state.latest;
}

/** Renders the virtual document: `//` header lines, then the JSON. */
export function renderPreview(fileName: string, state: PreviewState, labels: PreviewLabels): string {
  const lines: string[] = [];
  const comment = (text: string): void => {
    lines.push(`// ${commentSafe(text)}`.trimEnd());
  };
  comment(labels.title(fileName));
  const shown = shownResult(state);
  if (state.failure) comment(labels.failure(state.failure));
  const latest = state.latest;
  if (latest?.error) {
    comment(`⚠ ${labels.error(lineColumn(latest.error.range.start), latest.error.message)}`);
    if (shown !== latest) comment(labels.keepingLastGood(shown!.version));
    else comment(labels.bestEffort);
  }
  if (!shown) {
    if (!state.failure) comment(labels.loading);
    return `${lines.join('\n')}\n`;
  }
  comment(labels.documents(shown.documents));
  if (shown.truncated) comment(labels.truncated);
  // Notes of the newest result (they point into the current text), else of the one shown.
  const noteSource = latest ?? shown;
  const notes = noteSource.notes.filter((n) => !(latest?.error && n.severity === 'error' && n.message === latest.error.message && n.range.start.line === latest.error.range.start.line));
  if (notes.length > 0 || noteSource.omittedNotes > 0) {
    comment(labels.notes);
    const width = Math.max(...notes.map((n) => lineColumn(n.range.start).length), 3);
    for (const note of notes) {
      comment(`  ${lineColumn(note.range.start).padEnd(width)}  ${labels.severity[note.severity]}  ${note.message}`);
    }
    if (noteSource.omittedNotes > 0) comment(`  ${labels.moreNotes(noteSource.omittedNotes)}`);
  }
  return `${lines.join('\n')}\n${shown.json}\n`;
}

/** The JSON part of a rendered preview (everything after the leading comment lines). */
export function jsonOfPreview(text: string): string {
  const lines = text.split('\n');
  let index = 0;
  while (index < lines.length && lines[index]!.startsWith('//')) index++;
  return lines.slice(index).join('\n').trimEnd();
}
