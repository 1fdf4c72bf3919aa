// K8S009: container names must be unique within a pod (containers, initContainers and ephemeralContainers together).
import type { Node } from 'yaml';
import type { Rule } from '../../diagnostics/rule';
import { format, text } from '../../l10n/localized';
import { stringValue } from '../kubectlScalar';
import { K8S } from '../kubernetesCodes';
import { isAlias } from '../../yaml/yamlNodes';
import { containersOf, pairOf } from '../workloads';
import { forEachManifest, spanOf } from './ruleHelpers';

export const containerNamesRule: Rule = {
  id: 'kubernetes.containerNames',
  chunkLocal: true,
  codes: [
    {
      code: K8S.duplicateContainerName,
      name: 'duplicateContainerName',
      defaultSeverity: 'error',
      noteId: 'container',
      title: text('중복된 컨테이너 이름', 'Duplicate container name'),
      explanation: text(
        '한 파드 안의 컨테이너 이름(containers, initContainers 모두 포함)은 서로 달라야 합니다. 이름이 겹치면 API 서버가 "Duplicate value" 오류로 거부하고, kubectl logs -c 같은 명령도 컨테이너를 구분할 수 없습니다.',
        'Container names must be unique within a pod, across containers and initContainers. Duplicates are rejected by the API server ("Duplicate value"), and commands like kubectl logs -c could not tell them apart.',
      ),
    },
  ],
  check(context) {
    forEachManifest(context, (doc, report) => {
      if (doc.check?.status !== 'ok' || !doc.kind) return;
      const seen = new Map<string, string>();
      for (const container of containersOf(doc)) {
        const pair = pairOf(doc.graph, container.node, 'name');
        const name = stringValue(doc.graph.deref(pair?.value));
        if (!pair || name === undefined) continue;
        const first = seen.get(name);
        if (first !== undefined) {
          report({
            code: K8S.duplicateContainerName,
            // An alias of another container: said where the alias is written, not on that container's name.
            ...(isAlias(container.written) ? spanOf(container.written) : spanOf(pair.value as Node | null, pair.keyNode)),
            message: format(
              text('이 파드에서 이미 쓰인 컨테이너 이름입니다: "{n}" ({first}). 이름을 다르게 지어야 합니다.', 'Container name "{n}" is already used in this pod ({first}); give it another name.'),
              { n: name, first },
            ),
          });
        } else seen.set(name, container.list);
      }
    });
  },
};
