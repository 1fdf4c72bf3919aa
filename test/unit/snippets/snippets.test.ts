// Snippets: the expander itself, the snippet files' shape (prefixes, bilingual descriptions, tab stops), and every
// snippet expanded with its defaults validated by the full default rule set with the Kubernetes schema: zero findings.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../../helpers/bundledNotes';
import { yamlDocument } from '../../helpers/caret';
import { createLanguageService } from '../../../server/src/service/languageService';
import type { KubernetesResources } from '../../../server/src/service/kubernetes/kubernetesResources';
import { defaultSettings, normalizeSettings } from '../../../server/src/service/settings';
import { expandSnippet, parseSnippet, SnippetSyntaxError } from './snippetExpander';

interface Snippet {
  prefix: string | string[];
  description: string;
  body: string | string[];
}

const readSnippets = (name: string): Record<string, Snippet> => JSON.parse(readFileSync(join(REPO_ROOT, 'snippets', name), 'utf8')) as Record<string, Snippet>;
const kubernetes = readSnippets('kubernetes.json');
const yaml = readSnippets('yaml.json');
const manifest = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { contributes: { snippets?: Array<{ language: string; path: string }> } };

/**
 * The Kubernetes resources the server uses, loaded at run time so this test follows whatever is registered: the
 * host's schema loader (server/src/node/kubernetesSchemaLoader.ts) when it exists, else none (YAML rules only).
 */
function loadKubernetesResources(): { resources: KubernetesResources | undefined; how: string } {
  const loaderPath = join(__dirname, '..', '..', '..', 'server', 'src', 'node', 'kubernetesSchemaLoader.js');
  const schemaDir = join(REPO_ROOT, 'server', 'schemas');
  if (!existsSync(loaderPath) || !existsSync(schemaDir)) return { resources: undefined, how: 'no schema loader' };
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const loader = require(loaderPath) as Record<string, unknown>;
  const create = loader['createKubernetesResources'];
  if (typeof create !== 'function') return { resources: undefined, how: 'schema loader without createKubernetesResources' };
  return { resources: (create as (dir: string) => KubernetesResources)(schemaDir), how: 'kubernetesSchemaLoader' };
}

const bodyOf = (snippet: Snippet): string => (Array.isArray(snippet.body) ? snippet.body.join('\n') : snippet.body);
const prefixesOf = (snippet: Snippet): string[] => (Array.isArray(snippet.prefix) ? snippet.prefix : [snippet.prefix]);

describe('snippet expander', () => {
  it('inserts defaults, mirrors tab stops, picks the first choice and drops $0', () => {
    assert.equal(expandSnippet('name: ${1:web}\napp: $1\n$0').text, 'name: web\napp: web\n');
    assert.equal(expandSnippet('a: ${1|Never,OnFailure|}').text, 'a: Never');
    assert.equal(expandSnippet('${1:outer ${2:inner}} and $2').text, 'outer inner and inner');
    assert.equal(expandSnippet('${1} ${2:x}').text, ' x');
  });

  it('honours escapes', () => {
    assert.equal(expandSnippet('cost: \\$5 ${1:a\\}b}').text, 'cost: $5 a}b');
    assert.equal(expandSnippet('${1|a\\,b,c|}').text, 'a,b');
    assert.equal(expandSnippet('back\\\\slash').text, 'back\\slash');
  });

  it('resolves variables and their defaults', () => {
    assert.equal(expandSnippet('${TM_FILENAME_BASE:app}-$CURRENT_YEAR', { CURRENT_YEAR: '2026' }).text, 'app-2026');
  });

  it('reports tab stops in order and rejects broken bodies', () => {
    assert.deepEqual(expandSnippet('$3 ${1:a} ${2|x|} $0').tabStops, [3, 1, 2]);
    assert.throws(() => parseSnippet('${1:open'), SnippetSyntaxError);
    assert.throws(() => parseSnippet('${1|a,b'), SnippetSyntaxError);
  });
});

