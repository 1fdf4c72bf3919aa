// One linear, iterative walk over a chunk's CST that collects what the lexical YAML rules need (memoised per chunk).
import type { CST } from 'yaml';
import type { ParsedChunk } from '../parser/parsedChunk';

/** Where a flow scalar sits. */
export type ScalarRole = 'key' | 'value' | 'item' | 'root' | 'flowKey' | 'flowValue' | 'flowItem';

export interface ScalarEntry {
  readonly token: CST.FlowScalar;
  readonly role: ScalarRole;
  readonly docIndex: number;
  /** Map values: offset of the `:` before the value. */
  readonly indicator?: number;
  /** Map values: the value starts on a later line than its `:`. */
  readonly onNewLine?: boolean;
  /** Keys: whether a `:` follows the key. */
  readonly hasIndicator?: boolean;
  /** Keys: the key's value is missing (`key:` with nothing after it). */
  readonly emptyValue?: boolean;
  /** A tag (`!!str`, `!x`) is attached, so the plain text does not decide the type. */
  readonly tagged?: boolean;
  /** Map values: the plain source of their key. */
  readonly key?: string;
  /** The key that owns the enclosing collection (`data` for the values of a ConfigMap's data; sequences pass theirs on). */
  readonly owner?: string;
}

export interface PropEntry {
  readonly offset: number;
  readonly source: string;
  readonly docIndex: number;
}

/** A block collection that starts on its own line below its parent key or `-` (an indentation decision). */
export interface NestedBlock {
  readonly token: CST.BlockMap | CST.BlockSequence;
  /** Offset of the parent key or `-` whose column the child is indented from; undefined at the root. */
  readonly parentOffset: number | undefined;
  readonly parentKind: 'key' | 'item' | 'root';
  readonly docIndex: number;
}

export interface YamlScan {
  readonly scalars: readonly ScalarEntry[];
  readonly anchors: readonly PropEntry[];
  readonly aliases: readonly PropEntry[];
  readonly comments: readonly CST.SourceToken[];
  /** Separation whitespace tokens that contain a tab. */
  readonly tabSpaces: readonly CST.SourceToken[];
  readonly mapIndicators: readonly CST.SourceToken[];
  readonly commas: readonly CST.SourceToken[];
  /** Sorted `[start, end)` ranges of block scalar bodies (their whitespace is content). */
  readonly blockBodies: ReadonlyArray<readonly [number, number]>;
  /** Sorted `[start, end)` ranges of quoted scalars. */
  readonly quoted: ReadonlyArray<readonly [number, number]>;
  readonly nestedBlocks: readonly NestedBlock[];
  readonly documents: readonly CST.Document[];
  readonly docStarts: readonly CST.SourceToken[];
  readonly docEnds: readonly CST.DocumentEnd[];
  /** Offsets of directive lines (`%YAML`, `%TAG`). */
  readonly directives: readonly CST.Directive[];
}

type Frame =
  | { readonly kind: 'node'; readonly token: CST.Token; readonly role: ScalarRole; readonly extra?: Partial<ScalarEntry>; readonly owner?: string }
  | { readonly kind: 'src'; readonly tokens: readonly CST.SourceToken[] };

const MEMO_KEY = 'yaml:scan';

/** The scan of a chunk, computed once and kept in the chunk's memo. */
export function scanChunk(chunk: ParsedChunk): YamlScan {
  const cached = chunk.memo.get(MEMO_KEY) as YamlScan | undefined;
  if (cached) return cached;
  const scan = buildScan(chunk.tokens);
  chunk.memo.set(MEMO_KEY, scan);
  return scan;
}

function hasNewline(tokens: readonly CST.SourceToken[] | undefined, from = 0): boolean {
  if (!tokens) return false;
  for (let i = from; i < tokens.length; i++) if (tokens[i]!.type === 'newline') return true;
  return false;
}

const SOURCE_TYPES = new Set(['byte-order-mark', 'doc-mode', 'doc-start', 'space', 'comment', 'newline', 'directive-line', 'anchor', 'tag', 'seq-item-ind', 'explicit-key-ind', 'map-value-ind', 'flow-map-start', 'flow-map-end', 'flow-seq-start', 'flow-seq-end', 'flow-error-end', 'comma', 'block-scalar-header']);

function isSourceToken(token: CST.Token): token is CST.SourceToken {
  return SOURCE_TYPES.has(token.type);
}

function hasTag(tokens: readonly CST.SourceToken[] | undefined): boolean {
  return tokens !== undefined && tokens.some((t) => t.type === 'tag');
}

