// Scalar values the schema walk accepts without a task, and the neighbours that must still be reported.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { summary, validateText } from './kubernetesTestKit';

const DEPLOYMENT = (replicas: string, port: string, pullPolicy: string, image: string) =>
  [
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata: {name: web}',
    'spec:',
    `  replicas: ${replicas}`,
    '  selector: {matchLabels: {app: web}}',
    '  template:',
    '    metadata: {labels: {app: web}}',
    '    spec:',
    '      containers:',
    '        - name: web',
    `          image: ${image}`,
    `          imagePullPolicy: ${pullPolicy}`,
    '          ports:',
    `            - containerPort: ${port}`,
    '',
  ].join('\n');

test('values of the wanted type pass; null is unset; an integral float is an integer', () => {
  assert.deepEqual(summary(validateText(DEPLOYMENT('3', '8080', 'IfNotPresent', 'nginx:1.25'))), []);
  assert.deepEqual(summary(validateText(DEPLOYMENT('~', '8080', 'IfNotPresent', 'nginx:1.25'))), []);
  assert.deepEqual(summary(validateText(DEPLOYMENT('1.0', '2147483647', 'IfNotPresent', 'nginx:1.25'))), []);
});

test('the checks next to them still report: int32 range, a fraction, an enum, a number for a string', () => {
  assert.deepEqual(summary(validateText(DEPLOYMENT('3', '2147483648', 'IfNotPresent', 'nginx:1.25'))), ['K8S002@15:30-15:40']);
  assert.deepEqual(summary(validateText(DEPLOYMENT('1.5', '8080', 'IfNotPresent', 'nginx:1.25'))), ['K8S002@5:13-5:16']);
  assert.deepEqual(summary(validateText(DEPLOYMENT('3', '8080', 'Sometimes', 'nginx:1.25'))), ['K8S004@13:28-13:37']);
  assert.deepEqual(summary(validateText(DEPLOYMENT('3', '8080', 'IfNotPresent', '5'))), ['K8S002@12:18-12:19']);
});

test('a string in a byte field must be base64; stringData takes plain text', () => {
  const secret = (field: string, value: string) => `apiVersion: v1\nkind: Secret\nmetadata: {name: s}\n${field}:\n  key: ${value}\n`;
  assert.deepEqual(summary(validateText(secret('data', 'aGVsbG8='))), []);
  assert.deepEqual(summary(validateText(secret('data', 'not base64!'))), ['K8S002@5:8-5:19']);
  assert.deepEqual(summary(validateText(secret('stringData', 'not base64!'))), []);
});

test('keys brought in by a merge key spend the work budget even when their values pass (K8S014 where it runs out)', () => {
  // 2,000 data keys merged into 20 ConfigMaps: the merges and the merged keys together pass the 50,000-step budget.
  const lines = ['apiVersion: v1', 'kind: List', 'items:', '  - apiVersion: v1', '    kind: ConfigMap', '    metadata: {name: c0}', '    data: &big'];
  for (let i = 0; i < 2000; i++) lines.push(`      k${i}: v${i}`);
  for (let i = 1; i <= 20; i++) lines.push('  - apiVersion: v1', '    kind: ConfigMap', `    metadata: {name: c${i}}`, '    data:', '      <<: *big');
  assert.deepEqual(summary(validateText(`${lines.join('\n')}\n`)), ['K8S014@2077:11-2077:15']);
});
