// Differential tests of fastCst: on every input it must decline or build exactly the CST of yaml's own Parser.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Composer, Parser } from 'yaml';
import { fastCst, fastCstOrThrow, keyLinesTakenWhole, MIRRORED_YAML_VERSION, setKeyLinesWhole } from '../../../server/src/service/parser/fastCst';
import { splitIntoChunks } from '../../../server/src/service/parser/documentSplitter';
import { generateDocument, generateManifest } from '../../../bench/manifests';
import { createRng } from '../../../bench/stats';

const repoRoot = join(__dirname, '..', '..', '..', '..');

describe('the yaml release the fast paths mirror', () => {
  it('is the one installed and pinned exactly in package.json', () => {
    const installed = (JSON.parse(readFileSync(require.resolve('yaml/package.json'), 'utf8')) as { version: string }).version;
    const pinned = (JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { dependencies: Record<string, string> }).dependencies['yaml'];
    assert.equal(installed, MIRRORED_YAML_VERSION, 'a new yaml: re-run the long differential fuzz, port what changed, then update MIRRORED_YAML_VERSION');
    assert.equal(pinned, MIRRORED_YAML_VERSION, 'package.json must pin yaml exactly (no ^ or ~)');
  });
});

/** Checks one input; true when fastCst accepted it (and then built yaml's exact CST). Reports the input on failure. */
function agrees(text: string): boolean {
  let fast;
  try {
    fast = fastCstOrThrow(text);
  } catch (error) {
    assert.fail(`fastCst threw on ${JSON.stringify(text)}: ${(error as Error).stack}`);
  }
  if (fast === undefined) return false;
  const expected = Array.from(new Parser().parse(text));
  try {
    assert.deepStrictEqual(fast, expected);
  } catch (error) {
    assert.fail(`fastCst differs from yaml's Parser on ${JSON.stringify(text)}\n${(error as Error).message}`);
  }
  return true;
}

/** Accepted inputs must also be clean YAML: the fast path is for texts yaml reports no errors on (keys may repeat). */
function composerErrors(text: string): string[] {
  const tokens = fastCstOrThrow(text);
  if (!tokens) return [];
  const docs = Array.from(new Composer({ uniqueKeys: false }).compose(tokens, true, text.length));
  return docs.flatMap((doc) => doc.errors.map((e) => `${e.code}: ${e.message}`));
}

function accepts(text: string): void {
  assert.ok(agrees(text), `fastCst declined ${JSON.stringify(text)}`);
  assert.deepEqual(composerErrors(text), [], `accepted ${JSON.stringify(text)} with errors`);
}

/** A whole text and its `---`-separated chunks, as parsedFile.ts feeds them to parseChunk. */
function withChunks(text: string): string[] {
  return [text, ...splitIntoChunks(text).map((s) => text.slice(s.start, s.end))];
}

/** The text with Windows line ends. */
const toCrlf = (text: string): string => text.replace(/\r?\n/g, '\r\n');

/**
 * Checks a text and its CRLF form: both must agree with yaml, and when fastCst takes the LF form it must take the CRLF
 * form too. (Not the other way round: at an empty line yaml's Lexer peeks at the character after the line's `\n` to
 * lower the indentation a scalar needs to continue; for `\r\n` that character is the `\n`, which does not lower it.
 * So `x:\n- \n\n#\n a\n- y\n` has the multi-line scalar `a\n- y`, declined, while its CRLF form has two items.)
 * True when the LF form was accepted.
 */
function agreesWithCrlf(text: string): boolean {
  const accepted = agrees(text);
  const crlf = toCrlf(text);
  if (crlf !== text && !agrees(crlf)) assert.ok(!accepted, `declined the CRLF form of ${JSON.stringify(text)}`);
  return accepted;
}

function yamlFiles(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      if (name !== 'node_modules' && !name.startsWith('.')) yamlFiles(path, out);
    } else if (/\.ya?ml$/.test(name)) out.push(path);
  }
  return out;
}

