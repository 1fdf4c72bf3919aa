// @vscode/test-cli configuration for `npm run test:electron`: the in-editor scenarios at the VS Code API
// level (test/electron/*.test.ts, compiled to out/test/electron/), in a VS Code that @vscode/test-electron
// downloads, or in an installed one named by KUBE_NOTES_VSCODE_EXECUTABLE. The workspace is a throw-away
// copy of test/e2e/fixtures/workspace made by scripts/e2e/electron.mjs (KUBE_NOTES_ELECTRON_WORKSPACE).
import { defineConfig } from '@vscode/test-cli';

const executable = process.env.KUBE_NOTES_VSCODE_EXECUTABLE;

export default defineConfig({
  label: 'electron',
  files: 'out/test/electron/**/*.test.js',
  version: process.env.KUBE_NOTES_VSCODE_VERSION || 'stable',
  extensionDevelopmentPath: '.',
  workspaceFolder: process.env.KUBE_NOTES_ELECTRON_WORKSPACE || './test/e2e/fixtures/workspace',
  launchArgs: ['--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes'],
  ...(executable ? { useInstallation: { fromPath: executable } } : {}),
  mocha: { ui: 'tdd', timeout: 60_000, color: false },
});
