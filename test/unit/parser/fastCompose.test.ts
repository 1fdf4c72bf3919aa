// Differential tests of fastCompose: on any input it must decline or give exactly the real Composer's documents.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Composer, Parser, isAlias, isCollection, isDocument, isMap, isPair, isScalar, isSeq, type Document } from 'yaml';
import { COMPOSE_OPTIONS, fastCompose, lastDeclineReason } from '../../../server/src/service/parser/fastCompose';
import { yamlClassCopy, yamlPrototypeOf } from '../../../server/src/service/parser/fastNodes';
import { splitIntoChunks } from '../../../server/src/service/parser/documentSplitter';
import { generateManifest } from '../../../bench/manifests';
import { createRng } from '../../../bench/stats';

const ROOT = join(__dirname, '..', '..', '..', '..');

interface Outcome {
  readonly accepted: boolean;
  /** The real Composer reported errors or warnings. */
  readonly problems: boolean;
}

/** Either the value or the message of what it threw, so both sides can be compared even when they throw. */
function attempt(fn: () => unknown): unknown {
  try {
    return { value: fn() };
  } catch (error) {
    return { threw: String(error) };
  }
}

/**
 * Node class, schema identity and node-type symbols, which deepStrictEqual does not see (non-enumerable, or on the
 * fast nodes' prototype).
 */
function compareNodes(fast: unknown, real: unknown, fastDoc: Document, realDoc: Document, path: string): void {
  const predicates: ReadonlyArray<(node: unknown) => boolean> = [isScalar, isMap, isSeq, isPair, isAlias, isCollection];
  for (const is of predicates) assert.equal(is(fast), is(real), `${path}: ${is.name}`);
  if (typeof fast === 'object' && fast !== null && typeof real === 'object' && real !== null) {
    assert.equal(yamlPrototypeOf(fast), Object.getPrototypeOf(real), `${path}: class`);
    assert.ok(fast instanceof (real.constructor as new () => object), `${path}: instanceof`);
  }
  if (isCollection(fast) && isCollection(real)) {
    assert.ok((fast as { schema?: unknown }).schema === fastDoc.schema, `${path}: collection schema is the document's`);
    assert.ok((real as { schema?: unknown }).schema === realDoc.schema, `${path}: (real) collection schema is the document's`);
    assert.equal(fast.items.length, real.items.length, `${path}: items`);
    fast.items.forEach((item, i) => compareNodes(item, real.items[i], fastDoc, realDoc, `${path}[${i}]`));
  } else if (isPair(fast) && isPair(real)) {
    compareNodes(fast.key, real.key, fastDoc, realDoc, `${path}.key`);
    compareNodes(fast.value, real.value, fastDoc, realDoc, `${path}.value`);
  }
}

/** Composes `text` both ways; fails (printing the input) unless fastCompose declined or matched exactly. */
function check(text: string): Outcome {
  const tokens = Array.from(new Parser().parse(text));
  const real = Array.from(new Composer(COMPOSE_OPTIONS).compose(tokens, true, text.length));
  const problems = real.some((doc) => doc.errors.length > 0 || doc.warnings.length > 0);
  const fast = fastCompose(tokens, text.length);
  if (fast === undefined) return { accepted: false, problems };
  try {
    assert.ok(!problems, 'the real Composer reported problems but fastCompose accepted the input');
    assert.equal(fast.length, real.length);
    // Every own enumerable field of every node and document (class, range, value, source, type, format, comments,
    // spaceBefore, flow, items, key/value, contents, directives, options, schema, errors, …), recursively.
    assert.deepStrictEqual(yamlClassCopy(fast), real);
    for (let i = 0; i < real.length; i++) {
      const f: Document = fast[i]!;
      const r: Document = real[i]!;
      assert.ok(isDocument(f));
      assert.equal(yamlPrototypeOf(f), Object.getPrototypeOf(r), 'document class');
      // deepStrictEqual ignores key order and object identity: the options must also serialise alike and be the document's own.
      assert.deepEqual(Object.keys(f.options), Object.keys(r.options), 'options key order');
      assert.ok(i === 0 || f.options !== fast[0]!.options, 'each document has its own options object');
      compareNodes(f.contents, r.contents, f, r, `doc${i}`);
      assert.equal(
        (f.options as { _directives?: unknown })._directives === (fast[0]!.options as { _directives?: unknown })._directives,
        (r.options as { _directives?: unknown })._directives === (real[0]!.options as { _directives?: unknown })._directives,
        'documents share one stream Directives object',
      );
      assert.deepStrictEqual(attempt(() => f.toJS()), attempt(() => r.toJS()));
      assert.deepStrictEqual(attempt(() => f.toJSON()), attempt(() => r.toJSON()));
      assert.deepStrictEqual(attempt(() => String(f)), attempt(() => String(r)));
    }
  } catch (error) {
    console.error(`fastCompose mismatch for input ${JSON.stringify(text)}`);
    throw error;
  }
  return { accepted: true, problems };
}

