// K8S045 (info): a container explicitly running as root; K8S046 (opt-in): runAsNonRoot not set anywhere.
import type { Rule } from '../../diagnostics/rule';
import { text } from '../../l10n/localized';
import { valueAt } from '../bestPracticeChecks';
import { K8S } from '../kubernetesCodes';
import { bestPracticesEnabled } from '../manifestAnalysis';
import { forEachContainer, spanOf } from './ruleHelpers';

const NOT_SET = 'runAsNonRootNotSet';

export const runAsRootRule: Rule = {
  id: 'kubernetes.runAsRoot',
  chunkLocal: true,
  codes: [
    {
      code: K8S.runAsRoot,
      name: 'runAsRoot',
      defaultSeverity: 'info',
      noteId: 'container',
      title: text('root로 실행', 'Runs as root'),
      explanation: text(
        'runAsUser: 0이나 runAsNonRoot: false는 컨테이너를 root로 실행합니다. 컨테이너 탈출 취약점이 있으면 노드의 root 권한으로 이어질 수 있으므로, 일반 사용자 UID로 실행하고 runAsNonRoot: true를 두는 것이 좋습니다.',
        'runAsUser: 0 or runAsNonRoot: false runs the container as root. A container escape then lands as root on the node: run as a regular UID and set runAsNonRoot: true.',
      ),
    },
    {
      code: K8S.runAsNonRootNotSet,
      name: NOT_SET,
      defaultSeverity: 'info',
      noteId: 'container',
      title: text('runAsNonRoot 미설정 (선택 검사)', 'runAsNonRoot not set (opt-in)'),
      explanation: text(
        '파드나 컨테이너의 securityContext에 runAsNonRoot: true가 없으면 이미지가 root로 실행되도록 만들어졌을 때 그대로 root로 실행됩니다. kubeNotes.kubernetes.bestPractices를 켜거나 kubeNotes.lint.runAsNonRootNotSet을 설정하면 검사합니다.',
        'Without runAsNonRoot: true in the pod or container securityContext, an image built to run as root runs as root. Checked when kubeNotes.kubernetes.bestPractices is on or kubeNotes.lint.runAsNonRootNotSet is set.',
      ),
    },
  ],
  check(context) {
    const withNotSet = bestPracticesEnabled(context, NOT_SET, K8S.runAsNonRootNotSet);
    // A pod-level setting is reported once (containers share it); dedupe by position.
    const reportedStarts = new Set<number>();
    const once = (start: number): boolean => {
      if (reportedStarts.has(start)) return false;
      reportedStarts.add(start);
      return true;
    };
    forEachContainer(context, false, (item, report) => {
      const graph = item.graph;
      const containerUser = valueAt(graph, item.container.node, ['securityContext', 'runAsUser']);
      const podUser = valueAt(graph, item.podSpec, ['securityContext', 'runAsUser']);
      const containerNonRoot = valueAt(graph, item.container.node, ['securityContext', 'runAsNonRoot']);
      const podNonRoot = valueAt(graph, item.podSpec, ['securityContext', 'runAsNonRoot']);
      const user = containerUser ?? podUser;
      const nonRoot = containerNonRoot ?? podNonRoot;
      if (user?.value.kind === 'int' && user.value.value === 0) {
        const span = spanOf(user.node);
        if (once(span.start)) {
          report({ code: K8S.runAsRoot, ...span, message: text('runAsUser: 0이라 root로 실행됩니다. 일반 사용자 UID를 쓰는 것이 좋습니다.', 'runAsUser: 0 runs as root; use a regular user ID.') });
        }
      } else if (nonRoot?.value.kind === 'bool' && !nonRoot.value.value) {
        const span = spanOf(nonRoot.node);
        if (once(span.start)) {
          report({ code: K8S.runAsRoot, ...span, message: text('runAsNonRoot: false라서 root 실행을 막지 않습니다.', 'runAsNonRoot: false allows running as root.') });
        }
      } else if (withNotSet && !(nonRoot?.value.kind === 'bool' && nonRoot.value.value) && !(user?.value.kind === 'int' && user.value.value > 0)) {
        report({
          code: K8S.runAsNonRootNotSet,
          ...spanOf(item.anchor),
          message: text(
            'securityContext에 runAsNonRoot: true가 없어 이미지에 따라 root로 실행될 수 있습니다.',
            'No runAsNonRoot: true in the securityContext: depending on the image, the container may run as root.',
          ),
        });
      }
    });
  },
};
