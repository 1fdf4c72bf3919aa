// Outline, breadcrumbs and Go to Symbol: one symbol per YAML document (`Kind/name`) with its keys nested below.
// Pure; bounded by depth and count; never follows aliases. Cached per chunk in chunk-relative lines.
import { type Document, type Node, type Scalar, type YAMLMap } from 'yaml';
import { isAlias, isMap, isScalar, isSeq } from '../yaml/yamlNodes';
import { isListType } from '../kubernetes/kubernetesList';
import { SymbolKind, type DocumentSymbol, type Position, type SymbolInformation } from 'vscode-languageserver-types';
import type { ParsedFile, PlacedChunk } from '../parser/parsedFile';
import { lineOfOffset } from '../parser/parsedChunk';
import { contentEnd } from '../yaml/yamlText';

/** Levels of keys below a document symbol. */
export const MAX_SYMBOL_DEPTH = 16;
/** Symbols kept per chunk (document symbol included). */
export const MAX_SYMBOLS_PER_CHUNK = 5000;
/** Symbols kept per file. */
export const MAX_SYMBOLS_PER_FILE = 20000;
const MAX_LABEL = 80;
const MAX_DETAIL = 60;

/** Marks a document's symbol in `ChunkOutline.parents`; numbered ones have neither kind nor name (`Document N`). */
const DOCUMENT = -1;
const NUMBERED_DOCUMENT = -2;

/**
 * A chunk's outline as flat arrays in preorder, kept in the chunk's memo while the chunk's trees are released. As
 * `DocumentSymbol` objects the outline of a 50,000-line file kept 22 MB; as arrays about 3 MB. Positions are made on
 * request, already shifted to file lines (the objects had to be copied then anyway).
 */
export interface ChunkOutline {
  /** Per symbol: its parent's index, or `DOCUMENT` / `NUMBERED_DOCUMENT` for a document's own symbol. */
  readonly parents: Int32Array;
  readonly kinds: Uint8Array;
  /** Per symbol, four chunk-relative offsets: range start and end, selection start and end. */
  readonly offsets: Int32Array;
  readonly names: readonly string[];
  readonly details: ReadonlyArray<string | undefined>;
}

const MEMO_KEY = 'symbols:outline';

const SPACE = /\s/;

function clip(text: string, max: number): string {
  if (!SPACE.test(text)) return text.length > max ? `${text.slice(0, max - 1)}…` : text;
  const single = text.replace(/\s+/g, ' ').trim();
  return single.length > max ? `${single.slice(0, max - 1)}…` : single;
}

function scalarText(node: unknown): string | undefined {
  if (!isScalar(node)) return undefined;
  const value = node.value;
  if (value === null || value === undefined) return undefined;
  return typeof value === 'string' ? value : String(value);
}

/**
 * `Kind/name` (or the one of them there is) and `apiVersion · ns: namespace` of a mapping that looks like a Kubernetes
 * object: a document's root, or an item of a `kind: List`.
 */
function resourceLabel(map: YAMLMap): { label: string; detail: string | undefined; selection: Node | undefined; isResource: boolean } | undefined {
  const kindNode = pairValue(map, 'kind');
  const metadata = pairValue(map, 'metadata');
  const nameNode = isMap(metadata) ? pairValue(metadata, 'name') : undefined;
  const generateName = isMap(metadata) ? scalarText(pairValue(metadata, 'generateName')) : undefined;
  const kind = scalarText(kindNode);
  const name = scalarText(nameNode) ?? (generateName !== undefined ? `${generateName}*` : undefined);
  if (kind === undefined && name === undefined) return undefined;
  const apiVersion = scalarText(pairValue(map, 'apiVersion'));
  const namespace = isMap(metadata) ? scalarText(pairValue(metadata, 'namespace')) : undefined;
  const parts = [apiVersion, namespace !== undefined ? `ns: ${namespace}` : undefined].filter((p): p is string => p !== undefined);
  return {
    label: clip(kind !== undefined && name !== undefined ? `${kind}/${name}` : (kind ?? name)!, MAX_LABEL),
    detail: parts.length > 0 ? clip(parts.join(' · '), MAX_DETAIL) : undefined,
    selection: (isScalar(nameNode) ? nameNode : isScalar(kindNode) ? kindNode : undefined) as Node | undefined,
    isResource: kind !== undefined,
  };
}

function pairValue(map: YAMLMap, key: string): unknown {
  for (const pair of map.items) {
    if (isScalar(pair.key) && pair.key.value === key) return pair.value;
  }
  return undefined;
}

function kindOf(node: unknown): SymbolKind {
  if (isMap(node)) return SymbolKind.Module;
  if (isSeq(node)) return SymbolKind.Array;
  if (isAlias(node)) return SymbolKind.Variable;
  if (isScalar(node)) {
    const value = node.value;
    if (value === null || value === undefined) return SymbolKind.Null;
    if (typeof value === 'number' || typeof value === 'bigint') return SymbolKind.Number;
    if (typeof value === 'boolean') return SymbolKind.Boolean;
    return SymbolKind.String;
  }
  return SymbolKind.Null;
}