function buildScan(tokens: readonly CST.Token[]): YamlScan {
  const scalars: ScalarEntry[] = [];
  const anchors: PropEntry[] = [];
  const aliases: PropEntry[] = [];
  const comments: CST.SourceToken[] = [];
  const tabSpaces: CST.SourceToken[] = [];
  const mapIndicators: CST.SourceToken[] = [];
  const commas: CST.SourceToken[] = [];
  const blockBodies: Array<readonly [number, number]> = [];
  const quoted: Array<readonly [number, number]> = [];
  const nestedBlocks: NestedBlock[] = [];
  const documents: CST.Document[] = [];
  const docStarts: CST.SourceToken[] = [];
  const docEnds: CST.DocumentEnd[] = [];
  const directives: CST.Directive[] = [];
  let docIndex = -1;

  const source = (list: readonly CST.Token[]): void => {
    for (const item of list) {
      if (!isSourceToken(item)) continue;
      const t = item;
      switch (t.type) {
        case 'comment':
          comments.push(t);
          break;
        case 'space':
          if (t.source.includes('\t')) tabSpaces.push(t);
          break;
        case 'anchor':
          anchors.push({ offset: t.offset, source: t.source, docIndex });
          break;
        case 'map-value-ind':
          mapIndicators.push(t);
          break;
        case 'comma':
          commas.push(t);
          break;
        case 'doc-start':
          docStarts.push(t);
          break;
        default:
          break;
      }
    }
  };

  // Explicit stack in reverse order of appearance so tokens are visited in source order.
  const stack: Frame[] = [];
  for (let i = tokens.length - 1; i >= 0; i--) stack.push({ kind: 'node', token: tokens[i]!, role: 'root' });
  const pushNested = (child: CST.Token | undefined, parentOffset: number | undefined, parentKind: NestedBlock['parentKind'], onNewLine: boolean): void => {
    if (child && (child.type === 'block-map' || child.type === 'block-seq') && (onNewLine || parentKind === 'root')) {
      nestedBlocks.push({ token: child, parentOffset, parentKind, docIndex });
    }
  };

  while (stack.length > 0) {
    const frame = stack.pop()!;
    if (frame.kind === 'src') {
      source(frame.tokens);
      continue;
    }
    const token = frame.token;
    switch (token.type) {
      case 'document': {
        docIndex += 1;
        documents.push(token);
        const later: Frame[] = [];
        later.push({ kind: 'src', tokens: token.start });
        if (token.value) {
          later.push({ kind: 'node', token: token.value, role: 'root' });
          pushNested(token.value, undefined, 'root', true);
        }
        if (token.end) later.push({ kind: 'src', tokens: token.end });
        for (let i = later.length - 1; i >= 0; i--) stack.push(later[i]!);
        break;
      }
      case 'doc-end':
        docEnds.push(token);
        if (token.end) source(token.end);
        break;
      case 'directive':
        directives.push(token);
        break;
      case 'comment':
      case 'space':
      case 'newline':
      case 'byte-order-mark':
      case 'doc-start':
      case 'anchor':
      case 'tag':
      case 'comma':
      case 'map-value-ind':
        source([token as CST.SourceToken]);
        break;
      case 'alias':
        aliases.push({ offset: token.offset, source: token.source, docIndex });
        if (token.end) source(token.end);
        break;
      case 'scalar':
      case 'single-quoted-scalar':
      case 'double-quoted-scalar':
        scalars.push({ token, role: frame.role, docIndex, ...(frame.extra ?? {}), ...(frame.owner !== undefined ? { owner: frame.owner } : {}) });
        if (token.type !== 'scalar') quoted.push([token.offset, token.offset + token.source.length]);
        if (token.end) source(token.end);
        break;
      case 'block-scalar': {
        source(token.props);
        let contentStart = token.offset;
        for (const p of token.props) contentStart = Math.max(contentStart, p.offset + ('source' in p ? p.source.length : 0));
        blockBodies.push([contentStart, contentStart + token.source.length]);
        break;
      }
      case 'block-map':
      case 'block-seq':
      case 'flow-collection': {
        const inFlow = token.type === 'flow-collection';
        const later: Frame[] = [];
        if (token.type === 'flow-collection') later.push({ kind: 'src', tokens: [token.start] });
        const isMap = token.type === 'block-map' || (token.type === 'flow-collection' && token.start.source === '{');
        for (const item of token.items as CST.CollectionItem[]) {
          later.push({ kind: 'src', tokens: item.start });
          const sepIndicator = item.sep?.findIndex((t) => t.type === 'map-value-ind') ?? -1;
          const hasIndicator = sepIndicator >= 0;
          const keyText = item.key && item.key.type === 'scalar' ? item.key.source : undefined;
          const owner = frame.owner;
          if (item.key) {
            const keyRole: ScalarRole = inFlow ? 'flowKey' : 'key';
            later.push({ kind: 'node', token: item.key, role: keyRole, extra: { hasIndicator, emptyValue: hasIndicator && !item.value, tagged: hasTag(item.start) }, ...(owner !== undefined ? { owner } : {}) });
          }
          if (item.sep) later.push({ kind: 'src', tokens: item.sep });
          if (item.value) {
            let role: ScalarRole;
            if (isMap || hasIndicator || item.key) role = inFlow ? 'flowValue' : 'value';
            else role = inFlow ? 'flowItem' : 'item';
            const indicator = hasIndicator ? item.sep![sepIndicator]!.offset : undefined;
            const newLine = hasIndicator ? hasNewline(item.sep, sepIndicator) : hasNewline(item.start) || hasNewline(item.sep);
            const isCollection = item.value.type === 'block-map' || item.value.type === 'block-seq' || item.value.type === 'flow-collection';
            const childOwner = isCollection ? (isMap ? keyText : owner) : owner;
            const tagged = hasTag(item.sep) || (!hasIndicator && hasTag(item.start));
            later.push({
              kind: 'node',
              token: item.value,
              role,
              extra: {
                tagged,
                ...(role === 'value' || role === 'flowValue' ? { ...(indicator !== undefined ? { indicator } : {}), onNewLine: newLine } : {}),
                ...(keyText !== undefined && (role === 'value' || role === 'flowValue') ? { key: keyText } : {}),
              },
              ...(childOwner !== undefined ? { owner: childOwner } : {}),
            });
            if (!inFlow) {
              if (token.type === 'block-map') {
                const keyOffset = item.key ? item.key.offset : item.start.find((t) => t.type === 'explicit-key-ind')?.offset;
                pushNested(item.value, keyOffset, 'key', newLine);
              } else {
                // An item without its `-` (parser recovery, e.g. a deeper line below `- name: x`) has no parent column.
                const dash = item.start.findIndex((t) => t.type === 'seq-item-ind');
                if (dash >= 0) pushNested(item.value, item.start[dash]!.offset, 'item', hasNewline(item.start, dash));
              }
            }
          }
        }
        if (token.type === 'flow-collection') later.push({ kind: 'src', tokens: token.end });
        for (let i = later.length - 1; i >= 0; i--) stack.push(later[i]!);
        break;
      }
      default:
        break;
    }
  }
  blockBodies.sort((a, b) => a[0] - b[0]);
  quoted.sort((a, b) => a[0] - b[0]);
  return {
    scalars,
    anchors,
    aliases,
    comments,
    tabSpaces,
    mapIndicators,
    commas,
    blockBodies,
    quoted,
    nestedBlocks,
    documents,
    docStarts,
    docEnds,
    directives,
  };
}

