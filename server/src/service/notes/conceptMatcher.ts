// Decides which concept notes apply at an offset: YAML tokens, keys, kinds, images, ports, values and words.
import { type Scalar } from 'yaml';
import { isScalar } from '../yaml/yamlNodes';
import type { ParsedChunk } from '../parser/parsedChunk';
import { lineOfOffset } from '../parser/parsedChunk';
import { keyText, locate } from '../parser/yamlLocation';
import type { Note } from './note';
import type { NotesIndex } from './notesIndex';

export type MatchReason = 'token' | 'kind' | 'image' | 'port' | 'key' | 'value' | 'word';

export interface ConceptMatch {
  readonly note: Note;
  readonly reason: MatchReason;
  /** What matched, e.g. `Node`, `alpine`, `22`, `---`, `cluster`. */
  readonly matched: string;
  /** Chunk-relative range of the text the hover is about. */
  readonly start: number;
  readonly end: number;
}

/** Fields whose numeric value is a port number. */
export const PORT_KEYS: ReadonlySet<string> = new Set(['containerPort', 'port', 'targetPort', 'hostPort', 'nodePort']);

/** Image reference parts: `registry/path/name:tag@digest`. */
export interface ImageReference {
  readonly repository: string;
  readonly name: string;
  readonly tag?: string;
}

/** Parses an image reference, dropping the registry host and Docker Hub's `library/` prefix. */
export function parseImageReference(image: string): ImageReference {
  let rest = image.trim().toLowerCase();
  const at = rest.indexOf('@');
  if (at !== -1) rest = rest.slice(0, at);
  const parts = rest.split('/');
  if (parts.length > 1 && /[.:]|^localhost$/.test(parts[0]!)) parts.shift();
  if (parts.length > 1 && parts[0] === 'library') parts.shift();
  let last = parts[parts.length - 1] ?? '';
  let tag: string | undefined;
  const colon = last.indexOf(':');
  if (colon !== -1) {
    tag = last.slice(colon + 1);
    last = last.slice(0, colon);
    parts[parts.length - 1] = last;
  }
  return { repository: parts.join('/'), name: last, ...(tag ? { tag } : {}) };
}

/** Notes whose image triggers match an image reference (repository, name, or a word of the tag like `-alpine`). */
export function notesForImage(index: NotesIndex, image: string): Note[] {
  const ref = parseImageReference(image);
  const found: Note[] = [];
  const add = (notes: readonly Note[] | undefined): void => {
    for (const note of notes ?? []) if (!found.includes(note)) found.push(note);
  };
  add(index.byImage.get(ref.repository));
  add(index.byImage.get(ref.name));
  for (const word of (ref.tag ?? '').split(/[-._]/)) if (word !== '') add(index.byImage.get(word));
  return found;
}

/** Splits text into lower-case words, also breaking camelCase (`clusterIP` → cluster, ip). */
export function wordsOf(value: string): string[] {
  const spaced = value.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2');
  return (spaced.match(/[\p{L}\p{N}]+/gu) ?? []).map((w) => w.toLowerCase());
}

/** The word under an offset within a line, with its offsets. */
export function wordAt(text: string, offset: number, wordChar = /[\p{L}\p{N}_]/u): { word: string; start: number; end: number } | undefined {
  const isWordChar = (ch: string): boolean => wordChar.test(ch);
  let start = offset;
  let end = offset;
  while (start > 0 && isWordChar(text.charAt(start - 1))) start--;
  while (end < text.length && isWordChar(text.charAt(end))) end++;
  if (start === end) return undefined;
  return { word: text.slice(start, end), start, end };
}

