// One positive and one negative fixture per Kubernetes diagnostic code, with exact ranges, messages and fixes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { kubernetesRules } from '../../../server/src/service/kubernetes/kubernetesRules';
import { fixTexts, fixturesDir, koMessage, kubernetesService, readFixture, settings, summary, validateText, where } from './kubernetesTestKit';
import { yamlDocument } from '../../helpers/caret';

interface Expected {
  readonly at: string;
  readonly message: string;
  readonly fixes?: string[][];
}

const BEST_PRACTICES = { kubernetes: { bestPractices: true } };

/** Per code: settings for the fixture pair and the exact findings of that code in the bad fixture. */
const CASES: Record<string, { settings?: Record<string, unknown>; expected: Expected[] }> = {
  K8S001: {
    expected: [
      { at: '6:3-6:11', message: 'Unknown field "replicaz" in DeploymentSpec. Did you mean "replicas"?', fixes: [['replicas']] },
      { at: '17:11-17:22', message: 'Unknown field "volumeMount" in Container. Did you mean "volumeMounts"?', fixes: [['volumeMounts']] },
    ],
  },
  K8S002: {
    expected: [
      { at: '11:18-11:21', message: '"value" must be a string, but found the boolean true. kubectl reads yes as the boolean true (YAML 1.1).', fixes: [['"yes"']] },
      { at: '13:18-13:22', message: '"value" must be a string, but found the integer 8080. Quote it.', fixes: [['"8080"']] },
      { at: '15:26-15:30', message: '"containerPort" must be an integer, but found the string "80". Remove the quotes.', fixes: [['80']] },
      { at: '18:19-18:24', message: '"512MB" is not a valid quantity. Write "512Mi" or "512M" (units are case-sensitive: Mi is 2^20, M is 10^6).', fixes: [['512Mi'], ['512M']] },
      { at: '19:14-19:20', message: '"stdin" must be a boolean (true/false), but found the string "true".', fixes: [['true']] },
      { at: '20:23-20:24', message: '"enableServiceLinks" must be a boolean (true/false), but found the integer 1.' },
    ],
  },
  K8S003: {
    expected: [
      { at: '5:1-5:5', message: 'Missing required field "selector" in DeploymentSpec.' },
      { at: '11:11-11:16', message: 'Missing required field "name" in Container.' },
    ],
  },
  K8S004: {
    expected: [
      { at: '6:9-6:17', message: '"type": "Nodeport" is not an allowed value. Allowed: "ClusterIP", "ExternalName", "LoadBalancer", "NodePort". Did you mean "NodePort"?', fixes: [['NodePort']] },
      { at: '9:17-9:20', message: '"protocol": "tcp" is not an allowed value. Allowed: "SCTP", "TCP", "UDP". Did you mean "TCP"?', fixes: [['TCP']] },
    ],
  },
  K8S005: {
    expected: [
      { at: '1:13-1:15', message: 'Kind Deployment is not served by apiVersion "v1"; use apiVersion: apps/v1.', fixes: [['apps/v1']] },
      { at: '7:7-7:16', message: 'apiVersion "apps/v1" has no kind "Daemonset". Did you mean "DaemonSet"?', fixes: [['DaemonSet']] },
    ],
  },
  K8S006: {
    expected: [
      { at: '1:13-1:31', message: 'Deployment in apiVersion extensions/v1beta1 was removed in Kubernetes 1.16 (validating for 1.36). Use apps/v1.', fixes: [['apps/v1']] },
      {
        at: '6:13-6:27',
        message: 'PodSecurityPolicy in apiVersion policy/v1beta1 was removed in Kubernetes 1.25 (validating for 1.36). There is no replacement API: use Pod Security Admission (namespace labels) instead.',
      },
    ],
  },
  K8S007: {
    settings: { kubernetes: { version: '1.29' } },
    expected: [
      {
        at: '2:13-2:49',
        message: 'FlowSchema in apiVersion flowcontrol.apiserver.k8s.io/v1beta3 is no longer served from Kubernetes 1.32. Use flowcontrol.apiserver.k8s.io/v1.',
        fixes: [['flowcontrol.apiserver.k8s.io/v1']],
      },
    ],
  },
  K8S008: {
    expected: [{ at: '8:7-8:10', message: 'The selector requires app=web, which the pod template labels (spec.template.metadata.labels) do not satisfy. The template has app=api.' }],
  },
  K8S009: { expected: [{ at: '10:13-10:16', message: 'Container name "app" is already used in this pod (initContainers); give it another name.' }] },
  K8S010: {
    expected: [
      { at: '10:17-10:35', message: 'Port name "prometheus-metrics" is 18 characters long; port names are at most 15 characters (IANA_SVC_NAME).' },
      { at: '12:17-12:21', message: 'Port name "Http" is not valid: use lowercase letters, digits and \'-\', with at least one letter, no leading or trailing \'-\' and no \'--\' (IANA_SVC_NAME).' },
    ],
  },
  K8S011: {
    expected: [
      {
        at: '4:9-4:18',
        message: 'metadata.name "My_Config" is not valid: use lowercase letters, digits, \'-\' and \'.\', start and end with a letter or digit, at most 253 characters (RFC 1123 subdomain).',
        fixes: [['my-config']],
      },
      {
        at: '9:9-9:18',
        message: 'metadata.name "1-service" is not valid: use lowercase letters, digits and \'-\', start with a letter and end with a letter or digit, at most 63 characters (RFC 1035 label).',
        fixes: [['service']],
      },
    ],
  },
  K8S012: { expected: [{ at: '2:7-2:18', message: 'Custom resource Certificate (cert-manager.io/v1): no CRD for it in the workspace, so its fields are not checked.' }] },
  K8S013: {
    expected: [
      { at: '11:22-11:25', message: 'File mode 644 is read as a decimal number, outside the allowed 0–0777. Write it in octal as 0644 (decimal 420).', fixes: [['0644']] },
      { at: '13:47-13:51', message: 'File mode 0999 is not octal (8 and 9 are not octal digits), so kubectl reads it as the decimal number 999, outside the allowed 0–0777.' },
    ],
  },
  K8S014: {
    expected: [
      {
        at: '294:45-294:47',
        message: 'This document repeats content through aliases so much that kube-notes stopped following them after 50,000 steps: not everything they lead to was checked.',
      },
    ],
  },
  K8S015: {
    expected: [
      {
        at: '16:17-16:22',
        message: 'This List is inside 4 other Lists. kube-notes reads items down to that depth only, so the items of this one were not checked; kubectl still creates them all.',
      },
    ],
  },
  K8S020: { expected: [{ at: '3:1-3:6', message: 'bases is deprecated in kustomize v5; use resources instead (`kustomize edit fix`).', fixes: [['resources']] }] },
  K8S040: {
    expected: [
      { at: '8:14-8:19', message: 'Image "nginx" has no tag, so :latest is pulled. Pin a version tag (e.g. nginx:1.2.3) or a digest.' },
      { at: '10:14-10:44', message: 'Image "localhost:5000/team/app:latest" uses the :latest tag. Pin a version tag or a digest so deployments are reproducible.' },
    ],
  },
  K8S041: {
    settings: BEST_PRACTICES,
    expected: [{ at: '7:13-7:16', message: 'The container does not set resources.requests.cpu, resources.requests.memory, resources.limits.memory. Set them for predictable scheduling and node stability.' }],
  },
  K8S042: { settings: BEST_PRACTICES, expected: [{ at: '7:13-7:16', message: 'The container has no livenessProbe.' }] },
  K8S043: { expected: [{ at: '10:21-10:25', message: 'This container is privileged and can access the whole host; grant only the capabilities it needs.' }] },
  K8S044: { expected: [{ at: '6:16-6:20', message: "hostNetwork: true shares the node's namespace with the pod; use it only when required." }] },
  K8S045: { expected: [{ at: '7:16-7:17', message: 'runAsUser: 0 runs as root; use a regular user ID.' }] },
  K8S046: { settings: BEST_PRACTICES, expected: [{ at: '7:13-7:14', message: 'No runAsNonRoot: true in the securityContext: depending on the image, the container may run as root.' }] },
};

