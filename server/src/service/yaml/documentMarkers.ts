// Document markers (off by default): `---` at the start (YAML113) and `...` at the end (YAML114), required or forbidden.
import type { Rule, RuleCode, RuleContext } from '../diagnostics/rule';
import { text } from '../l10n/localized';
import { settingValue } from '../settings';
import { optionsPerSettings } from '../diagnostics/ruleOptions';
import { scanChunk } from './cstScan';
import { eolOf, lineEndAt, lineStartAt, singleEditFix } from './yamlText';

export const DOCUMENT_START: RuleCode = {
  code: 'YAML113',
  name: 'documentStart',
  defaultSeverity: 'off',
  noteId: 'yaml-document-start',
  title: text('문서 시작 표시 ---', 'Document start marker ---'),
  explanation: text(
    '`---`는 문서의 시작을 나타내며 선택 사항입니다. 한 파일에 여러 매니페스트를 둘 때는 둘째 문서부터 반드시 필요합니다. 팀 규칙에 맞추어 `kubeNotes.yaml.documentStart.present`를 `require`(첫 문서에도 `---`)나 `forbid`(첫 문서의 `---` 금지)로 정하십시오.',
    '`---` marks the start of a document and is optional; with several manifests in one file it is required from the second one on. Set `kubeNotes.yaml.documentStart.present` to `require` (a `---` before the first document too) or `forbid` (no `---` before the first document) to match your team\'s style.',
  ),
};

export const DOCUMENT_END: RuleCode = {
  code: 'YAML114',
  name: 'documentEnd',
  defaultSeverity: 'off',
  noteId: 'yaml-document-end',
  title: text('문서 끝 표시 ...', 'Document end marker ...'),
  explanation: text(
    '`...`는 문서의 끝을 나타내며 선택 사항입니다. 스트림으로 문서를 주고받을 때 쓰이고, 보통 매니페스트에는 쓰지 않습니다. `kubeNotes.yaml.documentEnd.present`를 `require`나 `forbid`로 정하십시오.',
    '`...` marks the end of a document and is optional; it is used when documents are streamed and rarely appears in manifests. Set `kubeNotes.yaml.documentEnd.present` to `require` or `forbid`.',
  ),
};

const markerModes = optionsPerSettings((settings) => ({
  startMode: settingValue<string>(settings, 'yaml.documentStart.present', 'require'),
  endMode: settingValue<string>(settings, 'yaml.documentEnd.present', 'require'),
}));

export const documentMarkers: Rule = {
  id: 'yaml.documentMarkers',
  chunkLocal: false,
  codes: [DOCUMENT_START, DOCUMENT_END],
  check(context: RuleContext): void {
    if (context.file.isHelmTemplate || context.chunk.refused) return;
    const chunk = context.chunk;
    const src = chunk.text;
    const scan = scanChunk(chunk);
    const { startMode, endMode } = markerModes(context.settings);
    const isFirstChunk = context.file.chunkIndex === 0;
    scan.documents.forEach((doc, index) => {
      const marker = doc.start.find((t) => t.type === 'doc-start');
      if (startMode === 'require' && !marker && doc.value) {
        const at = lineStartAt(chunk, doc.value.offset);
        context.report({
          code: DOCUMENT_START.code,
          start: doc.value.offset,
          end: lineEndAt(src, doc.value.offset),
          message: text('문서가 `---`로 시작하지 않습니다.', 'The document does not start with `---`.'),
          fixes: [singleEditFix(text('--- 줄 넣기', 'Insert a --- line'), at, at, `---${eolOf(src)}`, true)],
        });
      }
      if (startMode === 'forbid' && marker && isFirstChunk && index === 0) {
        const lineEnd = lineEndAt(src, marker.offset);
        const onlyMarker = src.slice(marker.offset, lineEnd).trim() === '---';
        context.report({
          code: DOCUMENT_START.code,
          start: marker.offset,
          end: marker.offset + 3,
          message: text('첫 문서 앞의 `---`는 쓰지 않기로 했습니다.', 'The first document should not start with `---` (kubeNotes.yaml.documentStart.present = forbid).'),
          ...(onlyMarker ? { fixes: [singleEditFix(text('--- 줄 지우기', 'Remove the --- line'), marker.offset, Math.min(src.length, lineEnd + 1), '', true)] } : {}),
        });
      }
    });
    if (endMode === 'require') {
      // Every document must be followed by `...`: a document token not followed by a doc-end token.
      const ends = new Set(scan.docEnds.map((e) => e.offset));
      const docs = scan.documents;
      docs.forEach((doc, index) => {
        if (!doc.value) return;
        const nextDocOffset = index + 1 < docs.length ? docs[index + 1]!.offset : src.length;
        const hasEnd = [...ends].some((e) => e > doc.offset && e <= nextDocOffset);
        if (hasEnd) return;
        let at = src.length;
        while (at > 0 && (src[at - 1] === '\n' || src[at - 1] === '\r' || src[at - 1] === ' ')) at--;
        const lineStart = lineStartAt(chunk, Math.max(0, at - 1));
        context.report({
          code: DOCUMENT_END.code,
          start: lineStart,
          end: at,
          message: text('문서가 `...`로 끝나지 않습니다.', 'The document does not end with `...`.'),
          fixes: [singleEditFix(text('... 줄 넣기', 'Insert a ... line'), at, at, `${eolOf(src)}...`, true)],
        });
      });
    } else if (endMode === 'forbid') {
      for (const end of scan.docEnds) {
        context.report({
          code: DOCUMENT_END.code,
          start: end.offset,
          end: end.offset + 3,
          message: text('`...` 문서 끝 표시는 쓰지 않기로 했습니다.', 'Document end markers `...` are not used here (kubeNotes.yaml.documentEnd.present = forbid).'),
        });
      }
    }
  },
};
