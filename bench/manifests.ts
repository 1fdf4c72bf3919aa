// Deterministic generator of realistic multi-document Kubernetes manifests (and a tree of manifest files) for the benchmark and the fuzz test.
import { mkdirSync, writeFileSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRng } from './stats';

type Rng = () => number;

const pick = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length)]!;
const int = (rng: Rng, low: number, high: number): number => low + Math.floor(rng() * (high - low + 1));

const TEAMS = ['payments', 'search', 'checkout', 'identity', 'ledger', 'catalog', 'notify', 'media'];
const IMAGES = ['nginx', 'redis', 'postgres', 'busybox', 'envoyproxy/envoy', 'ghcr.io/acme/api', 'quay.io/acme/worker'];

function labels(name: string, team: string, indent: string): string[] {
  return [`${indent}app.kubernetes.io/name: ${name}`, `${indent}app.kubernetes.io/part-of: ${team}`, `${indent}tier: backend`];
}

function container(rng: Rng, name: string, indent: string): string[] {
  const port = pick(rng, [80, 8080, 8443, 9090, 3000]);
  const lines = [
    `${indent}- name: ${name}`,
    `${indent}  image: ${pick(rng, IMAGES)}:${int(rng, 1, 9)}.${int(rng, 0, 30)}.${int(rng, 0, 9)}`,
    `${indent}  imagePullPolicy: ${pick(rng, ['IfNotPresent', 'Always'])}`,
    `${indent}  ports:`,
    `${indent}    - name: http`,
    `${indent}      containerPort: ${port}`,
    `${indent}      protocol: TCP`,
    `${indent}  env:`,
    `${indent}    - name: LOG_LEVEL`,
    `${indent}      value: ${pick(rng, ['info', 'debug', 'warn'])}`,
    `${indent}    - name: POD_NAME`,
    `${indent}      valueFrom:`,
    `${indent}        fieldRef:`,
    `${indent}          fieldPath: metadata.name`,
    `${indent}  resources:`,
    `${indent}    requests:`,
    `${indent}      cpu: ${int(rng, 1, 9) * 50}m`,
    `${indent}      memory: ${int(rng, 1, 8) * 64}Mi`,
    `${indent}    limits:`,
    `${indent}      memory: ${int(rng, 4, 16) * 64}Mi`,
  ];
  if (rng() < 0.7) {
    lines.push(
      `${indent}  livenessProbe:`,
      `${indent}    httpGet:`,
      `${indent}      path: /healthz`,
      `${indent}      port: http`,
      `${indent}    initialDelaySeconds: ${int(rng, 3, 30)}`,
      `${indent}    periodSeconds: 10`,
    );
  }
  lines.push(`${indent}  volumeMounts:`, `${indent}    - name: config`, `${indent}      mountPath: /etc/${name}`, `${indent}      readOnly: true`);
  return lines;
}

function podSpec(rng: Rng, name: string, indent: string, restartPolicy?: string): string[] {
  const lines = [`${indent}serviceAccountName: ${name}`];
  if (restartPolicy) lines.push(`${indent}restartPolicy: ${restartPolicy}`);
  lines.push(`${indent}securityContext:`, `${indent}  runAsNonRoot: true`, `${indent}  runAsUser: ${int(rng, 1000, 65000)}`, `${indent}containers:`);
  lines.push(...container(rng, name, `${indent}  `));
  if (rng() < 0.3) lines.push(...container(rng, `${name}-sidecar`, `${indent}  `));
  lines.push(`${indent}volumes:`, `${indent}  - name: config`, `${indent}    configMap:`, `${indent}      name: ${name}-config`);
  return lines;
}

function metadata(name: string, team: string, namespace: string): string[] {
  return ['metadata:', `  name: ${name}`, `  namespace: ${namespace}`, '  labels:', ...labels(name, team, '    ')];
}

type Template = (rng: Rng, name: string, team: string, ns: string) => string[];

