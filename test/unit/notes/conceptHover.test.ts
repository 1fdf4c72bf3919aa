// Unit tests of concept matching and the hover built from it, with in-memory documents and `|` carets.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createLanguageService } from '../../../server/src/service/languageService';
import { normalizeSettings } from '../../../server/src/service/settings';
import { parseNote } from '../../../server/src/service/notes/noteParser';
import { buildNotesIndex } from '../../../server/src/service/notes/notesIndex';
import { parseImageReference, wordsOf } from '../../../server/src/service/notes/conceptMatcher';
import { documentAtCaret } from '../../helpers/caret';
import { bundledIndex } from '../../helpers/bundledNotes';

const service = createLanguageService({ rules: [], clientLocale: 'en' });
service.setNotes(bundledIndex());
const en = normalizeSettings({});
const ko = normalizeSettings({ language: 'ko' });

function hoverAt(source: string, settings = en, marker = '|'): string {
  const { document, position } = documentAtCaret(source, undefined, marker);
  const hover = service.hover(document, position, settings);
  if (!hover) return '';
  return (hover.contents as { value: string }).value;
}

/** Ids of the notes shown, in order, read from the hover's titles. */
function noteTitles(markdown: string): string[] {
  return [...markdown.matchAll(/^\*\*(.+?)\*\* — /gm)].map((m) => m[1]!);
}

describe('concept hover', () => {
  it('kind: Node → node', () => {
    assert.deepEqual(noteTitles(hoverAt('apiVersion: v1\nkind: No|de\n')), ['Node · 노드']);
  });

  it('nodeName key → node', () => {
    assert.match(hoverAt('spec:\n  node|Name: worker-1\n'), /\*\*Node · 노드\*\*/);
  });

  it('apiVersion and kind keys → the Kubernetes API and kubectl notes', () => {
    const titles = noteTitles(hoverAt('api|Version: v1\nkind: Pod\n')).join(' | ');
    assert.match(titles, /Kubernetes API/);
    assert.match(titles, /kubectl/);
  });

  it('images: alpine, a registry-qualified alpine, an -alpine tag, grafana', () => {
    assert.match(hoverAt('image: alp|ine:3.20\n'), /Alpine Linux/);
    assert.match(hoverAt('image: docker.io/library/alp|ine@sha256:abc\n'), /Alpine Linux/);
    assert.match(hoverAt('image: node:20-alp|ine\n'), /Alpine Linux/);
    assert.match(hoverAt('image: grafana/gra|fana:11.0.0\n'), /Grafana/);
  });

  it('ports: 22 → SSH and SFTP, 21 → FTP, 990 → FTPS; only in port fields', () => {
    const ssh = noteTitles(hoverAt('ports:\n  - containerPort: 2|2\n')).join(' | ');
    assert.match(ssh, /SSH/);
    assert.match(ssh, /SFTP/);
    assert.match(hoverAt('- containerPort: 2|1\n'), /FTP/);
    assert.match(hoverAt('- port: 99|0\n'), /FTPS/);
    assert.equal(hoverAt('replicas: 2|2\n'), '');
  });

  it('YAML tokens: # --- ... | > {} []', () => {
    assert.match(hoverAt('|# a comment\na: 1\n'), /comment/i);
    assert.match(hoverAt('a: 1\n-|--\nb: 2\n'), /document start/i);
    assert.match(hoverAt('a: 1\n.|..\n'), /document end/i);
    assert.match(hoverAt('script: ^|\n  echo hi\n', en, '^'), /block scalar/i);
    assert.match(hoverAt('text: |>\n  folded\n'), /block scalar/i);
    assert.match(hoverAt('labels: |{app: web}\n'), /object/i);
    assert.match(hoverAt('args: |[a, b]\n'), /list/i);
  });

  it('cluster words → the Kubernetes cluster and the machine-learning clustering notes, told apart', () => {
    const markdown = hoverAt('# this clu|ster runs the model\na: 1\n');
    assert.match(markdown, /different concepts/);
    const titles = noteTitles(markdown).join(' | ');
    assert.match(titles, /Kubernetes cluster/);
    assert.match(titles, /Clustering/);
    assert.match(hoverAt('# this clu|ster runs the model\na: 1\n', ko), /같은 말 “cluster”, 다른 개념/);
  });

  it('shows Korean first when the language is Korean', () => {
    const markdown = hoverAt('kind: No|de\n', ko);
    assert.match(markdown, /^\*\*노드 · Node\*\*/m);
    assert.ok(markdown.indexOf('워커') < markdown.indexOf('worker'));
  });

  it('stays silent where no note applies', () => {
    assert.equal(hoverAt('metadata:\n  na|me: web\n'), '');
  });

  it('respects kubeNotes.hover.enabled and kubeNotes.hover.concepts', () => {
    assert.equal(hoverAt('kind: No|de\n', normalizeSettings({ hover: { enabled: false } })), '');
    assert.equal(hoverAt('kind: No|de\n', normalizeSettings({ hover: { concepts: false } })), '');
  });

  it('limits the number of notes with kubeNotes.hover.maxNotes', () => {
    const markdown = hoverAt('- containerPort: 2|2\n', normalizeSettings({ hover: { maxNotes: 1 } }));
    assert.equal(noteTitles(markdown).length, 1);
  });
});

describe('untrusted note text in hovers', () => {
  const evil = parseNote(
    [
      '---',
      'id: evil',
      'title: "<img src=x onerror=alert(1)>"',
      'summary: "[click](command:workbench.action.terminal.new) <script>alert(1)</script> ```"',
      'triggers:',
      '  kinds: [Evil]',
      '---',
      'body',
    ].join('\n'),
    '/user/evil.md',
    'user',
  );
  const local = createLanguageService({ rules: [], commandLinks: true });
  local.setNotes(buildNotesIndex([], [evil]));

  it('escapes HTML and never turns note text into links or commands', () => {
    const { document, position } = documentAtCaret('kind: Ev|il\n');
    const value = (local.hover(document, position, en)!.contents as { value: string }).value;
    assert.doesNotMatch(value, /<script|<img/);
    assert.doesNotMatch(value, /\]\(command:workbench/);
    assert.match(value, /&lt;script&gt;/);
    // The only command link is our own glossary link.
    const links = [...value.matchAll(/\]\((command:[^)?]+)/g)].map((m) => m[1]);
    assert.deepEqual(links, ['command:kubeNotes.openGlossary']);
  });
});

describe('concept matcher helpers', () => {
  it('parses image references', () => {
    assert.deepEqual(parseImageReference('alpine'), { repository: 'alpine', name: 'alpine' });
    assert.deepEqual(parseImageReference('ghcr.io/org/app:1.2'), { repository: 'org/app', name: 'app', tag: '1.2' });
    assert.deepEqual(parseImageReference('localhost:5000/library/alpine:3'), { repository: 'alpine', name: 'alpine', tag: '3' });
    assert.deepEqual(parseImageReference('Grafana/Grafana@sha256:0'), { repository: 'grafana/grafana', name: 'grafana' });
  });

  it('splits words, including camelCase keys', () => {
    assert.deepEqual(wordsOf('clusterIP'), ['cluster', 'ip']);
    assert.deepEqual(wordsOf('쿠버네티스 cluster!'), ['쿠버네티스', 'cluster']);
  });

  it('noteAt finds the note under the cursor or a glossary term', () => {
    const { document, position } = documentAtCaret('kind: No|de\n');
    assert.equal(service.noteAt(document, position), 'node');
    const term = documentAtCaret('# read about mini|kube first\n');
    assert.equal(service.noteAt(term.document, term.position), 'minikube');
  });
});
