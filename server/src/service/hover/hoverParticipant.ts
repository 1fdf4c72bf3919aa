// The plug-in contract for hovers: each participant adds Markdown sections for the thing under the cursor.
import type { Lang } from '../l10n/localized';
import type { NotesIndex } from '../notes/notesIndex';
import type { PlacedChunk, ParsedFile } from '../parser/parsedFile';
import type { KubeNotesSettings } from '../settings';
import type { KubernetesResources } from '../kubernetes/kubernetesResources';

export interface HoverContext {
  readonly file: ParsedFile;
  readonly chunk: PlacedChunk;
  /** Chunk-relative offset of the cursor. */
  readonly offset: number;
  readonly settings: KubeNotesSettings;
  readonly lang: Lang;
  readonly notes: NotesIndex;
  readonly kubernetes: KubernetesResources;
  /** Whether the client renders our `command:` links (VS Code with our client does; other editors don't). */
  readonly commandLinks: boolean;
}

export interface HoverSection {
  /** Safe Markdown: every piece of document or note text in it is escaped. */
  readonly markdown: string;
  /** Chunk-relative range the section is about (the hover range is their union). */
  readonly start: number;
  readonly end: number;
  /** Lower numbers come first: 0 diagnostics, 10 schema, 20 concepts. */
  readonly order: number;
}

export interface HoverParticipant {
  readonly id: string;
  provide(context: HoverContext): readonly HoverSection[];
}
