// Custom requests and notifications between the kube-notes client and server, declared once for both sides.
import { NotificationType, RequestType, type Position, type TextDocumentIdentifier } from 'vscode-languageserver-protocol';
import type { GlossaryEntry } from '../service/glossary/glossaryModel';
import type { Lang } from '../service/l10n/localized';
import type { KeyOrder, MultiDocumentMode, PreviewJsonResult } from '../service/preview/previewJson';

export type { KeyOrder, MultiDocumentMode, PreviewJsonResult, PreviewNote, PreviewNoteKind, PreviewNoteSeverity } from '../service/preview/previewJson';

/** Options our own client passes in `initializationOptions`. */
export interface KubeNotesInitializationOptions {
  /** The client renders `command:` links to kubeNotes commands in hovers (VS Code with our client). */
  readonly commandLinks?: boolean;
  /** Ids of active VS Code extensions that report some problems themselves (e.g. `redhat.vscode-yaml`). */
  readonly activePeers?: readonly string[];
}

/** Sent by the client when extensions are installed, enabled or removed. */
export const ActivePeersNotification = new NotificationType<{ readonly activePeers: readonly string[] }>('kubeNotes/activePeers');

export interface GlossaryParams {
  /** Scope for settings (language), e.g. the active document. */
  readonly uri?: string;
}

export interface GlossaryResult {
  readonly lang: Lang;
  readonly entries: readonly GlossaryEntry[];
}

/** All notes for the glossary webview. */
export const GlossaryRequest = new RequestType<GlossaryParams, GlossaryResult, void>('kubeNotes/glossary');

export interface NoteAtParams {
  readonly textDocument: TextDocumentIdentifier;
  readonly position: Position;
}

/** The note for the term under the cursor ("open glossary here"); null when there is none. */
export const NoteAtRequest = new RequestType<NoteAtParams, { readonly id: string } | null, void>('kubeNotes/noteAt');

/** Sent when the notes changed (user notes edited, settings changed) so views can refresh. */
export const NotesChangedNotification = new NotificationType<{ readonly count: number; readonly problems: number }>('kubeNotes/notesChanged');

export interface PreviewJsonParams {
  readonly textDocument: TextDocumentIdentifier;
  /** Overrides `kubeNotes.preview.multiDocument` (`array` or `list`). */
  readonly multiDocument?: MultiDocumentMode;
  /** Overrides `kubeNotes.preview.keyOrder` (`sorted` as kubectl sends it, or `source`). */
  readonly keyOrder?: KeyOrder;
  /** The text, for a document the server does not have open (e.g. a `git:` revision); ignored for open documents. */
  readonly text?: string;
}

/**
 * The JSON kubectl would send for a YAML file, converted in the language server (alias budget, cycle detection,
 * output cap, deadline): `{ json, notes, error?, … }`, or null when the document is unknown and no text was sent.
 */
export const PreviewJsonRequest = new RequestType<PreviewJsonParams, PreviewJsonResult | null, void>('kubeNotes/previewJson');
