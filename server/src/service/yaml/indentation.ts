// Indentation consistency within a document (YAML104): one width for nested mappings; list style per `kubeNotes.yaml.indentation.sequences`.
import type { CST } from 'yaml';
import type { ChunkEdit, Rule, RuleCode, RuleContext } from '../diagnostics/rule';
import { format, text, type Localized } from '../l10n/localized';
import { lineOfOffset, type ParsedChunk } from '../parser/parsedChunk';
import { settingValue } from '../settings';
import { optionsPerSettings } from '../diagnostics/ruleOptions';
import { offsetOfType, scanChunk, tokenEnd, type NestedBlock } from './cstScan';
import { columnAt, leadingSpaces } from './yamlText';

export const INDENTATION: RuleCode = {
  code: 'YAML104',
  name: 'indentation',
  defaultSeverity: 'warning',
  noteId: 'yaml-objects',
  title: text('들여쓰기 폭이 일정하지 않습니다', 'Inconsistent indentation width'),
  explanation: text(
    '들여쓰기 폭이 섞여 있으면(어떤 곳은 2칸, 어떤 곳은 4칸) 어느 키가 어디에 속하는지 알아보기 어렵고, 고칠 때 실수하기 쉽습니다. 한 문서 안에서는 같은 폭(Kubernetes에서는 보통 2칸)을 쓰십시오. 목록의 `-`는 부모 키와 같은 열에 두어도, 한 단계 들여써도 됩니다(`kubeNotes.yaml.indentation.sequences`: whatever, consistent, indented, notIndented). 폭은 `kubeNotes.yaml.indentation.spaces`(숫자 또는 consistent)로 정합니다.',
    'Mixed indentation widths (two spaces here, four there) make it hard to see which key belongs where and easy to break the structure while editing. Use one width per document (two spaces is the Kubernetes norm). A list\'s `-` may sit in its parent key\'s column or one level deeper (`kubeNotes.yaml.indentation.sequences`: whatever, consistent, indented, notIndented). Set the width with `kubeNotes.yaml.indentation.spaces` (a number or consistent).',
  ),
};

type SequenceStyle = 'whatever' | 'consistent' | 'indented' | 'notIndented';

function firstItemOffset(token: CST.BlockMap | CST.BlockSequence): number {
  for (const item of token.items as CST.CollectionItem[]) {
    if (token.type === 'block-seq') {
      const dash = offsetOfType(item.start, 'seq-item-ind');
      if (dash !== undefined) return dash;
    } else {
      const explicit = offsetOfType(item.start, 'explicit-key-ind');
      if (explicit !== undefined) return explicit;
      if (item.key) return item.key.offset;
      const colon = offsetOfType(item.sep, 'map-value-ind');
      if (colon !== undefined) return colon;
    }
  }
  return token.offset;
}

/** Re-indents every line of a block by `shift` columns, replacing each line's whole indentation (so nested fixes merge safely). */
function shiftBlock(chunk: ParsedChunk, token: CST.BlockMap | CST.BlockSequence, start: number, shift: number): ChunkEdit[] | undefined {
  const src = chunk.text;
  const first = lineOfOffset(chunk.lineStarts, start);
  const last = lineOfOffset(chunk.lineStarts, Math.max(start, tokenEnd(token) - 1));
  const edits: ChunkEdit[] = [];
  for (let line = first; line <= last; line++) {
    const lineStart = chunk.lineStarts[line]!;
    const spaces = leadingSpaces(src, lineStart);
    const next = src[lineStart + spaces];
    if (next === undefined || next === '\n' || next === '\r') continue;
    if (spaces + shift < 0) return undefined;
    edits.push({ start: lineStart, end: lineStart + spaces, newText: ' '.repeat(spaces + shift) });
  }
  return edits;
}

const indentationOptions = optionsPerSettings((settings) => {
  const configured = settingValue(settings, 'yaml.indentation.spaces', 0);
  const fixedWidth = configured >= 1 ? Math.floor(configured) : undefined; // 'consistent' (a string) reads as 0
  const seqSetting = settingValue<unknown>(settings, 'yaml.indentation.sequences', 'whatever');
  const seqStyle: SequenceStyle = seqSetting === 'consistent' || seqSetting === 'indented' || seqSetting === 'notIndented' ? seqSetting : 'whatever';
  return { fixedWidth, seqStyle };
});

