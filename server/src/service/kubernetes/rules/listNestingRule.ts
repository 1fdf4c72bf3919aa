// K8S015: a kind: List inside more Lists than kube-notes reads, so its items were not checked.
import { text } from '../../l10n/localized';
import { K8S } from '../kubernetesCodes';
import { schemaFindingsRule } from '../manifestAnalysis';

export const listNestingRule = schemaFindingsRule('kubernetes.listNesting', {
  code: K8S.listNestingLimit,
  name: 'listNestingLimit',
  defaultSeverity: 'warning',
  noteId: 'kubectl',
  title: text('List가 너무 깊게 중첩되어 항목을 검사하지 못함', 'List nested too deep to check its items'),
  explanation: text(
    '`kubectl get -o yaml`은 여러 리소스를 `apiVersion: v1, kind: List` 하나의 items로 묶어 씁니다. kubectl은 List 안의 List도 풀어서 항목을 모두 만들지만, kube-notes는 List를 4단계까지만 읽습니다(끝없이 중첩된 파일이 검사를 붙잡지 않도록). 그보다 깊은 List의 항목은 검사하지 않았다는 뜻입니다. 안쪽 List를 풀어 바깥 items에 바로 적으면 모두 검사됩니다.',
    '`kubectl get -o yaml` writes several resources as the items of one `apiVersion: v1, kind: List`. kubectl also unpacks Lists inside Lists and creates every item, but kube-notes reads Lists 4 levels deep only (so that endlessly nested files cannot hold the check up): the items of a List deeper than that were not checked. Move the inner items up into an outer List and all of them are checked.',
  ),
});
