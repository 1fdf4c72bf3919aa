// K8S041 (opt-in, info): a container without CPU/memory requests or a memory limit.
import type { Rule } from '../../diagnostics/rule';
import { format, text } from '../../l10n/localized';
import { K8S } from '../kubernetesCodes';
import { bestPracticesEnabled } from '../manifestAnalysis';
import { mapAt, pairOf } from '../workloads';
import { forEachContainer, spanOf } from './ruleHelpers';

const NAME = 'missingResources';

export const resourceRequirementsRule: Rule = {
  id: 'kubernetes.resourceRequirements',
  chunkLocal: true,
  codes: [
    {
      code: K8S.missingResources,
      name: NAME,
      defaultSeverity: 'info',
      noteId: 'container',
      title: text('자원 요청/제한 없음 (선택 검사)', 'No resource requests/limits (opt-in)'),
      explanation: text(
        'requests가 없으면 스케줄러가 노드 자원을 계산할 수 없고, 메모리 limits가 없으면 컨테이너 하나가 노드 메모리를 다 써서 다른 파드까지 쫓겨날 수 있습니다. resources.requests의 cpu와 memory, resources.limits의 memory를 정해 두는 것이 좋습니다. kubeNotes.kubernetes.bestPractices를 켜거나 kubeNotes.lint.missingResources를 설정하면 검사합니다.',
        'Without requests the scheduler cannot account for the container, and without a memory limit one container can exhaust the node and get other pods evicted. Set resources.requests cpu and memory, and resources.limits memory. Checked when kubeNotes.kubernetes.bestPractices is on or kubeNotes.lint.missingResources is set.',
      ),
    },
  ],
  check(context) {
    if (!bestPracticesEnabled(context, NAME, K8S.missingResources)) return;
    forEachContainer(context, true, (item, report) => {
      if (item.container.list === 'ephemeralContainers') return;
      const resources = mapAt(item.graph, item.container.node, ['resources']);
      const missing: string[] = [];
      const requests = mapAt(item.graph, resources, ['requests']);
      const limits = mapAt(item.graph, resources, ['limits']);
      if (!pairOf(item.graph, requests, 'cpu')) missing.push('requests.cpu');
      if (!pairOf(item.graph, requests, 'memory') && !pairOf(item.graph, limits, 'memory')) missing.push('requests.memory');
      if (!pairOf(item.graph, limits, 'memory')) missing.push('limits.memory');
      if (missing.length === 0) return;
      report({
        code: K8S.missingResources,
        ...spanOf(item.anchor),
        message: format(
          text('컨테이너에 자원 설정이 없습니다: {m}. 스케줄링과 노드 안정성을 위해 정해 두는 것이 좋습니다.', 'The container does not set {m}. Set them for predictable scheduling and node stability.'),
          { m: missing.map((m) => `resources.${m}`).join(', ') },
        ),
      });
    });
  },
};
