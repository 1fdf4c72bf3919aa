// Trust: the server and the CLI never touch the network or spawn processes (checked under netGuard.js, which records
// and blocks every attempt), never ask the client to apply edits, and never write a workspace file.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CLI_JS, hoverMarkdown, NET_GUARD, PREVIEW_METHOD, RobustClient, sleep, unsafeMarkdown } from './harness';

const METADATA = 'http://169.254.169.254/latest/meta-data/iam/security-credentials/';

/** Files that name remote schemas, CRDs with URLs, remote kustomize bases and Helm lookups. */
const WORKSPACE_FILES: Record<string, string> = {
  'schema-comment.yaml': `# yaml-language-server: $schema=${METADATA}\n# $schema: https://169.254.169.254/schema.json\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  selector:\n    matchLabels: {app: web}\n  template:\n    metadata:\n      labels: {app: web}\n    spec:\n      containers:\n        - name: web\n          image: 169.254.169.254:5000/evil:latest\n`,
  'schema-key.yaml': `$schema: https://169.254.169.254/schema.json\n$id: http://10.0.0.1/id\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm\ndata:\n  url: http://169.254.169.254/\n`,
  'crd.yaml': [
    'apiVersion: apiextensions.k8s.io/v1', 'kind: CustomResourceDefinition', 'metadata:', '  name: widgets.example.com', 'spec:', '  group: example.com',
    '  names: {kind: Widget, plural: widgets, singular: widget}', '  scope: Namespaced', '  conversion:', '    strategy: Webhook', '    webhook:',
    '      conversionReviewVersions: ["v1"]', '      clientConfig:', '        url: https://169.254.169.254/convert', '  versions:', '    - name: v1',
    '      served: true', '      storage: true', '      schema:', '        openAPIV3Schema:', `          $ref: "${METADATA}schema.json"`, '          type: object',
    '          properties:', '            spec:', '              $ref: "https://169.254.169.254/spec.json"', '---', 'apiVersion: example.com/v1', 'kind: Widget',
    'metadata:', '  name: w', 'spec:', '  size: 3', '',
  ].join('\n'),
  'kustomization.yaml': 'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n  - https://169.254.169.254/base?ref=v1\n  - github.com/example/repo//deploy?ref=main\n  - crd.yaml\nhelmCharts:\n  - name: x\n    repo: https://169.254.169.254/charts\n',
  'chart/templates/deployment.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {{ include "x.fullname" . }}\n  annotations:\n    secret: {{ (lookup "v1" "Secret" "default" "x").data | toJson }}\n',
  'remote-kind.yaml': `apiVersion: ${METADATA}v1\nkind: http://169.254.169.254/Kind\nmetadata:\n  name: x\n`,
  'notes/remote.md': `---\nid: remote\ntitle:\n  ko: 원격\n  en: Remote\nsummary:\n  ko: "![x](${METADATA}) [y](command:workbench.action.terminal.new)"\n  en: "<img src=${METADATA}>"\ntriggers:\n  kinds: [ConfigMap]\n---\n\n## 한국어\n\n![x](${METADATA})\n\n## English\n\n<img src="${METADATA}">\n`,
};

interface Snapshot {
  readonly files: Map<string, { mtimeMs: number; hash: string }>;
}

function snapshot(root: string): Snapshot {
  const files = new Map<string, { mtimeMs: number; hash: string }>();
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      const stats = statSync(path);
      if (stats.isDirectory()) walk(path);
      else files.set(relative(root, path), { mtimeMs: stats.mtimeMs, hash: createHash('sha256').update(readFileSync(path)).digest('hex') });
    }
  };
  walk(root);
  return { files };
}

function guardLog(path: string): string[] {
  return existsSync(path) ? readFileSync(path, 'utf8').split('\n').filter((line) => line.trim() !== '') : [];
}

describe('network guard self-check', () => {
  it('records and blocks every kind of attempt (loopback targets only)', () => {
    const log = join(mkdtempSync(join(tmpdir(), 'kube-notes-guard-')), 'net.log');
    const script = `
      const net = require('net'), http = require('http'), dns = require('dns'), tls = require('tls'), cp = require('child_process');
      net.connect(9, '127.0.0.1').on('error', () => {});
      http.get('http://127.0.0.1:9/').on('error', () => {});
      tls.connect(9, '127.0.0.1').on('error', () => {});
      dns.lookup('localhost', () => {});
      fetch('http://127.0.0.1:9/').catch(() => {});
      try { cp.spawnSync('true'); } catch {}
      setTimeout(() => {}, 100);
    `;
    const result = spawnSync(process.execPath, ['--require', NET_GUARD, '-e', script], { env: { ...process.env, KUBE_NOTES_NET_GUARD_LOG: log }, encoding: 'utf8' });
    assert.equal(result.status, 0, result.stderr);
    const apis = guardLog(log).map((line) => (JSON.parse(line) as { api: string }).api);
    for (const api of ['net.Socket.connect', 'http.get', 'tls.connect', 'dns.lookup', 'fetch', 'child_process.spawnSync']) {
      assert.ok(apis.includes(api), `${api} was not recorded: ${apis.join(', ')}`);
    }
  });
});

