// K8S040 (info): a container image without a tag, or with `:latest` — deployments stop being reproducible.
import type { Rule } from '../../diagnostics/rule';
import { format, text } from '../../l10n/localized';
import { valueAt } from '../bestPracticeChecks';
import { K8S } from '../kubernetesCodes';
import { isTemplated } from '../nameFormats';
import { forEachContainer, spanOf } from './ruleHelpers';

/** The tag of an image reference (`registry:5000/app:1.2` → `1.2`), `undefined` without one; digests count as pinned. */
export function imageTag(image: string): { tag?: string; digest: boolean } {
  if (image.includes('@')) return { digest: true };
  const lastSlash = image.lastIndexOf('/');
  const name = image.slice(lastSlash + 1);
  const colon = name.indexOf(':');
  return colon === -1 ? { digest: false } : { tag: name.slice(colon + 1), digest: false };
}

export const imageTagRule: Rule = {
  id: 'kubernetes.imageTag',
  chunkLocal: true,
  codes: [
    {
      code: K8S.imageTag,
      name: 'imageTag',
      defaultSeverity: 'info',
      noteId: 'container',
      title: text('고정되지 않은 이미지 태그', 'Image tag not pinned'),
      explanation: text(
        '태그가 없거나 :latest인 이미지는 언제 받느냐에 따라 내용이 달라져서, 같은 매니페스트로도 다른 버전이 배포되고 되돌리기도 어렵습니다. 또 :latest는 imagePullPolicy가 Always가 되어 파드가 뜰 때마다 레지스트리에 접속합니다. nginx:1.27.3처럼 버전 태그나 @sha256 다이제스트로 고정하는 것이 좋습니다.',
        'An image without a tag, or tagged :latest, changes with time: the same manifest deploys different versions and rollbacks become guesswork. :latest also makes imagePullPolicy default to Always, hitting the registry on every pod start. Pin a version tag (nginx:1.27.3) or an @sha256 digest.',
      ),
    },
  ],
  check(context) {
    forEachContainer(context, false, (item, report) => {
      const image = valueAt(item.graph, item.container.node, ['image']);
      if (!image || image.value.kind !== 'string' || image.value.value === '' || isTemplated(image.value.value)) return;
      const ref = imageTag(image.value.value.trim());
      if (ref.digest) return;
      if (ref.tag === undefined) {
        report({
          code: K8S.imageTag,
          ...spanOf(image.node),
          message: format(
            text('이미지에 태그가 없어 :latest로 받습니다: "{i}". 버전 태그(예: {i}:1.2.3)나 다이제스트로 고정하는 것이 좋습니다.', 'Image "{i}" has no tag, so :latest is pulled. Pin a version tag (e.g. {i}:1.2.3) or a digest.'),
            { i: image.value.value },
          ),
        });
      } else if (ref.tag === 'latest') {
        report({
          code: K8S.imageTag,
          ...spanOf(image.node),
          message: format(
            text('이미지가 :latest 태그를 씁니다: "{i}". 배포를 재현할 수 있도록 버전 태그나 다이제스트로 고정하는 것이 좋습니다.', 'Image "{i}" uses the :latest tag. Pin a version tag or a digest so deployments are reproducible.'),
            { i: image.value.value },
          ),
        });
      }
    });
  },
};
