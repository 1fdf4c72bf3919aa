// Merges bundled and user notes (user wins by id), checks cross-references, and indexes their triggers.
import { text } from '../l10n/localized';
import type { Note } from './note';
import type { NoteProblem, ParsedNote } from './noteParser';

export interface NotesIndex {
  readonly notes: ReadonlyMap<string, Note>;
  readonly problems: readonly NoteProblem[];
  readonly byKey: ReadonlyMap<string, readonly Note[]>;
  readonly byKind: ReadonlyMap<string, readonly Note[]>;
  readonly byValue: ReadonlyMap<string, readonly Note[]>;
  readonly byImage: ReadonlyMap<string, readonly Note[]>;
  readonly byPort: ReadonlyMap<number, readonly Note[]>;
  readonly byToken: ReadonlyMap<string, readonly Note[]>;
  readonly byWord: ReadonlyMap<string, readonly Note[]>;
  /** Lower-cased titles and aliases → notes, for glossary look-ups of a term. */
  readonly byAlias: ReadonlyMap<string, readonly Note[]>;
}

function addTo<K>(map: Map<K, Note[]>, key: K, note: Note): void {
  const list = map.get(key);
  if (!list) map.set(key, [note]);
  else if (!list.includes(note)) list.push(note);
}

/** Builds the index. Bundled notes come first; a user note with the same id replaces the bundled one. */
export function buildNotesIndex(bundled: readonly ParsedNote[], user: readonly ParsedNote[]): NotesIndex {
  const problems: NoteProblem[] = [];
  const notes = new Map<string, Note>();
  const seen = new Map<string, string>();
  for (const group of [bundled, user]) {
    const seenInGroup = new Set<string>();
    for (const parsed of group) {
      problems.push(...parsed.problems);
      const note = parsed.note;
      if (!note) continue;
      if (seenInGroup.has(note.id)) {
        problems.push({
          path: note.path,
          line: 1,
          severity: 'warning',
          message: text(
            `id \`${note.id}\`가 중복되었습니다 (${seen.get(note.id)}). 이 노트가 앞의 노트를 대신합니다.`,
            `Duplicate id \`${note.id}\` (also in ${seen.get(note.id)}). This note replaces the earlier one.`,
          ),
        });
      }
      seenInGroup.add(note.id);
      seen.set(note.id, note.path);
      notes.set(note.id, note);
    }
  }
  for (const note of notes.values()) {
    for (const related of note.related) {
      if (!notes.has(related)) {
        problems.push({
          path: note.path,
          line: 1,
          severity: 'warning',
          message: text(`\`related\`의 \`${related}\`라는 노트가 없습니다.`, `\`related\` names \`${related}\`, but no note has that id.`),
        });
      }
    }
  }
  const byKey = new Map<string, Note[]>();
  const byKind = new Map<string, Note[]>();
  const byValue = new Map<string, Note[]>();
  const byImage = new Map<string, Note[]>();
  const byPort = new Map<number, Note[]>();
  const byToken = new Map<string, Note[]>();
  const byWord = new Map<string, Note[]>();
  const byAlias = new Map<string, Note[]>();
  for (const note of notes.values()) {
    const t = note.triggers;
    for (const key of t.keys) addTo(byKey, key, note);
    for (const kind of t.kinds) addTo(byKind, kind, note);
    for (const value of t.values) addTo(byValue, value, note);
    for (const image of t.images) addTo(byImage, image, note);
    for (const port of t.ports) addTo(byPort, port, note);
    for (const token of t.tokens) addTo(byToken, token, note);
    for (const word of t.words) addTo(byWord, word, note);
    for (const alias of [note.id, note.title.ko, note.title.en, ...note.aliases]) addTo(byAlias, alias.toLowerCase(), note);
  }
  return { notes, problems, byKey, byKind, byValue, byImage, byPort, byToken, byWord, byAlias };
}

export const emptyNotesIndex: NotesIndex = buildNotesIndex([], []);