describe('fastCst differential corpus', () => {
  // (Snippet bodies live in snippets/*.json and are not YAML: not walked.)
  it('agrees with yaml on every YAML file of docs/examples and test/', () => {
    const files = [...yamlFiles(join(repoRoot, 'docs', 'examples')), ...yamlFiles(join(repoRoot, 'test'))];
    assert.ok(files.length > 50, `only ${files.length} files found`);
    let accepted = 0;
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      for (const chunk of withChunks(text)) if (agrees(chunk)) accepted++;
    }
    assert.ok(accepted > files.length / 2, `only ${accepted} files/chunks accepted`);
  });

  it('takes the same files and chunks with CRLF line ends, and agrees on them', () => {
    const files = [...yamlFiles(join(repoRoot, 'docs', 'examples')), ...yamlFiles(join(repoRoot, 'test'))];
    let accepted = 0;
    for (const file of files) {
      const text = readFileSync(file, 'utf8').replace(/\r\n/g, '\n');
      // Chunks of the CRLF text, as parsedFile.ts splits it (the same boundaries as for LF).
      const lf = withChunks(text);
      const crlf = withChunks(toCrlf(text));
      assert.equal(crlf.length, lf.length);
      for (let i = 0; i < lf.length; i++) {
        const crlfAccepted = agrees(crlf[i]!);
        if (agrees(lf[i]!)) assert.ok(crlfAccepted, `${file}: declined the CRLF form of ${JSON.stringify(lf[i])}`);
        if (crlfAccepted) {
          accepted++;
          assert.deepEqual(composerErrors(crlf[i]!), [], `accepted ${JSON.stringify(crlf[i])} with errors`);
        }
      }
    }
    assert.ok(accepted > files.length / 2, `only ${accepted} CRLF files/chunks accepted`);
  });

  it('agrees with yaml on generated manifests and each of their documents', () => {
    for (const seed of [1, 2, 3, 7, 42]) {
      for (const lines of [200, 1_000, 3_000]) for (const chunk of withChunks(generateManifest(lines, seed).text)) agreesWithCrlf(chunk);
      const rng = createRng(seed);
      for (let i = 0; i < 40; i++) agreesWithCrlf(`${generateDocument(rng, i).join('\n')}\n`);
    }
  });
});

const deployment = `# The web tier
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web   # trailing comment
  labels:
    app: web
spec:
  replicas: 2

  # selector must match the template
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: web
        image: "nginx:1.25"
        args: ["--port", "80"]
        ports:
        - containerPort: 80
          protocol: TCP
      # a comment at a lower indent
      - name: sidecar
        image: 'busybox'
        command: [sh, -c, 'sleep 1']
        env: []
        resources: {}
`;

