// Schema hover and completion through the language service.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createLanguageService } from '../../../server/src/service/languageService';
import { documentAtCaret } from '../../helpers/caret';
import { settings, sharedResources } from './kubernetesTestKit';

const service = createLanguageService({ kubernetes: sharedResources() });

function hoverAt(source: string, lang: 'en' | 'ko' = 'en'): string {
  const { document, position } = documentAtCaret(source);
  const hover = service.hover(document, position, settings({ language: lang, hover: { concepts: false } }));
  return hover ? (hover.contents as { value: string }).value : '';
}

function complete(source: string, uri?: string) {
  const { document, position } = documentAtCaret(source, uri);
  return service.complete(document, position, settings());
}

const DEPLOYMENT = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n';

test('hover on a field shows type, required and the schema description', () => {
  const markdown = hoverAt(`${DEPLOYMENT}  sele|ctor:\n    matchLabels: {app: web}\n`);
  assert.match(markdown, /^\*\*selector\*\* · `LabelSelector` · \*\*required\*\* — _DeploymentSpec_/);
  assert.match(markdown, /Label selector for pods/);
  const ko = hoverAt(`${DEPLOYMENT}  replicas: |3\n`, 'ko');
  assert.match(ko, /^\*\*replicas\*\* · `integer \(int32\)` · 선택 — _DeploymentSpec_/);
});

test('hover lists enum values and describes kinds', () => {
  const markdown = hoverAt('apiVersion: v1\nkind: Service\nmetadata:\n  name: s\nspec:\n  type: Node|Port\n');
  assert.match(markdown, /Allowed values: `ClusterIP`, `ExternalName`, `LoadBalancer`, `NodePort`/);
  const kind = hoverAt('apiVersion: batch/v1\nkind: Cron|Job\n');
  assert.match(kind, /^\*\*CronJob\*\* · `batch\/v1`/);
  assert.equal(hoverAt('name: plain|\nother: yaml\n'), '');
});

test('completion offers the keys allowed at the cursor, required first, present ones left out', () => {
  const list = complete(`${DEPLOYMENT}  replicas: 2\n  |\n`);
  const labels = list.items.map((i) => i.label);
  assert.deepEqual(labels.slice(0, 2).sort(), ['selector', 'template']);
  assert.ok(!labels.includes('replicas'));
  assert.ok(labels.includes('strategy'));
  const selector = list.items.find((i) => i.label === 'selector')!;
  assert.equal((selector.textEdit as { newText: string }).newText, 'selector:\n  $0');
  assert.equal(selector.detail, 'LabelSelector · required');
});

test('completion inside list items, indentless lists and enum values', () => {
  const container = complete(`${DEPLOYMENT}  template:\n    spec:\n      containers:\n      - name: web\n        imagePull|\n`);
  const pull = container.items.find((i) => i.label === 'imagePullPolicy')!;
  assert.equal((pull.textEdit as { newText: string }).newText, 'imagePullPolicy: ${1|Always,IfNotPresent,Never|}');
  assert.ok(!container.items.some((i) => i.label === 'name'));
  const ports = complete(`${DEPLOYMENT}  template:\n    spec:\n      containers:\n        - name: web\n          ports:\n            - |\n`);
  assert.ok(ports.items.some((i) => i.label === 'containerPort'));
  const values = complete('apiVersion: v1\nkind: Service\nmetadata:\n  name: s\nspec:\n  type: |\n');
  assert.deepEqual(values.items.map((i) => i.label), ['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort']);
});

test('completion of apiVersion/kind pairs and values', () => {
  const empty = complete('|');
  const deployment = empty.items.find((i) => i.label === 'Deployment (apps/v1)')!;
  assert.equal((deployment.textEdit as { newText: string }).newText, 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ${1:name}\n$0');
  assert.ok(!empty.items.some((i) => String(i.label).startsWith('DeploymentList')));
  const apiVersions = complete('apiVersion: |\nkind: HorizontalPodAutoscaler\n');
  assert.equal(apiVersions.items[0]!.label, 'autoscaling/v2');
  const kinds = complete('apiVersion: apps/v1\nkind: Dae|\n');
  assert.ok(kinds.items.some((i) => i.label === 'DaemonSet'));
  assert.ok(!kinds.items.some((i) => i.label === 'Pod'));
});

test('completion in kustomization files and nothing in plain YAML', () => {
  const kustomization = complete('resources:\n  - base\n|\n', 'file:///repo/kustomization.yaml');
  assert.ok(kustomization.items.some((i) => i.label === 'patches'));
  assert.ok(!kustomization.items.some((i) => i.label === 'resources'));
  assert.deepEqual(complete('services:\n  web:\n    |\n', 'file:///repo/docker-compose.yaml').items, []);
});
