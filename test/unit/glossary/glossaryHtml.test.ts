// Unit tests of the glossary page: CSP with a nonce, every note, search data, and user HTML shown as text.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { renderGlossaryPage, renderNoteMarkdown } from '../../../client/src/glossary/glossaryHtml';
import { glossaryEntries } from '../../../server/src/service/glossary/glossaryModel';
import { parseNote } from '../../../server/src/service/notes/noteParser';
import { buildNotesIndex } from '../../../server/src/service/notes/notesIndex';
import { loadBundledNotes } from '../../helpers/bundledNotes';

const evil = parseNote(
  [
    '---',
    'id: evil',
    'title: "<b>bold</b>"',
    'aliases: ["\\"><script>alert(1)</script>"]',
    '---',
    '<script>alert(1)</script>',
    '',
    '<img src=x onerror=alert(2)> [run](command:workbench.action.terminal.new) [js](javascript:alert(3)) [web](https://kubernetes.io) ![i](https://x/y.png)',
  ].join('\n'),
  '/user/evil.md',
  'user',
);

function page(entries = glossaryEntries(buildNotesIndex(loadBundledNotes(), [evil]))) {
  return renderGlossaryPage({ entries, lang: 'ko', nonce: 'NONCE123', cspSource: 'vscode-resource:', scriptUri: 'vscode-resource:/g.js', styleUri: 'vscode-resource:/g.css' });
}

describe('glossary page', () => {
  it('has a strict CSP with a nonce and loads only its own script', () => {
    const html = page();
    assert.match(html, /default-src 'none'/);
    assert.match(html, /script-src 'nonce-NONCE123'/);
    assert.equal((html.match(/<script/g) ?? []).length, 1);
    assert.match(html, /<script nonce="NONCE123" src="vscode-resource:\/g.js"><\/script>/);
  });

  it('lists every note, grouped by topic, with search data and related links', () => {
    const entries = glossaryEntries(buildNotesIndex(loadBundledNotes(), []));
    const html = page(entries);
    assert.equal((html.match(/<article class="note"/g) ?? []).length, entries.length);
    assert.ok(entries.length >= 28);
    assert.match(html, /<h1>쿠버네티스<\/h1>/);
    assert.match(html, /<h1>머신러닝<\/h1>/);
    assert.match(html, /id="note-node" data-search="[^"]*worker node[^"]*"/);
    assert.match(html, /<a href="#note-kubelet" data-note="kubelet">/);
  });

  it('shows user HTML as text and drops command:, javascript: links and images', () => {
    const html = page();
    const article = html.slice(html.indexOf('id="note-evil"'), html.indexOf('</article>', html.indexOf('id="note-evil"')));
    assert.doesNotMatch(article, /<script|<img|<b>/);
    assert.match(article, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
    assert.doesNotMatch(article, /href="(command|javascript):/);
    assert.match(article, /href="https:\/\/kubernetes.io" target="_blank" rel="noopener noreferrer"/);
  });

  it('renders Markdown code blocks from the notes', () => {
    assert.match(renderNoteMarkdown('```yaml\nkey: value\n```'), /<pre><code class="language-yaml">key: value/);
  });
});