const templates: ReadonlyArray<readonly [Template, number]> = [
  [(rng, name, team, ns) => [
    'apiVersion: apps/v1', 'kind: Deployment', ...metadata(name, team, ns), 'spec:', `  replicas: ${int(rng, 1, 6)}`,
    '  selector:', '    matchLabels:', `      app.kubernetes.io/name: ${name}`, '  template:', '    metadata:', '      labels:',
    ...labels(name, team, '        '), '    spec:', ...podSpec(rng, name, '      '),
  ], 5],
  [(rng, name, team, ns) => [
    'apiVersion: v1', 'kind: Service', ...metadata(name, team, ns), 'spec:', `  type: ${pick(rng, ['ClusterIP', 'NodePort'])}`,
    '  selector:', `    app.kubernetes.io/name: ${name}`, '  ports:', '    - name: http', '      port: 80',
    `      targetPort: ${rng() < 0.5 ? 'http' : String(pick(rng, [8080, 9090]))}`, '      protocol: TCP',
  ], 4],
  [(rng, name, team, ns) => {
    const lines = ['apiVersion: v1', 'kind: ConfigMap', ...metadata(`${name}-config`, team, ns), 'data:', `  LOG_FORMAT: json`, '  app.properties: |'];
    for (let i = 0, n = int(rng, 3, 12); i < n; i++) lines.push(`    ${pick(rng, ['server', 'cache', 'db', 'queue'])}.setting${i}=${int(rng, 1, 9999)}`);
    lines.push('  nginx.conf: >-');
    for (let i = 0, n = int(rng, 2, 6); i < n; i++) lines.push(`    location /${name}/${i} { proxy_pass http://127.0.0.1:${8000 + i}; }`);
    return lines;
  }, 3],
  [(_rng, name, team, ns) => [
    'apiVersion: networking.k8s.io/v1', 'kind: Ingress', ...metadata(name, team, ns), '  annotations:',
    '    nginx.ingress.kubernetes.io/rewrite-target: /', 'spec:', '  ingressClassName: nginx', '  tls:', '    - hosts:',
    `        - ${name}.example.com`, `      secretName: ${name}-tls`, '  rules:', `    - host: ${name}.example.com`, '      http:', '        paths:',
    '          - path: /', '            pathType: Prefix', '            backend:', '              service:', `                name: ${name}`,
    '                port:', '                  number: 80',
  ], 2],
  [(rng, name, team, ns) => [
    'apiVersion: apps/v1', 'kind: StatefulSet', ...metadata(name, team, ns), 'spec:', `  serviceName: ${name}`, `  replicas: ${int(rng, 1, 5)}`,
    '  selector:', '    matchLabels:', `      app.kubernetes.io/name: ${name}`, '  template:', '    metadata:', '      labels:',
    ...labels(name, team, '        '), '    spec:', ...podSpec(rng, name, '      '), '  volumeClaimTemplates:', '    - metadata:',
    '        name: data', '      spec:', '        accessModes: ["ReadWriteOnce"]', '        resources:', '          requests:',
    `            storage: ${int(rng, 1, 100)}Gi`,
  ], 1],
  [(rng, name, team, ns) => [
    'apiVersion: batch/v1', 'kind: CronJob', ...metadata(name, team, ns), 'spec:', `  schedule: "${int(rng, 0, 59)} ${int(rng, 0, 23)} * * *"`,
    '  concurrencyPolicy: Forbid', '  jobTemplate:', '    spec:', '      backoffLimit: 2', '      template:', '        spec:',
    ...podSpec(rng, name, '          ', 'OnFailure'),
  ], 1],
  [(rng, name, team, ns) => [
    'apiVersion: autoscaling/v2', 'kind: HorizontalPodAutoscaler', ...metadata(name, team, ns), 'spec:', '  scaleTargetRef:',
    '    apiVersion: apps/v1', '    kind: Deployment', `    name: ${name}`, `  minReplicas: ${int(rng, 1, 3)}`, `  maxReplicas: ${int(rng, 4, 20)}`,
    '  metrics:', '    - type: Resource', '      resource:', '        name: cpu', '        target:', '          type: Utilization',
    `          averageUtilization: ${int(rng, 50, 90)}`,
  ], 1],
  [(_rng, name, team, ns) => ['apiVersion: v1', 'kind: ServiceAccount', ...metadata(name, team, ns), 'automountServiceAccountToken: false'], 1],
  [(_rng, name, team, ns) => [
    'apiVersion: rbac.authorization.k8s.io/v1', 'kind: Role', ...metadata(`${name}-reader`, team, ns), 'rules:', '  - apiGroups: [""]',
    '    resources: ["configmaps", "secrets"]', '    verbs: ["get", "list", "watch"]',
  ], 1],
  [(_rng, name, team, ns) => [
    'apiVersion: rbac.authorization.k8s.io/v1', 'kind: RoleBinding', ...metadata(`${name}-reader`, team, ns), 'subjects:',
    '  - kind: ServiceAccount', `    name: ${name}`, `    namespace: ${ns}`, 'roleRef:', '  kind: Role', `  name: ${name}-reader`,
    '  apiGroup: rbac.authorization.k8s.io',
  ], 1],
  [(_rng, name, team) => [
    'apiVersion: rbac.authorization.k8s.io/v1', 'kind: ClusterRole', 'metadata:', `  name: ${team}-${name}-viewer`, 'rules:',
    '  - apiGroups: ["apps"]', '    resources: ["deployments", "statefulsets"]', '    verbs: ["get", "list"]',
  ], 1],
  [(rng, name, team, ns) => [
    'apiVersion: v1', 'kind: Secret', ...metadata(`${name}-credentials`, team, ns), 'type: Opaque', 'stringData:',
    `  username: ${name}`, `  password: "${Math.floor(rng() * 1e12).toString(36)}"`,
  ], 1],
  [(rng, name, team, ns) => [
    'apiVersion: policy/v1', 'kind: PodDisruptionBudget', ...metadata(name, team, ns), 'spec:', `  minAvailable: ${int(rng, 1, 2)}`,
    '  selector:', '    matchLabels:', `      app.kubernetes.io/name: ${name}`,
  ], 1],
  [(rng, name, team, ns) => [
    'apiVersion: networking.k8s.io/v1', 'kind: NetworkPolicy', ...metadata(name, team, ns), 'spec:', '  podSelector:', '    matchLabels:',
    `      app.kubernetes.io/name: ${name}`, '  policyTypes: ["Ingress"]', '  ingress:', '    - from:', '        - podSelector:', '            matchLabels:',
    `              app.kubernetes.io/part-of: ${team}`, '      ports:', '        - protocol: TCP', `          port: ${pick(rng, [80, 8080])}`,
  ], 1],
  [(rng, name, team, ns) => [
    'apiVersion: apps/v1', 'kind: DaemonSet', ...metadata(`${name}-agent`, team, ns), 'spec:', '  selector:', '    matchLabels:',
    `      app.kubernetes.io/name: ${name}`, '  template:', '    metadata:', '      labels:', ...labels(name, team, '        '), '    spec:',
    ...podSpec(rng, name, '      '),
  ], 1],
];
const totalWeight = templates.reduce((sum, [, w]) => sum + w, 0);

