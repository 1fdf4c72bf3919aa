// Hostile YAML inputs, generated (nothing large is stored): each with the time and memory it may take.
import { generateManifest } from '../../bench/manifests';

export interface HostileCase {
  readonly name: string;
  /** The document text as an editor would send it over LSP. */
  readonly text: () => string;
  /** The file's bytes on disk for the CLI (defaults to the UTF-8 of `text`). */
  readonly bytes?: () => Buffer;
  /** Time bound for open → diagnostics and for each request, in ms. */
  readonly boundMs: number;
  /** Bound on the server's peak resident memory (VmHWM), in MB. */
  readonly memoryMb: number;
  /** Where to hover, besides the start, the middle and the end. */
  readonly hoverAt?: ReadonlyArray<{ line: number; character: number }>;
  /** A diagnostic must say that something was refused, matching this (message or code). */
  readonly refusal?: RegExp;
  /** The JSON preview (when the server has one) must say what it refused, matching this. */
  readonly previewSays?: RegExp;
  /** Run in the CI tier (false: only with KUBE_NOTES_ROBUSTNESS_FULL=1). */
  readonly ci?: boolean;
}

const MB = 1024 * 1024;
const repeat = (s: string, n: number): string => s.repeat(n);

function aliasBomb(levels: number, fanOut: number): string {
  const lines = [`l0: &l0 [${Array(fanOut).fill('"lol"').join(', ')}]`];
  for (let i = 1; i < levels; i++) lines.push(`l${i}: &l${i} [${Array(fanOut).fill(`*l${i - 1}`).join(', ')}]`);
  lines.push(`bomb: *l${levels - 1}`);
  return `${lines.join('\n')}\n`;
}

function mergeChain(length: number): string {
  const lines = ['%YAML 1.1', '---', 'm0: &m0 {a: 1}'];
  for (let i = 1; i < length; i++) lines.push(`m${i}: &m${i} {<<: [*m${i - 1}, *m0], k${i}: ${i}}`);
  return `${lines.join('\n')}\n`;
}

/** A realistic manifest of about `bytes` bytes. */
function manifestOfSize(bytes: number): string {
  const unit = generateManifest(20_000, 4242).text; // ~500 KB
  const copies = Math.max(1, Math.ceil(bytes / unit.length));
  return Array(copies).fill(unit.trimEnd()).join('\n---\n') + '\n';
}

const deployment = generateManifest(60, 11).text;

const injection = [
  'apiVersion: v1',
  'kind: ConfigMap',
  'metadata:',
  '  name: "<script>alert(1)</script>"',
  '  labels:',
  '    "<img src=x onerror=alert(1)>": "[run](command:workbench.action.terminal.new)"',
  '    "[open](command:kubeNotes.openGlossary?%22INJECTED%22)": x',
  '  annotations:',
  '    note: "```\\n</pre><script>alert(2)</script>\\n```"',
  '    link: "[x](javascript:alert(3))"',
  '    html: "<a href=\\"command:workbench.action.openSettings\\">settings</a>"',
  '"<script>alert(4)</script>": "[x](command:_workbench.downloadResource)"',
  'data:',
  '  "[x](command:workbench.action.terminal.sendSequence?%7B%22text%22%3A%22rm%22%7D)": "<iframe src=https://example.com>"',
  '  "<details open>": "`` ` `` ```"',
  '# [comment](command:workbench.action.terminal.new) <script>alert(5)</script>',
  '',
].join('\n');

/** A Pod whose containers are `count` aliases of one container mapping with `fields` unknown keys (and `ports` lines). */
function aliasedContainers(fields: number, count: number, ports: readonly string[] = []): string {
  const lines = ['apiVersion: v1', 'kind: Pod', 'metadata: {name: p}', 'x: &c', '  name: c', '  image: nginx:1'];
  for (let i = 0; i < fields; i++) lines.push(`  bogus${i}: ${i}`);
  if (ports.length > 0) lines.push('  ports:', ...ports);
  lines.push('spec:', '  containers:');
  for (let i = 0; i < count; i++) lines.push('    - *c');
  return `${lines.join('\n')}\n`;
}