describe('trust: no network, no process, no edits, no writes', () => {
  let workspace: string;
  let logFile: string;
  let initial: Snapshot;

  before(() => {
    workspace = mkdtempSync(join(tmpdir(), 'kube-notes-trust-'));
    for (const [name, text] of Object.entries(WORKSPACE_FILES)) {
      mkdirSync(dirname(join(workspace, name)), { recursive: true });
      writeFileSync(join(workspace, name), text);
    }
    mkdirSync(join(workspace, '.vscode'), { recursive: true });
    writeFileSync(join(workspace, '.vscode', 'settings.json'), JSON.stringify({ 'yaml.schemas': { [METADATA]: '*.yaml' } }));
    logFile = join(mkdtempSync(join(tmpdir(), 'kube-notes-guard-')), 'net.log');
    initial = snapshot(workspace);
  });

  after(() => rmSync(workspace, { recursive: true, force: true }));

  it('the language server connects nowhere, spawns nothing, edits nothing', { timeout: 60_000 }, async () => {
    const folder = pathToFileURL(workspace).href;
    const client = await RobustClient.start({
      nodeArgs: ['--require', NET_GUARD],
      env: { ...process.env, KUBE_NOTES_NET_GUARD_LOG: logFile },
      workspaceFolders: [folder],
      settings: { notes: { paths: ['notes', METADATA, '//169.254.169.254/share', 'file://169.254.169.254/share'] } },
    });
    try {
      for (const [name, text] of Object.entries(WORKSPACE_FILES)) {
        const uri = pathToFileURL(join(workspace, name)).href;
        client.open(uri, text, name.endsWith('.md') ? 'markdown' : 'yaml');
        await client.diagnosticsFor(uri, 10_000);
        const lines = text.split('\n');
        for (let line = 0; line < lines.length; line++) {
          for (const character of [0, 3, Math.floor(lines[line]!.length / 2), Math.max(0, lines[line]!.length - 2)]) {
            const markdown = hoverMarkdown(await client.hover(uri, { line, character }));
            assert.deepEqual(unsafeMarkdown(markdown), [], `unsafe hover at ${name}:${line}:${character}:\n${markdown.slice(0, 1500)}`);
            if (client.capability('completionProvider')) await client.request('textDocument/completion', { textDocument: { uri }, position: { line, character } });
          }
        }
        const diagnostics = client.diagnostics.get(uri)?.diagnostics ?? [];
        await client.request('textDocument/codeAction', {
          textDocument: { uri },
          range: { start: { line: 0, character: 0 }, end: { line: lines.length, character: 0 } },
          context: { diagnostics, only: ['quickfix', 'source.fixAll'] },
        });
        if (client.capability('documentSymbolProvider')) await client.request('textDocument/documentSymbol', { textDocument: { uri } });
        if (PREVIEW_METHOD) await client.request(PREVIEW_METHOD, { textDocument: { uri }, uri, position: { line: 0, character: 0 } }).catch(() => undefined);
        await client.request('kubeNotes/noteAt', { textDocument: { uri }, position: { line: 1, character: 2 } });
        // An edit and a save: still nothing may be written or fetched.
        client.change(uri, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '# edited in memory\n' }]);
        client.save(uri);
        await client.diagnosticsFor(uri, 10_000);
      }
      await client.request('kubeNotes/glossary', {});
      client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(join(workspace, 'crd.yaml')).href, type: 2 }] });
      client.settings = { notes: { paths: [`${METADATA}other`] }, kubernetes: { version: '1.28' } };
      client.notify('workspace/didChangeConfiguration', { settings: { kubeNotes: client.settings } });
      await sleep(500);
      await client.request('kubeNotes/glossary', {});
      assert.ok(client.alive);
      const methods = client.serverRequests.map((r) => r.method);
      assert.ok(!methods.includes('workspace/applyEdit'), 'the server asked the client to apply an edit');
      const allowed = new Set(['workspace/configuration', 'client/registerCapability', 'client/unregisterCapability', 'window/workDoneProgress/create', 'workspace/workspaceFolders']);
      assert.deepEqual(methods.filter((m) => !allowed.has(m)), [], 'unexpected server→client requests');
    } finally {
      await client.stop();
    }
    assert.deepEqual(guardLog(logFile), [], 'the server attempted network access or a child process');
    assert.deepEqual(snapshot(workspace), initial, 'a workspace file changed on disk');
  });

  it('the CLI connects nowhere, spawns nothing and writes nothing', { skip: existsSync(CLI_JS) ? false : 'dist/cli.js not built', timeout: 60_000 }, () => {
    for (const format of ['human', 'json', 'sarif', 'junit']) {
      const result = spawnSync(process.execPath, ['--require', NET_GUARD, CLI_JS, 'check', '--format', format, '--no-color', workspace], {
        cwd: workspace,
        env: { ...process.env, KUBE_NOTES_NET_GUARD_LOG: logFile },
        encoding: 'utf8',
        timeout: 30_000,
      });
      assert.ok(result.status === 0 || result.status === 1, `exit ${String(result.status)}: ${result.stderr}`);
    }
    assert.deepEqual(guardLog(logFile), [], 'the CLI attempted network access or a child process');
    assert.deepEqual(snapshot(workspace), initial, 'a workspace file changed on disk');
  });
});