/** The text and each of its `---` chunks, as parsedFile.ts composes them. */
function wholeAndChunks(text: string): string[] {
  return [text, ...splitIntoChunks(text).map((s) => text.slice(s.start, s.end))];
}

function yamlFiles(dir: string): string[] {
  const files: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) files.push(...yamlFiles(path));
    else if (/\.ya?ml$/.test(name)) files.push(path);
  }
  return files;
}

/** The text with Windows line ends. */
const toCrlf = (text: string): string => text.replace(/\r?\n/g, '\r\n');

function assertAccepted(text: string): void {
  const outcome = check(text);
  assert.ok(outcome.accepted, `declined (${lastDeclineReason()}): ${JSON.stringify(text)}`);
}

describe('fastCompose: differential corpus', () => {
  it('matches the Composer on every example and test YAML file, whole and per chunk', () => {
    const files = [...yamlFiles(join(ROOT, 'docs', 'examples')), ...yamlFiles(join(ROOT, 'test'))];
    assert.ok(files.length > 50, `found only ${files.length} files`);
    let accepted = 0;
    let total = 0;
    for (const file of files) {
      for (const text of wholeAndChunks(readFileSync(file, 'utf8'))) {
        total++;
        if (check(text).accepted) accepted++;
      }
    }
    console.log(`corpus: ${accepted}/${total} texts accepted`);
    assert.ok(accepted > total / 2);
  });

  it('matches the Composer on generated manifests', () => {
    for (const [lines, seed] of [[200, 1], [500, 2], [1_000, 3], [3_000, 4], [1_000, 11]] as const) {
      for (const text of wholeAndChunks(generateManifest(lines, seed).text)) check(text);
    }
  });
});

