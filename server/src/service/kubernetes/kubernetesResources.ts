// What Kubernetes rules and features need from outside a chunk: schema bundles by version and workspace CRDs.

/** Supplied by the host (the server entry loads bundles from disk lazily; tests pass in-memory ones). */
export interface KubernetesResources {
  /** The schema bundle of a Kubernetes version (e.g. `1.36`), loaded on first use; undefined if unavailable. */
  schemaFor(version: string): unknown;
  /** Custom resource definitions known in the workspace. */
  customResourceDefinitions(): readonly unknown[];
}

export const noKubernetesResources: KubernetesResources = {
  schemaFor: () => undefined,
  customResourceDefinitions: () => [],
};
