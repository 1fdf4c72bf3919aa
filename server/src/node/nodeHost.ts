// The Node.js host of the server: reads note folders from disk, resolves paths and watches for changes.
import { existsSync, readdirSync, readFileSync, statSync, watch, type FSWatcher } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { homedir } from 'node:os';
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { parseNote, type ParsedNote } from '../service/notes/noteParser';
import type { ServerHost } from '../lspServer';
import type { LanguageServiceOptions } from '../service/languageService';
import { applyWorkspaceScan, crdsInText, createKubernetesResources, scanWorkspace } from './kubernetesSchemaLoader';
import { isKustomizationFileName } from '../service/kubernetes/kustomization';

const MAX_NOTE_FILES = 2000;
const MAX_NOTE_BYTES = 512 * 1024;
/**
 * Folders read and watched below the note folders. `kubeNotes.notes.paths` can come from workspace settings: a
 * recursive fs.watch of `/usr` alone blocked Node 20 for 6.5 s and took 366 MB, and a symlink loop never ended.
 */
const MAX_NOTE_DIRECTORIES = 500;

/** Lists `*.md` files below a folder (bounded; skips dot-folders and node_modules). */
function markdownFiles(folder: string, out: string[] = [], budget = { directories: 0 }): string[] {
  if (++budget.directories > MAX_NOTE_DIRECTORIES) return out;
  let entries: string[];
  try {
    entries = readdirSync(folder).sort();
  } catch {
    return out;
  }
  for (const name of entries) {
    if (out.length >= MAX_NOTE_FILES) break;
    if (name.startsWith('.') || name === 'node_modules') continue;
    const path = join(folder, name);
    let stats;
    try {
      stats = statSync(path);
    } catch {
      continue;
    }
    if (stats.isDirectory()) markdownFiles(path, out, budget);
    else if (name.toLowerCase().endsWith('.md') && stats.size <= MAX_NOTE_BYTES) out.push(path);
  }
  return out;
}

/** The folders below (and including) a note folder, bounded like markdownFiles; symbolic links are not followed. */
function noteDirectories(folder: string, out: string[], budget: { directories: number }): string[] {
  if (++budget.directories > MAX_NOTE_DIRECTORIES) return out;
  out.push(folder);
  let entries;
  try {
    entries = readdirSync(folder, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));
  } catch {
    return out;
  }
  for (const entry of entries) {
    if (entry.isDirectory() && !entry.name.startsWith('.') && entry.name !== 'node_modules') noteDirectories(join(folder, entry.name), out, budget);
  }
  return out;
}

function readNotes(folder: string, origin: 'bundled' | 'user'): ParsedNote[] {
  return markdownFiles(folder).map((path) => {
    try {
      return parseNote(readFileSync(path, 'utf8'), path, origin);
    } catch (error) {
      return {
        problems: [{ path, line: 0, severity: 'error' as const, message: { ko: `노트를 읽을 수 없습니다: ${String(error)}`, en: `Cannot read the note: ${String(error)}` } }],
      };
    }
  });
}

export function pathOfUri(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

/** Creates the host for an extension/package root (the folder holding `docs/notes`). */
export function createNodeHost(root: string, version: string, serviceOptions?: LanguageServiceOptions): ServerHost {
  const bundledFolder = join(root, 'docs', 'notes');
  let watchers: FSWatcher[] = [];
  // Schema bundles are read lazily, per version, the first time a manifest needs one.
  const kubernetes = createKubernetesResources(join(root, 'server', 'schemas'));
  let scannedFolders: string[] = [];
  /** Digest of the last content seen per workspace file (see workspaceFileChanged). */
  const seenContent = new Map<string, string>();
  const rescan = (): void => applyWorkspaceScan(kubernetes, scanWorkspace(scannedFolders));
  return {
    version,
    serviceOptions: { kubernetes, ...serviceOptions },
    scanWorkspace(workspaceFolderUris) {
      scannedFolders = workspaceFolderUris.map(pathOfUri).filter((p): p is string => p !== undefined);
      const before = kubernetes.generation();
      if (scannedFolders.length > 0) rescan();
      return kubernetes.generation() !== before;
    },
    workspaceFileChanged(uri, text) {
      const before = kubernetes.generation();
      const path = pathOfUri(uri);
      let content: string | undefined;
      if (text === null) content = undefined;
      else if (text !== undefined) content = text;
      else if (path !== undefined) {
        try {
          content = statSync(path).size <= 1024 * 1024 ? readFileSync(path, 'utf8') : undefined;
        } catch {
          content = undefined;
        }
      }
      // A save reaches us twice in VS Code (didSave and the file watcher), and saving unchanged text is common:
      // the same content changes nothing, so it must not re-parse CRDs or invalidate every cached finding.
      const digest = content === undefined ? undefined : createHash('sha1').update(content).digest('base64');
      if (digest !== undefined && seenContent.get(uri) === digest) return false;
      if (digest === undefined) seenContent.delete(uri);
      else seenContent.set(uri, digest);
      kubernetes.setWorkspaceCrds(uri, content !== undefined && content.includes('CustomResourceDefinition') ? crdsInText(content, uri) : []);
      // A kustomization lists patch files: re-read the (bounded) workspace so the patch list is current again.
      if (isKustomizationFileName(uri) && scannedFolders.length > 0) rescan();
      return kubernetes.generation() !== before;
    },
    loadBundledNotes: () => readNotes(bundledFolder, 'bundled'),
    resolveNoteFolders(paths, workspaceFolderUris) {
      const bases = workspaceFolderUris.map(pathOfUri).filter((p): p is string => p !== undefined);
      const folders: string[] = [];
      const missing: string[] = [];
      for (const setting of paths) {
        // `~/notes` means the home folder, as in a shell; anything else relative is relative to each workspace folder.
        const path = setting === '~' || setting.startsWith('~/') ? join(homedir(), setting.slice(1)) : setting;
        const candidates = isAbsolute(path) ? [path] : bases.map((base) => resolve(base, path));
        const found = candidates.filter((candidate) => existsSync(candidate));
        if (found.length === 0) missing.push(setting);
        for (const candidate of found) if (!folders.includes(candidate)) folders.push(candidate);
      }
      return { folders, missing };
    },
    isInsideFolder(path, folder) {
      const inside = relative(folder, path);
      return inside !== '' && !inside.startsWith('..') && !isAbsolute(inside);
    },
    loadUserNotes: (folders) => folders.flatMap((folder) => readNotes(folder, 'user')),
    watchNoteFolders(folders, onChange) {
      for (const watcher of watchers) watcher.close();
      watchers = [];
      // One plain watcher per folder (not `recursive`, which walks the whole tree synchronously on Linux);
      // a new sub-folder shows up as a change in its parent, and the reload that follows watches it too.
      const budget = { directories: 0 };
      for (const folder of folders.flatMap((f) => noteDirectories(f, [], budget))) {
        try {
          const watcher = watch(folder, (_event, name) => {
            if (name === null || String(name).toLowerCase().endsWith('.md') || !String(name).includes('.')) onChange();
          });
          watcher.on('error', () => watcher.close());
          watchers.push(watcher);
        } catch {
          // A folder that cannot be watched is still read on every settings change.
        }
      }
    },
    pathOf: pathOfUri,
  };
}
