// The generated bundles: present for 1.28–1.36, deterministic, with kinds, hints and history; the kubectl value reader.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { parseDocument, isMap, isScalar, type Scalar } from 'yaml';
import { SUPPORTED_KUBERNETES_VERSIONS } from '../../../server/src/service/settings';
import { loadSchemaBundle, type SchemaNode } from '../../../server/src/service/kubernetes/schemaBundle';
import { catalogFor } from '../../../server/src/service/kubernetes/apiCatalog';
import { kubectlScalar, resolvePlainYaml11 } from '../../../server/src/service/kubernetes/kubectlScalar';
import { closestName } from '../../../server/src/service/kubernetes/suggestions';
import { repoRoot, schemaDir, sharedResources } from './kubernetesTestKit';

test('a bundle exists for every supported version and loads', () => {
  for (const version of SUPPORTED_KUBERNETES_VERSIONS) {
    const file = path.join(schemaDir, `kubernetes-${version}.json`);
    assert.ok(existsSync(file), file);
    const bundle = loadSchemaBundle(JSON.parse(readFileSync(file, 'utf8')));
    assert.equal(bundle.kubernetesVersion, version);
    assert.ok(bundle.kind('apps/v1', 'Deployment'), `${version} Deployment`);
  }
  assert.ok(existsSync(path.join(schemaDir, 'NOTICE.md')));
  assert.throws(() => loadSchemaBundle({ openapi: '3.0' }), /not a kube-notes schema bundle/);
});

function valueFormat(map: SchemaNode): string | undefined {
  const additional = map.additional();
  return additional === undefined || additional === true ? undefined : additional.format;
}

test('bundles keep types, formats, required fields, enums, descriptions and list hints', () => {
  const bundle = sharedResources().schemaFor('1.36')!;
  const spec = bundle.definition('io.k8s.api.apps.v1.DeploymentSpec')!;
  assert.deepEqual([...spec.required].sort(), ['selector', 'template']);
  assert.equal(spec.property('replicas')!.type, 'integer');
  assert.equal(spec.property('replicas')!.format, 'int32');
  assert.match(spec.property('replicas')!.description!, /Number of desired pods/);
  const container = bundle.definition('io.k8s.api.core.v1.Container')!;
  assert.deepEqual(container.property('imagePullPolicy')!.enumValues, ['Always', 'IfNotPresent', 'Never']);
  assert.equal(valueFormat(container.property('resources')!.property('limits')!), 'quantity');
  assert.equal(bundle.definition('io.k8s.api.core.v1.ServicePort')!.property('targetPort')!.format, 'int-or-string');
  const containers = bundle.definition('io.k8s.api.core.v1.PodSpec')!.property('containers')!;
  assert.equal(containers.listType, 'map');
  assert.deepEqual(containers.listMapKeys, ['name']);
  assert.equal(containers.items()!.typeName, 'Container');
  assert.equal(valueFormat(bundle.definition('io.k8s.api.core.v1.Secret')!.property('data')!), 'byte');
});