function detailOf(node: unknown): string | undefined {
  if (isAlias(node)) return `*${node.source}`;
  if (isSeq(node)) return node.items.length === 1 ? '1 item' : `${node.items.length} items`;
  if (isMap(node)) return undefined;
  if (isScalar(node)) {
    const source = (node as Scalar & { source?: string }).source;
    const text = typeof source === 'string' && node.type === 'PLAIN' ? source : scalarText(node);
    if (text === undefined) return undefined;
    if (node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED') return clip(`${node.type === 'BLOCK_LITERAL' ? '|' : '>'} ${text}`, MAX_DETAIL);
    return clip(text, MAX_DETAIL) || undefined;
  }
  return undefined;
}

/** Computes the outline of one chunk. */
function chunkOutline(chunk: PlacedChunk): ChunkOutline {
  const parsed = chunk.parsed;
  const text = parsed.text;
  const textLength = text.length;
  const parents: number[] = [];
  const kinds: number[] = [];
  const offsets: number[] = [];
  const names: string[] = [];
  const details: Array<string | undefined> = [];
  const clamp = (offset: number): number => Math.max(0, Math.min(offset, textLength));
  /** Adds a symbol (before its children: preorder) and returns its index. */
  const add = (parent: number, name: string, detail: string | undefined, kind: SymbolKind, start: number, end: number, selStart: number, selEnd: number): number => {
    parents.push(parent);
    kinds.push(kind);
    // Ranges stop at the last character of content, not at the trailing white space.
    offsets.push(clamp(start), clamp(Math.max(start, contentEnd(text, start, end))), clamp(selStart), clamp(Math.max(selStart, contentEnd(text, selStart, selEnd))));
    names.push(name);
    details.push(detail);
    return names.length - 1;
  };
  const nodeStart = (node: unknown): number | undefined => (node as { range?: readonly number[] } | null)?.range?.[0];
  const nodeEnd = (node: unknown): number | undefined => (node as { range?: readonly number[] } | null)?.range?.[1];

  // `resources` says the node is the items of a `kind: List`: its mappings are labelled as objects (`Kind/name`).
  const children = (node: unknown, parent: number, depth: number, resources = false): void => {
    if (depth >= MAX_SYMBOL_DEPTH || names.length >= MAX_SYMBOLS_PER_CHUNK) return;
    if (isMap(node)) {
      for (const pair of node.items) {
        if (names.length >= MAX_SYMBOLS_PER_CHUNK) break;
        const keyStart = nodeStart(pair.key) ?? nodeStart(pair.value);
        if (keyStart === undefined) continue;
        const keyEnd = nodeEnd(pair.key) ?? keyStart;
        const end = Math.max(keyEnd, nodeEnd(pair.value) ?? keyEnd);
        const name = isAlias(pair.key) ? `*${pair.key.source}` : isScalar(pair.key) ? String(scalarText(pair.key) ?? '') : '?';
        const kind = isScalar(pair.key) && pair.key.value === '<<' ? SymbolKind.Variable : kindOf(pair.value);
        const index = add(parent, clip(name, MAX_LABEL) || '""', detailOf(pair.value), kind, keyStart, end, keyStart, keyEnd);
        if (isMap(pair.value) || isSeq(pair.value)) {
          // Only an `items` key asks whether its mapping is a List (two more reads of that mapping's keys).
          const listItems = name === 'items' && isListType(scalarText(pairValue(node, 'apiVersion')), scalarText(pairValue(node, 'kind')));
          children(pair.value, index, depth + 1, listItems);
        }
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, itemIndex) => {
        if (names.length >= MAX_SYMBOLS_PER_CHUNK) return;
        const start = nodeStart(item);
        if (start === undefined) return;
        const end = nodeEnd(item) ?? start;
        const resource = resources && isMap(item) ? resourceLabel(item) : undefined;
        if (resource) {
          const selectionStart = nodeStart(resource.selection) ?? start;
          const kind = resource.isResource ? SymbolKind.Class : kindOf(item);
          const index = add(parent, resource.label, resource.detail ?? `[${itemIndex}]`, kind, start, end, selectionStart, nodeEnd(resource.selection) ?? start + 1);
          children(item, index, depth + 1);
          return;
        }
        const nameNode = isMap(item) ? pairValue(item, 'name') : undefined;
        const itemName = scalarText(nameNode);
        const detail = itemName !== undefined ? `[${itemIndex}]` : detailOf(item);
        const named = itemName !== undefined ? clip(itemName, MAX_LABEL) : '';
        const nameStart = isScalar(nameNode) ? nodeStart(nameNode) : undefined;
        const [selStart, selEnd] =
          nameStart !== undefined ? [nameStart, nodeEnd(nameNode) ?? nameStart] : [start, isMap(item) || isSeq(item) ? start + 1 : end];
        const index = add(parent, named || `[${itemIndex}]`, detail, kindOf(item), start, end, selStart, selEnd);
        if (isMap(item) || isSeq(item)) children(item, index, depth + 1);
      });
    }
  };

  for (const document of parsed.documents as readonly Document.Parsed[]) {
    if (names.length >= MAX_SYMBOLS_PER_CHUNK) break;
    const contents = document.contents as Node | null;
    const docStart = document.range[0];
    const contentStart = nodeStart(contents);
    const contentEnd = nodeEnd(contents);
    if (contents === null || contentStart === undefined || contentEnd === undefined) continue;
    if (isScalar(contents) && contents.value === null && !contents.anchor) continue;
    // The document symbol starts at its `---` marker when it has one (inside this chunk), else at its content.
    const start = text.startsWith('---', docStart) ? docStart : contentStart;
    let label: string | undefined;
    let detail: string | undefined;
    let selection: Node | undefined;
    let isResource = false;
    if (isMap(contents)) {
      const resource = resourceLabel(contents);
      if (resource) {
        ({ label, detail, selection } = resource);
        isResource = resource.isResource;
      } else {
        const firstKey = contents.items[0]?.key;
        const first = isScalar(firstKey) ? scalarText(firstKey) : undefined;
        if (first !== undefined) detail = clip(first, MAX_DETAIL);
      }
    } else {
      detail = detailOf(contents);
    }
    const selectionStart = nodeStart(selection) ?? contentStart;
    const selectionEnd = nodeEnd(selection) ?? Math.min(contentEnd, selectionStart + 1);
    const kind = isResource ? SymbolKind.Class : SymbolKind.File;
    const index = add(label === undefined ? NUMBERED_DOCUMENT : DOCUMENT, label ?? '', detail, kind, start, contentEnd, selectionStart, selectionEnd);
    children(contents, index, 0);
  }
  return {
    parents: Int32Array.from(parents),
    kinds: Uint8Array.from(kinds),
    offsets: Int32Array.from(offsets),
    names,
    details,
  };
}