function pickTemplate(rng: Rng): Template {
  let r = rng() * totalWeight;
  for (const [template, weight] of templates) {
    r -= weight;
    if (r < 0) return template;
  }
  return templates[0]![0];
}

/** One generated document (lines without the `---` separator). */
export function generateDocument(rng: Rng, index: number): string[] {
  const team = pick(rng, TEAMS);
  const name = `${team}-svc-${index}`;
  const lines = pickTemplate(rng)(rng, name, team, `${team}-prod`);
  if (rng() < 0.15) lines.unshift(`# ${name}: owned by the ${team} team`);
  return lines;
}

export interface Position {
  readonly line: number;
  readonly character: number;
}

export interface GeneratedManifest {
  readonly text: string;
  readonly lines: number;
  readonly documents: number;
  /** Line of the first line of each document (after its `---`). */
  readonly documentStarts: readonly number[];
}

/** A multi-document manifest of at least `targetLines` lines, the same for the same seed. */
export function generateManifest(targetLines: number, seed = 1): GeneratedManifest {
  const rng = createRng(seed);
  const out: string[] = [];
  const documentStarts: number[] = [];
  let index = 0;
  while (out.length < targetLines) {
    if (index > 0) out.push('---');
    documentStarts.push(out.length);
    out.push(...generateDocument(rng, index));
    index++;
  }
  return { text: `${out.join('\n')}\n`, lines: out.length, documents: index, documentStarts };
}

