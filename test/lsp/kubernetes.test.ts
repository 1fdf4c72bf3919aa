// LSP-level tests of Kubernetes validation over stdio: diagnostics per document, schema hover, completion, quick fix, version setting.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { TestClient, applyEdits, hoverText } from './lspClient';

const MANIFEST = [
  'apiVersion: apps/v1',
  'kind: Deployment',
  'metadata:',
  '  name: web',
  'spec:',
  '  replicas: 2',
  '  selector:',
  '    matchLabels: {app: web}',
  '  template:',
  '    metadata:',
  '      labels: {app: web}',
  '    spec:',
  '      containers:',
  '        - name: web',
  '          image: nginx:1.27',
  '          imagePullPolicy: Sometimes',
  '          ports:',
  '            - containerPort: 80',
  '              protocl: TCP',
  '---',
  'apiVersion: v1',
  'kind: Deployment',
  'metadata:',
  '  name: wrong-group',
  '---',
  'apiVersion: policy/v1beta1',
  'kind: PodDisruptionBudget',
  'metadata:',
  '  name: old',
  'spec:',
  '  minAvailable: 1',
  '---',
  'just: some yaml',
  '',
].join('\n');

describe('Kubernetes validation over stdio', () => {
  let client: TestClient;
  const uri = 'file:///tmp/kube-notes-k8s/app.yaml';

  before(async () => {
    client = await TestClient.start({});
    client.open(uri, MANIFEST);
  });
  after(async () => client.stop());

  it('validates every document with its own schema and leaves plain YAML alone', async () => {
    const diagnostics = await client.diagnosticsFor(uri, (d) => d.length > 0);
    const found = diagnostics.map((d) => `${d.code}@${d.range.start.line}`).sort();
    assert.deepEqual(found, ['K8S001@18', 'K8S004@15', 'K8S005@20', 'K8S006@25'].sort());
    const unknown = diagnostics.find((d) => d.code === 'K8S001')!;
    assert.match(String(unknown.message), /protocl.*Did you mean "protocol"/);
    assert.deepEqual(unknown.range, { start: { line: 18, character: 14 }, end: { line: 18, character: 21 } });
    assert.match(String(diagnostics.find((d) => d.code === 'K8S005')!.message), /apps\/v1/);
    assert.match(String(diagnostics.find((d) => d.code === 'K8S006')!.message), /policy\/v1/);
  });

  it('quick-fixes the misspelled field, and the diagnostic goes away', async () => {
    const diagnostics = await client.diagnosticsFor(uri, (d) => d.length > 0);
    const unknown = diagnostics.find((d) => d.code === 'K8S001')!;
    const actions = (await client.codeActions(uri, unknown.range, [unknown])) ?? [];
    const fix = actions.find((a) => /protocol/.test(a.title));
    assert.ok(fix, `no fix among ${actions.map((a) => a.title).join(', ')}`);
    const edited = applyEdits(MANIFEST, fix.edit!.changes![uri]!);
    assert.equal(edited, MANIFEST.replace('protocl: TCP', 'protocol: TCP'));
    client.change(uri, edited);
    const after = await client.diagnosticsFor(uri);
    assert.deepEqual(after.map((d) => d.code).sort(), ['K8S004', 'K8S005', 'K8S006']);
  });

  it('hovers a field with its schema description, type and required flag', async () => {
    const text = hoverText(await client.hover(uri, { line: 5, character: 4 }));
    assert.match(text, /\*\*replicas\*\* · `integer \(int32\)` · optional/);
    assert.match(text, /desired pods/);
  });

  it('completes the fields allowed under spec, required first, present ones left out', async () => {
    const other = 'file:///tmp/kube-notes-k8s/completion.yaml';
    const lines = MANIFEST.split('\n');
    lines.splice(12, 0, '      ');
    client.open(other, lines.join('\n'));
    await client.diagnosticsFor(other);
    const result = await client.request<{ items: Array<{ label: string }> } | Array<{ label: string }>>('textDocument/completion', {
      textDocument: { uri: other },
      position: { line: 12, character: 6 },
    });
    const labels = (Array.isArray(result) ? result : result.items).map((i) => i.label);
    assert.ok(labels.includes('initContainers'), labels.join(', '));
    assert.ok(labels.includes('nodeName'), labels.join(', '));
    assert.ok(!labels.includes('containers'), 'containers is already present');
    client.close(other);
  });

  it('follows kubeNotes.kubernetes.version', async () => {
    client.updateSettings({ kubernetes: { version: '1.28' } });
    const v = client.change(uri, MANIFEST.replace('just: some yaml', 'apiVersion: resource.k8s.io/v1\nkind: DeviceClass\nmetadata:\n  name: gpu'));
    assert.ok(v > 0);
    const diagnostics = await client.diagnosticsFor(uri, (d) => d.some((x) => x.range.start.line >= 32));
    assert.ok(diagnostics.some((d) => d.code === 'K8S005' && d.range.start.line === 32), diagnostics.map((d) => `${d.code}@${d.range.start.line}`).join(' '));
  });
});
