// Entry of `kube-notes-language-server`: the only place that touches the process; starts the LSP server.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { SERVER_NAME, startServer } from '../lspServer';
import { createNodeHost } from './nodeHost';

const root = join(__dirname, '..');

function packageVersion(): string {
  try {
    return (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version?: string }).version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
}

const args = process.argv.slice(2);
if (args.includes('--version') || args.includes('-v')) {
  process.stdout.write(`${SERVER_NAME} ${packageVersion()}\n`);
  process.exit(0);
}
if (args.includes('--help') || args.includes('-h')) {
  process.stdout.write(
    [
      `Usage: ${SERVER_NAME} [--stdio | --node-ipc | --socket=<port> | --pipe=<name>]`,
      '',
      'The kube-notes language server (LSP) for Kubernetes manifests and YAML.',
      'Defaults to --stdio. Configure it with the `kubeNotes` settings section (workspace/configuration).',
      '',
    ].join('\n'),
  );
  process.exit(0);
}
if (!args.some((a) => a === '--stdio' || a === '--node-ipc' || a.startsWith('--socket') || a.startsWith('--pipe') || a.startsWith('--clientProcessId'))) {
  process.argv.push('--stdio');
}

const connection = createConnection(ProposedFeatures.all);
// Log instead of dying: an uncaught error in one handler must not end the session.
process.on('uncaughtException', (error) => connection.console.error(`uncaught: ${error.stack ?? String(error)}`));
process.on('unhandledRejection', (reason) => connection.console.error(`unhandled rejection: ${String(reason)}`));

startServer(connection, createNodeHost(root, packageVersion()));