/** A chunk's outline, cached in its memo as plain data (kept when the chunk releases its trees). */
export function cachedChunkOutline(chunk: PlacedChunk): ChunkOutline {
  const cached = chunk.parsed.memo.get(MEMO_KEY) as ChunkOutline | undefined;
  if (cached) return cached;
  const computed = chunkOutline(chunk);
  chunk.parsed.memo.set(MEMO_KEY, computed);
  return computed;
}

/** The document symbols of a file: one per YAML document, numbered `Document N` when it has no kind or name. */
export function documentSymbols(file: ParsedFile): DocumentSymbol[] {
  const result: DocumentSymbol[] = [];
  let left = MAX_SYMBOLS_PER_FILE;
  let documentNumber = 0;
  for (const chunk of file.chunks) {
    const outline = cachedChunkOutline(chunk);
    const starts = chunk.parsed.lineStarts;
    const shift = chunk.slice.startLine;
    const position = (offset: number): Position => {
      const line = lineOfOffset(starts, offset);
      return { line: line + shift, character: offset - starts[line]! };
    };
    const { parents, kinds, offsets, names, details } = outline;
    // Symbols in preorder: made one after the other, each attached to its parent's `children`.
    const made: DocumentSymbol[] = new Array<DocumentSymbol>(names.length);
    for (let i = 0; i < names.length; i++) {
      const parent = parents[i]!;
      const isDocument = parent < 0;
      if (isDocument) documentNumber++;
      if (left <= 0) return result;
      left--;
      const o = i * 4;
      const detail = details[i];
      const symbol: DocumentSymbol = {
        name: parent === NUMBERED_DOCUMENT ? `Document ${documentNumber}` : names[i]!,
        ...(detail !== undefined ? { detail } : {}),
        kind: kinds[i] as SymbolKind,
        range: { start: position(offsets[o]!), end: position(offsets[o + 1]!) },
        selectionRange: { start: position(offsets[o + 2]!), end: position(offsets[o + 3]!) },
      };
      made[i] = symbol;
      if (isDocument) {
        result.push(symbol);
      } else {
        const owner = made[parent]!;
        (owner.children ??= []).push(symbol);
      }
    }
  }
  return result;
}

/** For clients without hierarchical document symbol support: the same symbols, flat, with their container names. */
export function flattenSymbols(symbols: readonly DocumentSymbol[], uri: string): SymbolInformation[] {
  const result: SymbolInformation[] = [];
  const stack: Array<{ symbol: DocumentSymbol; container: string | undefined }> = [];
  for (let i = symbols.length - 1; i >= 0; i--) stack.push({ symbol: symbols[i]!, container: undefined });
  while (stack.length > 0) {
    const { symbol, container } = stack.pop()!;
    result.push({ name: symbol.name, kind: symbol.kind, location: { uri, range: symbol.range }, ...(container !== undefined ? { containerName: container } : {}) });
    const children = symbol.children ?? [];
    for (let i = children.length - 1; i >= 0; i--) stack.push({ symbol: children[i]!, container: symbol.name });
  }
  return result;
}
