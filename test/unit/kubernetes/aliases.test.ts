// Content named again by aliases is checked once, where it is written; the work it can cause is bounded.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { summary, validateText, settings } from './kubernetesTestKit';

const POD = [
  'apiVersion: v1',
  'kind: Pod',
  'metadata: {name: p}',
  'spec:',
  '  containers:',
  '    - &c',
  '      name: web',
  '      image: nginx',
  '      ports: [&p {name: BAD_NAME, containerPort: 80}, *p]',
  '    - *c',
  '    - *c',
  '  volumes:',
  '    - &v {name: cfg, configMap: {name: cfg, defaultMode: 644, items: [&i {key: a, path: a, mode: 999}, *i]}}',
  '    - *v',
  '',
].join('\n');

test('an aliased container, port, volume or item is checked once; only the duplicate names it makes are reported, at the aliases', () => {
  const found = validateText(POD, { settings: settings({ kubernetes: { bestPractices: true } }) });
  const codes = summary(found);
  // The bad port name, the image without a tag and the two bad file modes: once each, where they are written.
  assert.deepEqual(codes.filter((c) => c.startsWith('K8S010')), ['K8S010@9:25-9:33']);
  assert.deepEqual(codes.filter((c) => c.startsWith('K8S040')), ['K8S040@8:14-8:19']);
  assert.deepEqual(codes.filter((c) => c.startsWith('K8S013')), ['K8S013@13:58-13:61', 'K8S013@13:98-13:101']);
  // Two containers repeat the first one's name: said on each alias.
  assert.deepEqual(codes.filter((c) => c.startsWith('K8S009')), ['K8S009@10:7-10:9', 'K8S009@11:7-11:9']);
});

test('a mapping of unknown keys named by many aliases is checked up to the work budget, with the findings cap said', () => {
  const lines = ['apiVersion: v1', 'kind: Pod', 'metadata: {name: p}', 'x: &c', '  name: c', '  image: nginx:1'];
  for (let i = 0; i < 300; i++) lines.push(`  bogus${i}: ${i}`);
  lines.push('spec:', '  containers:');
  for (let i = 0; i < 1000; i++) lines.push('    - *c');
  const found = validateText(`${lines.join('\n')}\n`);
  const unknown = found.filter((d) => d.code === 'K8S001');
  // 300 keys × 1,000 aliases: the first 1,000 findings are shown, and the notice says more were left out.
  assert.equal(unknown.length, 1000);
  assert.ok(found.some((d) => d.code === 'KN001' && /kubernetes\.unknownField/.test(String(d.message))), 'the KN001 notice');
});

test('an ordinary container named by 1,000 aliases is checked through all of them (a key is charged once, not twice)', () => {
  const container = [
    '  - &t',
    '    name: base',
    '    bogus: 1',
    '    image: nginx:1.25',
    '    imagePullPolicy: IfNotPresent',
    '    resources:',
    '      limits: {cpu: 100m, memory: 64Mi}',
    '      requests: {cpu: 50m, memory: 32Mi}',
    '    securityContext:',
    '      runAsNonRoot: true',
    '      readOnlyRootFilesystem: true',
    '      allowPrivilegeEscalation: false',
    '      capabilities: {drop: [ALL]}',
    '    livenessProbe:',
    '      httpGet: {path: /healthz, port: 8080}',
    '      periodSeconds: 10',
    '    env:',
    '    - {name: A, value: a}',
    '    - {name: B, value: b}',
    '    - {name: C, value: c}',
  ];
  const text = ['apiVersion: v1', 'kind: Pod', 'metadata: {name: p}', 'spec:', '  containers:', ...container, ...Array.from({ length: 1000 }, () => '  - *t'), ''].join('\n');
  const found = validateText(text);
  // 1,001 unknown `bogus` keys (the container and its 1,000 aliases): 1,000 shown and the notice.
  assert.equal(found.filter((d) => d.code === 'K8S001').length, 1000);
  assert.ok(found.some((d) => d.code === 'KN001' && /kubernetes\.unknownField/.test(String(d.message))), 'the KN001 notice');
});

test('the same container in two lists is still checked by each list\'s rules (probes for containers)', () => {
  const text = [
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata: {name: d}',
    'spec:',
    '  selector: {matchLabels: {app: d}}',
    '  template:',
    '    metadata: {labels: {app: d}}',
    '    spec:',
    '      initContainers:',
    '        - &c {name: app, image: "busybox:1.36"}',
    '      containers:',
    '        - *c',
    '',
  ].join('\n');
  const codes = summary(validateText(text, { settings: settings({ kubernetes: { bestPractices: true } }) }));
  assert.deepEqual(codes.filter((c) => c.startsWith('K8S042')), ['K8S042@10:21-10:24'], 'the container in containers has no probes');
  assert.deepEqual(codes.filter((c) => c.startsWith('K8S009')), ['K8S009@12:11-12:13'], 'the duplicate name, on the alias');
});

test('a ports list shared by many containers through an alias is read once', () => {
  const lines = ['apiVersion: v1', 'kind: Pod', 'metadata: {name: p}', 'spec:', '  containers:', '    - name: c0', '      image: "x:1"', '      ports: &P'];
  for (let i = 0; i < 300; i++) lines.push(`        - {name: Bad_${i}, containerPort: ${i + 1}}`);
  for (let i = 1; i < 300; i++) lines.push(`    - {name: c${i}, image: "x:1", ports: *P}`);
  const found = validateText(`${lines.join('\n')}\n`).filter((d) => d.code === 'K8S010');
  assert.equal(found.length, 300, 'one finding per bad port name, not one per container');
});

test('running out of the budget in merge-key expansion is said too (K8S014)', () => {
  const lines = ['apiVersion: v1', 'kind: Pod', 'metadata: {name: p}', 'spec:', '  containers:', '    - name: c0', '      image: "x:1"', '      resources:', '        limits: &big', '          bad: 1Gb'];
  for (let i = 0; i < 2000; i++) lines.push(`          example.com/r${i}: 1`);
  for (let i = 1; i <= 20; i++) lines.push(`    - name: c${i}`, '      image: "x:1"', '      resources:', '        limits:', '          <<: *big');
  const found = validateText(`${lines.join('\n')}\n`);
  // The merged limits are checked for the first containers; when expansion stops, K8S014 says so, once.
  assert.ok(found.filter((d) => d.code === 'K8S002').length > 1);
  assert.equal(found.filter((d) => d.code === 'K8S014').length, 1);
});
