// K8S042 (opt-in, info): a long-running container without liveness or readiness probes.
import type { Rule } from '../../diagnostics/rule';
import { format, text } from '../../l10n/localized';
import { LONG_RUNNING_KINDS } from '../bestPracticeChecks';
import { K8S } from '../kubernetesCodes';
import { bestPracticesEnabled } from '../manifestAnalysis';
import { pairOf } from '../workloads';
import { forEachContainer, spanOf } from './ruleHelpers';

const NAME = 'missingProbes';

export const probesRule: Rule = {
  id: 'kubernetes.probes',
  chunkLocal: true,
  codes: [
    {
      code: K8S.missingProbes,
      name: NAME,
      defaultSeverity: 'info',
      noteId: 'kubelet',
      title: text('프로브 없음 (선택 검사)', 'No probes (opt-in)'),
      explanation: text(
        'readinessProbe가 없으면 준비되지 않은 파드에도 트래픽이 가고, livenessProbe가 없으면 멈춘 컨테이너를 kubelet이 다시 시작하지 못합니다. 오래 실행되는 컨테이너에는 두 프로브를 모두 두는 것이 좋습니다. kubeNotes.kubernetes.bestPractices를 켜거나 kubeNotes.lint.missingProbes를 설정하면 검사합니다.',
        'Without a readinessProbe traffic reaches pods that are not ready; without a livenessProbe the kubelet cannot restart a hung container. Long-running containers should have both. Checked when kubeNotes.kubernetes.bestPractices is on or kubeNotes.lint.missingProbes is set.',
      ),
    },
  ],
  check(context) {
    if (!bestPracticesEnabled(context, NAME, K8S.missingProbes)) return;
    forEachContainer(context, true, (item, report) => {
      if (item.container.list !== 'containers' || !LONG_RUNNING_KINDS.has(item.doc.kind ?? '')) return;
      const missing = ['readinessProbe', 'livenessProbe'].filter((probe) => !pairOf(item.graph, item.container.node, probe));
      if (missing.length === 0) return;
      report({
        code: K8S.missingProbes,
        ...spanOf(item.anchor),
        message: format(text('컨테이너에 프로브가 없습니다: {m}.', 'The container has no {m}.'), { m: missing.join(', ') }),
      });
    });
  },
};
