// Anchors and aliases: aliases with no earlier anchor in their document (YAML022) and anchors no alias uses (YAML119).
import type { Rule, RuleCode, RuleContext } from '../diagnostics/rule';
import { format, text } from '../l10n/localized';
import { scanChunk, type PropEntry } from './cstScan';
import { SYNTAX } from './syntaxCodes';
import { singleEditFix } from './yamlText';

export const UNUSED_ANCHOR: RuleCode = {
  code: 'YAML119',
  name: 'unusedAnchor',
  defaultSeverity: 'info',
  noteId: 'yaml',
  title: text('쓰이지 않는 앵커(&)입니다', 'Unused anchor (&)'),
  explanation: text(
    '앵커 `&이름`은 같은 문서 안의 별칭 `*이름`이 가리킬 때만 의미가 있습니다. 아무 별칭도 쓰지 않는 앵커는 지워도 결과가 같습니다. 앵커는 `---`로 나뉜 다른 문서에서는 보이지 않습니다.',
    'An anchor `&name` only matters when an alias `*name` in the same document refers to it. An anchor no alias uses can be removed without changing anything. Anchors are not visible from other `---` documents.',
  ),
};

export const anchors: Rule = {
  id: 'yaml.anchors',
  chunkLocal: true,
  codes: [SYNTAX.undefinedAlias, UNUSED_ANCHOR],
  check(context: RuleContext): void {
    if (context.file.isHelmTemplate || context.chunk.refused) return;
    const scan = scanChunk(context.chunk);
    if (scan.aliases.length === 0 && scan.anchors.length === 0) return;
    const src = context.chunk.text;
    // Merge anchors and aliases in source order, one pass, per document.
    const events: Array<{ kind: 'anchor' | 'alias'; entry: PropEntry }> = [
      ...scan.anchors.map((entry) => ({ kind: 'anchor' as const, entry })),
      ...scan.aliases.map((entry) => ({ kind: 'alias' as const, entry })),
    ].sort((a, b) => a.entry.offset - b.entry.offset);
    let doc = -1;
    let defined = new Map<string, { entry: PropEntry; used: boolean }>();
    const all: Array<{ entry: PropEntry; used: boolean }> = [];
    for (const { kind, entry } of events) {
      if (entry.docIndex !== doc) {
        doc = entry.docIndex;
        defined = new Map();
      }
      const name = entry.source.slice(1);
      if (name === '') continue; // reported by the parser (YAML013)
      if (kind === 'anchor') {
        const record = { entry, used: false };
        defined.set(name, record);
        all.push(record);
      } else {
        const target = defined.get(name);
        if (target) target.used = true;
        else {
          context.report({
            code: SYNTAX.undefinedAlias.code,
            start: entry.offset,
            end: entry.offset + entry.source.length,
            message: format(
              text(
                '`*{name}` 별칭이 가리킬 `&{name}` 앵커가 이 문서의 앞쪽에 없습니다. 앵커를 먼저 정의하거나 이름을 확인하십시오. 다른 `---` 문서의 앵커는 쓸 수 없습니다.',
                'The alias `*{name}` has no anchor `&{name}` before it in this document. Define the anchor first or check the name; anchors of other `---` documents cannot be used.',
              ),
              { name },
            ),
          });
        }
      }
    }
    for (const record of all) {
      if (record.used) continue;
      const { offset, source } = record.entry;
      let end = offset + source.length;
      while (src[end] === ' ') end++;
      // `key: &a` at a line end: also drop the space before the anchor, so no trailing space is left.
      let removeStart = offset;
      const atLineEnd = end >= src.length || src[end] === '\n' || src[end] === '\r' || src[end] === '#';
      if (atLineEnd) {
        end = offset + source.length;
        while (removeStart > 0 && src[removeStart - 1] === ' ') removeStart--;
      }
      const removeEnd = end;
      context.report({
        code: UNUSED_ANCHOR.code,
        start: offset,
        end: offset + source.length,
        message: format(text('`{a}` 앵커를 쓰는 `*{name}` 별칭이 없습니다.', 'No alias `*{name}` uses the anchor `{a}`.'), { a: source, name: source.slice(1) }),
        tags: ['unnecessary'],
        fixes: [singleEditFix(format(text('{a} 앵커 지우기', 'Remove the anchor {a}'), { a: source }), removeStart, removeEnd, '', true)],
      });
    }
  },
};
