// `npm start`: opens the built extension in a real VS Code (code-server, on loopback only) with a copy of
// the example workspace docs/examples/, prints the address, and keeps running until Ctrl+C. The same
// machinery as the e2e tests (scripts/e2e/prepare.mjs, test/e2e/harness/codeServer.ts), with throw-away
// user data. Run `npm run build` first (the npm script does).
//   node scripts/e2e/start.mjs [--port N] [--folder PATH] [--locale ko]
//   --folder PATH   open PATH itself instead of a copy of docs/examples
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';
import { prepareAll } from './prepare.mjs';
import { installExtension, REPO } from './installExtension.mjs';

function option(name) {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? process.argv[at + 1] : undefined;
}

const port = option('port') ? Number(option('port')) : process.env.PORT ? Number(process.env.PORT) : undefined;
const locale = option('locale');
const ownFolder = option('folder');

let tools;
try {
  tools = prepareAll();
} catch (error) {
  console.error(`[start] cannot prepare code-server: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}

const runDir = mkdtempSync(join(tmpdir(), 'kube-notes-start-'));
// Until code-server is up, Ctrl+C must still end what was started (its process group is recorded in runDir).
function earlyStop() {
  const pgids = join(runDir, 'pgids');
  for (const name of existsSync(pgids) ? readdirSync(pgids) : []) {
    try {
      process.kill(-Number(name), 'SIGKILL');
    } catch {
      // gone
    }
  }
  rmSync(runDir, { recursive: true, force: true });
  process.exit(130);
}
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, earlyStop);
let workspace;
if (ownFolder) workspace = resolve(ownFolder);
else {
  workspace = join(runDir, 'examples');
  cpSync(join(REPO, 'docs', 'examples'), workspace, { recursive: true });
}
const extension = installExtension(join(runDir, 'built-extension'));

// The harness is TypeScript; bundle its code-server launcher (Node built-ins only) for this script.
const launcher = join(runDir, 'codeServer.mjs');
await esbuild.build({
  entryPoints: [join(REPO, 'test', 'e2e', 'harness', 'codeServer.ts')],
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  outfile: launcher,
  logLevel: 'warning',
});
const { startCodeServer } = await import(pathToFileURL(launcher).href);

const languagePacks = locale === 'ko' ? [join(REPO, 'test', 'e2e', 'fixtures', 'language-pack-ko')] : [];
let server;
try {
  server = await startCodeServer({
    node: tools.node,
    entry: tools.codeServer,
    dir: join(runDir, 'code-server'),
    workspace,
    extensions: [extension.dir],
    ...(locale ? { locale, languagePacks } : {}),
    trusted: true,
    runDir,
    ...(port ? { port } : {}),
  });
} catch (error) {
  console.error(`[start] ${error instanceof Error ? error.message : String(error)}`);
  rmSync(runDir, { recursive: true, force: true });
  process.exit(1);
}

console.log('');
console.log(`  Kube Notes is running in VS Code (code-server) at  ${server.workspaceUrl}`);
console.log(`  Workspace: ${workspace}${ownFolder ? '' : ' (a copy of docs/examples; edits stay in the copy)'}`);
console.log('  Open the address in a browser on this machine (it listens on 127.0.0.1 only).');
console.log('  Press Ctrl+C to stop.');
console.log('');

let stopping = false;
async function stop(code) {
  if (stopping) return;
  stopping = true;
  clearInterval(watch);
  await server.stop();
  rmSync(runDir, { recursive: true, force: true });
  console.log('[start] stopped');
  process.exit(code);
}
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.off(signal, earlyStop);
  process.on(signal, () => void stop(0));
}
// code-server runs in its own process group; if it ends by itself, say so and stop.
const watch = setInterval(() => {
  try {
    process.kill(-server.pid, 0);
  } catch {
    console.error(`[start] code-server ended; its log:\n${server.log().split('\n').slice(-20).join('\n')}`);
    void stop(1);
  }
}, 1000);
