// Custom requests and notifications between the kube-notes client and server, declared once for both sides.
import { NotificationType, RequestType, type Position, type TextDocumentIdentifier } from 'vscode-languageserver-protocol';
import type { GlossaryEntry } from '../service/glossary/glossaryModel';
import type { Lang } from '../service/l10n/localized';

/** Options our own client passes in `initializationOptions`. */
export interface KubeNotesInitializationOptions {
  /** The client renders `command:` links to kubeNotes commands in hovers (VS Code with our client). */
  readonly commandLinks?: boolean;
}

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
