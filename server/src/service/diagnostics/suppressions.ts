// Reads `# kube-notes-disable-next-line CODE` and file-level `# kube-notes-disable CODE` comments.

/** Suppressions of one chunk: codes by chunk-relative line, plus file-wide codes ("*" means all). */
export interface ChunkSuppressions {
  readonly nextLine: ReadonlyMap<number, ReadonlySet<string>>;
  readonly fileWide: ReadonlySet<string>;
}

/** What almost every chunk has (shared: readers never modify it). */
const NO_SUPPRESSIONS: ChunkSuppressions = { nextLine: new Map(), fileWide: new Set() };

const DIRECTIVE = /#\s*kube-notes-(disable-next-line|disable)(?![\w-])([^\n]*)/g;

function parseCodes(rest: string): Set<string> {
  // Anything after "--" is a free-text reason, as in ESLint.
  const list = rest.split('--')[0] ?? '';
  const codes = list.split(/[\s,]+/).map((c) => c.trim()).filter((c) => c !== '');
  return new Set(codes.length === 0 ? ['*'] : codes);
}

/** Finds suppression comments in a chunk. `isComment(offset)` confirms the `#` starts a real comment. */
export function findSuppressions(text: string, lineOfOffset: (offset: number) => number, isComment: (offset: number) => boolean): ChunkSuppressions {
  if (text.indexOf('kube-notes-disable') === -1) return NO_SUPPRESSIONS;
  const nextLine = new Map<number, Set<string>>();
  const fileWide = new Set<string>();
  for (const match of text.matchAll(DIRECTIVE)) {
    const offset = match.index;
    if (!isComment(offset)) continue;
    const codes = parseCodes(match[2] ?? '');
    if (match[1] === 'disable-next-line') {
      const target = lineOfOffset(offset) + 1;
      const set = nextLine.get(target) ?? new Set<string>();
      for (const code of codes) set.add(code);
      nextLine.set(target, set);
    } else {
      for (const code of codes) fileWide.add(code);
    }
  }
  return { nextLine, fileWide };
}

/** True when `code` (or its setting name) is suppressed by a set of codes. */
export function isSuppressedBy(set: ReadonlySet<string> | undefined, code: string, name: string): boolean {
  return set !== undefined && (set.has('*') || set.has(code) || set.has(name));
}
