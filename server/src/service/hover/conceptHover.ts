// Hover participant that shows the concept notes matching the cursor, primary language first.
import { otherLang, text, type Lang, type Localized } from '../l10n/localized';
import { commandLink, escapeMarkdown, truncate } from '../markdown/safeMarkdown';
import { matchConcepts, type ConceptMatch } from '../notes/conceptMatcher';
import type { Note, NoteTopic } from '../notes/note';
import type { HoverContext, HoverParticipant, HoverSection } from './hoverParticipant';

export const OPEN_GLOSSARY_COMMAND = 'kubeNotes.openGlossary';

export const topicLabels: Readonly<Record<NoteTopic, Localized>> = {
  kubernetes: text('쿠버네티스', 'Kubernetes'),
  containers: text('컨테이너', 'Containers'),
  linux: text('리눅스', 'Linux'),
  networking: text('네트워크', 'Networking'),
  monitoring: text('모니터링', 'Monitoring'),
  'machine-learning': text('머신러닝', 'Machine learning'),
  yaml: text('YAML', 'YAML'),
  other: text('기타', 'Other'),
};

const openLabel = text('용어집에서 전체 노트 보기', 'Open the full note in the glossary');
const SUMMARY_LIMIT = 220;

/** Markdown for one note: title, topic, summary in the primary language, then the other language. */
export function renderNoteHover(note: Note, lang: Lang, commandLinks: boolean): string {
  const other = otherLang(lang);
  const title = note.title[lang] === note.title[other] ? escapeMarkdown(note.title[lang]) : `${escapeMarkdown(note.title[lang])} · ${escapeMarkdown(note.title[other])}`;
  const lines = [
    `**${title}** — _${escapeMarkdown(topicLabels[note.topic][lang])}_`,
    '',
    escapeMarkdown(truncate(note.summary[lang], SUMMARY_LIMIT)),
  ];
  if (note.summary[other] !== note.summary[lang]) lines.push('', `_${escapeMarkdown(truncate(note.summary[other], SUMMARY_LIMIT))}_`);
  if (commandLinks) lines.push('', commandLink(`${openLabel[lang]} →`, OPEN_GLOSSARY_COMMAND, [note.id]));
  return lines.join('\n');
}

/** When one word points at notes of different topics (cluster vs clustering), say they differ. */
function disambiguation(matches: readonly ConceptMatch[], lang: Lang): string | undefined {
  const byWord = new Map<string, ConceptMatch[]>();
  for (const m of matches) if (m.reason === 'word') byWord.set(m.matched, [...(byWord.get(m.matched) ?? []), m]);
  for (const [word, group] of byWord) {
    const topics = new Set(group.map((m) => m.note.topic));
    if (topics.size < 2) continue;
    const parts = group.map((m) => `**${escapeMarkdown(m.note.title[lang])}** (${escapeMarkdown(topicLabels[m.note.topic][lang])})`).join(' ≠ ');
    return lang === 'ko'
      ? `⚖️ 같은 말 “${escapeMarkdown(word)}”, 다른 개념: ${parts}`
      : `⚖️ One word “${escapeMarkdown(word)}”, different concepts: ${parts}`;
  }
  return undefined;
}

export const conceptHover: HoverParticipant = {
  id: 'concepts',
  provide(context: HoverContext): HoverSection[] {
    if (!context.settings.hover.concepts || context.notes.notes.size === 0) return [];
    const matches = matchConcepts(context.notes, context.chunk.parsed, context.offset);
    if (matches.length === 0) return [];
    const shown = matches.slice(0, context.settings.hover.maxNotes);
    const parts: string[] = [];
    const note = disambiguation(shown, context.lang);
    if (note) parts.push(note);
    for (const match of shown) parts.push(renderNoteHover(match.note, context.lang, context.commandLinks));
    return [
      {
        markdown: parts.join('\n\n---\n\n'),
        start: Math.min(...shown.map((m) => m.start)),
        end: Math.max(...shown.map((m) => m.end)),
        order: 20,
      },
    ];
  },
};
