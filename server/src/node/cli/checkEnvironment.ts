// The engine as the CLI sets it up — service, Kubernetes resources, settings, workspace CRDs — shared by the main
// thread and the large-file worker so both check exactly alike.
import { readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createLanguageService, type KubeNotesLanguageService } from '../../service/languageService';
import { isKustomizationFileName } from '../../service/kubernetes/kustomization';
import type { MutableKubernetesResources } from '../../service/kubernetes/kubernetesResources';
import { createKubernetesResources, crdsInText, patchPathsInKustomization } from '../kubernetesSchemaLoader';
import { readFileLimited, type ReadResult } from './readInput';
import type { CheckTarget } from './walk';

/** Files above this size are checked in a worker with a heap limit (see largeFileWorker.ts). */
export const LARGE_FILE_BYTES = 1024 * 1024;
/** CRD and kustomization files are indexed up to this size, like the editor's workspace scan. */
export const INDEX_FILE_BYTES = 1024 * 1024;

export interface CheckEnvironment {
  readonly service: KubeNotesLanguageService;
  readonly resources: MutableKubernetesResources;
}

export function createCheckEnvironment(packageRoot: string, envLocale: string | undefined): CheckEnvironment {
  const resources = createKubernetesResources(join(packageRoot, 'server', 'schemas'));
  const service = createLanguageService({ kubernetes: resources, ...(envLocale !== undefined ? { clientLocale: envLocale } : {}) });
  return { service, resources };
}

/**
 * Bytes the index pass read, kept (within a budget) for the check pass so a file is read once, not twice. A file
 * changed between the passes is checked as the index saw it, a moment earlier.
 */
export class ReadAhead {
  private readonly kept = new Map<string, Uint8Array>();
  private left: number;

  constructor(budgetBytes: number) {
    this.left = budgetBytes;
  }

  keep(path: string, bytes: Uint8Array): void {
    if (bytes.length > this.left) return;
    this.left -= bytes.length;
    this.kept.set(path, bytes);
  }

  /** The kept bytes of a file, once (then forgotten), as a read with `limit` would give them. */
  take(path: string, limit: number): ReadResult | undefined {
    const bytes = this.kept.get(path);
    if (bytes === undefined) return undefined;
    this.kept.delete(path);
    this.left += bytes.length;
    return bytes.length > limit ? { kind: 'tooLarge', size: bytes.length } : { kind: 'bytes', bytes };
  }
}

/** What the inputs declare for the whole run: files holding CRDs and the files kustomizations list as patches. */
export interface WorkspaceIndex {
  readonly crdFiles: readonly string[];
  readonly patchUris: readonly string[];
}

/**
 * Reads CRDs and kustomize patch lists from the inputs themselves, so custom resources and patches in the checked
 * tree are understood as the editor understands them from its workspace. Texts are not kept (the bytes go to
 * `readAhead`, if given, for the check pass); special files (FIFOs named on the command line) are never read here.
 */
export function indexWorkspace(targets: readonly CheckTarget[], resources: MutableKubernetesResources, readAhead?: ReadAhead): WorkspaceIndex {
  const crdFiles: string[] = [];
  const patches = new Set<string>();
  for (const target of targets) {
    if (target.kind !== 'file') continue;
    if (target.explicit) {
      try {
        if (!statSync(target.path).isFile()) continue;
      } catch {
        continue;
      }
    }
    const kustomization = isKustomizationFileName(target.path);
    const result = readFileLimited(target.path, INDEX_FILE_BYTES);
    if (result.kind !== 'bytes') continue;
    readAhead?.keep(target.path, result.bytes);
    const bytes = Buffer.from(result.bytes.buffer, result.bytes.byteOffset, result.bytes.byteLength);
    if (!kustomization && bytes.indexOf('CustomResourceDefinition') === -1) continue;
    const text = bytes.toString('utf8');
    const uri = pathToFileURL(target.path).href;
    const crds = crdsInText(text, uri);
    if (crds.length > 0) {
      resources.setWorkspaceCrds(uri, crds);
      crdFiles.push(target.path);
    }
    if (kustomization) {
      for (const patch of patchPathsInKustomization(text)) {
        if (/^[a-z]+:\/\//i.test(patch)) continue;
        patches.add(pathToFileURL(resolve(dirname(target.path), patch)).href);
      }
    }
  }
  if (patches.size > 0) resources.setKustomizePatches(patches);
  return { crdFiles, patchUris: [...patches] };
}

/** Applies an index computed elsewhere (in the main thread) to another environment's resources. */
export function applyWorkspaceIndex(index: WorkspaceIndex, resources: MutableKubernetesResources): void {
  for (const path of index.crdFiles) {
    try {
      const uri = pathToFileURL(path).href;
      resources.setWorkspaceCrds(uri, crdsInText(readFileSync(path, 'utf8'), uri));
    } catch {
      // The file changed or vanished since it was indexed: the worker then lacks those CRDs, as the editor would.
    }
  }
  if (index.patchUris.length > 0) resources.setKustomizePatches(index.patchUris);
}