test('every Kubernetes code has a case and a fixture pair', () => {
  const codes = kubernetesRules.flatMap((rule) => rule.codes.map((c) => c.code)).sort();
  assert.deepEqual(Object.keys(CASES).sort(), codes);
  const files = new Set(readdirSync(fixturesDir));
  for (const code of codes) {
    assert.ok(files.has(`${code}-bad.yaml`), `${code}-bad.yaml`);
    assert.ok(files.has(`${code}-good.yaml`), `${code}-good.yaml`);
  }
});

for (const [code, testCase] of Object.entries(CASES)) {
  test(`${code}: the bad fixture gives exactly the expected findings`, () => {
    const found = validateText(readFixture(`${code}-bad.yaml`), { settings: settings(testCase.settings ?? {}) }).filter((d) => d.code === code);
    const sorted = [...found].sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
    assert.deepEqual(sorted.map(where), testCase.expected.map((e) => e.at));
    sorted.forEach((diagnostic, index) => {
      const expected = testCase.expected[index]!;
      assert.equal(diagnostic.message, expected.message);
      assert.ok(/[가-힣]/.test(koMessage(diagnostic)), `Korean message for ${code}: ${koMessage(diagnostic)}`);
      assert.deepEqual(fixTexts(diagnostic), expected.fixes ?? []);
    });
  });
  test(`${code}: the good fixture has no such finding`, () => {
    const found = validateText(readFixture(`${code}-good.yaml`), { settings: settings(testCase.settings ?? {}) });
    assert.deepEqual(summary(found.filter((d) => d.code === code)), []);
  });
}

