// The realistic corpus: valid manifests stay clean, non-Kubernetes YAML and Helm stay quiet, CRDs and kustomize work.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { applyWorkspaceScan, crdsInText, scanWorkspace } from '../../../server/src/node/kubernetesSchemaLoader';
import { corpusDir, freshResources, koMessage, kubernetesService, settings, summary, validateText } from './kubernetesTestKit';

function filesUnder(dir: string): string[] {
  const result: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) result.push(...filesUnder(full));
    else if (/\.ya?ml$/.test(name)) result.push(full);
  }
  return result;
}

const uriOf = (file: string): string => pathToFileURL(file).toString();
const read = (file: string): string => readFileSync(file, 'utf8');

test('valid corpus manifests have no Kubernetes errors or warnings (only the expected information notes)', () => {
  const infos: string[] = [];
  for (const file of filesUnder(path.join(corpusDir, 'valid'))) {
    const diagnostics = validateText(read(file), { uri: uriOf(file) });
    assert.deepEqual(summary(diagnostics.filter((d) => (d.severity ?? 1) <= 2)), [], path.basename(file));
    for (const d of diagnostics) infos.push(`${path.basename(file)} ${String(d.code)}`);
  }
  assert.deepEqual(infos.sort(), ['anchors-daemonset.yaml K8S044', 'anchors-daemonset.yaml K8S044']);
});

test('non-Kubernetes YAML gets no Kubernetes findings at all', () => {
  for (const file of filesUnder(path.join(corpusDir, 'plain'))) {
    assert.deepEqual(summary(validateText(read(file), { uri: uriOf(file) })), [], path.basename(file));
  }
});

test('Helm templates get no Kubernetes findings even with an unknown field', () => {
  const file = path.join(corpusDir, 'helm', 'mychart', 'templates', 'deployment.yaml');
  assert.deepEqual(validateText(read(file), { uri: uriOf(file) }), []);
});

test('kustomize: kustomization files are checked as kustomizations, patch files are not asked for required fields', () => {
  const dir = path.join(corpusDir, 'kustomize');
  const legacy = validateText(read(path.join(dir, 'legacy-kustomization.yaml')));
  assert.deepEqual(summary(legacy), ['K8S020@4:1-4:6', 'K8S020@6:1-6:13', 'K8S020@8:1-8:22', 'K8S001@10:1-10:10']);
  assert.equal(legacy.find((d) => d.code === 'K8S001')!.message, 'Unknown field "namePrefx" in Kustomization. Did you mean "namePrefix"?');
  for (const name of ['base/kustomization.yaml', 'overlays/prod/kustomization.yaml']) {
    const file = path.join(dir, name);
    assert.deepEqual(summary(validateText(read(file), { uri: uriOf(file) })), [], name);
  }
  // Patch files: under patches/, named *-patch.yaml, or using $patch directives.
  for (const name of ['overlays/prod/patches/replicas.yaml', 'overlays/prod/memory-patch.yaml', 'overlays/prod/delete-sidecar.yaml']) {
    const file = path.join(dir, name);
    assert.deepEqual(summary(validateText(read(file), { uri: uriOf(file) })), [], name);
  }
  // The same partial document elsewhere is a broken manifest.
  const elsewhere = validateText(read(path.join(dir, 'overlays/prod/patches/replicas.yaml')), { uri: 'file:///repo/deploy/web.yaml' });
  assert.deepEqual(summary(elsewhere), ['K8S003@5:1-5:5']);
});

test('kustomize: a file listed as a patch by a workspace kustomization is partial whatever its name', () => {
  const resources = freshResources();
  resources.setKustomizePatches(['file:///repo/overlays/prod/scale.yaml']);
  const text = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 4\n';
  assert.deepEqual(validateText(text, { uri: 'file:///repo/overlays/prod/scale.yaml', resources }), []);
  assert.deepEqual(summary(validateText(text, { uri: 'file:///repo/overlays/prod/other.yaml', resources })), ['K8S003@5:1-5:5']);
});

