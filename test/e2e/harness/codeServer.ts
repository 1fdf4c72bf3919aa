// Starts a throw-away code-server (a real VS Code in the browser) on a free loopback port and stops its
// whole process group. Used by the e2e tests and, bundled by esbuild, by `npm start` (scripts/e2e/start.mjs),
// so it imports nothing but Node built-ins.
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, openSync, closeSync, readFileSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { forgetGroup, groupAlive, pollUntil, recordGroup, stopGroup } from './processes';

export interface CodeServerOptions {
  /** Node 24 binary that runs code-server. */
  readonly node: string;
  /** code-server's `out/node/entry.js`. */
  readonly entry: string;
  /** Folder for this instance's user data, extensions, config and log (created). */
  readonly dir: string;
  /** The folder to open. */
  readonly workspace: string;
  /** Extension folders to install, each copied as it is into the fresh extensions folder. */
  readonly extensions: readonly string[];
  /** VS Code display language, e.g. 'ko' (needs a language pack among `languagePacks`). */
  readonly locale?: string;
  /** Language pack extension folders (contributes.localizations) to install and register. */
  readonly languagePacks?: readonly string[];
  /** false: workspace trust on and the folder not trusted (restricted mode). Default true. */
  readonly trusted?: boolean;
  /** Extra user settings. */
  readonly settings?: Readonly<Record<string, unknown>>;
  /** Where to record the process group for clean-up by the driver. */
  readonly runDir?: string;
  /** Fixed port (default: a free one). */
  readonly port?: number;
  readonly startTimeoutMs?: number;
}

export interface CodeServer {
  readonly port: number;
  readonly url: string;
  /** URL that opens the workspace folder. */
  readonly workspaceUrl: string;
  readonly pid: number;
  readonly dataDir: string;
  readonly extensionsDir: string;
  readonly logFile: string;
  log(): string;
  stop(): Promise<void>;
}

/** User settings for a quiet, repeatable workbench. */
export function baseSettings(trusted: boolean): Record<string, unknown> {
  return {
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'workbench.enableExperiments': false,
    'workbench.welcomePage.walkthroughs.openOnInstall': false,
    'workbench.secondarySideBar.defaultVisibility': 'hidden',
    'chat.disableAIFeatures': true,
    'telemetry.telemetryLevel': 'off',
    'update.mode': 'none',
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'extensions.ignoreRecommendations': true,
    'git.enabled': false,
    'remote.autoForwardPorts': false,
    'editor.minimap.enabled': false,
    'security.workspace.trust.enabled': !trusted,
    'security.workspace.trust.startupPrompt': 'always',
    'security.workspace.trust.untrustedFiles': 'open',
  };
}

export async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

function httpStatus(url: string): Promise<number | undefined> {
  return new Promise((resolveStatus) => {
    const req = request(url, { method: 'GET', timeout: 2_000 }, (res) => {
      res.resume();
      resolveStatus(res.statusCode);
    });
    req.on('error', () => resolveStatus(undefined));
    req.on('timeout', () => {
      req.destroy();
      resolveStatus(undefined);
    });
    req.end();
  });
}

/**
 * Registers language packs the way VS Code's language pack cache does after installing one from the
 * marketplace (`<user-data>/languagepacks.json`), which the server reads at start to pick the
 * translations of the display language.
 */
function registerLanguagePacks(dataDir: string, extensionsDir: string, packs: readonly string[]): void {
  const registry: Record<string, unknown> = {};
  for (const pack of packs) {
    const manifest = JSON.parse(readFileSync(join(pack, 'package.json'), 'utf8')) as {
      name: string;
      publisher: string;
      version: string;
      contributes: { localizations: { languageId: string; localizedLanguageName?: string; translations: { id: string; path: string }[] }[] };
    };
    const folder = join(extensionsDir, `${manifest.publisher}.${manifest.name}-${manifest.version}`);
    for (const localization of manifest.contributes.localizations) {
      registry[localization.languageId] = {
        hash: `${manifest.publisher}.${manifest.name}-${manifest.version}`.replace(/[^a-z0-9]/gi, ''),
        extensions: [{ extensionIdentifier: { id: `${manifest.publisher}.${manifest.name}` }, version: manifest.version }],
        translations: Object.fromEntries(localization.translations.map((t) => [t.id, resolve(folder, t.path)])),
        label: localization.localizedLanguageName ?? localization.languageId,
      };
    }
  }
  writeFileSync(join(dataDir, 'languagepacks.json'), JSON.stringify(registry));
}

