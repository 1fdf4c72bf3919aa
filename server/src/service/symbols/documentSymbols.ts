// Outline, breadcrumbs and Go to Symbol: one symbol per YAML document (`Kind/name`) with its keys nested below.
// Pure; bounded by depth and count; never follows aliases. Cached per chunk in chunk-relative lines.
import { isAlias, isMap, isPair, isScalar, isSeq, type Document, type Node, type Scalar, type YAMLMap } from 'yaml';
import { SymbolKind, type DocumentSymbol, type Position, type Range, type SymbolInformation } from 'vscode-languageserver-types';
import type { ParsedFile, PlacedChunk } from '../parser/parsedFile';
import { lineOfOffset } from '../parser/parsedChunk';

/** Levels of keys below a document symbol. */
export const MAX_SYMBOL_DEPTH = 16;
/** Symbols kept per chunk (document symbol included). */
export const MAX_SYMBOLS_PER_CHUNK = 5000;
/** Symbols kept per file. */
export const MAX_SYMBOLS_PER_FILE = 20000;
const MAX_LABEL = 80;
const MAX_DETAIL = 60;

/** A document's symbol before it is placed: no label when it has neither kind nor name (numbered per file). */
interface ChunkDocumentSymbol {
  readonly label: string | undefined;
  readonly symbol: DocumentSymbol;
}

interface ChunkSymbols {
  readonly documents: readonly ChunkDocumentSymbol[];
  readonly count: number;
}

const MEMO_KEY = 'symbols:outline';

function clip(text: string, max: number): string {
  const single = text.replace(/\s+/g, ' ').trim();
  return single.length > max ? `${single.slice(0, max - 1)}…` : single;
}

function scalarText(node: unknown): string | undefined {
  if (!isScalar(node)) return undefined;
  const value = node.value;
  if (value === null || value === undefined) return undefined;
  return typeof value === 'string' ? value : String(value);
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

/** Computes the symbols of one chunk (positions relative to the chunk's first line). */
function chunkSymbols(chunk: PlacedChunk): ChunkSymbols {
  const parsed = chunk.parsed;
  const starts = parsed.lineStarts;
  const textLength = parsed.text.length;
  const position = (offset: number): Position => {
    const clamped = Math.max(0, Math.min(offset, textLength));
    const line = lineOfOffset(starts, clamped);
    return { line, character: clamped - starts[line]! };
  };
  /** End offset moved back over trailing whitespace, so ranges stop at the last character of content. */
  const trimEnd = (start: number, end: number): number => {
    let e = Math.min(end, textLength);
    while (e > start && /\s/.test(parsed.text[e - 1]!)) e--;
    return e;
  };
  const rangeOf = (start: number, end: number): Range => ({ start: position(start), end: position(Math.max(start, trimEnd(start, end))) });
  const nodeStart = (node: unknown): number | undefined => (node as { range?: readonly number[] } | null)?.range?.[0];
  const nodeEnd = (node: unknown): number | undefined => (node as { range?: readonly number[] } | null)?.range?.[1];
  let count = 0;

  const children = (node: unknown, depth: number): DocumentSymbol[] | undefined => {
    if (depth >= MAX_SYMBOL_DEPTH || count >= MAX_SYMBOLS_PER_CHUNK) return undefined;
    const result: DocumentSymbol[] = [];
    if (isMap(node)) {
      for (const pair of node.items) {
        if (count >= MAX_SYMBOLS_PER_CHUNK) break;
        const keyStart = nodeStart(pair.key) ?? nodeStart(pair.value);
        if (keyStart === undefined) continue;
        const keyEnd = nodeEnd(pair.key) ?? keyStart;
        const end = Math.max(keyEnd, nodeEnd(pair.value) ?? keyEnd);
        const name = isAlias(pair.key) ? `*${pair.key.source}` : isScalar(pair.key) ? String(scalarText(pair.key) ?? '') : '?';
        count++;
        const kids = isMap(pair.value) || isSeq(pair.value) ? children(pair.value, depth + 1) : undefined;
        const detail = detailOf(pair.value);
        result.push({
          name: clip(name, MAX_LABEL) || '""',
          ...(detail !== undefined ? { detail } : {}),
          kind: isScalar(pair.key) && pair.key.value === '<<' ? SymbolKind.Variable : kindOf(pair.value),
          range: rangeOf(keyStart, end),
          selectionRange: rangeOf(keyStart, keyEnd),
          ...(kids && kids.length > 0 ? { children: kids } : {}),
        });
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, index) => {
        if (count >= MAX_SYMBOLS_PER_CHUNK) return;
        const start = nodeStart(item);
        if (start === undefined) return;
        const end = nodeEnd(item) ?? start;
        const nameNode = isMap(item) ? pairValue(item, 'name') : undefined;
        const itemName = scalarText(nameNode);
        count++;
        const kids = isMap(item) || isSeq(item) ? children(item, depth + 1) : undefined;
        const detail = itemName !== undefined ? `[${index}]` : detailOf(item);
        const named = itemName !== undefined ? clip(itemName, MAX_LABEL) : '';
        result.push({
          name: named || `[${index}]`,
          ...(detail !== undefined ? { detail } : {}),
          kind: kindOf(item),
          range: rangeOf(start, end),
          selectionRange: isScalar(nameNode) && nodeStart(nameNode) !== undefined
            ? rangeOf(nodeStart(nameNode)!, nodeEnd(nameNode) ?? nodeStart(nameNode)!)
            : rangeOf(start, isMap(item) || isSeq(item) ? start + 1 : end),
          ...(kids && kids.length > 0 ? { children: kids } : {}),
        });
      });
    } else if (isPair(node)) {
      return undefined;
    }
    return result;
  };

  const documents: ChunkDocumentSymbol[] = [];
  for (const document of parsed.documents as readonly Document.Parsed[]) {
    if (count >= MAX_SYMBOLS_PER_CHUNK) break;
    const contents = document.contents as Node | null;
    const docStart = document.range[0];
    const contentStart = nodeStart(contents);
    const contentEnd = nodeEnd(contents);
    if (contents === null || contentStart === undefined || contentEnd === undefined) continue;
    if (isScalar(contents) && contents.value === null && !contents.anchor) continue;
    // The document symbol starts at its `---` marker when it has one (inside this chunk), else at its content.
    const start = parsed.text.startsWith('---', docStart) ? docStart : contentStart;
    let label: string | undefined;
    let detail: string | undefined;
    let selection: Node | undefined;
    let isResource = false;
    if (isMap(contents)) {
      const kindNode = pairValue(contents, 'kind');
      const metadata = pairValue(contents, 'metadata');
      const nameNode = isMap(metadata) ? pairValue(metadata, 'name') : undefined;
      const generateName = isMap(metadata) ? scalarText(pairValue(metadata, 'generateName')) : undefined;
      const kind = scalarText(kindNode);
      const name = scalarText(nameNode) ?? (generateName !== undefined ? `${generateName}*` : undefined);
      const apiVersion = scalarText(pairValue(contents, 'apiVersion'));
      const namespace = isMap(metadata) ? scalarText(pairValue(metadata, 'namespace')) : undefined;
      if (kind !== undefined || name !== undefined) {
        label = clip(kind !== undefined && name !== undefined ? `${kind}/${name}` : (kind ?? name)!, MAX_LABEL);
        isResource = kind !== undefined;
        const parts = [apiVersion, namespace !== undefined ? `ns: ${namespace}` : undefined].filter((p): p is string => p !== undefined);
        if (parts.length > 0) detail = clip(parts.join(' · '), MAX_DETAIL);
        selection = (isScalar(nameNode) ? nameNode : isScalar(kindNode) ? kindNode : undefined) as Node | undefined;
      } else {
        const firstKey = contents.items[0]?.key;
        const first = isScalar(firstKey) ? scalarText(firstKey) : undefined;
        if (first !== undefined) detail = clip(first, MAX_DETAIL);
      }
    } else if (isSeq(contents)) {
      detail = detailOf(contents);
    } else {
      detail = detailOf(contents);
    }
    count++;
    const kids = children(contents, 0);
    const selectionStart = nodeStart(selection) ?? contentStart;
    const selectionEnd = nodeEnd(selection) ?? Math.min(contentEnd, selectionStart + 1);
    documents.push({
      label,
      symbol: {
        name: label ?? '',
        ...(detail !== undefined ? { detail } : {}),
        kind: isResource ? SymbolKind.Class : SymbolKind.File,
        range: rangeOf(start, contentEnd),
        selectionRange: rangeOf(selectionStart, selectionEnd),
        ...(kids && kids.length > 0 ? { children: kids } : {}),
      },
    });
  }
  return { documents, count };
}