/** Offset of the `#` that starts a comment on the line, or -1 (quotes are tracked roughly). */
export function commentStartInLine(line: string): number {
  let quote: string | null = null;
  for (let i = 0; i < line.length; i++) {
    const ch = line.charAt(i);
    if (quote) {
      if (ch === quote && !(quote === '"' && line.charAt(i - 1) === '\\')) quote = null;
      continue;
    }
    if ((ch === '"' || ch === "'") && (i === 0 || /[\s:[{,-]/.test(line.charAt(i - 1)))) quote = ch;
    else if (ch === '#' && (i === 0 || /\s/.test(line.charAt(i - 1)))) return i;
  }
  return -1;
}

function wordMatches(index: NotesIndex, word: string, start: number, end: number): ConceptMatch[] {
  const out: ConceptMatch[] = [];
  for (const part of wordsOf(word)) {
    for (const note of index.byWord.get(part) ?? []) out.push({ note, reason: 'word', matched: part, start, end });
  }
  return out;
}

/** All notes that apply at a chunk-relative offset, most specific first, without duplicates. */
export function matchConcepts(index: NotesIndex, chunk: ParsedChunk, offset: number): ConceptMatch[] {
  const text = chunk.text;
  const line = lineOfOffset(chunk.lineStarts, offset);
  const lineStart = chunk.lineStarts[line]!;
  const nextStart = chunk.lineStarts[line + 1];
  const lineEnd = nextStart === undefined ? text.length : nextStart - 1;
  const lineText = text.slice(lineStart, lineEnd).replace(/\r$/, '');
  const column = offset - lineStart;
  const matches: ConceptMatch[] = [];
  const token = (name: string, start: number, end: number): void => {
    for (const note of index.byToken.get(name) ?? []) matches.push({ note, reason: 'token', matched: name, start, end });
  };

  // Document markers and comments are decided by the line alone.
  if (/^---(\s|$)/.test(lineText) && column <= 3) token('---', lineStart, lineStart + 3);
  else if (/^\.\.\.(\s|$)/.test(lineText) && column <= 3) token('...', lineStart, lineStart + 3);
  const hash = commentStartInLine(lineText);
  if (hash !== -1 && column >= hash) {
    const word = wordAt(lineText, column);
    if (word) matches.push(...wordMatches(index, word.word, lineStart + word.start, lineStart + word.end));
    token('#', lineStart + hash, lineEnd);
    return dedupe(matches);
  }
  if (matches.length > 0) return dedupe(matches);

  const ch = text.charAt(offset);
  const location = locate(chunk, offset);
  const node = location?.node;
  if (node && isScalar(node) && (node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED')) {
    const headerEnd = text.indexOf('\n', node.range![0]);
    if (offset < (headerEnd === -1 ? text.length : headerEnd)) token(node.type === 'BLOCK_LITERAL' ? '|' : '>', node.range![0], node.range![0] + 1);
  }
  if (ch === '{' || ch === '}') token('{}', offset, offset + 1);
  if (ch === '[' || ch === ']') token('[]', offset, offset + 1);
  if (ch === ':' && /[\s]/.test(text.charAt(offset + 1) || ' ')) token(': ', offset, offset + 1);

  if (location?.keyPair) {
    const key = keyText(location.keyPair) ?? '';
    const range = (location.keyPair.key as Scalar).range;
    const start = range?.[0] ?? offset;
    const end = range?.[1] ?? offset;
    for (const note of index.byKey.get(key) ?? []) matches.push({ note, reason: 'key', matched: key, start, end });
    matches.push(...wordMatches(index, key, start, end));
  } else if (node && isScalar(node) && node.value !== null && typeof node.value !== 'object') {
    const value = String(node.value);
    const start = node.range![0];
    const end = node.range![1];
    const parentKey = location?.valuePair ? keyText(location.valuePair) : undefined;
    if (parentKey === 'kind') for (const note of index.byKind.get(value) ?? []) matches.push({ note, reason: 'kind', matched: value, start, end });
    if (parentKey === 'image') for (const note of notesForImage(index, value)) matches.push({ note, reason: 'image', matched: value, start, end });
    if (parentKey !== undefined && PORT_KEYS.has(parentKey) && /^\d+$/.test(value)) {
      for (const note of index.byPort.get(Number(value)) ?? []) matches.push({ note, reason: 'port', matched: value, start, end });
    }
    for (const note of index.byValue.get(value) ?? []) matches.push({ note, reason: 'value', matched: value, start, end });
    const word = wordAt(text, offset);
    if (word && word.start >= start && word.end <= end) matches.push(...wordMatches(index, word.word, word.start, word.end));
  }
  return dedupe(matches);
}

function dedupe(matches: ConceptMatch[]): ConceptMatch[] {
  const seen = new Set<string>();
  return matches.filter((m) => {
    if (seen.has(m.note.id)) return false;
    seen.add(m.note.id);
    return true;
  });
}