function installFolder(source: string, extensionsDir: string): void {
  const manifest = JSON.parse(readFileSync(join(source, 'package.json'), 'utf8')) as { name: string; publisher: string; version: string };
  cpSync(source, join(extensionsDir, `${manifest.publisher}.${manifest.name}-${manifest.version}`), { recursive: true });
}

async function launch(options: CodeServerOptions, port: number): Promise<CodeServer> {
  const trusted = options.trusted ?? true;
  const dataDir = join(options.dir, 'user-data');
  const extensionsDir = join(options.dir, 'extensions');
  const logFile = join(options.dir, 'code-server.log');
  const configFile = join(options.dir, 'code-server.yaml');
  mkdirSync(join(dataDir, 'User'), { recursive: true });
  mkdirSync(extensionsDir, { recursive: true });
  for (const extension of options.extensions) installFolder(extension, extensionsDir);
  for (const pack of options.languagePacks ?? []) installFolder(pack, extensionsDir);
  if (options.languagePacks?.length) registerLanguagePacks(dataDir, extensionsDir, options.languagePacks);
  writeFileSync(join(dataDir, 'User', 'settings.json'), JSON.stringify({ ...baseSettings(trusted), ...(options.settings ?? {}) }, null, 2));
  // Our own config file, so that code-server does not write one into ~/.config.
  writeFileSync(configFile, `bind-addr: 127.0.0.1:${port}\nauth: none\ncert: false\n`);

  const args = [
    options.entry,
    '--config', configFile,
    '--auth', 'none',
    '--bind-addr', `127.0.0.1:${port}`,
    '--user-data-dir', dataDir,
    '--extensions-dir', extensionsDir,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-getting-started-override',
    ...(trusted ? ['--disable-workspace-trust'] : []),
    ...(options.locale ? ['--locale', options.locale] : []),
    options.workspace,
  ];
  const fd = openSync(logFile, 'a');
  const child = spawn(options.node, args, {
    cwd: options.dir,
    detached: true, // its own process group: stop() ends code-server, the extension host and our server together
    stdio: ['ignore', fd, fd],
    // No extension gallery: nothing to fetch from outside (and no lookups of open-vsx.org that fail here).
    env: { ...process.env, EXTENSIONS_GALLERY: '{}' },
  });
  closeSync(fd);
  const pid = child.pid;
  if (pid === undefined) throw new Error('code-server did not start');
  recordGroup(options.runDir, pid, `code-server ${options.dir}`);
  let exited = false;
  child.once('exit', () => {
    exited = true;
  });
  child.unref();

  const url = `http://127.0.0.1:${port}`;
  const readLog = (): string => (existsSync(logFile) ? readFileSync(logFile, 'utf8') : '');
  const stop = async (): Promise<void> => {
    await stopGroup(pid);
    forgetGroup(options.runDir, pid);
  };
  const ready = await pollUntil(async () => exited || (await httpStatus(`${url}/healthz`)) === 200, options.startTimeoutMs ?? 60_000, 200);
  if (!ready || exited) {
    await stop();
    const tail = readLog().split('\n').slice(-30).join('\n');
    throw new Error(`code-server did not become ready on ${url} (${exited ? 'it exited' : 'timed out'}):\n${tail}`);
  }
  return {
    port,
    url,
    workspaceUrl: `${url}/?folder=${encodeURIComponent(options.workspace)}`,
    pid,
    dataDir,
    extensionsDir,
    logFile,
    log: readLog,
    stop,
  };
}

/** Starts code-server; retries on another port when the chosen one was taken in between. */
export async function startCodeServer(options: CodeServerOptions): Promise<CodeServer> {
  mkdirSync(options.dir, { recursive: true });
  let lastError: unknown;
  for (let attempt = 0; attempt < 3; attempt++) {
    const port = options.port ?? (await freePort());
    try {
      return await launch(options, port);
    } catch (error) {
      lastError = error;
      if (options.port || !String(error).includes('EADDRINUSE')) break;
    }
  }
  throw lastError;
}

export { groupAlive };
