// Follows aliases and `<<` merge keys in one YAML document with an anchor index, a work budget and cycle checks.
import type { Alias, Document, Node, Pair, YAMLMap } from 'yaml';
import { isAlias, isMap, isPair, isScalar, isSeq } from '../yaml/yamlNodes';
import { keyText } from '../parser/yamlLocation';

/** A key/value of a mapping after merge keys are applied. */
export interface EffectivePair {
  readonly key: string;
  readonly pair: Pair;
  readonly keyNode: Node | null;
  readonly value: Node | null;
  /** Set when the pair was merged in through `<<`: the node to report findings on. */
  readonly mergedAt?: Node;
}

const MAX_ALIAS_HOPS = 32;
const MAX_MERGE_DEPTH = 16;

/** Whether a pair's key is the YAML merge key `<<` (composed as a symbol when merge keys are on). */
export function isMergeKey(pair: Pair): boolean {
  const key = pair.key;
  if (!isScalar(key) || key.type !== 'PLAIN') return false;
  const value = key.value;
  return value === '<<' || (typeof value === 'symbol' && value.description === '<<');
}

/** Alias and merge-key resolution for one document; every method is bounded. */
export class DocumentGraph {
  /** The work budget a document starts with. */
  static readonly BUDGET = 50_000;
  readonly document: Document.Parsed;
  private anchors?: Map<string, Array<{ offset: number; node: Node }>>;
  /** Remaining node visits allowed for alias and merge expansion in this document. */
  private budget: number;
  private exhaustionSaid = false;
  /** Effective pairs per mapping, computed once (rules look the same maps up repeatedly); a Map: it lives as long as the document. */
  private readonly pairCache = new Map<YAMLMap, { list: EffectivePair[]; byKey?: Map<string, EffectivePair> }>();

  constructor(document: Document.Parsed, budget = DocumentGraph.BUDGET) {
    this.document = document;
    this.budget = budget;
  }

  /** Where the budget ran out, when the spender said (merge-key expansion does). */
  stoppedAt: Node | undefined;

  /** Spends work units; false once the budget is exhausted (callers then stop expanding). */
  spend(units = 1, at?: Node): boolean {
    this.budget -= units;
    if (this.budget >= 0) return true;
    this.stoppedAt ??= at;
    return false;
  }

  /** True once per document, when asked after its budget ran out: the first to ask says so (see reportAliasWork). */
  sayExhausted(): boolean {
    if (this.budget >= 0 || this.exhaustionSaid) return false;
    this.exhaustionSaid = true;
    return true;
  }

  private buildAnchors(): Map<string, Array<{ offset: number; node: Node }>> {
    const anchors = new Map<string, Array<{ offset: number; node: Node }>>();
    const stack: unknown[] = [this.document.contents];
    while (stack.length > 0) {
      const item = stack.pop();
      if (isPair(item)) {
        stack.push(item.key, item.value);
        continue;
      }
      if (!item || typeof item !== 'object' || isAlias(item)) continue;
      const node = item as Node;
      if ((isScalar(node) || isMap(node) || isSeq(node)) && node.anchor) {
        const list = anchors.get(node.anchor) ?? [];
        list.push({ offset: node.range?.[0] ?? 0, node });
        anchors.set(node.anchor, list);
      }
      if (isMap(node) || isSeq(node)) for (const child of node.items) stack.push(child);
    }
    for (const list of anchors.values()) list.sort((a, b) => a.offset - b.offset);
    return anchors;
  }

  /** The node an alias points at (the latest anchor of that name defined before the alias). */
  resolveAlias(alias: Alias): Node | undefined {
    if (!this.anchors) this.anchors = this.buildAnchors();
    const list = this.anchors.get(alias.source);
    if (!list) return undefined;
    const at = alias.range?.[0] ?? Number.MAX_SAFE_INTEGER;
    let found: Node | undefined;
    for (const entry of list) if (entry.offset < at) found = entry.node;
    return found;
  }

  /** Follows alias chains to a real node (undefined for unresolved or cyclic chains). */
  deref(node: Node | null | undefined): Node | undefined {
    let current: Node | null | undefined = node;
    for (let hops = 0; hops < MAX_ALIAS_HOPS; hops++) {
      if (!current) return undefined;
      if (!isAlias(current)) return current;
      current = this.resolveAlias(current);
    }
    return undefined;
  }

  /**
   * The pairs of a mapping with `<<` merge keys applied (explicit keys win, earlier merge sources win).
   * Complex keys are skipped.
   */
  pairsOf(map: YAMLMap): readonly EffectivePair[] {
    let cached = this.pairCache.get(map);
    if (!cached) {
      cached = { list: this.computePairs(map) };
      this.pairCache.set(map, cached);
    }
    return cached.list;
  }

