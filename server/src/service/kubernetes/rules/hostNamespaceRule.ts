// K8S044 (info): a pod sharing the host's network, PID or IPC namespace (hostNetwork/hostPID/hostIPC: true).
import type { Rule } from '../../diagnostics/rule';
import { format, text } from '../../l10n/localized';
import { valueAt } from '../bestPracticeChecks';
import { K8S } from '../kubernetesCodes';
import { podSpecOf } from '../workloads';
import { forEachManifest, spanOf } from './ruleHelpers';

const FIELDS = ['hostNetwork', 'hostPID', 'hostIPC'] as const;

export const hostNamespaceRule: Rule = {
  id: 'kubernetes.hostNamespace',
  chunkLocal: true,
  codes: [
    {
      code: K8S.hostNamespace,
      name: 'hostNamespace',
      defaultSeverity: 'info',
      noteId: 'node',
      title: text('호스트 네임스페이스 공유', 'Host namespace shared'),
      explanation: text(
        'hostNetwork, hostPID, hostIPC를 켜면 파드가 노드의 네트워크, 프로세스, IPC를 그대로 씁니다. 노드의 포트와 겹칠 수 있고 다른 프로세스를 엿볼 수 있어서, 네트워크 플러그인이나 모니터링 에이전트처럼 꼭 필요한 경우에만 써야 합니다.',
        'hostNetwork, hostPID and hostIPC make the pod use the node\'s own network, processes or IPC. Ports can clash with the node\'s and other processes become visible: use them only when required (network plugins, node agents).',
      ),
    },
  ],
  check(context) {
    forEachManifest(context, (doc, report) => {
      if (doc.check?.status !== 'ok' || !doc.kind) return;
      const podSpec = podSpecOf(doc);
      for (const field of FIELDS) {
        const found = valueAt(doc.graph, podSpec, [field]);
        if (found?.value.kind !== 'bool' || !found.value.value) continue;
        report({
          code: K8S.hostNamespace,
          ...spanOf(found.node),
          message: format(
            text('{f}: true로 파드가 노드의 네임스페이스를 공유합니다. 꼭 필요한 경우에만 쓰는 것이 좋습니다.', '{f}: true shares the node\'s namespace with the pod; use it only when required.'),
            { f: field },
          ),
        });
      }
    });
  },
};
