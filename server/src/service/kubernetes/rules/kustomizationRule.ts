// K8S020: kustomization fields deprecated in kustomize v5 (bases, patchesStrategicMerge, commonLabels, vars, …).
import type { Rule } from '../../diagnostics/rule';
import { format, text } from '../../l10n/localized';
import { K8S } from '../kubernetesCodes';
import { DEPRECATED_KUSTOMIZE_FIELDS } from '../kustomization';
import { forEachManifest, spanOf } from './ruleHelpers';

export const kustomizationRule: Rule = {
  id: 'kubernetes.kustomization',
  chunkLocal: true,
  codes: [
    {
      code: K8S.deprecatedKustomizeField,
      name: 'deprecatedKustomizeField',
      defaultSeverity: 'warning',
      noteId: 'kubectl',
      title: text('사용 중단된 kustomization 필드', 'Deprecated kustomization field'),
      explanation: text(
        'kustomize v5는 bases, patchesStrategicMerge, patchesJson6902, commonLabels, vars, imageTags를 사용 중단했습니다. 각각 resources, patches, labels, replacements, images로 옮겨야 하며, `kustomize edit fix` 명령이 대부분을 자동으로 옮겨 줍니다.',
        'kustomize v5 deprecates bases, patchesStrategicMerge, patchesJson6902, commonLabels, vars and imageTags. Move them to resources, patches, labels, replacements and images; `kustomize edit fix` migrates most of them for you.',
      ),
    },
  ],
  check(context) {
    forEachManifest(context, (doc, report) => {
      if (!doc.kustomization) return;
      const pairs = doc.graph.pairsOf(doc.root);
      const keys = new Set(pairs.map((p) => p.key));
      for (const pair of pairs) {
        const deprecated = DEPRECATED_KUSTOMIZE_FIELDS[pair.key];
        if (!deprecated || pair.mergedAt) continue;
        const span = spanOf(pair.keyNode);
        const canRename = deprecated.rename && !keys.has(deprecated.replacement);
        report({
          code: K8S.deprecatedKustomizeField,
          ...span,
          message: format(
            text('{f} 필드는 kustomize v5에서 사용 중단되었습니다. {r} 필드로 옮겨야 합니다(`kustomize edit fix`).', '{f} is deprecated in kustomize v5; use {r} instead (`kustomize edit fix`).'),
            { f: pair.key, r: deprecated.replacement },
          ),
          tags: ['deprecated'],
          ...(canRename
            ? { fixes: [{ title: format(text('{r} 필드로 이름 바꾸기', 'Rename to {r}'), { r: deprecated.replacement }), edits: [{ ...span, newText: deprecated.replacement }], isPreferred: true }] }
            : {}),
        });
      }
    });
  },
};