export const indentation: Rule = {
  id: 'yaml.indentation',
  chunkLocal: true,
  codes: [INDENTATION],
  check(context: RuleContext): void {
    const chunk = context.chunk;
    if (context.file.isHelmTemplate || chunk.refused) return;
    // Structure errors are already reported by the parser rules; widths measured on a broken tree only add noise.
    if (chunk.problems.some((p) => !p.isWarning)) return;
    const { fixedWidth, seqStyle } = indentationOptions(context.settings);
    const src = chunk.text;
    const widths = new Map<number, number>();
    const seqStyles = new Map<number, 'indented' | 'notIndented'>();
    // One reporter per chunk (not a closure per block): re-indents `block` from `column` to `expected`.
    const report = (block: NestedBlock, childStart: number, column: number, expected: number, message: Localized): void => {
      const edits = shiftBlock(chunk, block.token, childStart, expected - column);
      context.report({
        code: INDENTATION.code,
        start: childStart - column,
        end: childStart + 1,
        message,
        ...(edits && edits.length > 0 ? { fixes: [{ title: format(text('이 블록이 {n}열에서 시작하도록 들여쓰기', 'Re-indent this block to column {n}'), { n: expected }), edits, isPreferred: false }] } : {}),
      });
    };
    /** Checks a list's `-` placement against `kubeNotes.yaml.indentation.sequences` (the first list decides under `consistent`). */
    const checkSeqStyle = (block: NestedBlock, childStart: number, column: number, parentColumn: number, style: 'indented' | 'notIndented'): void => {
      if (seqStyle === 'whatever') return;
      const wanted = seqStyle === 'consistent' ? seqStyles.get(block.docIndex) : seqStyle;
      if (wanted === undefined) {
        seqStyles.set(block.docIndex, style);
        return;
      }
      if (wanted === style) return;
      const width = fixedWidth ?? widths.get(block.docIndex) ?? 2;
      report(
        block,
        childStart,
        column,
        wanted === 'indented' ? parentColumn + width : parentColumn,
        wanted === 'indented'
          ? text('이 문서의 목록은 `-`를 부모 키보다 한 단계 들여씁니다.', 'Lists in this document indent their `-` one level past the parent key.')
          : text('이 문서의 목록은 `-`를 부모 키와 같은 열에 둡니다.', 'Lists in this document put their `-` in the parent key\'s column.'),
      );
    };
    for (const block of scanChunk(chunk).nestedBlocks) {
      const childStart = firstItemOffset(block.token);
      const column = columnAt(chunk, childStart);
      const lineStart = childStart - column;
      if (leadingSpaces(src, lineStart) !== column) continue; // not first on its line (e.g. after `? `)
      if (block.parentKind === 'root' || block.parentOffset === undefined) {
        if (column !== 0) report(block, childStart, column, 0, text('문서의 최상위 키는 들여쓰지 않고 0열에서 시작합니다.', 'The top level of a document starts in column 0, without indentation.'));
        continue;
      }
      const parentColumn = columnAt(chunk, block.parentOffset);
      const delta = column - parentColumn;
      const isSeq = block.token.type === 'block-seq';
      const docWidth = fixedWidth ?? widths.get(block.docIndex);
      if (isSeq && block.parentKind === 'key') {
        if (delta === 0) {
          checkSeqStyle(block, childStart, column, parentColumn, 'notIndented');
          continue;
        }
        if (docWidth === undefined) widths.set(block.docIndex, delta);
        const width = docWidth ?? delta;
        if (delta !== width) {
          report(block, childStart, column, parentColumn + width, format(text('이 목록의 `-`가 부모 키보다 {d}칸 들여써져 있습니다. 이 문서는 {w}칸을 씁니다(또는 부모 키와 같은 열).', 'This list\'s `-` is indented {d} spaces past its parent key; this document uses {w} (or the parent key\'s column).'), { d: delta, w: width }));
          continue;
        }
        checkSeqStyle(block, childStart, column, parentColumn, 'indented');
        continue;
      }
      if (delta <= 0) continue; // the parser reports real structure errors
      if (docWidth === undefined) {
        widths.set(block.docIndex, delta);
        continue;
      }
      if (delta !== docWidth) {
        const message = isSeq
          ? text('이 목록은 {d}칸 들여써져 있지만, 이 문서는 {w}칸 들여쓰기를 씁니다.', 'This list is indented by {d} spaces, but this document indents by {w}.')
          : text('이 매핑은 {d}칸 들여써져 있지만, 이 문서는 {w}칸 들여쓰기를 씁니다.', 'This mapping is indented by {d} spaces, but this document indents by {w}.');
        report(block, childStart, column, parentColumn + docWidth, format(message, { d: delta, w: docWidth }));
      }
    }
  },
};
