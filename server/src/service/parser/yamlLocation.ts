// Finds what sits at an offset in a parsed chunk: the node path, the key path, and whether it is a key.
import type { Document, Node, Pair } from 'yaml';
import { isAlias, isMap, isPair, isScalar, isSeq } from '../yaml/yamlNodes';
import type { ParsedChunk } from './parsedChunk';

export interface PathStep {
  /** The collection or scalar node at this step. */
  readonly node: Node;
  /** How it was reached from its parent: a map key, a sequence index, or null for the root. */
  readonly key: string | number | null;
}

export interface YamlLocation {
  readonly document: Document.Parsed;
  /** Nodes from the root down to the innermost node containing the offset. */
  readonly steps: readonly PathStep[];
  /** Keys from the root, e.g. ['spec', 'containers', 0, 'image']. */
  readonly keyPath: ReadonlyArray<string | number>;
  /** Set when the offset is on a mapping key (the key's pair). */
  readonly keyPair?: Pair;
  /** The pair whose value contains the offset (when the innermost node is a map value). */
  readonly valuePair?: Pair;
  /** The innermost node (key scalar when on a key). */
  readonly node?: Node;
}

function contains(node: { range?: [number, number, number] | null } | null | undefined, offset: number): boolean {
  const range = node?.range;
  return range !== undefined && range !== null && range[0] <= offset && offset <= range[1];
}

/** Scalar text of a key, or undefined for complex keys. */
export function keyText(pair: Pair): string | undefined {
  const key = pair.key;
  if (isScalar(key)) {
    const value = key.value;
    // Most keys hold a string: answered without String().
    return typeof value === 'string' ? value : value === null ? '' : String(value);
  }
  if (typeof key === 'string' || typeof key === 'number') return String(key);
  return undefined;
}

/** The document of a chunk that contains the offset (a chunk can hold more than one after `...`). */
export function documentAt(chunk: ParsedChunk, offset: number): Document.Parsed | undefined {
  let found: Document.Parsed | undefined;
  for (const doc of chunk.documents) {
    if (doc.range[0] <= offset) found = doc;
  }
  return found ?? chunk.documents[0];
}

/** Walks down from the document root; iterative, depth bounded by the parser's nesting guard. */
export function locate(chunk: ParsedChunk, offset: number): YamlLocation | undefined {
  const document = documentAt(chunk, offset);
  if (!document) return undefined;
  const steps: PathStep[] = [];
  const keyPath: Array<string | number> = [];
  let current: Node | null = document.contents;
  let keyPair: Pair | undefined;
  let valuePair: Pair | undefined;
  let node: Node | undefined;
  let reached: string | number | null = null;
  while (current && contains(current, offset)) {
    steps.push({ node: current, key: reached });
    node = current;
    if (isMap(current)) {
      let next: Node | null = null;
      for (const pair of current.items) {
        if (isPair(pair) && contains(pair.key as Node | null, offset)) {
          keyPair = pair;
          node = pair.key as Node;
          const text = keyText(pair);
          if (text !== undefined) keyPath.push(text);
          break;
        }
        if (isPair(pair) && contains(pair.value as Node | null, offset)) {
          const text = keyText(pair);
          reached = text ?? null;
          if (text !== undefined) keyPath.push(text);
          valuePair = pair;
          next = pair.value as Node;
          break;
        }
      }
      if (keyPair || !next) break;
      current = next;
    } else if (isSeq(current)) {
      const index = current.items.findIndex((item) => contains(item as Node, offset));
      if (index === -1) break;
      const next = current.items[index] as Node;
      reached = index;
      keyPath.push(index);
      valuePair = undefined;
      current = next;
    } else {
      if (isAlias(current)) break;
      break;
    }
  }
  if (steps.length === 0) return { document, steps, keyPath };
  return { document, steps, keyPath, ...(keyPair ? { keyPair } : {}), ...(valuePair ? { valuePair } : {}), ...(node ? { node } : {}) };
}
