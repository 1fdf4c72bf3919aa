// Parses one Markdown note file (YAML front matter + `## 한국어` / `## English` sections) into a Note.
import { parse as parseYaml } from 'yaml';
import { text, type Localized } from '../l10n/localized';
import { NOTE_TOKENS, NOTE_TOPICS, emptyTriggers, type Note, type NoteSource, type NoteTopic, type NoteTriggers } from './note';

/** A problem found while reading a note; `line` is zero-based within the file. */
export interface NoteProblem {
  readonly path: string;
  readonly line: number;
  readonly severity: 'error' | 'warning';
  readonly message: Localized;
}

export interface ParsedNote {
  readonly note?: Note;
  readonly problems: readonly NoteProblem[];
}

const ID_PATTERN = /^[a-z0-9][a-z0-9-]*$/;
const KO_HEADING = /^##[ \t]+(한국어|Korean)[ \t]*$/im;
const EN_HEADING = /^##[ \t]+(English|영어)[ \t]*$/im;

function asStringList(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (!Array.isArray(value)) return [];
  return value.filter((v): v is string | number => typeof v === 'string' || typeof v === 'number').map(String);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function localizedField(value: unknown, fallback: Localized): Localized {
  if (typeof value === 'string') return text(value, value);
  if (!isRecord(value)) return fallback;
  const ko = typeof value['ko'] === 'string' ? value['ko'] : undefined;
  const en = typeof value['en'] === 'string' ? value['en'] : undefined;
  return text(ko ?? en ?? fallback.ko, en ?? ko ?? fallback.en);
}

/** First paragraph of a Markdown body, as plain-ish text, for notes without a summary. */
function firstParagraph(body: string): string {
  for (const block of body.split(/\n\s*\n/)) {
    const trimmed = block.trim();
    if (trimmed !== '' && !trimmed.startsWith('#') && !trimmed.startsWith('```')) return trimmed.replace(/\s+/g, ' ');
  }
  return '';
}

/** Splits the body into the Korean and English sections; a body without them serves both languages. */
function splitBody(body: string): Localized {
  const ko = KO_HEADING.exec(body);
  const en = EN_HEADING.exec(body);
  if (!ko && !en) return text(body.trim(), body.trim());
  const sectionAfter = (match: RegExpExecArray, other: RegExpExecArray | null): string => {
    const start = match.index + match[0].length;
    const end = other && other.index > match.index ? other.index : body.length;
    return body.slice(start, end).trim();
  };
  const koText = ko ? sectionAfter(ko, en) : '';
  const enText = en ? sectionAfter(en, ko) : '';
  return text(koText || enText, enText || koText);
}

function readTriggers(value: unknown, problem: (message: Localized) => void): NoteTriggers {
  if (value === undefined || value === null) return emptyTriggers;
  if (!isRecord(value)) {
    problem(text('`triggers`는 keys, kinds, values, images, ports, tokens, words 목록을 가진 객체여야 합니다.', '`triggers` must be an object with keys, kinds, values, images, ports, tokens and words lists.'));
    return emptyTriggers;
  }
  const known = new Set(['keys', 'kinds', 'values', 'images', 'ports', 'tokens', 'words']);
  for (const name of Object.keys(value)) {
    if (!known.has(name)) problem(text(`알 수 없는 trigger 종류 \`${name}\`는 무시됩니다.`, `Unknown trigger kind \`${name}\` is ignored.`));
  }
  const ports: number[] = [];
  for (const port of asStringList(value['ports'])) {
    const n = Number(port);
    if (Number.isInteger(n) && n >= 0 && n <= 65535) ports.push(n);
    else problem(text(`포트 \`${port}\`는 0–65535 사이의 정수가 아닙니다.`, `Port \`${port}\` is not an integer between 0 and 65535.`));
  }
  const tokens: string[] = [];
  for (const token of asStringList(value['tokens'])) {
    if ((NOTE_TOKENS as readonly string[]).includes(token)) tokens.push(token);
    else problem(text(`알 수 없는 YAML 토큰 \`${token}\`. 사용 가능: ${NOTE_TOKENS.join(' ')}`, `Unknown YAML token \`${token}\`. Allowed: ${NOTE_TOKENS.join(' ')}`));
  }
  return {
    keys: asStringList(value['keys']),
    kinds: asStringList(value['kinds']),
    values: asStringList(value['values']),
    images: asStringList(value['images']).map((s) => s.toLowerCase()),
    ports,
    tokens,
    words: asStringList(value['words']).map((s) => s.toLowerCase()),
  };
}

/** Parses a note file. Never throws: every problem is reported and a best-effort note is returned when possible. */
export function parseNote(source: string, path: string, origin: NoteSource): ParsedNote {
  const problems: NoteProblem[] = [];
  const content = source.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const problemAt = (line: number, severity: 'error' | 'warning', message: Localized): void => {
    problems.push({ path, line, severity, message });
  };
  if (!content.startsWith('---\n')) {
    problemAt(0, 'error', text('노트는 `---` 줄로 시작하는 YAML front matter가 있어야 합니다.', 'A note must start with YAML front matter opened by a `---` line.'));
    return { problems };
  }
  const close = content.indexOf('\n---', 3);
  const closeEnd = close === -1 ? -1 : content.indexOf('\n', close + 1);
  if (close === -1) {
    problemAt(0, 'error', text('front matter를 닫는 `---` 줄이 없습니다.', 'The front matter has no closing `---` line.'));
    return { problems };
  }
  const frontMatterText = content.slice(4, close + 1);
  const body = closeEnd === -1 ? '' : content.slice(closeEnd + 1);
  let data: unknown;
  try {
    data = parseYaml(frontMatterText, { maxAliasCount: 10, uniqueKeys: true });
  } catch (error) {
    const message = error instanceof Error ? error.message.split('\n')[0] ?? '' : String(error);
    problemAt(1, 'error', text(`front matter YAML을 읽을 수 없습니다: ${message}`, `The front matter is not valid YAML: ${message}`));
    return { problems };
  }
  if (!isRecord(data)) {
    problemAt(1, 'error', text('front matter는 YAML 객체(key: value)여야 합니다.', 'The front matter must be a YAML mapping (key: value).'));
    return { problems };
  }
  const lineOfKey = (key: string): number => {
    const index = frontMatterText.search(new RegExp(`^${key}\\s*:`, 'm'));
    return index === -1 ? 1 : frontMatterText.slice(0, index).split('\n').length;
  };
  const id = typeof data['id'] === 'string' ? data['id'].trim() : '';
  if (!ID_PATTERN.test(id)) {
    problemAt(lineOfKey('id'), 'error', text('`id`가 없거나 잘못되었습니다. 소문자, 숫자, 하이픈만 쓰세요 (예: `node`).', 'Missing or invalid `id`: use lower-case letters, digits and hyphens (e.g. `node`).'));
    return { problems };
  }
  const bodies = splitBody(body);
  const title = localizedField(data['title'], text(id, id));
  if (data['title'] === undefined) problemAt(lineOfKey('id'), 'warning', text('`title`(ko/en)이 없어 id를 제목으로 씁니다.', 'No `title` (ko/en); the id is used as the title.'));
  const topicValue = typeof data['topic'] === 'string' ? data['topic'] : 'other';
  const topic: NoteTopic = (NOTE_TOPICS as readonly string[]).includes(topicValue) ? (topicValue as NoteTopic) : 'other';
  if (data['topic'] !== undefined && topic === 'other') {
    problemAt(lineOfKey('topic'), 'warning', text(`알 수 없는 topic \`${topicValue}\`. 사용 가능: ${NOTE_TOPICS.join(', ')}`, `Unknown topic \`${topicValue}\`. Allowed: ${NOTE_TOPICS.join(', ')}`));
  }
  const summary = localizedField(data['summary'], text(firstParagraph(bodies.ko), firstParagraph(bodies.en)));
  const triggers = readTriggers(data['triggers'], (message) => problemAt(lineOfKey('triggers'), 'warning', message));
  const note: Note = {
    id,
    title,
    aliases: asStringList(data['aliases']),
    topic,
    related: asStringList(data['related']),
    summary,
    body: bodies,
    triggers,
    source: origin,
    path,
  };
  return { note, problems };
}