describe('snippet files', () => {
  it('are contributed for yaml', () => {
    const contributed = manifest.contributes.snippets ?? [];
    assert.deepEqual(contributed.map((s) => [s.language, s.path]).sort(), [['yaml', './snippets/kubernetes.json'], ['yaml', './snippets/yaml.json']]);
  });

  it('cover every kind the issue lists', () => {
    const kinds = Object.values(kubernetes).map((s) => /^kind: (\S+)$/m.exec(bodyOf(s))?.[1]);
    for (const kind of ['Pod', 'Deployment', 'Service', 'ConfigMap', 'Secret', 'Ingress', 'StatefulSet', 'DaemonSet', 'Job', 'CronJob', 'HorizontalPodAutoscaler', 'PersistentVolumeClaim', 'Namespace', 'NetworkPolicy', 'Role', 'RoleBinding', 'ServiceAccount']) {
      assert.ok(kinds.includes(kind), `no snippet for ${kind}`);
    }
    const serviceTypes = Object.values(kubernetes).map((s) => /^ {2}type: (ClusterIP|NodePort|LoadBalancer)$/m.exec(bodyOf(s))?.[1]).filter(Boolean).sort();
    assert.deepEqual(serviceTypes, ['ClusterIP', 'LoadBalancer', 'NodePort']);
    assert.match(bodyOf(Object.values(kubernetes).find((s) => /kind: HorizontalPodAutoscaler/.test(bodyOf(s)))!), /apiVersion: autoscaling\/v2/);
    const yamlBodies = Object.values(yaml).map(bodyOf).join('\n');
    for (const token of [': |', ': >', '{ ', '[', '---', '...', '# ']) assert.ok(yamlBodies.includes(token), `no YAML syntax snippet with ${token}`);
  });

  it('use one prefix scheme (k8s-<kind>, k8s-<kubectl short name>, yaml-<syntax>) without clashes', () => {
    const seen = new Map<string, string>();
    for (const [file, snippets, scheme] of [['kubernetes', kubernetes, /^k8s-[a-z0-9-]+$/], ['yaml', yaml, /^yaml-[a-z-]+$/]] as const) {
      for (const [name, snippet] of Object.entries(snippets)) {
        const prefixes = prefixesOf(snippet);
        assert.ok(prefixes.length > 0, `${file}/${name} has no prefix`);
        for (const prefix of prefixes) {
          assert.match(prefix, scheme, `${file}/${name}: ${prefix}`);
          assert.ok(!seen.has(prefix), `${prefix} is used by ${seen.get(prefix)} and ${name}`);
          seen.set(prefix, name);
        }
      }
    }
  });

  it('describe every snippet in English and Korean', () => {
    for (const [name, snippet] of Object.entries({ ...kubernetes, ...yaml })) {
      assert.ok(/[가-힣]/.test(snippet.description), `${name}: no Korean in the description`);
      assert.ok(/[A-Za-z]{3,} [a-z]{2,}/.test(snippet.description), `${name}: no English in the description`);
      assert.ok(snippet.description.length <= 200, `${name}: description too long for the suggest widget`);
    }
  });

  it('have tab stops numbered from 1 without gaps and no tabs in bodies', () => {
    for (const [name, snippet] of Object.entries({ ...kubernetes, ...yaml })) {
      const body = bodyOf(snippet);
      assert.ok(!body.includes('\t'), `${name}: tab character`);
      const stops = [...expandSnippet(body).tabStops].sort((a, b) => a - b);
      assert.ok(stops.length > 0, `${name}: no tab stops`);
      assert.deepEqual(stops, stops.map((_, i) => i + 1), `${name}: tab stops ${stops.join(',')}`);
    }
  });
});

describe('expanded snippets validate cleanly', () => {
  const { resources, how } = loadKubernetesResources();
  const service = createLanguageService(resources ? { kubernetes: resources } : {});
  const settings = normalizeSettings({});

  it(`uses the full default rule set and the Kubernetes schema (${how})`, () => {
    assert.ok(service.registry, 'rule registry');
    assert.deepEqual({ ...settings, raw: {} }, { ...defaultSettings, raw: {} });
    if (resources) assert.ok(resources.schemaFor(settings.kubernetes.version), `schema bundle for ${settings.kubernetes.version}`);
  });

  for (const [file, snippets] of [['kubernetes.json', kubernetes], ['yaml.json', yaml]] as const) {
    for (const [name, snippet] of Object.entries(snippets)) {
      it(`${file}: ${name} → zero findings`, () => {
        // Inserted into a file that ends with a newline (the editor keeps files.insertFinalNewline).
        const text = `${expandSnippet(bodyOf(snippet)).text}\n`;
        const diagnostics = service.validate(yamlDocument(text, `file:///snippets/${prefixesOf(snippet)[0]}.yaml`), settings);
        assert.deepEqual(
          diagnostics.map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${String(d.code)} ${d.message}`),
          [],
          `${name} expands to:\n${text}`,
        );
      });
    }
  }

  it('a Kubernetes snippet with a wrong field does produce findings (the check is live)', () => {
    if (!resources) return;
    const text = `${expandSnippet(bodyOf(kubernetes['Deployment']!)).text.replace('replicas:', 'replica:')}\n`;
    const diagnostics = service.validate(yamlDocument(text, 'file:///snippets/broken.yaml'), settings);
    assert.ok(diagnostics.length > 0, 'an unknown field must be reported');
  });
});
