// K8S013: volume file modes (defaultMode, items[].mode) must be 0–0777; `644` is decimal and almost always meant 0644.
import type { Node, YAMLMap } from 'yaml';
import { isMap, isScalar } from '../../yaml/yamlNodes';
import type { Rule } from '../../diagnostics/rule';
import { format, text } from '../../l10n/localized';
import type { DocumentGraph } from '../documentGraph';
import { kubectlScalar } from '../kubectlScalar';
import { K8S } from '../kubernetesCodes';
import { distinctItems, mapAt, pairOf, podSpecOf } from '../workloads';
import { forEachManifest, type Report, spanOf } from './ruleHelpers';

const SOURCES = ['configMap', 'secret', 'downwardAPI', 'projected'] as const;
const PROJECTED = ['configMap', 'secret', 'downwardAPI'] as const;

function checkMode(graph: DocumentGraph, map: YAMLMap | undefined, key: string, report: Report): void {
  const pair = pairOf(graph, map, key);
  const node = pair?.value as Node | null | undefined;
  if (!node || !isScalar(node)) return;
  const value = kubectlScalar(node);
  // `0999` is not octal (8 and 9 are not octal digits): kubectl reads the float 999 and sends the number 999.
  const n = value.kind === 'int' || (value.kind === 'float' && Number.isInteger(value.value)) ? value.value : undefined;
  if (n === undefined || (n >= 0 && n <= 0o777)) return;
  const source = node.source ?? String(n);
  if (value.kind === 'float' && /^0[0-9]+$/.test(source)) {
    report({
      code: K8S.invalidFileMode,
      ...spanOf(node),
      message: format(
        text(
          '파일 권한 값 {v}: 8과 9는 8진수 숫자가 아니어서 kubectl은 이 값을 10진수 {n}(으)로 읽고, 허용 범위(0–0777)를 벗어납니다.',
          'File mode {v} is not octal (8 and 9 are not octal digits), so kubectl reads it as the decimal number {n}, outside the allowed 0–0777.',
        ),
        { v: source, n },
      ),
    });
    return;
  }
  const digits = String(n);
  const octal = /^[0-7]{3,4}$/.test(digits) ? `0${digits.replace(/^0+/, '')}` : undefined;
  const intended = octal !== undefined ? parseInt(octal, 8) : undefined;
  report({
    code: K8S.invalidFileMode,
    ...spanOf(node),
    message: octal
      ? format(
          text(
            '파일 권한 값 {v}: 10진수로 읽혀 허용 범위(0–0777)를 벗어납니다. 8진수로 쓰려면 앞에 0을 붙여야 합니다: {o} (10진수 {i}).',
            'File mode {v} is read as a decimal number, outside the allowed 0–0777. Write it in octal as {o} (decimal {i}).',
          ),
          { v: digits, o: octal, i: intended ?? '' },
        )
      : format(text('파일 권한 값 {v}: 허용 범위(0–0777, 10진수 0–511)를 벗어납니다.', 'File mode {v} is outside the allowed 0–0777 (decimal 0–511).'), { v: digits }),
    ...(octal
      ? { fixes: [{ title: format(text('8진수로 쓰기: {o}', 'Write it in octal: {o}'), { o: octal }), edits: [{ ...spanOf(node), newText: octal }], isPreferred: true }] }
      : {}),
  });
}

function checkItems(graph: DocumentGraph, source: YAMLMap | undefined, readLists: Set<Node>, report: Report): void {
  for (const item of distinctItems(graph, pairOf(graph, source, 'items')?.value as Node | undefined, readLists)) {
    if (isMap(item)) checkMode(graph, item, 'mode', report);
  }
}

export const fileModeRule: Rule = {
  id: 'kubernetes.fileMode',
  chunkLocal: true,
  codes: [
    {
      code: K8S.invalidFileMode,
      name: 'invalidFileMode',
      defaultSeverity: 'error',
      noteId: 'yaml-scalar-types',
      title: text('잘못된 파일 권한 값', 'Invalid file mode'),
      explanation: text(
        'defaultMode와 mode는 0부터 0777(10진수 511)까지의 정수입니다. YAML에서 0644처럼 0으로 시작하면 8진수, 644처럼 쓰면 10진수라서 644는 범위를 벗어나 API 서버가 거부합니다. 8진수로 0644라고 쓰거나 10진수 420을 써야 합니다.',
        'defaultMode and mode are integers from 0 to 0777 (decimal 511). In YAML a leading 0 (0644) means octal, while 644 is decimal and out of range, so the API server rejects it. Write 0644 in octal, or 420 in decimal.',
      ),
    },
  ],
  check(context) {
    forEachManifest(context, (doc, report) => {
      if (doc.check?.status !== 'ok' || !doc.kind) return;
      const graph = doc.graph;
      // Lists of items shared by several volumes or projections (through aliases) are read once.
      const readLists = new Set<Node>();
      for (const volume of distinctItems(graph, pairOf(graph, podSpecOf(doc), 'volumes')?.value as Node | undefined)) {
        for (const sourceName of SOURCES) {
          const source = mapAt(graph, volume, [sourceName]);
          if (!source) continue;
          checkMode(graph, source, 'defaultMode', report);
          checkItems(graph, source, readLists, report);
          if (sourceName !== 'projected') continue;
          for (const projection of distinctItems(graph, pairOf(graph, source, 'sources')?.value as Node | undefined, readLists)) {
            for (const inner of PROJECTED) checkItems(graph, mapAt(graph, projection, [inner]), readLists, report);
          }
        }
      }
    });
  },
};
