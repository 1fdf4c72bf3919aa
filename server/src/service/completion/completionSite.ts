// Works out from the text alone (documents being typed rarely parse) which key path the cursor completes, key or value.
import { endOfLine, lineOfOffset } from '../parser/parsedChunk';

export interface CompletionSite {
  /** Completing a key of a mapping, or the value of a key. */
  readonly kind: 'key' | 'value';
  /** Key path of the mapping (key site) or of the key whose value is completed (value site); list items are 0. */
  readonly path: ReadonlyArray<string | number>;
  /** What is already typed of the word, and its chunk-relative range. */
  readonly prefix: string;
  readonly replaceStart: number;
  readonly replaceEnd: number;
  /** Keys already present in the same mapping (key sites). */
  readonly presentKeys: ReadonlySet<string>;
  /** The cursor line starts a new list item (`- `). */
  readonly newListItem: boolean;
}

interface LineInfo {
  readonly blank: boolean;
  readonly docMarker: boolean;
  /** Columns of the `- ` indicators at the start of the line. */
  readonly dashCols: readonly number[];
  /** Column where the content after indentation and dashes starts. */
  readonly keyCol: number;
  readonly key?: string;
  /** The key has a value on the same line (other than a comment). */
  readonly hasValue: boolean;
}

const KEY_LINE = /^("(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^\s#'"{[\]|>&*!%@`-][^:#]*?|-[^\s:#][^:#]*?)\s*:(?:\s+(.*?))?\s*$/;
const MAX_LINES_UP = 5000;

function unquote(key: string): string {
  if (key.startsWith('"')) {
    try {
      return JSON.parse(key) as string;
    } catch {
      return key.slice(1, -1);
    }
  }
  if (key.startsWith("'")) return key.slice(1, -1).replace(/''/g, "'");
  return key;
}

export function parseLine(line: string): LineInfo {
  let col = 0;
  while (col < line.length && (line[col] === ' ' || line[col] === '\t')) col++;
  const rest = line.slice(col);
  if (rest === '' || rest.startsWith('#')) return { blank: true, docMarker: false, dashCols: [], keyCol: col, hasValue: false };
  if (/^(?:---|\.\.\.)(?:\s|$)/.test(rest) && col === 0) return { blank: false, docMarker: true, dashCols: [], keyCol: 0, hasValue: false };
  const dashCols: number[] = [];
  while (line[col] === '-' && (col + 1 === line.length || line[col + 1] === ' ' || line[col + 1] === '\t')) {
    dashCols.push(col);
    col++;
    while (col < line.length && (line[col] === ' ' || line[col] === '\t')) col++;
  }
  const content = line.slice(col);
  const match = KEY_LINE.exec(content);
  if (!match) return { blank: content === '', docMarker: false, dashCols, keyCol: col, hasValue: content !== '' };
  const value = match[2] ?? '';
  return { blank: false, docMarker: false, dashCols, keyCol: col, key: unquote(match[1]!.trim()), hasValue: value !== '' && !value.startsWith('#') };
}

/**
 * The key path owning column `target` at line `lineIndex` (exclusive), walking up: deeper lines are skipped,
 * same-column keys are siblings, a `- ` line at the column opens a list item, a shallower `key:` is the owner.
 * `moreAbove`: the chunk has lines above `lines` that the walk may not read, so an unfinished walk proves nothing.
 */
function ownerPath(
  lines: readonly string[],
  lineIndex: number,
  target: number,
  startsItem: readonly number[],
  moreAbove: boolean,
): Array<string | number> | undefined {
  const path: Array<string | number> = [];
  let col = target;
  let inItem = false;
  const enterItems = (dashCols: readonly number[]): void => {
    for (let i = dashCols.length - 1; i >= 0; i--) {
      path.unshift(0);
      col = dashCols[i]!;
    }
    inItem = dashCols.length > 0;
  };
  enterItems(startsItem);
  // `lines` holds at most MAX_LINES_UP lines above the cursor (see completionSite), so the walk may go to the top.
  for (let l = lineIndex - 1; l >= 0; l--) {
    const info = parseLine(lines[l]!);
    if (info.docMarker) return path;
    if (info.blank) continue;
    if (info.keyCol > col) continue;
    if (info.keyCol === col) {
      if (info.dashCols.length > 0) {
        enterItems(info.dashCols);
        continue;
      }
      // An indentless list (`key:` then `- item` at the same column) is owned by the key at the dash column.
      if (inItem && info.key !== undefined && !info.hasValue) {
        path.unshift(info.key);
        inItem = false;
      }
      continue;
    }
    // A shallower line: it must be the `key:` that owns what is below.
    if (info.key === undefined || info.hasValue) return undefined;
    path.unshift(info.key);
    col = info.keyCol;
    inItem = false;
    if (info.dashCols.length > 0) enterItems(info.dashCols);
  }
  // The walk limit ended the search below an indented line: the owner is unknown, not the root.
  return moreAbove && col > 0 ? undefined : path;
}

/** Keys at `col` in the same mapping as line `lineIndex` (itself excluded). */
function siblingKeys(lines: readonly string[], lineIndex: number, col: number, newItem: boolean): Set<string> {
  const keys = new Set<string>();
  if (!newItem) {
    for (let l = lineIndex - 1; l >= 0 && lineIndex - l < MAX_LINES_UP; l--) {
      const info = parseLine(lines[l]!);
      if (info.docMarker) break;
      if (info.blank || info.keyCol > col) continue;
      if (info.keyCol < col) break;
      if (info.key !== undefined) keys.add(info.key);
      if (info.dashCols.length > 0) break; // the first line of this list item
    }
  }
  for (let l = lineIndex + 1; l < lines.length && l - lineIndex < MAX_LINES_UP; l++) {
    const info = parseLine(lines[l]!);
    if (info.docMarker) break;
    if (info.blank || info.keyCol > col) continue;
    if (info.keyCol < col || info.dashCols.length > 0) break;
    if (info.key !== undefined) keys.add(info.key);
  }
  return keys;
}

/** The completion site at a chunk offset, or undefined where nothing sensible can be completed. */
export function completionSite(text: string, lineStarts: readonly number[], offset: number): CompletionSite | undefined {
  const line = lineOfOffset(lineStarts, offset);
  const lineStart = lineStarts[line]!;
  const lineEnd = endOfLine(lineStarts, line, text.length);
  const before = text.slice(lineStart, offset);
  const after = text.slice(offset, lineEnd);
  // Only the lines the walks below can reach (MAX_LINES_UP each way), so a request costs the same in any document.
  const windowStart = lineStarts[Math.max(0, line - MAX_LINES_UP)]!;
  const windowEnd = endOfLine(lineStarts, Math.min(lineStarts.length - 1, line + MAX_LINES_UP), text.length);
  const lines = text.slice(windowStart, lineStart).split('\n');
  lines.pop(); // the empty remainder after the last newline
  const lineIndex = lines.length;
  const allLines = lines.concat(text.slice(lineStart, windowEnd).split('\n'));
  const wordAfter = /^[\w.\-/]*/.exec(after)![0];

  const keyMatch = /^([ \t]*)((?:-[ \t]+)*)([\w.\-/$]*)$/.exec(before);
  if (keyMatch) {
    const indent = keyMatch[1]!.length;
    const dashText = keyMatch[2]!;
    const dashCols: number[] = [];
    let col = indent;
    for (const part of dashText.match(/-[ \t]+/g) ?? []) {
      dashCols.push(col);
      col += part.length;
    }
    const prefix = keyMatch[3]!;
    const path = ownerPath(allLines, lineIndex, col, dashCols, windowStart > 0);
    if (!path) return undefined;
    const newListItem = dashCols.length > 0;
    return {
      kind: 'key',
      path,
      prefix,
      replaceStart: offset - prefix.length,
      replaceEnd: offset + wordAfter.length,
      presentKeys: siblingKeys(allLines, lineIndex, col, newListItem),
      newListItem,
    };
  }
  const valueMatch = /^([ \t]*)((?:-[ \t]+)*)("(?:[^"\\]|\\.)*"|'[^']*'|[^\s#'"{[\]][^:#]*?)[ \t]*:[ \t]+([^\s#]*)$/.exec(before);
  if (valueMatch) {
    const indent = valueMatch[1]!.length;
    const dashCols: number[] = [];
    let col = indent;
    for (const part of valueMatch[2]!.match(/-[ \t]+/g) ?? []) {
      dashCols.push(col);
      col += part.length;
    }
    const path = ownerPath(allLines, lineIndex, col, dashCols, windowStart > 0);
    if (!path) return undefined;
    const prefix = valueMatch[4]!;
    return {
      kind: 'value',
      path: [...path, unquote(valueMatch[3]!.trim())],
      prefix,
      replaceStart: offset - prefix.length,
      replaceEnd: offset + wordAfter.length,
      presentKeys: new Set(),
      newListItem: false,
    };
  }
  return undefined;
}
