// Finds the pod template, selector and containers inside workload manifests (Pod, Deployment, CronJob, …).
import type { Node, YAMLMap } from 'yaml';
import { isMap, isSeq } from '../yaml/yamlNodes';
import type { DocumentGraph, EffectivePair } from './documentGraph';

const POD_SPEC_PATHS: Readonly<Record<string, readonly string[]>> = {
  Pod: ['spec'],
  PodTemplate: ['template', 'spec'],
  Deployment: ['spec', 'template', 'spec'],
  ReplicaSet: ['spec', 'template', 'spec'],
  StatefulSet: ['spec', 'template', 'spec'],
  DaemonSet: ['spec', 'template', 'spec'],
  ReplicationController: ['spec', 'template', 'spec'],
  Job: ['spec', 'template', 'spec'],
  CronJob: ['spec', 'jobTemplate', 'spec', 'template', 'spec'],
};

/** Kinds whose `spec.selector` must select `spec.template.metadata.labels`. */
export const SELECTOR_KINDS: ReadonlySet<string> = new Set(['Deployment', 'ReplicaSet', 'StatefulSet', 'DaemonSet', 'Job']);

export type ContainerList = 'containers' | 'initContainers' | 'ephemeralContainers';

export interface ContainerRef {
  readonly node: YAMLMap;
  readonly list: ContainerList;
  readonly index: number;
}

/** The pair of a mapping with a given key (merge keys applied), if any. */
export function pairOf(graph: DocumentGraph, map: Node | undefined, key: string): EffectivePair | undefined {
  const target = graph.deref(map);
  if (!target || !isMap(target)) return undefined;
  return graph.pairByKey(target, key);
}

/** The (dereferenced) node at a key path of mappings, if present. */
export function nodeAt(graph: DocumentGraph, root: Node | undefined, path: readonly string[]): Node | undefined {
  let current: Node | undefined = graph.deref(root);
  for (const key of path) {
    const pair = pairOf(graph, current, key);
    if (!pair) return undefined;
    current = graph.deref(pair.value);
  }
  return current;
}

/** The mapping at a key path, if it is one. */
export function mapAt(graph: DocumentGraph, root: Node | undefined, path: readonly string[]): YAMLMap | undefined {
  const node = nodeAt(graph, root, path);
  return node && isMap(node) ? node : undefined;
}

export function podSpecPath(kind: string): readonly string[] | undefined {
  return POD_SPEC_PATHS[kind];
}

/**
 * The last pod spec looked up: the workload rules of a chunk run one after another and ask for the same one. A single
 * entry, not a WeakMap keyed by graph (inserting a new key per document cost more than the lookups it saved).
 */
let lastPodSpec: { readonly graph: DocumentGraph; readonly root: Node; readonly kind: string; readonly podSpec: YAMLMap | undefined } | undefined;

/** The pod spec mapping of a workload document. */
export function podSpecOf(graph: DocumentGraph, root: Node, kind: string): YAMLMap | undefined {
  const known = lastPodSpec;
  if (known && known.graph === graph && known.root === root && known.kind === kind) return known.podSpec;
  const path = POD_SPEC_PATHS[kind];
  const podSpec = path ? mapAt(graph, root, path) : undefined;
  lastPodSpec = { graph, root, kind, podSpec };
  return podSpec;
}

/** The pod template mapping (holding metadata and spec) of a workload, if it has one. */
export function podTemplateOf(graph: DocumentGraph, root: Node, kind: string): YAMLMap | undefined {
  const path = POD_SPEC_PATHS[kind];
  if (!path || path.length < 2) return undefined;
  return mapAt(graph, root, path.slice(0, -1));
}

/** The last container list computed (several rules walk the same pod's containers, one after another). */
let lastContainers: { readonly graph: DocumentGraph; readonly podSpec: YAMLMap; readonly containers: readonly ContainerRef[] } | undefined;

/** Every container mapping of a pod spec, in document order. */
export function containersOf(graph: DocumentGraph, podSpec: YAMLMap | undefined): readonly ContainerRef[] {
  if (!podSpec) return [];
  const known = lastContainers;
  if (known && known.graph === graph && known.podSpec === podSpec) return known.containers;
  const containers = findContainers(graph, podSpec);
  lastContainers = { graph, podSpec, containers };
  return containers;
}

function findContainers(graph: DocumentGraph, podSpec: YAMLMap): ContainerRef[] {
  const result: ContainerRef[] = [];
  for (const list of ['initContainers', 'containers', 'ephemeralContainers'] as const) {
    const seq = graph.deref(pairOf(graph, podSpec, list)?.value);
    if (!seq || !isSeq(seq)) continue;
    seq.items.forEach((item, index) => {
      const node = graph.deref(item as Node);
      if (node && isMap(node)) result.push({ node, list, index });
    });
  }
  return result;
}
