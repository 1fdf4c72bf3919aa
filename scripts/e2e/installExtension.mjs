// Installs the built extension into an extensions folder as `<publisher>.<name>-<version>/`, with exactly
// the files the .vsix holds: the allowlist in .vscodeignore (`**` first, then `!pattern` lines).
//   node scripts/e2e/installExtension.mjs <extensions-dir>
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The `!pattern` lines of .vscodeignore as regular expressions over repo-relative paths. */
function allowlist(repo) {
  const lines = readFileSync(join(repo, '.vscodeignore'), 'utf8').split(/\r?\n/).map((l) => l.trim());
  return lines
    .filter((l) => l.startsWith('!'))
    .map((l) => {
      const glob = l.slice(1).replace(/^\//, '');
      let source = '';
      for (let i = 0; i < glob.length; i++) {
        const ch = glob[i];
        if (ch === '*' && glob[i + 1] === '*') {
          source += '.*';
          i++;
          if (glob[i + 1] === '/') i++;
        } else if (ch === '*') source += '[^/]*';
        else if (ch === '?') source += '[^/]';
        else source += ch.replace(/[.+^${}()|[\]\\]/g, '\\$&');
      }
      return new RegExp(`^${source}$`);
    });
}

const SKIP_DIRS = new Set(['.git', 'node_modules', 'out', '.cache', '.vscode-test', 'test', 'bench']);

function walk(dir, repo, files) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    const rel = relative(repo, path).split(sep).join('/');
    if (statSync(path).isDirectory()) {
      if (!SKIP_DIRS.has(name)) walk(path, repo, files);
    } else files.push(rel);
  }
  return files;
}

/** Copies the allowlisted files; returns the installed folder. Requires `npm run build` first. */
export function installExtension(extensionsDir, repo = REPO) {
  const manifest = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8'));
  if (!existsSync(join(repo, manifest.main.replace(/^\.\//, '')))) {
    throw new Error(`${manifest.main} is missing: run "npm run build" first`);
  }
  const target = join(extensionsDir, `${manifest.publisher}.${manifest.name}-${manifest.version}`);
  rmSync(target, { recursive: true, force: true });
  const patterns = allowlist(repo);
  const files = walk(repo, repo, []).filter((rel) => patterns.some((p) => p.test(rel)));
  for (const rel of files) {
    const to = join(target, rel);
    mkdirSync(dirname(to), { recursive: true });
    copyFileSync(join(repo, rel), to);
  }
  return { dir: target, files: files.length, id: `${manifest.publisher}.${manifest.name}` };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dir = process.argv[2];
  if (!dir) {
    console.error('usage: node scripts/e2e/installExtension.mjs <extensions-dir>');
    process.exit(2);
  }
  const { dir: installed, files } = installExtension(resolve(dir));
  console.log(`[e2e] installed ${files} files into ${installed}`);
}