function cachedChunkSymbols(chunk: PlacedChunk): ChunkSymbols {
  const cached = chunk.parsed.memo.get(MEMO_KEY) as ChunkSymbols | undefined;
  if (cached) return cached;
  const computed = chunkSymbols(chunk);
  chunk.parsed.memo.set(MEMO_KEY, computed);
  return computed;
}

/** Copies a chunk-relative symbol tree into file lines, within the remaining budget. */
function placeSymbol(symbol: DocumentSymbol, lineShift: number, budget: { left: number }): DocumentSymbol {
  budget.left--;
  const shift = (range: Range): Range => ({
    start: { line: range.start.line + lineShift, character: range.start.character },
    end: { line: range.end.line + lineShift, character: range.end.character },
  });
  const children: DocumentSymbol[] = [];
  for (const child of symbol.children ?? []) {
    if (budget.left <= 0) break;
    children.push(placeSymbol(child, lineShift, budget));
  }
  return {
    name: symbol.name,
    ...(symbol.detail !== undefined ? { detail: symbol.detail } : {}),
    kind: symbol.kind,
    range: shift(symbol.range),
    selectionRange: shift(symbol.selectionRange),
    ...(children.length > 0 ? { children } : {}),
  };
}

/** The document symbols of a file: one per YAML document, numbered `Document N` when it has no kind or name. */
export function documentSymbols(file: ParsedFile): DocumentSymbol[] {
  const result: DocumentSymbol[] = [];
  const budget = { left: MAX_SYMBOLS_PER_FILE };
  let documentNumber = 0;
  for (const chunk of file.chunks) {
    for (const document of cachedChunkSymbols(chunk).documents) {
      documentNumber++;
      if (budget.left <= 0) return result;
      const placed = placeSymbol(document.symbol, chunk.slice.startLine, budget);
      result.push(document.label === undefined ? { ...placed, name: `Document ${documentNumber}` } : placed);
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