describe('fastCompose: coverage', () => {
  it('accepts generated manifests of 1,000 and 10,000 lines, whole and per chunk', () => {
    for (const [lines, seed] of [[1_000, 1], [1_000, 2], [1_000, 3], [1_000, 7], [10_000, 1], [10_000, 4]] as const) {
      const text = generateManifest(lines, seed).text;
      assert.match(text, /^# \S+-svc-\d+: owned by the \w+ team$/m);
      assert.match(text, /: \|\n/);
      assert.match(text, /: >-\n/);
      for (const chunk of wholeAndChunks(text)) assertAccepted(chunk);
    }
  });

  it('accepts generated manifests with CRLF line ends, whole and per chunk', () => {
    for (const [lines, seed] of [[1_000, 1], [1_000, 2], [1_000, 7], [10_000, 4]] as const) {
      for (const chunk of wholeAndChunks(toCrlf(generateManifest(lines, seed).text))) assertAccepted(chunk);
    }
  });

  it('accepts the Kubernetes examples wherever the Composer reports no problem, also with CRLF line ends', () => {
    for (const crlf of [false, true]) {
      let accepted = 0;
      for (const file of yamlFiles(join(ROOT, 'docs', 'examples', 'manifests'))) {
        const text = readFileSync(file, 'utf8');
        for (const chunk of wholeAndChunks(crlf ? toCrlf(text) : text)) {
          const outcome = check(chunk);
          assert.ok(outcome.accepted || outcome.problems, `${file}: declined (${lastDeclineReason()}): ${JSON.stringify(chunk)}`);
          if (outcome.accepted) accepted++;
        }
      }
      assert.ok(accepted >= 8, `accepted ${accepted}${crlf ? ' with CRLF' : ''}`);
    }
  });

  const tricky: Record<string, string> = {
    'comment before the first key': '# head\napiVersion: v1\nkind: Pod\n',
    'comments before the first key after a blank line': '# one\n\n# two\na: 1\n',
    'comment after ---': '--- # marker\n# head\na: 1\n',
    'comments between items': 'a:\n  - x\n  # between\n  - y\n# top level\nb: 2\n',
    'comments after the last item': 'a:\n  b: 1\n  # after b\n  # and more\n',
    'comments at lower indentation': 'a:\n  b:\n    - 1\n  # lower\n# lowest\n',
    'comment between key and nested map': 'a: # on a\n  b: 1\n',
    'comment before a nested value': 'a:\n  # before b\n  b: 1\n',
    'trailing comments after values': 'a: 1 # one\nb: "two" # two\nc: \'3\' #\nd: [x] # flow\n',
    'comment on an empty value': 'a: # empty\nb:\n',
    'comments after the document': 'a: 1\n# after\n\n# end\n',
    'blank lines (spaceBefore)': 'a: 1\n\nb: 2\n\n\nc:\n  - x\n\n  - y\n',
    'blank line then comment': 'a: 1\n\n# c\nb: 2\n',
    'empty values': 'a:\nb:\n  c:\n  d: \nseq:\n  -\n  - \n  - x\n',
    'empty document': '',
    'comment-only document': '# nothing here\n',
    'literal block with trailing blank lines': 'a: |\n  one\n  two\n\n\nb: 1\n',
    'block scalar chomping and indicators': 'a: |-\n  x\nb: |+\n  y\n\nc: >\n  p\n  q\n\n  r\nd: >-\n  s\n    more\n  t\ne: |2\n    indented\nf: >+\n\n',
    'block scalar with comment': 'a: | # keep\n  x\n',
    'block scalar at the root': '|\nroot text\n',
    'block scalars in a sequence': '- |\n  a\n- >-\n  b\n',
    'quoted keys': '"a b": 1\n\'c\': 2\n"": 3\n',
    'numbers of every kind': 'a: 0x1F\nb: 1e3\nc: .5\nd: +1\ne: -0\nf: .inf\ng: -.Inf\nh: .NaN\ni: 0o17\nj: 017\nk: 1.50\nl: 12\nm: 1_000\nn: 0x\no: 1.2.3\np: 3.\nq: 6.02E+23\nr: 99999999999999999999\n',
    'null and booleans': 'a: ~\nb: null\nc: Null\nd: NULL\ne: true\nf: False\ng: TRUE\nh: nULL\ni: tRUE\n',
    'YAML 1.1 look-alikes stay strings': 'a: yes\nb: no\nc: on\nd: off\ne: y\nf: 0b101\ng: 1:20\nh: 2001-12-14\n',
    'scalar keys of every kind': '1: a\ntrue: b\n~: c\n.5: d\n0x10: e\n',
    'escapes in double quotes': 'a: "tab\\tnl\\nq\\"bs\\\\u\\u00e9x\\x41U\\U0001F600"\nb: "\\/\\ \\_\\0"\n',
    'single-quote escapes': "a: 'it''s'\nb: ''\n",
    'plain scalars with indicators inside': 'a: http://x.y/z?q=1#frag\nb: a#b\nc: -x\nd: a:b\ne: x -- y\n',
    'flow collections': 'a: [x, "y", \'z\', 1, ~]\nb: []\nc: {}\nd: { }\ne: [a, ]\nf: {cpu: 500m, memory: 64Mi}\ng: [[1, 2], {k: v}]\nh: {a: [1], b: }\n',
    'sequence of maps': 'containers:\n- name: a\n  image: b\n-   name: c\n    ports:\n    - 80\n',
    'nested sequences': '- - a\n  - b\n- - - c\n',
    'multi-document stream': 'a: 1\n---\nb: 2\n--- # c\n# d\nc: 3\n...\n# e\n',
    'doc-end with comment': 'a: 1\n... # done\n',
    'CRLF line ends': 'a: 1\r\n# c\r\nb:\r\n  - x\r\n',
    'CRLF comments, blank lines and documents': '# one\r\n\r\n# two\r\na: 1 # c\r\n\r\n# three\r\n#\r\nb: # d\r\n  c: 2\r\n--- # e\r\nd: [x, "y"]\r\n... # f\r\n# g\r\n',
    'CRLF block scalars': 'a: |\r\n  one\r\n\r\n  two\r\n  \r\nb: >\r\n  p\r\n  q\r\n\r\n   more\r\n  r\r\nc: |+\r\n  kept\r\n\r\n   \r\nd: >-\r\n\r\n  s\r\ne: |2\r\n    t\r\n',
    'tab after the colon': 'a:\t1\nb: [\tx]\n',
    'duplicate keys (uniqueKeys off)': 'a: 1\na: 2\n',
    '<< as a value': 'a: <<\n',
  };
  for (const [name, text] of Object.entries(tricky)) {
    it(`accepts: ${name}`, () => assertAccepted(text));
  }

  const declined: Record<string, string> = {
    anchor: 'a: &x 1\n',
    alias: 'a: &x 1\nb: *x\n',
    tag: 'a: !!str 1\n',
    'merge key': 'a:\n  <<: {b: 1}\n',
    directive: '%YAML 1.2\n---\na: 1\n',
    'explicit key': '? a\n: 1\n',
    'multi-line plain scalar': 'a: one\n  two\n',
    'multi-line quoted scalar': 'a: "one\n  two"\n',
    'bad indentation': 'a:\n  b: 1\n c: 2\n',
    'tab indentation': 'a:\n\tb: 1\n',
    'missing closing quote': 'a: "x\n',
    'bad escape': 'a: "\\q"\n',
    'comment without space after a quote': 'a: "x"#c\n',
    'plain scalar starting with @': 'a: @x\n',
    'block map on the --- line': '--- a: 1\n',
    'unterminated flow': 'a: [x\n',
    'comment in a flow collection': 'a: [x, # c\n  y]\n',
    'leading comma in a flow sequence': 'a: [, b]\n',
    'alias in a flow collection': 'a: [*x]\nb: {k: *x}\n',
    'escape beyond U+10FFFF': 'a: "\\U00110000"\n',
    'flow sequence pair': 'a: [b: c]\n',
  };
  for (const [name, text] of Object.entries(declined)) {
    it(`declines: ${name}`, () => {
      assert.equal(check(text).accepted, false, `accepted ${JSON.stringify(text)}`);
    });
  }
});

// ---------------------------------------------------------------------------------------------------------------
// Fuzz: mutations of valid manifests and random documents from a grammar of the subset.

type Rng = () => number;
const pick = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length)]!;
const FUZZ_TOTAL = Number(process.env.FAST_COMPOSE_FUZZ ?? 6_000);
const MUTATION_CHARS = ' \n-:#|>\'"[]{},&*!?%\tabcxyz019.~\\\r';