/** Positions spread evenly over the file: on keys and scalar values (hover) or key starts and values (completion). */
export function samplePositions(manifest: GeneratedManifest, count: number, kind: 'hover' | 'completion'): Position[] {
  const lines = manifest.text.split('\n');
  const candidates: Position[] = [];
  const keyLine = /^(\s*(?:- )?)([A-Za-z][\w.\/-]*):( *)(.*)$/;
  for (let line = 0; line < lines.length; line++) {
    const m = keyLine.exec(lines[line]!);
    if (!m) continue;
    const keyStart = m[1]!.length;
    const valueStart = keyStart + m[2]!.length + 1 + m[3]!.length;
    if (kind === 'hover') {
      candidates.push({ line, character: keyStart + 1 });
      if (m[4]) candidates.push({ line, character: valueStart + 1 });
    } else {
      // Completion at the start of a key (sibling keys) and at the start of a value (enum values, kinds).
      candidates.push({ line, character: keyStart + m[2]!.length });
      if (m[4] && /^(kind|apiVersion|imagePullPolicy|protocol|type|pathType|restartPolicy|concurrencyPolicy)$/.test(m[2]!)) {
        candidates.push({ line, character: valueStart });
      }
    }
  }
  const step = candidates.length / count;
  const result: Position[] = [];
  for (let i = 0; i < count && i * step < candidates.length; i++) result.push(candidates[Math.floor(i * step + step / 2)]!);
  return result;
}

/** The `image:` line of the middle document: the one-character edit toggles a digit at its end. */
export function editTarget(manifest: GeneratedManifest): Position {
  const lines = manifest.text.split('\n');
  const middle = manifest.documentStarts[Math.floor(manifest.documentStarts.length / 2)]!;
  for (let line = middle; line < lines.length; line++) {
    const text = lines[line]!;
    if (/^\s*(?:- )?(image|name): /.test(text)) return { line, character: text.length };
    if (text === '---' && line > middle) break;
  }
  return { line: middle, character: lines[middle]!.length };
}

export interface GeneratedTree {
  readonly root: string;
  readonly files: number;
  readonly resources: number;
  readonly bytes: number;
}

/** A folder of `files` manifest files (1–3 documents each) in 100 sub-folders; re-used when already generated. */
export function generateTree(root: string, files: number, seed = 7): GeneratedTree {
  const marker = join(root, '.tree.json');
  if (existsSync(marker)) {
    const tree = JSON.parse(readFileSync(marker, 'utf8')) as GeneratedTree;
    if (tree.files === files) return tree;
  }
  const rng = createRng(seed);
  let resources = 0;
  let bytes = 0;
  for (let i = 0; i < files; i++) {
    const dir = join(root, `team-${String(i % 100).padStart(2, '0')}`, `app-${Math.floor(i / 100) % 10}`);
    mkdirSync(dir, { recursive: true });
    const docs: string[] = [];
    for (let d = 0, n = int(rng, 1, 3); d < n; d++) docs.push(generateDocument(rng, i * 3 + d).join('\n'));
    const text = `${docs.join('\n---\n')}\n`;
    resources += docs.length;
    bytes += text.length;
    writeFileSync(join(dir, `manifest-${i}.yaml`), text);
  }
  const tree: GeneratedTree = { root, files, resources, bytes };
  writeFileSync(marker, JSON.stringify(tree));
  return tree;
}
