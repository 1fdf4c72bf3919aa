// What Kubernetes rules and features need from outside a chunk: schema bundles by version and workspace CRDs.
import type { CustomResourceDefinition } from './customResources';
import type { SchemaBundle } from './schemaBundle';

/** Supplied by the host (the server entry loads bundles from disk lazily; tests pass in-memory ones). */
export interface KubernetesResources {
  /** The schema bundle of a Kubernetes version (e.g. `1.36`), loaded on first use; undefined if unavailable. */
  schemaFor(version: string): SchemaBundle | undefined;
  /** Custom resource definitions known in the workspace. */
  customResourceDefinitions(): readonly CustomResourceDefinition[];
  /** Changes whenever the CRDs or kustomize patch list change (part of cache keys); 0 if never. */
  generation?(): number;
  /** Whether a file is listed as a patch by a kustomization in the workspace (so it may be partial). */
  isKustomizePatch?(uri: string): boolean;
}

export const noKubernetesResources: KubernetesResources = {
  schemaFor: () => undefined,
  customResourceDefinitions: () => [],
};

export interface MutableKubernetesResources extends KubernetesResources {
  generation(): number;
  isKustomizePatch(uri: string): boolean;
  /** Replaces the CRDs found in one file (an empty list removes them). */
  setWorkspaceCrds(sourceUri: string, crds: readonly CustomResourceDefinition[]): void;
  /** Replaces the set of files that workspace kustomizations list as patches. */
  setKustomizePatches(uris: Iterable<string>): void;
}

/**
 * Resources over a bundle loader (called at most once per version, on first use) plus CRDs and patch files
 * set by the host. Pure: the loader decides where bundles come from.
 */
export function createKubernetesResourcesFrom(loadBundle: (version: string) => SchemaBundle | undefined): MutableKubernetesResources {
  const bundles = new Map<string, SchemaBundle | undefined>();
  const crdsBySource = new Map<string, readonly CustomResourceDefinition[]>();
  let allCrds: readonly CustomResourceDefinition[] = [];
  let patches = new Set<string>();
  let generation = 0;
  return {
    schemaFor(version) {
      if (!bundles.has(version)) {
        let bundle: SchemaBundle | undefined;
        try {
          bundle = loadBundle(version);
        } catch {
          bundle = undefined;
        }
        bundles.set(version, bundle);
      }
      return bundles.get(version);
    },
    customResourceDefinitions: () => allCrds,
    generation: () => generation,
    isKustomizePatch: (uri) => patches.has(uri),
    setWorkspaceCrds(sourceUri, crds) {
      const previous = crdsBySource.get(sourceUri) ?? [];
      if (previous.length === 0 && crds.length === 0) return;
      if (crds.length === 0) crdsBySource.delete(sourceUri);
      else crdsBySource.set(sourceUri, crds);
      allCrds = [...crdsBySource.values()].flat();
      generation += 1;
    },
    setKustomizePatches(uris) {
      const next = new Set(uris);
      if (next.size === patches.size && [...next].every((u) => patches.has(u))) return;
      patches = next;
      generation += 1;
    },
  };
}
