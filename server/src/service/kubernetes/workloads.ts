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
  /** The container mapping (through an alias when the item is one). */
  readonly node: YAMLMap;
  readonly list: ContainerList;
  readonly index: number;
  /** The item as written: the mapping, or the alias that names it. */
  readonly written: Node;
  /**
   * The same mapping as an earlier item of the same list (an alias of it): rules that look inside containers skip it,
   * so 5,000 aliases of one container are read once, not 5,000 times with the same findings on the same lines. (In
   * another list it is not a repeat: the rules of that list, such as probes for containers, still look at it.)
   */
  readonly repeat: boolean;
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

/** Where a manifest keeps its workload lookups: several rules ask for the same pod spec and containers in turn. */
export interface WorkloadMemo {
  /** The pod spec mapping, null when the manifest has none; undefined until asked. */
  podSpec: YAMLMap | null | undefined;
  containers: readonly ContainerRef[] | undefined;
}

/** A manifest as the workload lookups read it (a ManifestDocument): their answers live, and go, with it. */
export interface WorkloadDocument {
  readonly graph: DocumentGraph;
  readonly root: Node;
  readonly kind?: string;
  readonly workload: WorkloadMemo;
}

/** The pod spec mapping of a workload manifest. */
export function podSpecOf(doc: WorkloadDocument): YAMLMap | undefined {
  const memo = doc.workload;
  if (memo.podSpec === undefined) {
    const path = doc.kind === undefined ? undefined : POD_SPEC_PATHS[doc.kind];
    memo.podSpec = (path ? mapAt(doc.graph, doc.root, path) : undefined) ?? null;
  }
  return memo.podSpec ?? undefined;
}

/** The pod template mapping (holding metadata and spec) of a workload, if it has one. */
export function podTemplateOf(graph: DocumentGraph, root: Node, kind: string): YAMLMap | undefined {
  const path = POD_SPEC_PATHS[kind];
  if (!path || path.length < 2) return undefined;
  return mapAt(graph, root, path.slice(0, -1));
}

/** Every container mapping of a workload manifest's pod spec, in document order. */
export function containersOf(doc: WorkloadDocument): readonly ContainerRef[] {
  const memo = doc.workload;
  if (memo.containers === undefined) {
    const podSpec = podSpecOf(doc);
    memo.containers = podSpec ? findContainers(doc.graph, podSpec) : [];
  }
  return memo.containers;
}

function findContainers(graph: DocumentGraph, podSpec: YAMLMap): ContainerRef[] {
  const result: ContainerRef[] = [];
  for (const list of ['initContainers', 'containers', 'ephemeralContainers'] as const) {
    const seq = graph.deref(pairOf(graph, podSpec, list)?.value);
    if (!seq || !isSeq(seq)) continue;
    const seen = new Set<YAMLMap>();
    seq.items.forEach((item, index) => {
      const node = graph.deref(item as Node);
      if (!node || !isMap(node)) return;
      result.push({ node, list, index, written: item as Node, repeat: seen.has(node) });
      seen.add(node);
    });
  }
  return result;
}

/**
 * The items of a sequence, through aliases, each distinct node once: an item that names an earlier one again holds
 * nothing new to check (and checking it again would repeat the same findings on the same lines). With `readLists`
 * (the lists a pass has read), a list named again, such as one `ports: *p` shared by 2,000 containers, gives nothing.
 */
export function distinctItems(graph: DocumentGraph, seq: Node | undefined, readLists?: Set<Node>): Node[] {
  const target = graph.deref(seq);
  if (!target || !isSeq(target)) return [];
  if (readLists) {
    if (readLists.has(target)) return [];
    readLists.add(target);
  }
  const result: Node[] = [];
  const seen = new Set<Node>();
  for (const item of target.items) {
    const node = graph.deref(item as Node);
    if (!node || seen.has(node)) continue;
    seen.add(node);
    result.push(node);
  }
  return result;
}