test('the generator is deterministic and reproduces the committed bundles', { skip: !existsSync(path.resolve(repoRoot, '..', 'shared', 'k8s-openapi', 'v1.36')) }, () => {
  const out = mkdtempSync(path.join(tmpdir(), 'kn-schemas-'));
  try {
    const result = spawnSync(process.execPath, [path.join(repoRoot, 'scripts', 'generateSchemas.mjs'), '--out', out], { encoding: 'utf8' });
    assert.equal(result.status, 0, result.stderr);
    for (const version of ['1.28', '1.36']) {
      assert.equal(readFileSync(path.join(out, `kubernetes-${version}.json`), 'utf8'), readFileSync(path.join(schemaDir, `kubernetes-${version}.json`), 'utf8'));
    }
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});

test('the catalog knows per-version availability, removals and replacements', () => {
  const v128 = catalogFor(sharedResources().schemaFor('1.28')!);
  const v136 = catalogFor(sharedResources().schemaFor('1.36')!);
  assert.deepEqual(v128.check('flowcontrol.apiserver.k8s.io/v1beta2', 'FlowSchema'), {
    status: 'ok', entry: v128.bundle.kind('flowcontrol.apiserver.k8s.io/v1beta2', 'FlowSchema'), removedIn: '1.29', replacement: 'flowcontrol.apiserver.k8s.io/v1beta3', mechanical: false,
  });
  assert.deepEqual(v136.check('flowcontrol.apiserver.k8s.io/v1beta3', 'FlowSchema'), { status: 'removed', removedIn: '1.32', replacement: 'flowcontrol.apiserver.k8s.io/v1', mechanical: true });
  assert.deepEqual(v128.check('networking.k8s.io/v1', 'ServiceCIDR'), { status: 'notYet', since: '1.33' });
  assert.deepEqual(v136.check('autoscaling/v2beta2', 'HorizontalPodAutoscaler'), { status: 'removed', removedIn: '1.26', replacement: 'autoscaling/v2', mechanical: true });
  assert.deepEqual(v136.check('extensions/v1beta1', 'Ingress'), { status: 'removed', removedIn: '1.22', replacement: 'networking.k8s.io/v1', mechanical: false });
  assert.deepEqual(v136.check('app/v1', 'Deployment'), { status: 'wrongApiVersion', suggestion: 'apps/v1', others: [] });
  assert.deepEqual(v136.check('apps/v1', 'deployment'), { status: 'wrongKind', suggestion: 'Deployment' });
  assert.deepEqual(v136.check('v1', 'Ingress'), { status: 'wrongApiVersion', suggestion: 'networking.k8s.io/v1', others: [] });
  assert.deepEqual(v136.check('monitoring.coreos.com/v1', 'ServiceMonitor'), { status: 'custom', group: 'monitoring.coreos.com', version: 'v1' });
  assert.equal(v136.preferredApiVersion('CronJob'), 'batch/v1');
});

function scalarOf(source: string): Scalar {
  const doc = parseDocument(`v: ${source}\n`, { keepSourceTokens: true });
  const root = doc.contents;
  assert.ok(isMap(root));
  const value = root.items[0]!.value;
  assert.ok(isScalar(value));
  return value;
}

test('scalars are read as kubectl reads them (YAML 1.1)', () => {
  const cases: Array<[string, string, unknown]> = [
    ['yes', 'bool', true], ['No', 'bool', false], ['on', 'bool', true], ['y', 'bool', true], ['true', 'bool', true],
    ['0777', 'int', 511], ['0o17', 'int', 15], ['0x1F', 'int', 31], ['1_000', 'int', 1000], ['-12', 'int', -12], ['0', 'int', 0],
    ['1.5', 'float', 1.5], ['1e3', 'float', 1000], ['.inf', 'float', Infinity],
    ['~', 'null', undefined], ['null', 'null', undefined], ['', 'null', undefined],
    ['"yes"', 'string', 'yes'], ["'0777'", 'string', '0777'], ['512Mi', 'string', '512Mi'], ['2024-01-01', 'string', '2024-01-01'], ['1.2.3', 'string', '1.2.3'],
    ['!!str 10', 'string', '10'],
  ];
  for (const [source, kind, value] of cases) {
    const read = kubectlScalar(scalarOf(source));
    assert.equal(read.kind, kind, source);
    if (read.kind !== 'null') assert.equal(read.value, value, source);
  }
  assert.deepEqual(resolvePlainYaml11('OFF'), { kind: 'bool', value: false });
});

test('suggestions prefer case-insensitive matches and small edit distances', () => {
  assert.equal(closestName('replicaz', ['replicas', 'selector']), 'replicas');
  assert.equal(closestName('containerport', ['containerPort', 'hostPort']), 'containerPort');
  assert.equal(closestName('imagePullPolcy', ['image', 'imagePullPolicy']), 'imagePullPolicy');
  assert.equal(closestName('zzz', ['replicas', 'selector']), undefined);
});
