// Where the e2e tools are. scripts/e2e/run.mjs prepares them and passes them in KUBE_NOTES_E2E_* variables;
// a test file run on its own (node --test out/test/e2e/x.test.js) prepares them itself the same way.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

/** The repository root (this file runs from out/test/e2e/harness/). */
export const REPO = resolve(__dirname, '..', '..', '..', '..');

export interface E2eEnv {
  readonly node: string;
  readonly codeServer: string;
  readonly chromium: string;
  /** The built extension, installed as `<publisher>.<name>-<version>/` (what the .vsix holds). */
  readonly extension: string;
  /** Scratch folder of this run (code-server data, workspaces, browser profiles). */
  readonly runDir: string;
  /** Screenshots and logs kept after the run (ignored by git). */
  readonly artifacts: string;
}

let cached: Promise<E2eEnv> | undefined;

async function prepare(): Promise<E2eEnv> {
  const env = process.env;
  const artifacts = env['KUBE_NOTES_E2E_ARTIFACTS'] ?? join(REPO, 'test', 'e2e', '.artifacts');
  mkdirSync(artifacts, { recursive: true });
  if (env['KUBE_NOTES_E2E_NODE'] && env['KUBE_NOTES_E2E_CODE_SERVER'] && env['KUBE_NOTES_E2E_CHROMIUM'] && env['KUBE_NOTES_E2E_EXTENSION'] && env['KUBE_NOTES_E2E_RUN_DIR']) {
    return {
      node: env['KUBE_NOTES_E2E_NODE'],
      codeServer: env['KUBE_NOTES_E2E_CODE_SERVER'],
      chromium: env['KUBE_NOTES_E2E_CHROMIUM'],
      extension: env['KUBE_NOTES_E2E_EXTENSION'],
      runDir: env['KUBE_NOTES_E2E_RUN_DIR'],
      artifacts,
    };
  }
  // Run on its own: same preparation as the driver (expects `npm run build` to have run).
  const prepareModule = (await import(pathToFileURL(join(REPO, 'scripts', 'e2e', 'prepare.mjs')).href)) as {
    prepareAll(): { node: string; codeServer: string; chromium: string };
  };
  const installModule = (await import(pathToFileURL(join(REPO, 'scripts', 'e2e', 'installExtension.mjs')).href)) as {
    installExtension(dir: string): { dir: string };
  };
  const tools = prepareModule.prepareAll();
  const runDir = mkdtempSync(join(tmpdir(), 'kube-notes-e2e-'));
  process.once('exit', () => rmSync(runDir, { recursive: true, force: true }));
  const { dir } = installModule.installExtension(join(runDir, 'built-extension'));
  return { ...tools, extension: dir, runDir, artifacts };
}

export function e2eEnv(): Promise<E2eEnv> {
  cached ??= prepare();
  return cached;
}

/** Test fixtures shipped in the repository. */
export const FIXTURES = join(REPO, 'test', 'e2e', 'fixtures');
