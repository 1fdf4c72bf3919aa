// One e2e session: a copy of a fixture workspace, a throw-away code-server with the built extension, and
// Chromium showing it. `close()` stops everything; on a failed step the screen and the logs are kept.
import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { startCodeServer, type CodeServer } from './codeServer';
import { e2eEnv, FIXTURES, REPO, type E2eEnv } from './env';
import { launchBrowser, Workbench } from './workbench';

export interface SessionOptions {
  /** Short name: folder in the run directory and prefix of screenshots. */
  readonly name: string;
  /** Fixture folders under test/e2e/fixtures copied, in order, into the workspace (default: ['workspace']). */
  readonly fixtures?: readonly string[];
  /** Or a folder of the repository (e.g. docs/examples) to copy as the workspace. */
  readonly copyOf?: string;
  /** VS Code display language; 'ko' installs the test Korean language pack. */
  readonly locale?: 'ko';
  /** false: restricted mode (workspace trust on, folder not trusted). */
  readonly trusted?: boolean;
  readonly settings?: Readonly<Record<string, unknown>>;
}

export interface Session {
  readonly env: E2eEnv;
  readonly server: CodeServer;
  readonly browser: BrowserContext;
  readonly wb: Workbench;
  /** The copied workspace folder (edits in the tests change this copy only). */
  readonly workspace: string;
  /** Saves a screenshot, the console and the code-server log under the artifacts folder. */
  capture(label: string): Promise<void>;
  close(): Promise<void>;
}

export async function startSession(options: SessionOptions): Promise<Session> {
  const env = await e2eEnv();
  const dir = join(env.runDir, options.name);
  rmSync(dir, { recursive: true, force: true });
  const workspace = join(dir, 'workspace');
  mkdirSync(dir, { recursive: true });
  const sources = options.copyOf ? [join(REPO, options.copyOf)] : (options.fixtures ?? ['workspace']).map((f) => join(FIXTURES, f));
  for (const source of sources) cpSync(source, workspace, { recursive: true });

  const server = await startCodeServer({
    node: env.node,
    entry: env.codeServer,
    dir: join(dir, 'code-server'),
    workspace,
    extensions: [env.extension],
    ...(options.locale ? { locale: options.locale, languagePacks: [join(FIXTURES, `language-pack-${options.locale}`)] } : {}),
    trusted: options.trusted ?? true,
    settings: { 'editor.wordBasedSuggestions': 'off', ...(options.settings ?? {}) },
    runDir: env.runDir,
  });
  let browser: BrowserContext | undefined;
  try {
    browser = await launchBrowser(env.chromium, join(dir, 'browser-profile'), options.locale === 'ko' ? 'ko-KR' : 'en-US');
    const page = browser.pages()[0] ?? (await browser.newPage());
    const wb = new Workbench(page, env.artifacts, options.name);
    const session: Session = {
      env,
      server,
      browser,
      wb,
      workspace,
      async capture(label: string) {
        const safe = label.replace(/[^a-z0-9-]+/gi, '-').slice(0, 80);
        await wb.screenshot(safe).catch(() => undefined);
        writeFileSync(join(env.artifacts, `${options.name}-${safe}.console.log`), wb.console.join('\n'));
        writeFileSync(join(env.artifacts, `${options.name}-${safe}.code-server.log`), server.log());
      },
      async close() {
        await browser?.close().catch(() => undefined);
        await server.stop();
      },
    };
    try {
      await wb.load(server.workspaceUrl);
    } catch (error) {
      await session.capture('load-failed');
      throw error;
    }
    return session;
  } catch (error) {
    await browser?.close().catch(() => undefined);
    await server.stop();
    throw error;
  }
}

/** Runs a scenario step; on failure keeps a screenshot and the logs, then rethrows. */
export async function step(session: Session | undefined, label: string, body: () => Promise<void>): Promise<void> {
  if (!session) throw new Error('the session did not start (see the before hook)');
  try {
    await body();
  } catch (error) {
    await session.capture(`FAILED-${label}`);
    throw error;
  }
}