  /**
   * `pairsOf` for a walk that visits every mapping once (schema validation): the cached list when there is one;
   * otherwise a mapping without merge keys is read without being cached (rules later look up only a few mappings).
   * Mappings with `<<` go through `pairsOf`, so the merge budget is spent once, exactly as before.
   */
  pairsForWalk(map: YAMLMap): readonly EffectivePair[] {
    const cached = this.pairCache.get(map);
    if (cached) return cached.list;
    return this.plainPairs(map) ?? this.pairsOf(map);
  }

  /** The effective pair of a mapping with a key (indexed on first use). */
  pairByKey(map: YAMLMap, key: string): EffectivePair | undefined {
    this.pairsOf(map);
    const cached = this.pairCache.get(map)!;
    if (cached.list.length <= 8) {
      for (const pair of cached.list) if (pair.key === key) return pair;
      return undefined;
    }
    if (!cached.byKey) {
      cached.byKey = new Map();
      for (const pair of cached.list) if (!cached.byKey.has(pair.key)) cached.byKey.set(pair.key, pair);
    }
    return cached.byKey.get(key);
  }

  /** The pairs of a mapping without merge keys (what `computePairs` returns for it), or undefined when it has one. */
  private plainPairs(map: YAMLMap): EffectivePair[] | undefined {
    const own: EffectivePair[] = [];
    for (const pair of map.items) {
      if (!isPair(pair)) continue;
      if (isMergeKey(pair) && this.isMergeValue(pair.value as Node | null)) return undefined;
      const key = keyText(pair);
      if (key === undefined) continue;
      own.push({ key, pair, keyNode: pair.key as Node | null, value: pair.value as Node | null });
    }
    return own;
  }

  private computePairs(map: YAMLMap): EffectivePair[] {
    const own: EffectivePair[] = [];
    const merges: Array<{ pair: Pair; source: Node }> = [];
    for (const pair of map.items) {
      if (!isPair(pair)) continue;
      if (isMergeKey(pair) && this.isMergeValue(pair.value as Node | null)) {
        merges.push({ pair, source: pair.value as Node });
        continue;
      }
      const key = keyText(pair);
      if (key === undefined) continue;
      own.push({ key, pair, keyNode: pair.key as Node | null, value: pair.value as Node | null });
    }
    if (merges.length === 0) return own;
    const seen = new Set(own.map((p) => p.key));
    const result = [...own];
    for (const merge of merges) {
      const reportAt = merge.pair.key as Node;
      for (const merged of this.mergedPairs(merge.source, 0, new Set())) {
        if (seen.has(merged.key)) continue;
        seen.add(merged.key);
        result.push({ ...merged, mergedAt: merged.mergedAt ?? reportAt });
      }
    }
    return result;
  }

  private isMergeValue(value: Node | null): boolean {
    if (!value) return false;
    if (isAlias(value) || isMap(value)) return true;
    return isSeq(value) && value.items.every((item) => isAlias(item) || isMap(item));
  }

  private mergedPairs(source: Node, depth: number, active: Set<Node>): EffectivePair[] {
    if (depth > MAX_MERGE_DEPTH || !this.spend(1, source)) return [];
    const sources: Node[] = isSeq(source) ? (source.items as Node[]) : [source];
    const result: EffectivePair[] = [];
    const seen = new Set<string>();
    for (const item of sources) {
      const target = this.deref(item);
      if (!target || !isMap(target) || active.has(target)) continue;
      if (!this.spend(target.items.length)) break;
      active.add(target);
      for (const pair of this.pairsOfNested(target, depth, active)) {
        if (seen.has(pair.key)) continue;
        seen.add(pair.key);
        result.push(pair);
      }
      active.delete(target);
    }
    return result;
  }

  private pairsOfNested(map: YAMLMap, depth: number, active: Set<Node>): EffectivePair[] {
    const own: EffectivePair[] = [];
    const nested: EffectivePair[] = [];
    for (const pair of map.items) {
      if (!isPair(pair)) continue;
      if (isMergeKey(pair) && this.isMergeValue(pair.value as Node | null)) {
        nested.push(...this.mergedPairs(pair.value as Node, depth + 1, active));
        continue;
      }
      const key = keyText(pair);
      if (key === undefined) continue;
      own.push({ key, pair, keyNode: pair.key as Node | null, value: pair.value as Node | null });
    }
    const seen = new Set(own.map((p) => p.key));
    return [...own, ...nested.filter((p) => !seen.has(p.key))];
  }
}

/** Start/end offsets of a node (0,0 when it has no range). */
export function rangeOf(node: Node | null | undefined): [number, number] {
  const range = node?.range;
  return range ? [range[0], range[1]] : [0, 0];
}