/** Small texts at the edges of the subset: each must agree; the ones listed in `accepted` must also not be declined. */
const tricky: ReadonlyArray<readonly [string, 'accept' | 'either']> = [
  ['a: 1\nb:\n  c: 2\n\n\nd: 3\n', 'accept'], // blank lines before a dedent
  ['a:\n  - x\n# low comment\n  - y\n', 'either'], // comment at lower indentation between items
  ['a:\n  - x\n  - y\n  # after the last item\nb: 1\n', 'accept'],
  ['a:\n  - x\n  - y\n# after, at the parent indent\n', 'accept'],
  ['a: 1   \nb: 2  \n', 'accept'], // trailing spaces
  ['key:   value  # c\n', 'accept'],
  ['key: |\n  line 1\n\n  line 3\n\nnext: 1\n', 'accept'],
  ['key: |\n  line 1\n\n\n', 'accept'],
  ['key: |+\n  kept\n\n\nnext: 1\n', 'accept'],
  ['key: >-\n  folded\n  text\n', 'accept'],
  ['key: |-\n    more\n  less\n', 'either'],
  ['key: >\n\n  after a blank\n', 'accept'],
  ['- |\n  in a seq\n- >-\n  x\n', 'accept'],
  ['key: | # header comment\n  x\n', 'accept'],
  ['', 'accept'], // empty document
  ['\n\n', 'accept'],
  ['# only\n# comments\n', 'accept'],
  ['---\n', 'accept'],
  ['--- # marker comment\na: 1\n', 'accept'],
  ['---\n---\na: 1\n---\n', 'accept'],
  ['a: 1\n---\nb: 2', 'accept'], // last line without a newline
  ['a: 1', 'accept'],
  ['a:', 'accept'],
  ['- ', 'accept'], // empty item
  ['-\n- a\n-\n', 'accept'],
  ['- - a\n  - b\n- c\n', 'either'], // nested sequence
  ['key with spaces: v\n', 'accept'],
  ['"quoted key": v\n\'single\': w\n', 'accept'],
  ['a: b:c\n', 'accept'],
  ['a: b#c\n', 'accept'],
  ['url: http://x/y?z=1#frag\n', 'accept'],
  ['a: "x \\" y"\nb: \'it\'\'s\'\n', 'accept'],
  ['a: "\\u00e9\\n"\n', 'accept'],
  ['empty: ""\nalso: \'\'\n', 'accept'],
  ['a: [a, b]\nb: {a: 1, b: 2}\nc: []\nd: {}\ne: ["x", \'y\']\n', 'accept'],
  ['a: [a, b,]\n', 'either'],
  ['- name: x\n  value: y\n- name: z\n', 'accept'],
  ['containers:\n- name: x\n  image: y\nvolumes: []\n', 'accept'],
  ['a:\n    deep: 1\n  bad: 2\n', 'either'],
  ['a: b: c\n', 'either'],
  ['a: - b\n', 'either'],
  ['a: &x 1\nb: *x\n', 'either'],
  ['? a\n: b\n', 'either'],
  ['%YAML 1.2\n---\na: 1\n', 'either'],
  ['a: 1\n...\n', 'either'],
  ['a: "multi\n  line"\n', 'either'],
  ['a: multi\n  line\n', 'either'],
  ['a:\tb\n', 'either'],
  ['a: 1\r\nb: 2\r\n', 'accept'], // CRLF (the tests below also run every case here with CRLF line ends)
  ['a: 1\r\n\r\n# c\r\nb: |\r\n  x\r\n\r\n  y\r\n  \r\n\r\nc: >+\r\n  z\r\n\r\n', 'accept'],
  ['a:\r\n- b\r\n-\r\n- "c" # d\r\n---\r\ne: [f, \'g\']\r\n', 'accept'],
  ['k: |\r\n    x\r\n  \r\n  y\r\n', 'either'], // a blank CRLF line in a block scalar, then a less indented one
  ['x:\n- \n\n#\n a\n- y\n', 'either'], // the LF form has a multi-line scalar, the CRLF form does not (see agreesWithCrlf)
  ['\uFEFFa: 1\n', 'either'],
  ['a: [[1]]\n', 'either'],
  ['a: [1,\n  2]\n', 'either'],
  ['a: @x\n', 'either'],
];

/** Outside the subset (or errors in yaml's eyes): these must go to the real Parser. */
const declined: readonly string[] = [
  'a:\tb\n', '\ta: 1\n', 'a: 1\r', 'a: 1\rb: 2\n', 'a: b\r c\n', '# c\r\n\r', '\uFEFFa: 1\n', '%YAML 1.2\n---\na: 1\n', 'a: &x 1\n', 'a: *x\n', 'a: !!str 1\n',
  '? a\n: b\n', 'a: multi\n  line\n', 'a: "multi\n  line"\n', "a: 'multi\n  line'\n", 'a: 1\n...\n', 'a: [[1]]\n', 'a: {b: [1]}\n',
  'a: [1,\n  2]\n', 'a: [1] # c\n  x: 1\n', 'a: b: c\n', 'a: - b\n', 'a:\n    deep: 1\n  bad: 2\n', 'a: 1\nb\n', '- a\n  b: 1\n',
  'a: "\\q"\n', 'a: "x"#c\n', 'a: @x\n', 'a: |2\n  x\n', 'a: |\n\n    \n  x\n', '--- a: 1\n', 'a: [1, , 2]\n', `${'- '.repeat(200)}x\n`,
  '-  \n#a\n |\nb: 2\n', // a column-0 comment lowers the block scalar's indent to 0: its body takes `b: 2`
];

