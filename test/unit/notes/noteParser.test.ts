// Unit tests of the note file format: front matter, language sections, triggers and every kind of problem.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseNote } from '../../../server/src/service/notes/noteParser';
import { buildNotesIndex } from '../../../server/src/service/notes/notesIndex';

const NOTE = `---
id: pod
title:
  ko: 파드
  en: Pod
aliases: [파드, pods]
topic: kubernetes
related: [node]
summary:
  ko: 가장 작은 배포 단위.
  en: The smallest deployable unit.
triggers:
  keys: [pods]
  kinds: [Pod]
  values: []
  images: [Alpine]
  ports: [8080]
  tokens: ['---']
  words: [Pod]
---

## 한국어

파드는 컨테이너의 묶음이다.

## English

A pod groups containers.
`;

describe('parseNote', () => {
  it('reads front matter, both sections and triggers', () => {
    const { note, problems } = parseNote(NOTE, '/notes/pod.md', 'user');
    assert.deepEqual(problems, []);
    assert.ok(note);
    assert.equal(note.id, 'pod');
    assert.deepEqual(note.title, { ko: '파드', en: 'Pod' });
    assert.equal(note.topic, 'kubernetes');
    assert.equal(note.body.ko, '파드는 컨테이너의 묶음이다.');
    assert.equal(note.body.en, 'A pod groups containers.');
    assert.deepEqual(note.triggers.kinds, ['Pod']);
    assert.deepEqual(note.triggers.ports, [8080]);
    assert.deepEqual(note.triggers.images, ['alpine'], 'image triggers are lower-cased');
    assert.deepEqual(note.triggers.words, ['pod'], 'word triggers are lower-cased');
    assert.equal(note.source, 'user');
  });

  it('accepts CRLF line ends and a BOM', () => {
    const { note, problems } = parseNote(`\uFEFF${NOTE.replace(/\n/g, '\r\n')}`, '/n.md', 'user');
    assert.deepEqual(problems, []);
    assert.equal(note?.body.en, 'A pod groups containers.');
  });

  it('uses a body without language sections for both languages and its first paragraph as summary', () => {
    const { note } = parseNote('---\nid: mine\n---\nMy own words.\n\nMore.\n', '/n.md', 'user');
    assert.equal(note?.body.ko, 'My own words.\n\nMore.');
    assert.equal(note?.body.en, note?.body.ko);
    assert.equal(note?.summary.en, 'My own words.');
  });

  it('reports a missing front matter, an unclosed one and broken YAML without throwing', () => {
    assert.match(parseNote('# just markdown\n', '/a.md', 'user').problems[0]!.message.en, /front matter/);
    assert.match(parseNote('---\nid: a\n', '/a.md', 'user').problems[0]!.message.en, /closing `---`/);
    const broken = parseNote('---\nid: [a\n---\nbody\n', '/a.md', 'user');
    assert.equal(broken.note, undefined);
    assert.match(broken.problems[0]!.message.en, /not valid YAML/);
    assert.match(broken.problems[0]!.message.ko, /YAML/);
  });

  it('rejects a bad id and warns about unknown topics, tokens, ports and trigger kinds', () => {
    assert.match(parseNote('---\nid: Bad Id\n---\n', '/a.md', 'user').problems[0]!.message.en, /invalid `id`/);
    const { note, problems } = parseNote(
      "---\nid: a\ntitle: A\ntopic: cooking\ntriggers:\n  tokens: ['%%']\n  ports: [70000]\n  smells: [x]\n---\n",
      '/a.md',
      'user',
    );
    assert.ok(note);
    const messages = problems.map((p) => p.message.en).join('\n');
    assert.match(messages, /Unknown topic `cooking`/);
    assert.match(messages, /Unknown YAML token `%%`/);
    assert.match(messages, /Port `70000`/);
    assert.match(messages, /Unknown trigger kind `smells`/);
    assert.ok(problems.every((p) => p.severity === 'warning'));
  });

  it('points problems at the line of the offending key', () => {
    const { problems } = parseNote('---\nid: a\ntitle: A\n\ntopic: nope\n---\n', '/a.md', 'user');
    assert.equal(problems[0]!.line, 4);
  });
});

describe('buildNotesIndex', () => {
  const bundled = parseNote(NOTE, '/bundled/pod.md', 'bundled');
  const node = parseNote('---\nid: node\ntitle: Node\nrelated: [pod]\n---\nx\n', '/bundled/node.md', 'bundled');

  it('indexes triggers and aliases', () => {
    const index = buildNotesIndex([bundled, node], []);
    assert.equal(index.byKind.get('Pod')?.[0]?.id, 'pod');
    assert.equal(index.byPort.get(8080)?.[0]?.id, 'pod');
    assert.equal(index.byAlias.get('파드')?.[0]?.id, 'pod');
    assert.equal(index.byAlias.get('pods')?.[0]?.id, 'pod');
    assert.deepEqual(index.problems, []);
  });

  it('lets a user note replace the bundled note with the same id', () => {
    const user = parseNote('---\nid: pod\ntitle: My pod\n---\nmine\n', '/user/pod.md', 'user');
    const index = buildNotesIndex([bundled, node], [user]);
    assert.equal(index.notes.get('pod')?.title.en, 'My pod');
    assert.equal(index.notes.get('pod')?.source, 'user');
    assert.equal(index.byKind.get('Pod'), undefined, 'the replaced note no longer triggers');
    assert.deepEqual(index.problems, []);
  });

  it('warns about duplicate ids within one source and unknown related ids', () => {
    const dup = parseNote('---\nid: node\ntitle: Other\nrelated: [ghost]\n---\n', '/bundled/other.md', 'bundled');
    const index = buildNotesIndex([bundled, node, dup], []);
    const messages = index.problems.map((p) => p.message.en).join('\n');
    assert.match(messages, /Duplicate id `node`/);
    assert.match(messages, /`related` names `ghost`/);
  });
});
