// K8S043 (info): a privileged container (securityContext.privileged: true) has full access to the node.
import type { Rule } from '../../diagnostics/rule';
import { text } from '../../l10n/localized';
import { valueAt } from '../bestPracticeChecks';
import { K8S } from '../kubernetesCodes';
import { forEachContainer, spanOf } from './ruleHelpers';

export const privilegedRule: Rule = {
  id: 'kubernetes.privileged',
  chunkLocal: true,
  codes: [
    {
      code: K8S.privilegedContainer,
      name: 'privilegedContainer',
      defaultSeverity: 'info',
      noteId: 'container',
      title: text('특권 컨테이너', 'Privileged container'),
      explanation: text(
        'privileged: true인 컨테이너는 호스트의 모든 장치와 커널 기능에 접근할 수 있어서, 컨테이너가 뚫리면 노드 전체가 위험해집니다. 꼭 필요한 기능만 securityContext.capabilities.add로 주는 것이 좋습니다.',
        'A privileged container can reach every device and kernel capability of the host: a compromised container means a compromised node. Grant only the capabilities needed with securityContext.capabilities.add.',
      ),
    },
  ],
  check(context) {
    forEachContainer(context, false, (item, report) => {
      const privileged = valueAt(item.graph, item.container.node, ['securityContext', 'privileged']);
      if (privileged?.value.kind !== 'bool' || !privileged.value.value) return;
      report({
        code: K8S.privilegedContainer,
        ...spanOf(privileged.node),
        message: text(
          '특권 컨테이너입니다. 호스트 전체에 접근할 수 있으므로 필요한 capabilities만 주는 것이 좋습니다.',
          'This container is privileged and can access the whole host; grant only the capabilities it needs.',
        ),
      });
    });
  },
};
