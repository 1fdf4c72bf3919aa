// K8S010: port names and named port references must be IANA service names (≤15 chars, a-z0-9 and '-', a letter).
import type { Node } from 'yaml';
import { isMap, isScalar } from '../../yaml/yamlNodes';
import type { Rule } from '../../diagnostics/rule';
import { format, text } from '../../l10n/localized';
import type { DocumentGraph } from '../documentGraph';
import { kubectlScalar } from '../kubectlScalar';
import { K8S } from '../kubernetesCodes';
import { ianaServiceNameProblem, isTemplated } from '../nameFormats';
import { containersOf, distinctItems, mapAt, pairOf } from '../workloads';
import { forEachManifest, type Report, spanOf } from './ruleHelpers';

const PROBES = ['livenessProbe', 'readinessProbe', 'startupProbe'] as const;

function checkName(graph: DocumentGraph, node: Node | null | undefined, what: 'name' | 'reference', report: Report): void {
  const target = graph.deref(node);
  if (!target || !isScalar(target)) return;
  const value = kubectlScalar(target);
  if (value.kind !== 'string' || isTemplated(value.value)) return;
  const problem = ianaServiceNameProblem(value.value);
  if (!problem) return;
  const ko = problem === 'tooLong'
    ? `포트 이름이 너무 깁니다: "{n}" ({len}자). 포트 이름은 15자 이하여야 합니다(IANA_SVC_NAME).`
    : `포트 이름 형식이 잘못되었습니다: "{n}". 소문자, 숫자, '-'만 쓰고 글자를 하나 이상 넣어야 하며, '-'로 시작하거나 끝나거나 '--'를 포함할 수 없습니다(IANA_SVC_NAME).`;
  const en = problem === 'tooLong'
    ? `Port name "{n}" is {len} characters long; port names are at most 15 characters (IANA_SVC_NAME).`
    : `Port name "{n}" is not valid: use lowercase letters, digits and '-', with at least one letter, no leading or trailing '-' and no '--' (IANA_SVC_NAME).`;
  const suffix = what === 'reference'
    ? text(' 이름으로 포트를 가리킬 때도 같은 규칙이 적용됩니다.', ' The same rule applies when a port is referred to by name.')
    : text('', '');
  const message = format(text(ko, en), { n: value.value, len: value.value.length });
  report({ code: K8S.invalidPortName, ...spanOf(node), message: { ko: message.ko + suffix.ko, en: message.en + suffix.en } });
}

export const portNamesRule: Rule = {
  id: 'kubernetes.portNames',
  chunkLocal: true,
  codes: [
    {
      code: K8S.invalidPortName,
      name: 'invalidPortName',
      defaultSeverity: 'error',
      noteId: 'container',
      title: text('잘못된 포트 이름', 'Invalid port name'),
      explanation: text(
        '컨테이너 포트 이름과 이름으로 포트를 가리키는 값(Service의 targetPort, 프로브의 port)은 IANA 서비스 이름 규칙을 따라야 합니다. 15자 이하이고, 소문자·숫자·하이픈만 쓰며, 글자가 하나 이상 있어야 합니다. 규칙을 어기면 API 서버가 거부합니다.',
        'Container port names, and values that refer to a port by name (Service targetPort, probe port), must be IANA service names: at most 15 characters of lowercase letters, digits and hyphens, with at least one letter. The API server rejects anything else.',
      ),
    },
  ],
  check(context) {
    forEachManifest(context, (doc, report) => {
      if (doc.check?.status !== 'ok' || !doc.kind) return;
      const graph = doc.graph;
      if (doc.kind === 'Service') {
        const ports = pairOf(graph, mapAt(graph, doc.root, ['spec']), 'ports')?.value as Node | undefined;
        for (const item of distinctItems(graph, ports)) checkName(graph, pairOf(graph, item, 'targetPort')?.value as Node | null, 'reference', report);
        return;
      }
      const readLists = new Set<Node>();
      for (const container of containersOf(doc)) {
        if (container.repeat) continue;
        for (const item of distinctItems(graph, pairOf(graph, container.node, 'ports')?.value as Node | undefined, readLists)) {
          checkName(graph, pairOf(graph, item, 'name')?.value as Node | null, 'name', report);
        }
        for (const probe of PROBES) {
          const probeMap = mapAt(graph, container.node, [probe]);
          if (!probeMap) continue;
          for (const handler of ['httpGet', 'tcpSocket']) {
            const handlerMap = mapAt(graph, probeMap, [handler]);
            if (handlerMap && isMap(handlerMap)) checkName(graph, pairOf(graph, handlerMap, 'port')?.value as Node | null, 'reference', report);
          }
        }
      }
    });
  },
};
