// Duplicate keys in one mapping (YAML100), found with one Set per mapping (linear; the `yaml` built-in check is quadratic).
import type { Node, Pair } from 'yaml';
import { isAlias, isMap, isPair, isScalar, isSeq } from './yamlNodes';
import type { FindingFix, Rule, RuleCode, RuleContext } from '../diagnostics/rule';
import { format, text } from '../l10n/localized';
import { lineOfOffset, type ParsedChunk } from '../parser/parsedChunk';
import { excerpt, leadingSpaces, lineStartAt } from './yamlText';
import { RED_HAT_YAML } from './syntaxCodes';

export const DUPLICATE_KEY: RuleCode = {
  code: 'YAML100',
  name: 'duplicateKey',
  defaultSeverity: 'error',
  noteId: 'yaml-objects',
  alsoReportedBy: [RED_HAT_YAML],
  title: text('같은 키가 두 번 나옵니다', 'Duplicate key'),
  explanation: text(
    '한 매핑 안에서 같은 키는 한 번만 쓸 수 있습니다. kubectl은 키가 겹친 매니페스트를 거부하고, 다른 도구는 조용히 뒤의 값만 남기기도 합니다. 둘 중 하나를 지우거나 이름을 바꾸십시오. 한 키에 여러 값을 두려면 목록을 쓰십시오.',
    'A key may appear only once in a mapping. kubectl rejects manifests with repeated keys, and other tools silently keep only the last value. Delete or rename one of them; use a list if the key needs several values.',
  ),
};

function keyString(pair: Pair): string | undefined {
  const key = pair.key as Node | null;
  if (key === null) return '';
  if (isScalar(key)) {
    if (key.value === null) return '';
    if (typeof key.value === 'object') return undefined;
    return String(key.value);
  }
  return undefined;
}

/** The whole lines of a block-map entry, or undefined when deleting lines would also delete something else. */
function entryLines(chunk: ParsedChunk, pair: Pair): { start: number; end: number } | undefined {
  const key = pair.key as Node | null;
  const value = pair.value as Node | null;
  if (!key?.range) return undefined;
  const src = chunk.text;
  const keyStart = key.range[0];
  const lineStart = lineStartAt(chunk, keyStart);
  if (lineStart + leadingSpaces(src, lineStart) !== keyStart) return undefined; // `- key:` or flow map: not a whole line
  const last = Math.max(keyStart, (value?.range ?? key.range)[2] - 1);
  const line = lineOfOffset(chunk.lineStarts, last);
  const end = chunk.lineStarts[line + 1] ?? src.length;
  return { start: lineStart, end };
}

/**
 * The first pair of each key name in a mapping. Small mappings (most of them) compare names in an array instead
 * of allocating a Map each; large ones use a Map so the check stays linear.
 */
class SeenKeys {
  private readonly names: string[] = [];
  private readonly pairs: Pair[] = [];
  /** How many entries of `names`/`pairs` belong to the current mapping (older ones are overwritten, not cleared). */
  private count = 0;
  private map: Map<string, Pair> | undefined;

  /** Starts a new mapping of `size` entries (one instance serves every mapping of a chunk). */
  reset(size: number): void {
    this.count = 0;
    this.map = size > 16 ? new Map() : undefined;
  }

  /** The earlier pair with this name, or undefined after recording this one as the first. */
  firstOrAdd(name: string, pair: Pair): Pair | undefined {
    if (this.map) {
      const first = this.map.get(name);
      if (!first) this.map.set(name, pair);
      return first;
    }
    const names = this.names;
    for (let i = 0; i < this.count; i++) if (names[i] === name) return this.pairs[i];
    names[this.count] = name;
    this.pairs[this.count] = pair;
    this.count += 1;
    return undefined;
  }
}

export const duplicateKeys: Rule = {
  id: 'yaml.duplicateKeys',
  chunkLocal: true,
  codes: [DUPLICATE_KEY],
  check(context: RuleContext): void {
    if (context.file.isHelmTemplate) return;
    const chunk = context.chunk;
    const seen = new SeenKeys();
    for (const document of chunk.documents) {
      const stack: Node[] = [];
      if (document.contents) stack.push(document.contents);
      while (stack.length > 0) {
        const node = stack.pop()!;
        if (isAlias(node)) continue; // never follow aliases: the anchored node is visited where it is written
        if (isSeq(node)) {
          // Scalars hold no mappings: only collections and aliases are pushed.
          for (const item of node.items) if (item && typeof item === 'object' && !isScalar(item)) stack.push(item as Node);
          continue;
        }
        if (!isMap(node)) continue;
        seen.reset(node.items.length);
        for (const pair of node.items) {
          if (!isPair(pair)) continue;
          if (pair.value && typeof pair.value === 'object' && !isScalar(pair.value)) stack.push(pair.value as Node);
          if (pair.key && typeof pair.key === 'object' && !isScalar(pair.key)) stack.push(pair.key as Node);
          const name = keyString(pair);
          if (name === undefined || name === '<<') continue;
          const first = seen.firstOrAdd(name, pair);
          if (!first) continue;
          reportDuplicate(context, name, pair, first);
        }
      }
    }
  },
};

/** A key already seen in its mapping (`first`), with fixes that delete either entry. Out of the walk, which is hot. */
function reportDuplicate(context: RuleContext, name: string, pair: Pair, first: Pair): void {
  const chunk = context.chunk;
  const keyNode = pair.key as Node;
  const range = keyNode.range ?? [0, 0, 0];
  const above = lineOfOffset(chunk.lineStarts, range[0]) - lineOfOffset(chunk.lineStarts, (first.key as Node).range?.[0] ?? 0);
  const fixes: FindingFix[] = [];
  const later = entryLines(chunk, pair);
  if (later) fixes.push({ title: format(text('이 `{key}` 항목 지우기', 'Delete this `{key}` entry'), { key: excerpt(name) }), edits: [{ start: later.start, end: later.end, newText: '' }] });
  const earlier = entryLines(chunk, first);
  if (earlier && (!later || earlier.end <= later.start)) {
    fixes.push({ title: format(text('앞의 `{key}` 항목({above}줄 위) 지우기', 'Delete the earlier `{key}` entry ({above} lines above)'), { key: excerpt(name), above }), edits: [{ start: earlier.start, end: earlier.end, newText: '' }] });
  }
  context.report({
    code: DUPLICATE_KEY.code,
    start: range[0],
    end: range[1],
    message: format(
      text(
        '`{key}` 키가 이 매핑의 {above}줄 위에 이미 있습니다. kubectl은 이 매니페스트를 거부합니다. 하나를 지우거나 이름을 바꾸십시오.',
        'The key `{key}` already appears in this mapping {above} line(s) above. kubectl rejects such a manifest; delete or rename one of them.',
      ),
      { key: excerpt(name), above },
    ),
    ...(fixes.length > 0 ? { fixes } : {}),
  });
}
