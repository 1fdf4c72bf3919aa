// Helpers for the best-practice rules: walking workload containers and security contexts of analysed documents.
import type { Node, YAMLMap } from 'yaml';
import { isScalar } from '../yaml/yamlNodes';
import type { DocumentGraph } from './documentGraph';
import { kubectlScalar, type KubectlValue } from './kubectlScalar';
import type { ChunkAnalysis, ManifestDocument } from './manifestAnalysis';
import { containersOf, mapAt, pairOf, podSpecOf, type ContainerRef } from './workloads';

export interface WorkloadContainer {
  readonly doc: ManifestDocument;
  readonly graph: DocumentGraph;
  readonly podSpec: YAMLMap;
  readonly container: ContainerRef;
  /** Where to report about the container as a whole: its name value, or its first key. */
  readonly anchor: Node | null;
}

/** Kinds whose pods are expected to run for long (probes make sense). */
export const LONG_RUNNING_KINDS: ReadonlySet<string> = new Set(['Pod', 'Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'ReplicationController']);

/** Every container of every built-in workload document in the analysis. */
export function workloadContainers(analysis: ChunkAnalysis, options: { skipPartial: boolean }): WorkloadContainer[] {
  const result: WorkloadContainer[] = [];
  for (const doc of analysis.documents) {
    if (doc.check?.status !== 'ok' || !doc.kind) continue;
    if (options.skipPartial && doc.partial) continue;
    const podSpec = podSpecOf(doc);
    if (!podSpec) continue;
    for (const container of containersOf(doc)) {
      if (container.repeat) continue;
      const namePair = pairOf(doc.graph, container.node, 'name');
      const anchor = (namePair?.value as Node | null | undefined) ?? (container.node.items[0]?.key as Node | null | undefined) ?? null;
      result.push({ doc, graph: doc.graph, podSpec, container, anchor });
    }
  }
  return result;
}

/** The kubectl value at a key of a mapping, with its node. */
export function valueAt(graph: DocumentGraph, map: YAMLMap | undefined, path: readonly string[]): { value: KubectlValue; node: Node } | undefined {
  if (!map || path.length === 0) return undefined;
  const parent = path.length > 1 ? mapAt(graph, map, path.slice(0, -1)) : map;
  const pair = pairOf(graph, parent, path[path.length - 1]!);
  const node = graph.deref(pair?.value);
  if (!pair || !node || !isScalar(node)) return undefined;
  return { value: kubectlScalar(node), node: pair.value as Node };
}
