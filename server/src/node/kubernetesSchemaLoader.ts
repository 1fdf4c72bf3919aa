// Host side of Kubernetes support: loads schema bundles from disk lazily and scans the workspace for CRDs and kustomize patches.
import { readFileSync, readdirSync, statSync, type Dirent } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseAllDocuments } from 'yaml';
import { crdsFromDocument, type CustomResourceDefinition } from '../service/kubernetes/customResources';
import { createKubernetesResourcesFrom, type MutableKubernetesResources } from '../service/kubernetes/kubernetesResources';
import { loadSchemaBundle } from '../service/kubernetes/schemaBundle';
import { isKustomizationFileName } from '../service/kubernetes/kustomization';

/**
 * Resources whose bundles are read from `<schemaDir>/kubernetes-<version>.json` on first use (one read and
 * JSON.parse per version, never before a manifest needs it).
 */
export function createKubernetesResources(schemaDir: string): MutableKubernetesResources {
  return createKubernetesResourcesFrom((version) => {
    if (!/^\d+\.\d+$/.test(version)) return undefined;
    const file = path.join(schemaDir, `kubernetes-${version}.json`);
    return loadSchemaBundle(JSON.parse(readFileSync(file, 'utf8')));
  });
}

export interface WorkspaceScanOptions {
  /** Stop after visiting this many YAML files (default 2,000). */
  readonly maxFiles?: number;
  /** Skip files larger than this many bytes (default 1 MiB). */
  readonly maxFileBytes?: number;
  /** Do not descend deeper than this many folders (default 12). */
  readonly maxDepth?: number;
}

export interface WorkspaceScanResult {
  /** CRDs per file URI (only files holding at least one). */
  readonly crdsByFile: ReadonlyMap<string, readonly CustomResourceDefinition[]>;
  /** URIs of files that kustomizations list as patches. */
  readonly patchFiles: ReadonlySet<string>;
  readonly filesVisited: number;
  /** Whether a limit stopped the scan early. */
  readonly truncated: boolean;
}

const SKIPPED_DIRS: ReadonlySet<string> = new Set(['node_modules', '.git', '.hg', '.svn', 'out', 'dist', '.vscode-test', 'vendor', '.terraform']);
const YAML_FILE = /\.ya?ml$/i;

/** CRDs declared in a YAML text (never throws). */
export function crdsInText(text: string, uri: string): CustomResourceDefinition[] {
  if (!text.includes('CustomResourceDefinition')) return [];
  const result: CustomResourceDefinition[] = [];
  try {
    for (const document of parseAllDocuments(text, { uniqueKeys: false })) {
      if (!('contents' in document)) continue;
      result.push(...crdsFromDocument(document, uri));
    }
  } catch {
    return result;
  }
  return result;
}

/** Patch file paths a kustomization lists (patches[].path, patchesStrategicMerge strings, patchesJson6902[].path). */
export function patchPathsInKustomization(text: string): string[] {
  const paths: string[] = [];
  try {
    for (const document of parseAllDocuments(text, { uniqueKeys: false })) {
      if (!('contents' in document)) continue;
      const value = document.toJS({ maxAliasCount: 100 }) as unknown;
      if (!value || typeof value !== 'object') continue;
      const record = value as Record<string, unknown>;
      for (const field of ['patches', 'patchesJson6902']) {
        const list = record[field];
        if (!Array.isArray(list)) continue;
        for (const item of list) {
          if (item && typeof item === 'object' && typeof (item as Record<string, unknown>)['path'] === 'string') paths.push((item as Record<string, string>)['path']!);
        }
      }
      const smp = record['patchesStrategicMerge'];
      if (Array.isArray(smp)) for (const item of smp) if (typeof item === 'string' && !item.includes('\n')) paths.push(item);
    }
  } catch {
    return paths;
  }
  return paths;
}

/**
 * Scans workspace folders for CRD files and kustomize patch lists: breadth-first, skipping dependency and VCS
 * folders, bounded by file count, file size and depth. Synchronous and meant to run once at start-up (and
 * again on file-watcher events for the changed file only, via `crdsInText`).
 */
export function scanWorkspace(folders: readonly string[], options: WorkspaceScanOptions = {}): WorkspaceScanResult {
  const maxFiles = options.maxFiles ?? 2000;
  const maxBytes = options.maxFileBytes ?? 1024 * 1024;
  const maxDepth = options.maxDepth ?? 12;
  const crdsByFile = new Map<string, CustomResourceDefinition[]>();
  const patchFiles = new Set<string>();
  let visited = 0;
  let truncated = false;
  const queue: Array<{ dir: string; depth: number }> = folders.map((dir) => ({ dir, depth: 0 }));
  while (queue.length > 0) {
    const { dir, depth } = queue.shift()!;
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      continue;
    }
    entries.sort((a, b) => a.name.localeCompare(b.name));
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (SKIPPED_DIRS.has(entry.name) || entry.name.startsWith('.')) continue;
        if (depth + 1 <= maxDepth) queue.push({ dir: full, depth: depth + 1 });
        else truncated = true;
        continue;
      }
      if (!entry.isFile() || !(YAML_FILE.test(entry.name) || entry.name === 'Kustomization')) continue;
      if (visited >= maxFiles) {
        truncated = true;
        return { crdsByFile, patchFiles, filesVisited: visited, truncated };
      }
      visited += 1;
      let text: string;
      try {
        if (statSync(full).size > maxBytes) continue;
        text = readFileSync(full, 'utf8');
      } catch {
        continue;
      }
      const uri = pathToFileURL(full).toString();
      const crds = crdsInText(text, uri);
      if (crds.length > 0) crdsByFile.set(uri, crds);
      if (isKustomizationFileName(uri)) {
        for (const relative of patchPathsInKustomization(text)) {
          if (/^[a-z]+:\/\//i.test(relative)) continue;
          patchFiles.add(pathToFileURL(path.resolve(dir, relative)).toString());
        }
      }
    }
  }
  return { crdsByFile, patchFiles, filesVisited: visited, truncated };
}

/** Applies a scan to resources (replacing every file's CRDs and the patch list). */
export function applyWorkspaceScan(resources: MutableKubernetesResources, scan: WorkspaceScanResult): void {
  for (const [uri, crds] of scan.crdsByFile) resources.setWorkspaceCrds(uri, crds);
  resources.setKustomizePatches(scan.patchFiles);
}