export const hostileCases: readonly HostileCase[] = [
  { name: 'alias bomb 9×9', text: () => aliasBomb(9, 9), boundMs: 2000, memoryMb: 400, previewSays: /excessive aliasing|alias bomb/, hoverAt: [{ line: 9, character: 8 }, { line: 8, character: 12 }] },
  { name: 'alias bomb 30 levels × 2', text: () => aliasBomb(30, 2), boundMs: 2000, memoryMb: 400, previewSays: /excessive aliasing|alias bomb/, hoverAt: [{ line: 30, character: 8 }] },
  { name: 'alias bomb 9×9 in a Deployment', text: () => `${deployment}---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: bomb\ndata:\n${aliasBomb(9, 9).split('\n').map((l) => (l ? `  ${l}` : l)).join('\n')}`, boundMs: 2000, memoryMb: 400 },
  { name: 'self-referencing aliases', text: () => 'a: &a [*a]\nb: &b {x: *b}\nc: &c\n  - *c\n  - d: *c\n', boundMs: 2000, memoryMb: 400, previewSays: /cycle|contains itself/, hoverAt: [{ line: 0, character: 8 }, { line: 1, character: 11 }] },
  { name: 'merge-key loop (YAML 1.1)', text: () => '%YAML 1.1\n---\nbase: &b\n  <<: *b\n  x: 1\nloop: &l {<<: *l, y: 2}\nuse: {<<: [*b, *l]}\n', boundMs: 2000, memoryMb: 400, hoverAt: [{ line: 3, character: 7 }] },
  { name: 'merge-key chain of 2,000 (YAML 1.1)', text: () => mergeChain(2000), boundMs: 2000, memoryMb: 400, hoverAt: [{ line: 1500, character: 15 }] },
  // Every key of an anchored mapping is checked again through each alias: 10 million unknown fields. (Took more
  // than two minutes before the schema walk spent its work budget per key and stopped building dropped findings.)
  { name: '2,000 unknown container fields named by 5,000 aliases', text: () => aliasedContainers(2000, 5000), boundMs: 2000, memoryMb: 400, refusal: /K8S014/, hoverAt: [{ line: 2010, character: 6 }] },
  // Rules that look inside containers and volumes: each aliased one is read once (12 s and 2.6 s before).
  { name: '2,000 bad port names in a container named by 5,000 aliases', text: () => aliasedContainers(0, 5000, Array.from({ length: 2000 }, (_, i) => `    - {name: BAD_${i}, containerPort: ${i + 1}}`)), boundMs: 2000, memoryMb: 400, refusal: /KN001|Too many problems/ },
  { name: 'a volume of 2,000 items named by 5,000 aliases', text: () => `apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers: [{name: c, image: "nginx:1"}]\n  volumes:\n  - &v\n    name: cfg\n    configMap:\n      name: cfg\n      items:\n${Array.from({ length: 2000 }, (_, i) => `      - {key: k${i}, path: p${i}, mode: 999}`).join('\n')}\n${repeat('  - *v\n', 5000)}`, boundMs: 2000, memoryMb: 400 },
  { name: 'a List of 5,000 aliases of one anchored ConfigMap', text: () => `apiVersion: v1\nkind: List\nbase: &a\n  apiVersion: v1\n  kind: ConfigMap\n  data: {x: 1}\nitems:\n${repeat('  - *a\n', 5000)}`, boundMs: 2000, memoryMb: 400 },
  { name: '10,000-deep flow nesting', text: () => `a: ${repeat('[', 10_000)}${repeat(']', 10_000)}\n`, boundMs: 2000, memoryMb: 400, refusal: /deep|nesting|깊/i },
  { name: '10,000 unclosed [ and {', text: () => `${repeat('[{', 5_000)}\n`, boundMs: 2000, memoryMb: 400, refusal: /deep|nesting|깊/i },
  { name: '10,000-deep block nesting (- on one line)', text: () => `${repeat('- ', 10_000)}x\n`, boundMs: 2000, memoryMb: 400, refusal: /deep|nesting|깊/i },
  { name: '3,000-deep block mapping by indentation', text: () => Array.from({ length: 3000 }, (_, i) => `${repeat(' ', i)}k${i}:`).join('\n') + ' end\n', boundMs: 5000, memoryMb: 500, refusal: /deep|nesting|깊/i },
  { name: '5 MB single line (plain scalar)', text: () => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: big\ndata:\n  blob: ${repeat('x', 5 * MB)}\n`, boundMs: 10_000, memoryMb: 900, hoverAt: [{ line: 5, character: 3 }, { line: 5, character: 2_500_000 }] },
  // 800,000 values on one line: more than parser/parsedChunk.ts MAX_DOCUMENT_NODES, so only lexed and parsed, not composed.
  { name: '5 MB single line (flow sequence)', text: () => `data: [${Array(800_000).fill('12345').join(',')}]\n`, boundMs: 15_000, memoryMb: 1500, refusal: /250,000 values/, hoverAt: [{ line: 0, character: 100_000 }] },
  { name: '1 MB key', text: () => `${repeat('k', MB)}: value\n? ${repeat('e', MB)}\n: explicit\n`, boundMs: 4000, memoryMb: 600, hoverAt: [{ line: 0, character: 500_000 }, { line: 1, character: 500_000 }] },
  // Bounds for many documents follow the document count (each is parsed and validated on its own).
  { name: '100,000 --- separators', text: () => repeat('---\n', 100_000), boundMs: 15_000, memoryMb: 1200 },
  { name: '30,000 tiny documents', text: () => repeat('---\na: 1\n', 30_000), boundMs: 10_000, memoryMb: 900 },
  // Over parser/parsedFile.ts MAX_FILE_CHARS (20 MB): not parsed, one diagnostic says so.
  { name: '50 MB multi-document manifest', text: () => manifestOfSize(50 * MB), boundMs: 30_000, memoryMb: 2500, refusal: /not analysed|too large|CLI003/i },
  { name: '10 MB multi-document manifest', text: () => manifestOfSize(10 * MB), boundMs: 25_000, memoryMb: 1500 },
  { name: 'unterminated double quote at EOF', text: () => 'a: 1\nb: "never closed', boundMs: 2000, memoryMb: 400 },
  { name: 'unterminated single quote at EOF', text: () => "a: 'never closed\n  more", boundMs: 2000, memoryMb: 400 },
  { name: 'unterminated flow sequence at EOF', text: () => 'a: [1, 2, {b: 3', boundMs: 2000, memoryMb: 400 },
  { name: 'unterminated flow mapping at EOF', text: () => 'a: {b: [1, 2], c: "x', boundMs: 2000, memoryMb: 400 },
  { name: 'block scalar header at EOF', text: () => 'a: |', boundMs: 2000, memoryMb: 400 },
  { name: 'escape at EOF', text: () => 'a: "abc\\', boundMs: 2000, memoryMb: 400 },
  { name: 'NUL bytes', text: () => `apiVersion: v1\0\nkind: Pod\nmetadata:\n  name: "a\0b"\n\0\0\0: \0\n`, boundMs: 2000, memoryMb: 400 },
  {
    name: 'invalid UTF-8',
    text: () => Buffer.from([...Buffer.from('apiVersion: v1\nkind: '), 0xff, 0xfe, 0xc3, 0x28, 0xa0, 0xa1, 0xe2, 0x28, 0xa1, 0x0a, ...Buffer.from('data:\n  k: '), 0xf0, 0x28, 0x8c, 0xbc, 0x0a]).toString('utf8'),
    bytes: () => Buffer.from([...Buffer.from('apiVersion: v1\nkind: '), 0xff, 0xfe, 0xc3, 0x28, 0xa0, 0xa1, 0xe2, 0x28, 0xa1, 0x0a, ...Buffer.from('data:\n  k: '), 0xf0, 0x28, 0x8c, 0xbc, 0x0a]),
    boundMs: 2000,
    memoryMb: 400,
  },
  { name: 'lone surrogates', text: () => 'a: "\ud800"\n\udfff: b\nc: \ud83d\n', boundMs: 2000, memoryMb: 400 },
  {
    name: 'UTF-16 LE with BOM',
    text: () => `\ufeff${deployment}`,
    bytes: () => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(deployment, 'utf16le')]),
    boundMs: 2000,
    memoryMb: 400,
  },
  { name: 'UTF-16 LE bytes read as UTF-8', text: () => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(deployment, 'utf16le')]).toString('utf8'), boundMs: 2000, memoryMb: 400 },
  { name: 'UTF-8 BOM', text: () => `\ufeff${deployment}`, bytes: () => Buffer.from(`\ufeff${deployment}`), boundMs: 2000, memoryMb: 400 },
  { name: 'CRLF line endings', text: () => deployment.replace(/\n/g, '\r\n'), boundMs: 2000, memoryMb: 400, hoverAt: [{ line: 1, character: 7 }] },
  { name: 'lone CR line endings', text: () => deployment.replace(/\n/g, '\r'), boundMs: 2000, memoryMb: 400, hoverAt: [{ line: 1, character: 7 }] },
  { name: 'mixed CR, LF and CRLF', text: () => deployment.split('\n').map((l, i) => l + ['\n', '\r', '\r\n'][i % 3]).join(''), boundMs: 2000, memoryMb: 400, hoverAt: [{ line: 1, character: 7 }] },
  {
    name: 'custom and language tags',
    text: () => [
      'apiVersion: v1', 'kind: ConfigMap', 'metadata:', '  name: tags', 'data:',
      '  fn: !!js/function "function () { require(\'child_process\').exec(\'touch /tmp/kube-notes-pwned\') }"',
      '  re: !!js/regexp /.*/',
      '  undef: !!js/undefined ""',
      '  obj: !!python/object:os.system ["touch /tmp/kube-notes-pwned"]',
      '  apply: !!python/object/apply:subprocess.check_output [["touch", "/tmp/kube-notes-pwned"]]',
      '  full: !<tag:yaml.org,2002:python/object/apply:os.system> ["id"]',
      '  ruby: !ruby/object:Gem::Installer {i: x}',
      '  bin: !!binary aGVsbG8=',
      '  set: !!set {a, b}',
      '  omap: !!omap [{a: 1}, {b: 2}]',
      '  local: !local 1',
      '  verbatim: !<!bar> baz',
      '',
    ].join('\n'),
    boundMs: 2000,
    memoryMb: 400,
    hoverAt: [{ line: 5, character: 8 }, { line: 8, character: 9 }],
  },
  {
    name: 'prototype keys',
    text: () => [
      'apiVersion: constructor', 'kind: __proto__', 'metadata:', '  name: prototype', '  __proto__: {polluted: true}', '  constructor: {prototype: {polluted: true}}',
      '  labels: {__proto__: x, hasOwnProperty: y, toString: z, valueOf: 1}', 'spec:', '  __proto__:', '    polluted: true', '  template:',
      '    constructor:', '      prototype:', '        isAdmin: true', '"__proto__": {"x": 1}', '__defineGetter__: 1', '',
    ].join('\n'),
    boundMs: 2000,
    memoryMb: 400,
    hoverAt: [{ line: 1, character: 8 }, { line: 4, character: 4 }, { line: 0, character: 14 }],
  },
  {
    name: 'HTML, script and command links',
    text: () => injection,
    boundMs: 2000,
    memoryMb: 400,
    hoverAt: Array.from({ length: 16 }, (_, line) => [{ line, character: 4 }, { line, character: 12 }, { line, character: 40 }]).flat(),
  },
  {
    name: 'bidi and zero-width characters',
    text: () => [
      'apiVersion: v1', 'kind\u200b: Pod', 'ki\u200dnd: Service', 'metadata:', '  name: "safe\u202eexe.yaml"', '  labels:', '    "\u2066admin\u2069": "\u202etrue"',
      '    te\ufeffam: x', 'spec:', '  containers:', '    - name: "\u200b"', '      image: "nginx\u2028latest"', '      args: ["\u061c", "\u200e\u200f"]', '',
    ].join('\n'),
    boundMs: 2000,
    memoryMb: 400,
    hoverAt: [{ line: 1, character: 2 }, { line: 4, character: 12 }, { line: 6, character: 7 }],
  },
];
