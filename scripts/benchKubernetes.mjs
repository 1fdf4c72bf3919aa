// Measures Kubernetes validation on a generated 10,000-line multi-document manifest against the `yaml` parse alone.
// Usage: npx tsc -p . && node scripts/benchKubernetes.mjs [LINES] [RUNS]
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = (p) => require(path.join(root, 'out', p));
const { parseAllDocuments } = require('yaml');
const { TextDocument } = require('vscode-languageserver-textdocument');
const { createLanguageService } = out('server/src/service/languageService.js');
const { kubernetesRules } = out('server/src/service/kubernetes/kubernetesRules.js');
const { normalizeSettings } = out('server/src/service/settings.js');
const { createKubernetesResources } = out('server/src/node/kubernetesSchemaLoader.js');

const targetLines = Number(process.argv[2] ?? 10000);
const runs = Number(process.argv[3] ?? 9);

function manifest(i) {
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: app-${i}
  labels: {app: app-${i}, tier: backend}
spec:
  replicas: ${(i % 5) + 1}
  selector:
    matchLabels: {app: app-${i}}
  strategy:
    rollingUpdate: {maxSurge: 25%, maxUnavailable: 1}
  template:
    metadata:
      labels: {app: app-${i}, tier: backend}
    spec:
      securityContext: {runAsNonRoot: true, runAsUser: 1000}
      containers:
        - name: app
          image: registry.example.com/app-${i}:1.${i}.0
          args: ["--port=8080"]
          ports:
            - {name: http, containerPort: 8080, protocol: TCP}
          env:
            - {name: MODE, value: "production"}
            - name: POD_NAME
              valueFrom:
                fieldRef: {fieldPath: metadata.name}
          resources:
            requests: {cpu: 100m, memory: 128Mi}
            limits: {cpu: 1, memory: 512Mi}
          readinessProbe:
            httpGet: {path: /healthz, port: http}
          livenessProbe:
            tcpSocket: {port: 8080}
      volumes:
        - name: config
          configMap: {name: app-${i}, defaultMode: 0644}
---
apiVersion: v1
kind: Service
metadata:
  name: app-${i}
spec:
  selector: {app: app-${i}}
  ports:
    - {name: http, port: 80, targetPort: http}
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: app-${i}
data:
  config.yaml: |
    server:
      port: 8080
  LOG_LEVEL: info
---`;
}

const parts = [];
let lines = 0;
for (let i = 1; lines < targetLines; i++) {
  const part = manifest(i);
  parts.push(part);
  lines += part.split('\n').length;
}
const text = parts.join('\n') + '\n';
const settings = normalizeSettings({ language: 'en' });
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const time = (work) => {
  const start = performance.now();
  work();
  return performance.now() - start;
};

const resources = createKubernetesResources(path.join(root, 'server', 'schemas'));
const bundleLoad = time(() => resources.schemaFor('1.36'));
const parse = [];
const pipeline = [];
const kubernetes = [];
const edit = [];
let count = 0;
for (let run = 0; run < runs + 2; run++) {
  parse.push(time(() => parseAllDocuments(text, { uniqueKeys: false })));
  const bare = createLanguageService({ kubernetes: resources, rules: [] });
  pipeline.push(time(() => bare.validate(TextDocument.create('file:///bench/a.yaml', 'yaml', 1, text), settings)));
  const service = createLanguageService({ kubernetes: resources, rules: kubernetesRules });
  kubernetes.push(time(() => (count = service.validate(TextDocument.create('file:///bench/b.yaml', 'yaml', 1, text), settings).length)));
  const edited = text.replace('replicas: 2', 'replicas: 3');
  edit.push(time(() => service.validate(TextDocument.create('file:///bench/b.yaml', 'yaml', 2, edited), settings)));
}
for (const list of [parse, pipeline, kubernetes, edit]) list.splice(0, 2); // warm-up runs
const m = { parse: median(parse), pipeline: median(pipeline), kubernetes: median(kubernetes), edit: median(edit) };
console.log(`${text.split('\n').length} lines, ${parts.length * 3} documents, ${count} diagnostics; medians of ${runs} warm runs`);
console.log(`bundle load (once, lazily)                  ${bundleLoad.toFixed(1)} ms`);
console.log(`yaml parseAllDocuments alone               ${m.parse.toFixed(1)} ms`);
console.log(`open→diagnostics, no rules (parse pipeline) ${m.pipeline.toFixed(1)} ms`);
console.log(`open→diagnostics, Kubernetes rules          ${m.kubernetes.toFixed(1)} ms  (×${(m.kubernetes / m.parse).toFixed(2)} the yaml parse; Kubernetes part ${(m.kubernetes - m.pipeline).toFixed(1)} ms)`);
console.log(`one-line edit, re-validate                  ${m.edit.toFixed(1)} ms`);