function mutate(rng: Rng, text: string): string {
  let lines = text.split('\n');
  for (let m = 0, count = 1 + Math.floor(rng() * 3); m < count; m++) {
    const at = Math.floor(rng() * lines.length);
    const line = lines[at] ?? ''; // every line may have been deleted already
    const col = Math.floor(rng() * (line.length + 1));
    switch (Math.floor(rng() * 7)) {
      case 0: lines[at] = line.slice(0, col) + pick(rng, [...MUTATION_CHARS]) + line.slice(col); break;
      case 1: lines[at] = line.slice(0, col) + line.slice(col + 1); break;
      case 2: lines[at] = line.slice(0, col) + pick(rng, [...MUTATION_CHARS]) + line.slice(col + 1); break;
      case 3: lines.splice(at, 0, line); break;
      case 4: lines[at] = pick(rng, [' ', '  ', '\t']) + line; break;
      case 5: lines[at] = line.replace(/^ {1,2}/, ''); break;
      default: lines = lines.filter((_, i) => i !== at);
    }
  }
  return lines.join('\n');
}

const WORDS = ['app', 'name', 'image', 'nginx:1.27', 'a.b/c', 'x-y', 'http://h:80/p', 'a#b', 'v1', 'Always', 'yes', 'on', 'OFF', '-x', 'a:b'];
const NUMBERS = ['0', '12', '-3', '+4', '-0', '017', '0o17', '0x1F', '0xfF', '1e3', '-1.5E-3', '.5', '1.50', '3.', '.inf', '-.Inf', '+.INF', '.nan', '.NaN', '1_0', '0b1', '1.2.3', '99999999999999999999'];
const SPECIALS = ['~', 'null', 'Null', 'NULL', 'true', 'True', 'FALSE', 'false', 'nul', 'tRue', '<<', '.', '+', '...', '--'];

