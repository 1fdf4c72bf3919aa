// Profiles the built server on one scenario and prints the functions that take the time (self and total).
// Usage: node out/bench/profile.js [--lines 10000] [--edits 20] [--heap]   (profiles land in bench/.generated/profiles/)
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { tmpdir } from 'node:os';
import { pathToFileURL } from 'node:url';
import { editTarget, generateManifest } from './manifests';
import { LspSession } from './lspSession';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
}

const root = resolve(__dirname, '..', '..');
const arg = (name: string, fallback: string): string => {
  const index = process.argv.indexOf(name);
  return index !== -1 && process.argv[index + 1] ? process.argv[index + 1]! : fallback;
};

function frameName(node: ProfileNode): string {
  const url = node.callFrame.url.replace(/^.*\/(dist|node_modules)\//, '$1/');
  return `${node.callFrame.functionName || '(anonymous)'} ${url}:${node.callFrame.lineNumber + 1}`;
}

/** Prints the top functions by self and by total time from a .cpuprofile. */
export function summarizeProfile(path: string, top = 25): void {
  const profile = JSON.parse(readFileSync(path, 'utf8')) as { nodes: ProfileNode[]; startTime: number; endTime: number; samples: number[] };
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const interval = (profile.endTime - profile.startTime) / 1000 / Math.max(1, profile.samples.length);
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  for (const node of profile.nodes) {
    const hits = node.hitCount ?? 0;
    if (hits === 0) continue;
    const name = frameName(node);
    self.set(name, (self.get(name) ?? 0) + hits);
    const seen = new Set<string>();
    for (let id: number | undefined = node.id; id !== undefined; id = parent.get(id)) {
      const n = frameName(byId.get(id)!);
      if (seen.has(n)) continue;
      seen.add(n);
      total.set(n, (total.get(n) ?? 0) + hits);
    }
  }
  const print = (title: string, map: Map<string, number>): void => {
    console.log(`\n${title}`);
    for (const [name, hits] of [...map.entries()].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`${(hits * interval).toFixed(1).padStart(9)} ms  ${name}`);
  };
  print('self time', self);
  print('total time', total);
}

async function main(): Promise<void> {
  const lines = Number(arg('--lines', '10000'));
  const edits = Number(arg('--edits', '20'));
  const heap = process.argv.includes('--heap');
  const dir = join(root, 'bench', '.generated', 'profiles');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const manifest = generateManifest(lines, 1000 + lines);
  const rootUri = pathToFileURL(join(tmpdir(), 'kube-notes-bench')).href;
  const session = new LspSession({
    command: process.execPath,
    args: [heap ? '--heap-prof' : '--cpu-prof', heap ? '--heap-prof-dir' : '--cpu-prof-dir', dir, join(root, 'dist', 'server.js'), '--stdio'],
    configuration: (section) => (section === 'kubeNotes' ? {} : null),
    rootUri,
  });
  await session.initialize();
  const warm = generateManifest(1000, 99);
  await session.open(`${rootUri}/warm.yaml`, warm.text);
  session.close(`${rootUri}/warm.yaml`);
  const uri = `${rootUri}/bench-${lines}.yaml`;
  const opened = await session.open(uri, manifest.text);
  console.log(`open → diagnostics: ${opened.ms.toFixed(1)} ms (${opened.count} diagnostics)`);
  const target = editTarget(manifest);
  const times: number[] = [];
  for (let i = 0; i < edits; i++) {
    const range = { start: target, end: { line: target.line, character: target.character + (i % 2) } };
    times.push(await session.change(uri, range, i % 2 === 0 ? '7' : ''));
  }
  if (edits > 0) console.log(`edits → diagnostics: ${times.map((t) => t.toFixed(0)).join(' ')} ms`);
  console.log(`VmHWM ${(session.memory()?.hwm ?? 0) / 1024} MB`);
  await session.stop();
  const file = readdirSync(dir).find((f) => f.endsWith(heap ? '.heapprofile' : '.cpuprofile'));
  if (!file) throw new Error('no profile written');
  console.log(`profile: ${join(dir, file)}`);
  if (!heap) summarizeProfile(join(dir, file));
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