test('the good fixtures have no errors or warnings of any Kubernetes code', () => {
  for (const [code, testCase] of Object.entries(CASES)) {
    const found = validateText(readFixture(`${code}-good.yaml`), { settings: settings(testCase.settings ?? {}) });
    assert.deepEqual(summary(found.filter((d) => (d.severity ?? 1) <= 2)), [], code);
  }
});

test('opt-in best practices stay quiet by default, and a lint setting enables one alone', () => {
  assert.deepEqual(summary(validateText(readFixture('K8S041-bad.yaml')).filter((d) => d.code === 'K8S041')), []);
  assert.deepEqual(summary(validateText(readFixture('K8S046-bad.yaml')).filter((d) => d.code === 'K8S046')), []);
  const enabled = validateText(readFixture('K8S041-bad.yaml'), { settings: settings({ lint: { missingResources: 'warning' } }) });
  assert.deepEqual(summary(enabled.filter((d) => d.code === 'K8S041')), ['K8S041@7:13-7:16']);
  assert.equal(enabled.find((d) => d.code === 'K8S041')!.severity, 2);
});

test('Korean messages read naturally for the common findings', () => {
  const [unknown] = validateText(readFixture('K8S001-bad.yaml'));
  assert.equal(koMessage(unknown!), 'DeploymentSpec에는 "replicaz" 필드가 없습니다. "replicas" 필드를 뜻하셨나요?');
  const missing = validateText(readFixture('K8S003-bad.yaml')).find((d) => d.code === 'K8S003')!;
  assert.equal(koMessage(missing), '필수 필드가 빠졌습니다: "selector" (DeploymentSpec).');
  const wrongApi = validateText(readFixture('K8S005-bad.yaml'))[0]!;
  assert.equal(koMessage(wrongApi), 'apiVersion "v1"에는 Deployment 종류가 없습니다. Deployment에 맞는 apiVersion은 apps/v1입니다.');
});

test('kubernetes.validate false and Helm templates give no Kubernetes findings', () => {
  assert.deepEqual(validateText(readFixture('K8S001-bad.yaml'), { settings: settings({ kubernetes: { validate: false } }) }), []);
  const helm = `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {{ .Release.Name }}\nspec:\n  replicaz: {{ .Values.replicas }}\n`;
  assert.deepEqual(validateText(helm, { uri: 'file:///chart/templates/deployment.yaml' }), []);
});

test('quick fixes reach code actions: misspelt field, apiVersion and a mechanical migration', () => {
  const service = kubernetesService();
  const document = yamlDocument('apiVersion: extensions/v1beta1\nkind: Deployment\nmetadata:\n  name: web\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicaz: 1\n');
  const diagnostics = service.validate(document, settings());
  const actions = service.codeActions(document, diagnostics[0]!.range, diagnostics, settings());
  const titles = actions.map((a) => a.title);
  assert.ok(titles.includes('Migrate apiVersion to apps/v1'), titles.join(', '));
  assert.ok(titles.includes('Change to "replicas"'), titles.join(', '));
  const migrate = actions.find((a) => a.title === 'Migrate apiVersion to apps/v1')!;
  assert.equal(migrate.isPreferred, true);
  assert.deepEqual(Object.values(migrate.edit!.changes!)[0], [{ range: { start: { line: 0, character: 12 }, end: { line: 0, character: 30 } }, newText: 'apps/v1' }]);
});
