// The data the concept glossary shows: every note with its topic, aliases, related notes and both bodies.
import type { Localized } from '../l10n/localized';
import { topicLabels } from '../hover/conceptHover';
import type { NoteSource, NoteTopic } from '../notes/note';
import type { NotesIndex } from '../notes/notesIndex';

export interface GlossaryEntry {
  readonly id: string;
  readonly title: Localized;
  readonly aliases: readonly string[];
  readonly topic: NoteTopic;
  readonly topicLabel: Localized;
  readonly related: ReadonlyArray<{ readonly id: string; readonly title: Localized }>;
  readonly summary: Localized;
  /** Raw Markdown bodies: the renderer must escape HTML (user notes are untrusted). */
  readonly body: Localized;
  readonly source: NoteSource;
}

const topicOrder: readonly NoteTopic[] = ['kubernetes', 'containers', 'linux', 'networking', 'monitoring', 'machine-learning', 'yaml', 'other'];

/** All notes, grouped by topic order then by English title. */
export function glossaryEntries(index: NotesIndex): GlossaryEntry[] {
  const entries = [...index.notes.values()].map(
    (note): GlossaryEntry => ({
      id: note.id,
      title: note.title,
      aliases: note.aliases,
      topic: note.topic,
      topicLabel: topicLabels[note.topic],
      related: note.related.filter((id) => index.notes.has(id)).map((id) => ({ id, title: index.notes.get(id)!.title })),
      summary: note.summary,
      body: note.body,
      source: note.source,
    }),
  );
  return entries.sort((a, b) => topicOrder.indexOf(a.topic) - topicOrder.indexOf(b.topic) || a.title.en.localeCompare(b.title.en));
}

/** Finds the note for a term (title, alias or id, any case). */
export function noteIdForTerm(index: NotesIndex, term: string): string | undefined {
  const key = term.trim().toLowerCase();
  if (key === '') return undefined;
  return index.byAlias.get(key)?.[0]?.id ?? (index.notes.has(key) ? key : undefined);
}
