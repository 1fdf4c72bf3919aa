// Runs the built `dist/cli.js` as a child process (as npm's `kube-notes` bin would) with a controlled environment.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../helpers/bundledNotes';

export const CLI_JS = join(REPO_ROOT, 'dist', 'cli.js');

export interface CliRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export interface CliRunOptions {
  readonly cwd: string;
  readonly input?: string | Buffer;
  readonly env?: Readonly<Record<string, string | undefined>>;
}

/** The environment minus locale and colour variables, so results do not depend on the machine running the tests. */
function cleanEnv(extra: Readonly<Record<string, string | undefined>> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (/^(LANG|LANGUAGE|LC_.*|NO_COLOR|FORCE_COLOR|TERM)$/.test(key)) continue;
    env[key] = value;
  }
  for (const [key, value] of Object.entries(extra)) if (value !== undefined) env[key] = value;
  return env;
}

export function runCli(args: readonly string[], options: CliRunOptions): CliRun {
  if (!existsSync(CLI_JS)) throw new Error(`${CLI_JS} is missing: run "node scripts/build.mjs" first`);
  const result = spawnSync(process.execPath, [CLI_JS, ...args], {
    cwd: options.cwd,
    input: options.input ?? '',
    env: cleanEnv(options.env),
    encoding: 'utf8',
    timeout: 60_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
