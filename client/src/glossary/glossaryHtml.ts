// Renders the glossary webview's HTML from note entries; pure (no vscode), every note text escaped or sanitised.
import MarkdownIt from 'markdown-it';
import type { GlossaryEntry } from '../../../server/src/service/glossary/glossaryModel';
import type { Lang } from '../../../server/src/service/l10n/localized';

export interface GlossaryPageOptions {
  readonly entries: readonly GlossaryEntry[];
  readonly lang: Lang;
  readonly nonce: string;
  /** The webview's `cspSource` (for our stylesheet). */
  readonly cspSource: string;
  readonly scriptUri: string;
  readonly styleUri: string;
  /** Note to scroll to after load. */
  readonly focusId?: string;
}

const SAFE_LINK = /^(https?:\/\/|#note-)/i;

/** Markdown with raw HTML disabled (shown as text) and only http(s) and in-page note links allowed. */
const markdown = new MarkdownIt({ html: false, linkify: false, typographer: false });
markdown.validateLink = (url: string): boolean => SAFE_LINK.test(url.trim());
// No images: a note cannot make the webview load anything.
markdown.disable(['image']);
const defaultLinkOpen = markdown.renderer.rules['link_open'] ?? ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options));
markdown.renderer.rules['link_open'] = (tokens, idx, options, env, self) => {
  const token = tokens[idx]!;
  const href = String(token.attrGet('href') ?? '');
  if (!href.startsWith('#')) {
    token.attrSet('target', '_blank');
    token.attrSet('rel', 'noopener noreferrer');
  }
  return defaultLinkOpen(tokens, idx, options, env, self);
};

/** Escapes text for HTML content and attribute values. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"'`]/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

/** Renders a note body; the result contains no raw HTML from the note. */
export function renderNoteMarkdown(body: string): string {
  return markdown.render(body);
}

function labels(lang: Lang) {
  return lang === 'ko'
    ? { title: '쿠버 노트 용어집', search: '한국어나 영어로 검색 (별칭 포함)…', related: '관련 노트', none: '찾는 노트가 없습니다.', user: '내 노트', aliases: '별칭', count: '개 노트' }
    : { title: 'Kube Notes Glossary', search: 'Search in Korean or English (aliases too)…', related: 'Related', none: 'No note matches.', user: 'my note', aliases: 'Also', count: ' notes' };
}

function renderEntry(entry: GlossaryEntry, lang: Lang, text: ReturnType<typeof labels>): string {
  const other: Lang = lang === 'ko' ? 'en' : 'ko';
  const searchText = [entry.id, entry.title.ko, entry.title.en, ...entry.aliases, entry.summary.ko, entry.summary.en].join(' ').toLowerCase();
  const related = entry.related.length
    ? `<p class="related">${escapeHtml(text.related)}: ${entry.related
        .map((r) => `<a href="#note-${escapeHtml(r.id)}" data-note="${escapeHtml(r.id)}">${escapeHtml(r.title[lang])}</a>`)
        .join(' · ')}</p>`
    : '';
  const aliases = entry.aliases.length ? `<p class="aliases">${escapeHtml(text.aliases)}: ${entry.aliases.map(escapeHtml).join(', ')}</p>` : '';
  const badge = entry.source === 'user' ? ` <span class="badge">${escapeHtml(text.user)}</span>` : '';
  return `<article class="note" id="note-${escapeHtml(entry.id)}" data-search="${escapeHtml(searchText)}">
<h2>${escapeHtml(entry.title[lang])} <small>${escapeHtml(entry.title[other])}</small>${badge}</h2>
${aliases}
<section class="body primary" lang="${lang}">${renderNoteMarkdown(entry.body[lang])}</section>
<details class="body secondary" lang="${other}"><summary>${other === 'en' ? 'English' : '한국어'}</summary>${renderNoteMarkdown(entry.body[other])}</details>
${related}
</article>`;
}

/** The complete HTML document of the glossary webview. */
export function renderGlossaryPage(options: GlossaryPageOptions): string {
  const { entries, lang, nonce } = options;
  const text = labels(lang);
  const groups = new Map<string, GlossaryEntry[]>();
  for (const entry of entries) groups.set(entry.topic, [...(groups.get(entry.topic) ?? []), entry]);
  const sections = [...groups.values()]
    .map((group) => `<section class="topic" data-topic="${escapeHtml(group[0]!.topic)}"><h1>${escapeHtml(group[0]!.topicLabel[lang])}</h1>${group.map((e) => renderEntry(e, lang, text)).join('\n')}</section>`)
    .join('\n');
  const csp = [
    "default-src 'none'",
    `style-src ${options.cspSource}`,
    `script-src 'nonce-${nonce}'`,
    "img-src 'none'",
    "font-src 'none'",
    "connect-src 'none'",
    "form-action 'none'",
    "frame-src 'none'",
  ].join('; ');
  return `<!DOCTYPE html>
<html lang="${lang}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${escapeHtml(options.styleUri)}">
<title>${escapeHtml(text.title)}</title>
</head>
<body data-focus="${escapeHtml(options.focusId ?? '')}">
<header>
<input id="search" type="search" placeholder="${escapeHtml(text.search)}" aria-label="${escapeHtml(text.search)}" autocomplete="off">
<span id="count" aria-live="polite">${entries.length}${escapeHtml(text.count)}</span>
</header>
<main id="notes">
${sections}
<p id="empty" hidden>${escapeHtml(text.none)}</p>
</main>
<script nonce="${nonce}" src="${escapeHtml(options.scriptUri)}"></script>
</body>
</html>`;
}