test('CRDs from the workspace validate their custom resources; served, deprecated and unknown versions', () => {
  const crdFile = path.join(corpusDir, 'crd', 'crontab-crd.yaml');
  const crFile = path.join(corpusDir, 'crd', 'crontab.yaml');
  const resources = freshResources();
  resources.setWorkspaceCrds(uriOf(crdFile), crdsInText(read(crdFile), uriOf(crdFile)));
  assert.deepEqual(summary(validateText(read(crdFile), { resources })), []);
  const cr = validateText(read(crFile), { resources });
  assert.deepEqual(summary(cr), ['K8S007@22:13-22:39']);
  assert.equal(cr[0]!.message, 'The CRD marks this version deprecated: stable.example.com/v1beta1 CronTab is deprecated; use stable.example.com/v1');
  const broken = [
    'apiVersion: stable.example.com/v1',
    'kind: CronTab',
    'metadata:',
    '  name: Bad_Name',
    'spec:',
    '  cronSpec: 5',
    '  replica: 2',
    '  mode: fast',
    '  port: 80',
    '---',
    'apiVersion: stable.example.com/v2',
    'kind: CronTab',
    'metadata:',
    '  name: v2',
  ].join('\n');
  const found = validateText(broken, { resources });
  assert.deepEqual(summary(found), ['K8S003@5:1-5:5', 'K8S002@6:13-6:14', 'K8S001@7:3-7:10', 'K8S004@8:9-8:13', 'K8S005@11:13-11:34']);
  assert.equal(found.find((d) => d.code === 'K8S001')!.message, 'Unknown field "replica" in "spec". Did you mean "replicas"?');
  assert.equal(found.find((d) => d.code === 'K8S003')!.message, 'Missing required field "image" in "spec".');
  assert.equal(found.find((d) => d.code === 'K8S005')!.message, 'The CRD of CronTab does not serve version v2. Served apiVersions: stable.example.com/v1beta1, stable.example.com/v1.');
  // Without the CRD: one information note per custom resource, never errors.
  const unknown = validateText(broken);
  assert.deepEqual(summary(unknown), ['K8S012@2:7-2:14', 'K8S012@12:7-12:14']);
  assert.ok(unknown.every((d) => d.severity === 3));
  assert.match(koMessage(unknown[0]!), /CRD를 찾지 못해/);
});

test('a workspace scan finds CRDs and kustomize patch lists, skipping node_modules and bounded by file count', () => {
  const scan = scanWorkspace([corpusDir]);
  assert.deepEqual([...scan.crdsByFile.keys()].map((uri) => path.basename(new URL(uri).pathname)), ['crontab-crd.yaml']);
  assert.deepEqual([...scan.patchFiles].map((uri) => path.relative(corpusDir, new URL(uri).pathname)), [path.join('kustomize', 'overlays', 'prod', 'patches', 'replicas.yaml')]);
  assert.equal(scan.truncated, false);
  const capped = scanWorkspace([corpusDir], { maxFiles: 2 });
  assert.equal(capped.truncated, true);
  assert.equal(capped.filesVisited, 2);
  const resources = freshResources();
  const before = resources.generation();
  applyWorkspaceScan(resources, scan);
  assert.ok(resources.generation() > before);
  assert.deepEqual(resources.customResourceDefinitions().map((c) => `${c.group}/${c.kind}`), ['stable.example.com/CronTab']);
  assert.ok(resources.isKustomizePatch([...scan.patchFiles][0]!));
});

test('changing the workspace CRDs re-validates cached chunks (generation is part of the cache key)', () => {
  const resources = freshResources();
  const text = 'apiVersion: stable.example.com/v1\nkind: CronTab\nmetadata:\n  name: x\nspec:\n  cronSpec: "* * * * *"\n  image: x:1\n  bogus: 1\n';
  const s = settings;
  const service = kubernetesService(resources);
  const doc = { uri: 'file:///w/cr.yaml', version: 1, getText: () => text, positionAt: (o: number) => ({ line: 0, character: o }), offsetAt: () => 0 };
  assert.deepEqual(service.validate(doc, s()).map((d) => d.code), ['K8S012']);
  const crdFile = path.join(corpusDir, 'crd', 'crontab-crd.yaml');
  resources.setWorkspaceCrds(uriOf(crdFile), crdsInText(read(crdFile), uriOf(crdFile)));
  assert.deepEqual(service.validate(doc, s()).map((d) => d.code), ['K8S001']);
  resources.setWorkspaceCrds(uriOf(crdFile), []);
  assert.deepEqual(service.validate(doc, s()).map((d) => d.code), ['K8S012']);
});
