// Bundles the client, the language server and the CLI into dist/ with esbuild; exits non-zero on any error.
import * as esbuild from 'esbuild';
import { chmodSync, existsSync } from 'node:fs';

const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');

/** @type {import('esbuild').BuildOptions} */
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: production ? false : 'linked',
  minify: production,
  logLevel: 'warning',
  legalComments: 'none',
};

const entries = [
  { entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
  { entryPoints: ['server/src/node/serverMain.ts'], outfile: 'dist/server.js', banner: { js: '#!/usr/bin/env node' } },
  { entryPoints: ['server/src/node/cliMain.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
].filter((entry) => existsSync(entry.entryPoints[0]));

try {
  if (watch) {
    for (const entry of entries) {
      const context = await esbuild.context({ ...common, ...entry });
      await context.watch();
    }
    console.log('[build] watching', entries.map((e) => e.outfile).join(', '));
  } else {
    await Promise.all(entries.map((entry) => esbuild.build({ ...common, ...entry })));
    for (const entry of entries) {
      if (entry.banner) chmodSync(entry.outfile, 0o755);
    }
    console.log('[build] built', entries.map((e) => e.outfile).join(', '));
  }
} catch (error) {
  console.error('[build] failed:', error instanceof Error ? error.message : error);
  process.exit(1);
}