describe('fastCst coverage', () => {
  it('accepts the generated benchmark manifests, whole and per document', () => {
    for (const seed of [1, 2, 3]) {
      for (const lines of [1_000, 10_000]) {
        const { text } = generateManifest(lines, seed);
        assert.ok(agrees(text), `declined the ${lines}-line manifest of seed ${seed}`);
        for (const chunk of withChunks(text).slice(1)) assert.ok(agrees(chunk), `declined ${JSON.stringify(chunk)}`);
        const crlf = toCrlf(text);
        assert.ok(agrees(crlf), `declined the ${lines}-line manifest of seed ${seed} with CRLF line ends`);
        for (const chunk of withChunks(crlf).slice(1)) assert.ok(agrees(chunk), `declined ${JSON.stringify(chunk)}`);
      }
    }
  });

  it('accepts a typical Deployment with comments, flows and kubectl-style sequences', () => {
    accepts(deployment);
    accepts(`---\n${deployment}`);
    accepts(toCrlf(deployment));
  });

  it('handles the tricky small cases exactly, also with CRLF line ends', () => {
    for (const [text, expectation] of tricky) {
      if (expectation === 'accept') {
        accepts(text);
        accepts(toCrlf(text));
      }
      agreesWithCrlf(text);
    }
    assert.equal(fastCstOrThrow('x:\n- \n\n#\n a\n- y\n'), undefined);
    accepts('x:\r\n- \r\n\r\n#\r\n a\r\n- y\r\n');
  });

  it('declines what is outside the subset', () => {
    for (const text of declined) assert.equal(fastCstOrThrow(text), undefined, `accepted ${JSON.stringify(text)}`);
  });

  it('handles huge and deep inputs without deep recursion', () => {
    assert.ok(agrees('---\n'.repeat(30_000))); // far deeper than the stack if each line recursed
    assert.ok(agrees('---\na: 1\n'.repeat(10_000)));
    assert.equal(fastCstOrThrow(`${'- '.repeat(10_000)}x\n`), undefined);
    assert.equal(fastCstOrThrow(Array.from({ length: 3_000 }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n')), undefined);
  });

  it('never throws from the public entry point', () => {
    assert.equal(fastCst('a: &x 1\n'), undefined);
    assert.ok(fastCst('a: 1\n'));
  });
});

// ---------------------------------------------------------------- fuzz

type Rng = () => number;
const pick = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length)]!;
const FUZZ_CHARS = [...' \n-:#|>\'"[]{},&*!?%\t\rab1.'];

function mutate(rng: Rng, text: string): string {
  const lines = text.split('\n');
  for (let n = 1 + Math.floor(rng() * 3); n > 0; n--) {
    const at = Math.floor(rng() * (text.length + 1));
    const line = Math.floor(rng() * lines.length);
    switch (Math.floor(rng() * 9)) {
      case 0:
        text = text.slice(0, at) + pick(rng, FUZZ_CHARS) + text.slice(at);
        break;
      case 1:
        text = text.slice(0, at) + text.slice(at + 1);
        break;
      case 2:
        text = text.slice(0, at) + pick(rng, FUZZ_CHARS) + text.slice(at + 1);
        break;
      case 3:
        lines.splice(line, 0, lines[line] ?? '');
        text = lines.join('\n');
        break;
      case 4:
        lines.splice(line, 1);
        text = lines.join('\n');
        break;
      case 5:
        lines[line] = `${' '.repeat(1 + Math.floor(rng() * 3))}${lines[line] ?? ''}`;
        text = lines.join('\n');
        break;
      case 6:
        lines[line] = (lines[line] ?? '').replace(/^ {1,2}/, '');
        text = lines.join('\n');
        break;
      case 7:
        if (line + 1 < lines.length) lines.splice(line, 2, `${lines[line]} ${lines[line + 1]}`);
        text = lines.join('\n');
        break;
      default:
        text = text.slice(0, at) + pick(rng, ['\n', '\n\n', ' # c', '- ', ': ', '  ', '|\n', '"', "'"]) + text.slice(at);
    }
  }
  return text;
}

const WORDS = ['a', 'name', 'app.kubernetes.io/name', 'key with space', 'x-y', 'b:c', 'b#c', 'v1', 'on', '-x', '.x', '?x', '"q"', "'s'"];
const VALUES = ['1', 'true', 'nginx:1.25', 'http://x/y', 'a b c', '"dq \\" x"', "'sq '' x'", '""', '-1', '~', 'null', 'a # c', 'x:y', '[]', '{}', '[a, b]', '["a", \'b\']', '{a: 1, b: "2"}', '[ a ,b ]'];

/** A random document of the subset: nested maps and sequences, scalars, block scalars, flows, comments, blank lines. */
function grammarDocument(rng: Rng): string {
  const out: string[] = [];
  const pad = (n: number): string => ' '.repeat(n);
  const key = (): string => (rng() < 0.15 ? pick(rng, ['"quoted key"', "'k'", '"a:b"']) : pick(rng, WORDS.slice(0, 7)));
  const noise = (indent: number): void => {
    const r = rng();
    if (r < 0.08) out.push('');
    else if (r < 0.13) out.push(`${pad(Math.max(0, indent + pick(rng, [-2, 0, 0, 2])))}# note`);
    else if (r < 0.15) out.push(pad(Math.floor(rng() * 6)));
  };
  const tail = (): string => (rng() < 0.1 ? '  # trailing' : rng() < 0.05 ? '   ' : '');
  const blockScalar = (head: string, indent: number): void => {
    out.push(`${head}${pick(rng, ['|', '|-', '>', '>-', '|+', '>+'])}${rng() < 0.1 ? ' # h' : ''}`);
    const body = indent + 2;
    for (let i = 0, n = Math.floor(rng() * 4); i < n; i++) {
      const r = rng();
      out.push(r < 0.2 ? '' : r < 0.3 ? pad(body + 2) + 'more' : r < 0.35 ? pad(body + 3) : `${pad(body)}line ${i}`);
    }
  };
  const value = (head: string, indent: number, depth: number): void => {
    const r = rng();
    if (depth < 4 && r < 0.25) {
      out.push(head.trimEnd() + tail());
      map(indent + pick(rng, [2, 2, 4]), depth + 1);
    } else if (depth < 4 && r < 0.4) {
      out.push(head.trimEnd() + tail());
      seq(indent + pick(rng, [0, 2, 2]), depth + 1);
    } else if (r < 0.5) blockScalar(head, indent);
    else if (r < 0.55) out.push(head.trimEnd());
    else out.push(`${head}${pick(rng, VALUES)}${tail()}`);
  };
  const map = (indent: number, depth: number): void => {
    for (let i = 0, n = 1 + Math.floor(rng() * 4); i < n; i++) {
      noise(indent);
      value(`${pad(indent)}${key()}:${rng() < 0.1 ? '   ' : ' '}`, indent, depth);
    }
  };
  const seq = (indent: number, depth: number): void => {
    for (let i = 0, n = 1 + Math.floor(rng() * 3); i < n; i++) {
      noise(indent);
      const r = rng();
      if (r < 0.45 && depth < 4) {
        // `- key: v` then more keys of the same compact map
        value(`${pad(indent)}- ${key()}: `, indent + 2, depth + 1);
        for (let j = 0, m = Math.floor(rng() * 3); j < m; j++) value(`${pad(indent + 2)}${key()}: `, indent + 2, depth + 1);
      } else if (r < 0.5) out.push(`${pad(indent)}-`);
      else if (r < 0.55 && depth < 4) out.push(`${pad(indent)}- - ${pick(rng, VALUES)}`);
      else value(`${pad(indent)}- `, indent, depth + 1);
    }
  };
  if (rng() < 0.3) out.push(rng() < 0.5 ? '---' : '--- # doc');
  if (rng() < 0.2) out.push('# header');
  if (rng() < 0.8) map(0, 0);
  else seq(0, 0);
  if (rng() < 0.2) out.push(pick(rng, ['', '# end', '  # end']));
  const text = out.join('\n');
  return rng() < 0.9 ? `${text}\n` : text;
}

describe('fastCst enumeration', () => {
  // Every short string over YAML's significant characters, in a few contexts. (Run with longer strings, this found
  // the column-0 block scalar above; /tmp runs of 20M+ inputs up to length 7 agree.)
  const contexts = [['', ''], ['k: ', '\n'], ['- ', '\nb: 2\n'], ['k:\n  ', '\n'], ['a: 1\n', ''], ['x:\n- ', '\n- y\n'], ['', '\n---\nb: 1\n']];
  const enumerate = (alphabet: string, maxLength: number, crlfToo = true): [number, number] => {
    let runs = 0;
    let accepted = 0;
    const visit = (s: string): void => {
      for (const [before, after] of contexts) {
        for (const text of crlfToo ? [`${before}${s}${after}`, toCrlf(`${before}${s}${after}`)] : [`${before}${s}${after}`]) {
          runs++;
          const accept = agrees(text);
          if (accept) {
            accepted++;
            assert.deepEqual(composerErrors(text), [], `accepted ${JSON.stringify(text)} with errors`);
          }
          // Lone CRs decline; CRLF is taken wherever LF is (see agreesWithCrlf).
          if (/\r(?!\n)/.test(text)) assert.ok(!accept, `accepted a lone CR in ${JSON.stringify(text)}`);
          else if (text.includes('\r') && !accept) assert.ok(!agrees(text.replace(/\r\n/g, '\n')), `declined ${JSON.stringify(text)}`);
        }
      }
      if (s.length < maxLength) for (const c of alphabet) visit(s + c);
    };
    visit('');
    return [runs, accepted];
  };

  it('block structure: every string of up to 4 of `a- :\\n|#`', () => {
    const [runs, accepted] = enumerate('a- :\n|#', 4);
    assert.ok(accepted > runs / 4, `${accepted} of ${runs}`);
  });

  it('flows, quotes and block scalars: every string of up to 3 of `a :-#"\'[]{},|>+\\n`', () => {
    const [runs, accepted] = enumerate('a :-#"\'[]{},|>+\n', 3);
    assert.ok(accepted > runs / 10, `${accepted} of ${runs}`);
  });

  it('carriage returns: every string of up to 4 of `a -:|#\\r\\n` (lone CRs decline, CRLF reads as LF)', () => {
    const [runs, accepted] = enumerate('a -:|#\r\n', 4, false);
    assert.ok(accepted > runs / 10, `${accepted} of ${runs}`);
  });
});

describe('fastCst whole key lines', () => {
  // `key: value` and `key:` lines go to the parser in one step (fastCst.ts lexKeyLine, fastCstParser.ts keyLine) when
  // it is in one of two states; every other line goes token by token. Sequences of such lines and their neighbours,
  // at several indents, cover both states, the pops before a less indented key, and the lines that must not be taken.
  const lines = ['a: 1', 'b:', '  c: x', '  d:', '    e: 2', '- f: 3', '  - g: y', '  h: 4 # c', '# c', '', '    i: j:k', 'k: "q"', '  l: |', 'm: 5 ', 'n:  o', '  text'];

  /** fastCst with lines taken whole and token by token must accept the same texts and build the same trees. */
  function sameWithoutWholeLines(text: string): void {
    const whole = fastCstOrThrow(text);
    setKeyLinesWhole(false);
    let tokens;
    try {
      tokens = fastCstOrThrow(text);
    } finally {
      setKeyLinesWhole(true);
    }
    assert.deepStrictEqual(whole, tokens, `whole lines change the result for ${JSON.stringify(text)}`);
  }

  /** Lines of `text` taken whole. */
  function takenWhole(text: string): number {
    const before = keyLinesTakenWhole();
    fastCstOrThrow(text);
    return keyLinesTakenWhole() - before;
  }

  it('agree with yaml and with the token path for every sequence of up to 4 lines (LF and CRLF, with and without a final newline)', () => {
    let runs = 0;
    let accepted = 0;
    const takenBefore = keyLinesTakenWhole();
    const visit = (prefix: string[]): void => {
      if (prefix.length > 0) {
        const text = prefix.join('\n');
        for (const candidate of [`${text}\n`, text]) {
          runs++;
          if (agreesWithCrlf(candidate)) accepted++;
          sameWithoutWholeLines(candidate);
          sameWithoutWholeLines(toCrlf(candidate));
        }
      }
      if (prefix.length < 4) for (const line of lines) visit([...prefix, line]);
    };
    visit([]);
    // About a sixth of these texts are clean YAML in the subset; the whole-line path must have taken many lines.
    assert.ok(accepted > runs / 8, `${accepted} of ${runs}`);
    assert.ok(keyLinesTakenWhole() - takenBefore > accepted, `${keyLinesTakenWhole() - takenBefore} lines taken whole`);
  });

  it('take the lines they can on long lines, deep indents and many dedents, and leave broken lines to the token path', () => {
    const deep = Array.from({ length: 60 }, (_, i) => `${' '.repeat(2 * i)}k${i}:`).join('\n');
    // [text, lines taken whole]: the first line of a document and sequence items always go token by token.
    const cases: Array<[string, number]> = [
      [`${deep}\n${' '.repeat(120)}leaf: v\ntop: 1\n`, 61],
      [`${deep}\n${' '.repeat(120)}leaf: v\n${' '.repeat(60)}k30b: 2\n`, 61],
      [`a:\n${'  b: 1\n'.repeat(500)}`, 500],
      [`${'x'.repeat(2000)}: ${'y'.repeat(5000)}\nz: 1\n`, 1],
      ['a:\n- b: 1\n  c: 2\nd: 3\n', 2],
      ['a:\n  - b:\n      c: 1\n    d: 2\nf: 4\n', 3],
      // `f: 3` ends the map under `- c` and the list at its own indent: both popped before the line is taken.
      ['a:\n  b:\n  - c: 1\n    d:\n      e: 2\n  f: 3\ng: 4\n', 5],
      // A value before a blank line is given back (the blank line might continue it); `c: 3` follows a complete item
      // whose value took the indented comment.
      ['x: 1\na: 1\n\n\nb: 2\n  # c\nc: 3\n', 1],
      // A value before a `#` line is taken; the key after a comment line at the map's indent is not (that item is open).
      ['x: 1\na: 1\n# c\nb: 2\n', 1],
    ];
    for (const [text, whole] of cases) {
      assert.ok(agreesWithCrlf(text), `declined ${JSON.stringify(text)}`);
      sameWithoutWholeLines(text);
      assert.equal(takenWhole(text), whole, `lines of ${JSON.stringify(text)} taken whole`);
    }
    // A value continued on a more indented line, a key under a scalar value, a key after a block scalar that is
    // more indented than its map: yaml reads these differently or reports errors; fastCst agrees or declines.
    for (const text of ['a:\n  b: 1\n    c\n', 'a: b\n  c: d\n', 'a: |\n  x\nb: 1\n  c: 2\n', 'a: 1\n b: 2\n', 'a:\n  b: 1\n c: 2\n']) {
      agreesWithCrlf(text);
      sameWithoutWholeLines(text);
    }
  });

  it('decline alike with and without whole lines near the nesting limit', () => {
    for (let depth = 118; depth <= 134; depth++) {
      const nested = Array.from({ length: depth }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n');
      for (const tail of [`${' '.repeat(depth)}v: 1\ntop: 1\n`, `${' '.repeat(depth)}v: 1\n${' '.repeat(depth - 1)}w: 2\n`, `${' '.repeat(depth)}v:\n${' '.repeat(depth + 1)}x: 3\n`]) {
        sameWithoutWholeLines(`${nested}\n${tail}`);
      }
    }
  });
});

describe('fastCst fuzz', () => {
  const iterations = Number(process.env.FAST_CST_FUZZ ?? 0);
  const budgetMs = iterations > 0 ? Infinity : 1_500;

  it('mutated manifests: declined or exact', () => {
    const rng = createRng(20240611);
    const seeds = [generateManifest(60, 5).text, deployment, ...tricky.map(([t]) => t)];
    for (let i = 0; i < 20; i++) seeds.push(`${generateDocument(rng, i).join('\n')}\n`);
    let accepted = 0;
    let runs = 0;
    let crlfRuns = 0;
    let crlfAccepted = 0;
    const started = Date.now();
    for (; iterations > 0 ? runs < iterations : Date.now() - started < budgetMs; runs++) {
      // A quarter of the seeds get CRLF line ends before the mutation (which may leave lone CRs), some after it.
      const r = rng();
      let text = mutate(rng, r < 0.25 ? toCrlf(pick(rng, seeds)) : pick(rng, seeds));
      const crlfAfter = r >= 0.25 && r < 0.4 && !text.includes('\r');
      if (crlfAfter) text = toCrlf(text);
      const crlf = text.includes('\r');
      if (crlf) crlfRuns++;
      if (crlfAfter) agreesWithCrlf(text.replace(/\r\n/g, '\n')); // taken whenever the LF form is
      if (agrees(text)) {
        accepted++;
        if (crlf) crlfAccepted++;
        assert.deepEqual(composerErrors(text), [], `accepted ${JSON.stringify(text)} with errors`);
      }
    }
    console.log(`[fastCst fuzz] mutations: ${runs} inputs, ${accepted} accepted, ${runs - accepted} declined; with CR: ${crlfRuns} inputs, ${crlfAccepted} accepted`);
    assert.ok(crlfAccepted > crlfRuns * 0.1, 'the mutation fuzz hardly reaches the fast path with CRLF');
    assert.ok(accepted > runs * 0.1, 'the mutation fuzz hardly reaches the fast path');
  });

  it('grammar-generated documents: declined or exact, and mostly accepted', () => {
    const rng = createRng(77);
    let accepted = 0;
    let runs = 0;
    let crlfRuns = 0;
    const started = Date.now();
    for (; iterations > 0 ? runs < iterations : Date.now() - started < budgetMs; runs++) {
      const text = grammarDocument(rng);
      // A third also in CRLF form, which must be taken exactly when the LF form is.
      const crlf = rng() < 0.3;
      if (crlf) crlfRuns++;
      if (crlf ? agreesWithCrlf(text) : agrees(text)) {
        accepted++;
        assert.deepEqual(composerErrors(text), [], `accepted ${JSON.stringify(text)} with errors`);
        if (crlf) assert.deepEqual(composerErrors(toCrlf(text)), [], `accepted ${JSON.stringify(toCrlf(text))} with errors`);
      }
    }
    console.log(`[fastCst fuzz] grammar: ${runs} inputs, ${accepted} accepted, ${runs - accepted} declined (${crlfRuns} also as CRLF)`);
    assert.ok(accepted > runs * 0.3, `only ${accepted} of ${runs} grammar documents accepted`);
  });
});
