// Loads the bundled notes from docs/notes for tests (the real knowledge base, not a copy).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseNote, type ParsedNote } from '../../server/src/service/notes/noteParser';
import { buildNotesIndex, type NotesIndex } from '../../server/src/service/notes/notesIndex';

export const REPO_ROOT = join(__dirname, '..', '..', '..');
export const NOTES_DIR = join(REPO_ROOT, 'docs', 'notes');

export function loadBundledNotes(): ParsedNote[] {
  return readdirSync(NOTES_DIR)
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((name) => parseNote(readFileSync(join(NOTES_DIR, name), 'utf8'), join(NOTES_DIR, name), 'bundled'));
}

export function bundledIndex(): NotesIndex {
  return buildNotesIndex(loadBundledNotes(), []);
}