function scalar(rng: Rng, inFlow = false): string {
  const r = rng();
  if (r < 0.35) return pick(rng, inFlow ? WORDS.filter((w) => !/[:#]/.test(w)) : WORDS);
  if (r < 0.55) return pick(rng, NUMBERS);
  if (r < 0.7) return pick(rng, SPECIALS.filter((s) => !inFlow || !/^[-.]/.test(s)));
  if (r < 0.85) return `"${pick(rng, ['', 'a b', 'q\\"x', 'tab\\t', 'u\\u00e9', 'x\\x41', '\\/', '#no', ' lead', 'trail '])}"`;
  return `'${pick(rng, ['', 'a b', "it''s", '#', ' x '])}'`;
}

function comment(rng: Rng): string {
  return pick(rng, ['#', '# note', '#tight', '#  spaced  ', '# payments-svc-3: owned by the payments team']);
}

function key(rng: Rng): string {
  const r = rng();
  if (r < 0.8) return pick(rng, ['apiVersion', 'kind', 'name', 'spec', 'a', 'b.c/d', 'x-y', 'data']);
  if (r < 0.9) return pick(rng, ['"quoted key"', "'single'", '""', '"a:b"']);
  return rng() < 0.95 ? pick(rng, ['1', 'true', '~', '0x10', '.5']) : '<<'; // `<<` (merge) declines
}

function flow(rng: Rng, level = 0): string {
  const n = Math.floor(rng() * 4);
  const items: string[] = [];
  const isMap = rng() < 0.4;
  for (let i = 0; i < n; i++) {
    const value = level < 2 && rng() < 0.15 ? flow(rng, level + 1) : scalar(rng, true);
    items.push(isMap ? `${pick(rng, ['a', 'cpu', '"k"', 'memory'])}: ${value}` : value);
  }
  const body = items.join(pick(rng, [', ', ',', ' , ']));
  const trailing = n > 0 && rng() < 0.1 ? ',' : '';
  return isMap ? `{${body}${trailing}}` : `[${body}${trailing}]`;
}

function blockBody(rng: Rng, pad: string): string[] {
  const lines: string[] = [];
  for (let i = 0, n = 1 + Math.floor(rng() * 4); i < n; i++) {
    const r = i === 0 ? 1 : rng();
    lines.push(r < 0.15 ? '' : r < 0.25 ? `${pad}  more indented` : `${pad}${pick(rng, ['text', 'key=value', 'a: b', '# not a comment', 'x  y'])}`);
  }
  for (let i = 0, n = Math.floor(rng() * 3); i < n; i++) lines.push(rng() < 0.8 ? '' : pad);
  return lines;
}

/** Extra lines a grammar node may carry before it: blank lines and comments, sometimes at a lower indentation. */
function before(rng: Rng, pad: string, out: string[]): void {
  if (rng() < 0.15) out.push('');
  if (rng() < 0.2) out.push(`${rng() < 0.3 ? '' : pad}${comment(rng)}`);
}

function trailing(rng: Rng): string {
  return rng() < 0.15 ? ` ${comment(rng)}` : '';
}

/** The value after `head` (`key:` or `-`): nested collections and block scalars go on the following lines. */
function value(rng: Rng, indent: number, depth: number, out: string[], head: string, inSeq = false): void {
  const r = rng();
  const step = pick(rng, [2, 2, 2, 4, 1]);
  if (depth < 4 && r < 0.25) {
    out.push(`${head}${trailing(rng)}`);
    map(rng, indent + step, depth + 1, out);
  } else if (depth < 4 && r < 0.4) {
    out.push(`${head}${trailing(rng)}`);
    seq(rng, indent + (!inSeq && rng() < 0.5 ? 0 : step), depth + 1, out);
  } else if (r < 0.5) {
    const header = pick(rng, ['|', '>', '|-', '>-', '|+', '>+', `|${step}`, `>${step}-`]);
    out.push(`${head} ${header}${trailing(rng)}`);
    out.push(...blockBody(rng, ' '.repeat(indent + step)));
  } else if (r < 0.58) {
    out.push(`${head}${trailing(rng)}`);
  } else if (r < 0.68) {
    out.push(`${head} ${flow(rng)}${trailing(rng)}`);
  } else {
    out.push(`${head} ${scalar(rng)}${trailing(rng)}`);
  }
}

function map(rng: Rng, indent: number, depth: number, out: string[], firstHead?: string): void {
  const pad = ' '.repeat(indent);
  for (let i = 0, n = 1 + Math.floor(rng() * 4); i < n; i++) {
    if (i > 0 || firstHead === undefined) before(rng, pad, out);
    value(rng, indent, depth, out, `${i === 0 && firstHead !== undefined ? firstHead : pad}${key(rng)}:`);
  }
  if (rng() < 0.1) out.push(`${pad}${comment(rng)}`);
}

function seq(rng: Rng, indent: number, depth: number, out: string[]): void {
  const pad = ' '.repeat(indent);
  for (let i = 0, n = 1 + Math.floor(rng() * 4); i < n; i++) {
    before(rng, pad, out);
    const r = rng();
    if (depth < 4 && r < 0.3) map(rng, indent + 2, depth + 1, out, `${pad}- `);
    else if (r < 0.4) out.push(`${pad}-${trailing(rng)}`);
    else if (depth < 4 && r < 0.5) {
      out.push(`${pad}-${trailing(rng)}`);
      map(rng, indent + 2, depth + 1, out);
    } else value(rng, indent, depth, out, `${pad}-`, true);
  }
}

function grammarDocument(rng: Rng): string {
  const out: string[] = [];
  for (let d = 0, n = rng() < 0.8 ? 1 : 2; d < n; d++) {
    if (rng() < 0.2) out.push(comment(rng));
    if (d > 0 || rng() < 0.3) out.push(rng() < 0.8 ? '---' : `--- ${comment(rng)}`);
    const r = rng();
    if (r < 0.8) map(rng, 0, 0, out);
    else if (r < 0.95) seq(rng, 0, 0, out);
    else out.push(scalar(rng));
    if (rng() < 0.05) out.push(rng() < 0.5 ? '...' : `... ${comment(rng)}`);
  }
  if (rng() < 0.2) out.push(comment(rng));
  const text = out.join('\n');
  return rng() < 0.9 ? `${text}\n` : text;
}

describe('fastCompose: fuzz', () => {
  it(`random mutations of manifests and grammar documents (${Math.round(FUZZ_TOTAL / 2)} inputs)`, () => {
    const rng = createRng(20_240_601);
    const seeds = wholeAndChunks(generateManifest(400, 5).text).slice(1);
    for (const file of yamlFiles(join(ROOT, 'docs', 'examples', 'manifests'))) seeds.push(...wholeAndChunks(readFileSync(file, 'utf8')).slice(1));
    let accepted = 0;
    const n = Math.round(FUZZ_TOTAL / 2);
    for (let i = 0; i < n; i++) {
      const seed = rng() < 0.5 ? pick(rng, seeds) : grammarDocument(rng);
      const text = mutate(rng, rng() < 0.25 ? toCrlf(seed) : seed);
      if (check(text).accepted) accepted++;
    }
    console.log(`fuzz (mutations): ${accepted} accepted, ${n - accepted} declined`);
  });

  it(`random documents of the subset's grammar (${Math.round(FUZZ_TOTAL / 2)} inputs)`, () => {
    const rng = createRng(7_031_988);
    let accepted = 0;
    let clean = 0;
    const reasons = new Map<string, number>();
    const n = Math.round(FUZZ_TOTAL / 2);
    for (let i = 0; i < n; i++) {
      const text = grammarDocument(rng);
      const outcome = check(rng() < 0.3 ? toCrlf(text) : text); // CRLF must not cost acceptance
      if (!outcome.problems) clean++;
      if (outcome.accepted) accepted++;
      else if (!outcome.problems) reasons.set(lastDeclineReason(), (reasons.get(lastDeclineReason()) ?? 0) + 1);
    }
    console.log(`fuzz (grammar): ${accepted} accepted, ${n - accepted} declined (${n - clean} with Composer problems); declined without problems: ${JSON.stringify(Object.fromEntries(reasons))}`);
    assert.ok(clean >= 0.8 * n, `the grammar produced only ${clean} of ${n} inputs without problems`);
    // Only `<<` keys (merge, about 1 in 20 keys of the grammar's rare kind) may decline among the problem-free inputs.
    assert.ok(accepted >= 0.9 * clean, `accepted only ${accepted} of ${clean} inputs without problems`);
  });
});
