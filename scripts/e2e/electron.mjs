// `npm run test:electron`: the scenarios at the VS Code API level (test/electron) with @vscode/test-cli and
// @vscode/test-electron, which download VS Code from Microsoft's update service. Where that cannot be
// reached this fails with a clear message; KUBE_NOTES_VSCODE_EXECUTABLE=/path/to/code uses an installed
// VS Code instead. Run `npm run compile && npm run build` first (the npm script does).
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO } from './installExtension.mjs';

if (!existsSync(join(REPO, 'out', 'test', 'electron'))) {
  console.error('[test:electron] no compiled tests in out/test/electron: run "npm run compile" first');
  process.exit(2);
}

// The tests edit documents (without saving); give them a copy of the fixture workspace.
const workspace = join(mkdtempSync(join(tmpdir(), 'kube-notes-electron-')), 'workspace');
cpSync(join(REPO, 'test', 'e2e', 'fixtures', 'workspace'), workspace, { recursive: true });

const bin = join(REPO, 'node_modules', '@vscode', 'test-cli', 'out', 'bin.mjs');
const child = spawn(process.execPath, [bin, '--config', join(REPO, '.vscode-test.mjs'), ...process.argv.slice(2)], {
  cwd: REPO,
  env: { ...process.env, KUBE_NOTES_ELECTRON_WORKSPACE: workspace },
  stdio: ['ignore', 'pipe', 'pipe'],
});
let output = '';
for (const [stream, sink] of [[child.stdout, process.stdout], [child.stderr, process.stderr]]) {
  stream.on('data', (chunk) => {
    output += chunk.toString();
    sink.write(chunk);
  });
}

const DOWNLOAD_FAILED = /ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|getaddrinfo|socket hang up|Failed to (?:download|get|fetch)|Error downloading|update\.code\.visualstudio\.com|Could not (?:download|resolve)/i;

child.on('exit', (code, signal) => {
  rmSync(join(workspace, '..'), { recursive: true, force: true });
  const status = code ?? (signal ? 1 : 0);
  if (status !== 0 && !process.env.KUBE_NOTES_VSCODE_EXECUTABLE && DOWNLOAD_FAILED.test(output) && !/passing|failing/.test(output)) {
    console.error(
      [
        '',
        '[test:electron] VS Code could not be downloaded: @vscode/test-electron needs Microsoft\'s update service',
        '(update.code.visualstudio.com), which this machine cannot reach. Either run this suite on a machine',
        'with internet access, or point it at an installed VS Code:',
        '  KUBE_NOTES_VSCODE_EXECUTABLE=/path/to/code npm run test:electron',
        'On machines without VS Code, `npm run test:e2e` runs the same scenarios in code-server and Chromium.',
      ].join('\n'),
    );
  }
  process.exit(status);
});
