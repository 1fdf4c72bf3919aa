// `kind: List` documents (what `kubectl get -o yaml` writes): every item is validated as a manifest of its own.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import type { Diagnostic } from 'vscode-languageserver-types';
import { parseChunk } from '../../../server/src/service/parser/parsedChunk';
import { createLanguageService } from '../../../server/src/service/languageService';
import { documentAtCaret } from '../../helpers/caret';
import { crdsInText } from '../../../server/src/node/kubernetesSchemaLoader';
import { fixTexts, fixturesDir, freshResources, koMessage, readFixture, settings, sharedResources, summary, validateText } from './kubernetesTestKit';

/** The documents of a fixture as the items of one `v1 List` (indented under `items:`, leading comments dropped). */
function asList(text: string): string {
  const documents = text.split(/^---[ \t]*\n/m);
  const lines = ['apiVersion: v1', 'kind: List', 'items:'];
  for (const document of documents) {
    const own = document.split('\n');
    while (own.length > 0 && /^\s*(?:#.*)?$/.test(own[0]!)) own.shift();
    if (own.length === 0) continue;
    own.forEach((line, index) => lines.push(index === 0 ? `  - ${line}` : line === '' ? '' : `    ${line}`));
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

/** What a finding says, without where: code, English and Korean message, fix texts. */
function said(diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics.map((d) => JSON.stringify([d.code, d.message, koMessage(d), fixTexts(d)])).sort();
}

test('each bad fixture says the same as a List of its documents as it says as separate documents', () => {
  const fixtures = readdirSync(fixturesDir).filter((name) => /^K8S\d+-bad\.yaml$/.test(name) && name !== 'K8S020-bad.yaml');
  assert.ok(fixtures.length >= 20, `${fixtures.length} fixtures`);
  for (const name of fixtures) {
    const text = readFixture(name);
    const version = name === 'K8S007-bad.yaml' ? { version: '1.29' } : {};
    const options = { settings: settings({ kubernetes: { bestPractices: true, ...version } }) };
    const separate = validateText(text, options);
    const listed = validateText(asList(text), options);
    assert.ok(separate.length > 0, name);
    assert.deepEqual(said(listed), said(separate), name);
  }
});

test('the items of a List are validated where they are, with the rules that read manifests', () => {
  const text = [
    'apiVersion: v1',
    'kind: List',
    'metadata:',
    '  resourceVersion: ""',
    'items:',
    '  - apiVersion: apps/v1',
    '    kind: Deployment',
    '    metadata: {name: web}',
    '    spec:',
    '      replicas: "3"',
    '      selector: {matchLabels: {app: web}}',
    '      template:',
    '        metadata: {labels: {app: api}}',
    '        spec:',
    '          containers:',
    '            - name: web',
    '              image: nginx:1.25',
    '              bogus: 1',
    '',
  ].join('\n');
  const found = validateText(text);
  assert.deepEqual(summary(found), ['K8S002@10:17-10:20', 'K8S008@11:32-11:35', 'K8S001@18:15-18:20']);
  assert.equal(found.find((d) => d.code === 'K8S001')!.message, 'Unknown field "bogus" in Container. kubectl apply rejects unknown fields: check the spelling and indentation, or remove it.');
});

test('a List item without apiVersion or kind, with a kind that is not a string, or that is not a mapping is reported', () => {
  const text = [
    'apiVersion: v1',
    'kind: List',
    'items:',
    '  - metadata: {name: a}',
    '  - apiVersion: v1',
    '    metadata: {name: b}',
    '  - apiVersion: v1',
    '    kind: 5',
    '  - just a string',
    '',
  ].join('\n');
  const found = validateText(text).sort((a, b) => a.range.start.line - b.range.start.line);
  assert.deepEqual(summary(found), ['K8S003@4:5-4:13', 'K8S003@5:5-5:15', 'K8S002@8:11-8:12', 'K8S002@9:5-9:18']);
  assert.deepEqual(
    found.map((d) => d.message),
    [
      'Missing required fields "apiVersion", "kind" in a List item: kubectl needs apiVersion and kind on every item.',
      'Missing required field "kind" in a List item: kubectl needs apiVersion and kind on every item.',
      '"kind" of a List item must be a non-empty string.',
      '"items" must be an object (mapping), but found the string "just a string".',
    ],
  );
  for (const diagnostic of found) assert.ok(/[가-힣]/.test(koMessage(diagnostic)), koMessage(diagnostic));
});

test('the List wrapper: items must be a list; kubectl ignores its other fields, and an empty List is fine', () => {
  assert.deepEqual(summary(validateText('apiVersion: v1\nkind: List\nitems: foo\n')), ['K8S002@3:8-3:11']);
  assert.deepEqual(summary(validateText('apiVersion: v1\nkind: List\nitems: []\n')), []);
  assert.deepEqual(summary(validateText('apiVersion: v1\nkind: List\n')), []);
  assert.deepEqual(summary(validateText('apiVersion: v1\nkind: List\nmetadata: {resourceVersion: "", other: 1}\nspec: {}\nitems: []\n')), []);
});

test('lists inside lists are flattened, as kubectl does, down to a bound', () => {
  const service = (indent: string, name: string): string[] => [`${indent}- apiVersion: v1`, `${indent}  kind: Service`, `${indent}  metadata: {name: ${name}}`, `${indent}  spec: {ports: [{port: "80"}]}`];
  const item = (indent: string): string[] => [...service(indent, 's'), ...service(indent, 't')];
  const nested = (depth: number): string[] => {
    const lines = ['apiVersion: v1', 'kind: List', 'items:'];
    let indent = '  ';
    for (let level = 1; level < depth; level++) {
      lines.push(`${indent}- apiVersion: v1`, `${indent}  kind: List`, `${indent}  items:`);
      indent += '    ';
    }
    lines.push(...item(indent));
    return lines;
  };
  // The Services sit in the 4th list (three lists above it): validated. In the 5th: past the bound, not read, and
  // K8S015 says so on that List's `items` key (line 15, below the four wrappers).
  assert.deepEqual(validateText(`${nested(4).join('\n')}\n`).map((d) => d.code), ['K8S002', 'K8S002']);
  assert.deepEqual(summary(validateText(`${nested(5).join('\n')}\n`)), ['K8S015@15:17-15:22']);
  // Said once per too-deep List: two of them side by side in the 4th list are two findings.
  const twice = nested(5);
  twice.push(...twice.slice(12, 15), ...item(' '.repeat(20)));
  assert.deepEqual(summary(validateText(`${twice.join('\n')}\n`)), ['K8S015@15:17-15:22', 'K8S015@26:17-26:22']);
  // Not for an empty List, nor for one whose items are not mappings (those would not be read as resources anyway;
  // the List's own schema reports the scalar).
  const empty = nested(5).slice(0, -8);
  empty[empty.length - 1] += ' []';
  assert.deepEqual(validateText(`${empty.join('\n')}\n`).map((d) => d.code), []);
  const scalars = nested(5).slice(0, -8);
  scalars[scalars.length - 1] += ' [1, ~]';
  assert.deepEqual(validateText(`${scalars.join('\n')}\n`).map((d) => d.code), ['K8S002']);
  assert.equal(parseChunk(`${nested(4).join('\n')}\n`).counts.resources, 2);
  assert.equal(parseChunk(`${nested(5).join('\n')}\n`).counts.resources, 1, 'the List past the bound counts as one resource');
});

test('a List counts its items as resources (the CLI summary), not itself', () => {
  const text = [
    'apiVersion: v1',
    'kind: List',
    'items:',
    '  - {apiVersion: v1, kind: ConfigMap, metadata: {name: a}}',
    '  - {apiVersion: v1, kind: ConfigMap, metadata: {name: b}}',
    '  - {metadata: {name: no-kind}}',
    '  - just a string',
    '  - apiVersion: v1',
    '    kind: List',
    '    items: [{apiVersion: v1, kind: Secret, metadata: {name: c}}]',
    '---',
    'apiVersion: v1',
    'kind: List',
    'items: []',
    '---',
    'apiVersion: v1',
    'kind: ConfigMap',
    'metadata: {name: d}',
    '',
  ].join('\n');
  const counts = text.split(/^---\n/m).map((chunk) => parseChunk(chunk).counts);
  assert.deepEqual(counts.map((c) => c.resources), [3, 0, 1]);
  assert.deepEqual(counts.map((c) => c.documents), [1, 1, 1]);
  // A kind called List in another apiVersion is an ordinary (unknown) resource.
  assert.equal(parseChunk('apiVersion: example.com/v1\nkind: List\nitems: [{kind: A}, {kind: B}]\n').counts.resources, 1);
});

const service = createLanguageService({ kubernetes: sharedResources() });
const LIST_OF_DEPLOYMENT = 'apiVersion: v1\nkind: List\nitems:\n  - apiVersion: apps/v1\n    kind: Deployment\n    metadata:\n      name: web\n    spec:\n';

function hoverAt(source: string): string {
  const { document, position } = documentAtCaret(source);
  const hover = service.hover(document, position, settings({ hover: { concepts: false } }));
  return hover ? (hover.contents as { value: string }).value : '';
}

function labels(source: string): string[] {
  const { document, position } = documentAtCaret(source);
  return service.complete(document, position, settings()).items.map((item) => item.label);
}

test('hover inside a List item describes the field of that item, and its kind', () => {
  assert.match(hoverAt(`${LIST_OF_DEPLOYMENT}      sele|ctor:\n        matchLabels: {app: web}\n`), /^\*\*selector\*\* · `LabelSelector` · \*\*required\*\* — _DeploymentSpec_/);
  assert.match(hoverAt('apiVersion: v1\nkind: List\nitems:\n  - apiVersion: batch/v1\n    kind: Cron|Job\n'), /^\*\*CronJob\*\* · `batch\/v1`/);
  // Nested: a Service in a List in a List.
  const nested = 'apiVersion: v1\nkind: List\nitems:\n  - apiVersion: v1\n    kind: List\n    items:\n      - apiVersion: v1\n        kind: Service\n        spec:\n          ty|pe: NodePort\n';
  assert.match(hoverAt(nested), /^\*\*type\*\* · `string` · optional — _ServiceSpec_/);
  // Hover follows lists as deep as validation does (four), not deeper.
  const deep = (depth: number): string => {
    const lines = ['apiVersion: v1', 'kind: List', 'items:'];
    let indent = '  ';
    for (let level = 1; level < depth; level++) {
      lines.push(`${indent}- apiVersion: v1`, `${indent}  kind: List`, `${indent}  items:`);
      indent += '    ';
    }
    lines.push(`${indent}- apiVersion: v1`, `${indent}  kind: Service`, `${indent}  spec:`, `${indent}    ty|pe: NodePort`);
    return `${lines.join('\n')}\n`;
  };
  assert.match(hoverAt(deep(4)), /_ServiceSpec_/);
  assert.equal(hoverAt(deep(5)), '');
  // `items` of a List that is not a v1 List is not a list of manifests.
  assert.equal(hoverAt('apiVersion: example.com/v1\nkind: List\nitems:\n  - apiVersion: apps/v1\n    kind: Deployment\n    spec:\n      sele|ctor: {}\n'), '');
});

test('hover and completion describe the List itself: its kind and its items', () => {
  assert.match(hoverAt('apiVersion: v1\nkind: Li|st\nitems: []\n'), /^\*\*List\*\* · `v1`\n\nA list of resources, as kubectl get \\-o yaml writes it/);
  assert.match(hoverAt('apiVersion: v1\nkind: List\nit|ems: []\n'), /^\*\*items\*\* · `\[\]object` · optional — _List_/);
  assert.deepEqual(labels('apiVersion: v1\nkind: List\n|\n'), ['items']);
});

test('completion inside a List item offers the keys and values of that item', () => {
  const keys = labels(`${LIST_OF_DEPLOYMENT}      replicas: 2\n      |\n`);
  assert.deepEqual(keys.slice(0, 2).sort(), ['selector', 'template']);
  assert.ok(!keys.includes('replicas'));
  assert.deepEqual(labels('apiVersion: v1\nkind: List\nitems:\n  - apiVersion: v1\n    kind: Service\n    spec:\n      type: |\n'), ['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort']);
  assert.ok(labels('apiVersion: v1\nkind: List\nitems:\n  - apiVersion: apps/v1\n    kind: |\n').includes('Deployment'));
  // A new item: apiVersion and kind keys, but no multi-line pair snippets (their lines would not sit under the `-`).
  const fresh = labels('apiVersion: v1\nkind: List\nitems:\n  - metadata: {name: a}\n    |\n');
  assert.deepEqual(fresh.sort(), ['apiVersion', 'kind']);
});

test('an alias item is its anchor: neither checked nor counted twice, and an alias bomb of items costs nothing', () => {
  const text = [
    'apiVersion: v1',
    'kind: List',
    'items:',
    '  - &cm',
    '    apiVersion: v1',
    '    kind: ConfigMap',
    '    metadata: {name: a}',
    '    data: {x: 1}',
    '  - *cm',
    '',
  ].join('\n');
  assert.deepEqual(summary(validateText(text)), ['K8S002@8:15-8:16']);
  assert.equal(parseChunk(text).counts.resources, 1);
  const bomb = ['apiVersion: v1', 'kind: List', 'base: &a', '  apiVersion: v1', '  kind: ConfigMap', '  data: {x: 1}', 'items:', ...Array.from({ length: 5000 }, () => '  - *a'), ''].join('\n');
  assert.deepEqual(summary(validateText(bomb)), []);
  assert.equal(parseChunk(bomb).counts.resources, 0);
});

test('List items in a kustomize patch file may leave out apiVersion and kind; a bare item may not elsewhere', () => {
  const text = 'apiVersion: v1\nkind: List\nitems:\n  - metadata: {name: b}\n    data: {x: 1}\n  -\n';
  assert.deepEqual(summary(validateText(text)), ['K8S003@4:5-4:13', 'K8S003@6:4-6:4']);
  assert.deepEqual(summary(validateText(text, { uri: 'file:///repo/overlays/patches/p.yaml' })), []);
});

test('a kustomization as a List item is not read as the kustomization file it is not', () => {
  const kustomization = 'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources: 5\n';
  assert.deepEqual(validateText(kustomization).map((d) => d.code), ['K8S002']);
  const listed = `apiVersion: v1\nkind: List\nitems:\n  - ${kustomization.trimEnd().split('\n').join('\n    ')}\n`;
  assert.deepEqual(validateText(listed).map((d) => d.code), ['K8S012']);
  // In a file named kustomization.yaml, a List item without a kind is not given the kustomization schema either.
  const { document, position } = documentAtCaret('apiVersion: v1\nkind: List\nitems:\n  - reso|urces: []\n', 'file:///repo/a/kustomization.yaml');
  assert.equal(service.hover(document, position, settings({ hover: { concepts: false } })), null);
  const atKey = documentAtCaret('apiVersion: v1\nkind: List\nitems:\n  - metadata: {}\n    |\n', 'file:///repo/b/kustomization.yaml');
  assert.deepEqual(service.complete(atKey.document, atKey.position, settings()).items.map((i) => i.label).sort(), ['apiVersion', 'kind']);
});

test('CRDs in a List (kubectl get crds -o yaml) are learnt, lists in lists included, and their resources checked', () => {
  const crd = (kind: string, indent: string): string =>
    [
      'apiVersion: apiextensions.k8s.io/v1',
      'kind: CustomResourceDefinition',
      `metadata: {name: ${kind.toLowerCase()}s.example.com}`,
      `spec: {group: example.com, names: {kind: ${kind}, plural: ${kind.toLowerCase()}s}, scope: Namespaced, versions: [{name: v1, served: true, storage: true, schema: {openAPIV3Schema: {type: object, properties: {spec: {type: object, properties: {size: {type: integer}}}}}}}]}`,
    ].join(`\n${indent}`);
  const crds = `apiVersion: v1\nkind: List\nitems:\n  - ${crd('Widget', '    ')}\n  - apiVersion: v1\n    kind: List\n    items:\n      - ${crd('Gadget', '        ')}\n`;
  const uri = 'file:///repo/crds.yaml';
  assert.deepEqual(crdsInText(crds, uri).map((c) => c.kind), ['Widget', 'Gadget']);
  const resources = freshResources();
  resources.setWorkspaceCrds(uri, crdsInText(crds, uri));
  const crs = 'apiVersion: v1\nkind: List\nitems:\n  - {apiVersion: example.com/v1, kind: Widget, metadata: {name: w}, spec: {size: "3"}}\n  - {apiVersion: example.com/v1, kind: Gadget, metadata: {name: g}, spec: {size: 3}}\n';
  assert.deepEqual(validateText(crs, { resources }).map((d) => d.code), ['K8S002']);
  assert.deepEqual(validateText(crs).map((d) => d.code), ['K8S012', 'K8S012'], 'without the CRDs both are unknown');
});