/** End offset of a CST token (exclusive), found by following last children iteratively. */
export function tokenEnd(token: CST.Token): number {
  let current: CST.Token = token;
  let best = token.offset;
  for (let guard = 0; guard < 100_000; guard++) {
    switch (current.type) {
      case 'block-map':
      case 'block-seq':
      case 'flow-collection': {
        if (current.type === 'flow-collection') {
          const last = current.end[current.end.length - 1];
          if (last) return Math.max(best, last.offset + last.source.length);
        }
        const item = (current.items as CST.CollectionItem[])[current.items.length - 1];
        if (!item) return best;
        const tail = item.value ?? item.key ?? undefined;
        const lists = [item.start, item.sep ?? []];
        for (const list of lists) {
          const last = list[list.length - 1];
          if (last) best = Math.max(best, last.offset + last.source.length);
        }
        if (!tail) return best;
        current = tail;
        break;
      }
      case 'block-scalar': {
        let contentStart = current.offset;
        for (const p of current.props) contentStart = Math.max(contentStart, p.offset + ('source' in p ? p.source.length : 0));
        return Math.max(best, contentStart + current.source.length);
      }
      case 'document':
      case 'doc-end':
      case 'alias':
      case 'scalar':
      case 'single-quoted-scalar':
      case 'double-quoted-scalar': {
        if (current.type === 'document') {
          if (current.value) {
            current = current.value;
            break;
          }
          return best;
        }
        const end = 'end' in current ? current.end : undefined;
        const last = end && end.length > 0 ? end[end.length - 1]! : undefined;
        const own = current.offset + current.source.length;
        return Math.max(best, own, last ? last.offset + last.source.length : own);
      }
      default:
        return Math.max(best, current.offset + ('source' in current ? current.source.length : 0));
    }
  }
  return best;
}

/**
 * Whether a chunk offset lies inside a real `#` comment (not in a quoted string or block text), judged by the
 * CST. Chunks the parser could not tokenise fall back to "a `#` at the start or after white space".
 */
export function isInsideComment(chunk: ParsedChunk, offset: number): boolean {
  if (chunk.tokens.length === 0) return offset === 0 || /\s/.test(chunk.text.charAt(offset - 1));
  const comments = scanChunk(chunk).comments;
  let low = 0;
  let high = comments.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const comment = comments[mid]!;
    if (offset < comment.offset) high = mid - 1;
    else if (offset >= comment.offset + comment.source.length) low = mid + 1;
    else return true;
  }
  return false;
}
