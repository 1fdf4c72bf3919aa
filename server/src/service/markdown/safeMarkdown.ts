// Builds hover Markdown from untrusted text: escapes Markdown and HTML so nothing becomes a link, tag or command.

const MARKDOWN_SPECIAL = /[\\`*_{}[\]()#+\-.!|<>~&:]/g;

/**
 * Escapes text so it renders literally: no emphasis, no links (so no `command:` links), no HTML.
 * `<`, `>` and `&` become entities so even renderers that allow HTML show them as text.
 */
export function escapeMarkdown(value: string): string {
  return value.replace(MARKDOWN_SPECIAL, (ch) => {
    if (ch === '<') return '&lt;';
    if (ch === '>') return '&gt;';
    if (ch === '&') return '&amp;';
    return `\\${ch}`;
  });
}

/** A fenced code block whose fence is longer than any backtick run inside, so the text cannot break out. */
export function fencedCode(value: string, language = ''): string {
  const longest = Math.max(2, ...(value.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  return `${fence}${language}\n${value}\n${fence}`;
}

/** Inline code that cannot be broken out of (and shows backticks literally). */
export function inlineCode(value: string): string {
  const clean = value.replace(/[\r\n]+/g, ' ');
  const longest = Math.max(0, ...(clean.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = clean.startsWith('`') || clean.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${clean}${pad}${fence}`;
}

/** A `command:` link to one of our own commands; arguments are JSON-encoded and URI-escaped. */
export function commandLink(label: string, command: string, args: readonly unknown[]): string {
  return `[${escapeMarkdown(label)}](command:${command}?${encodeURIComponent(JSON.stringify(args))})`;
}

/** Shortens text to a number of characters at a word boundary, adding an ellipsis. */
export function truncate(value: string, max: number): string {
  const flat = value.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
