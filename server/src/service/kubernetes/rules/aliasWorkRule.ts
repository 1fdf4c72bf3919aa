// K8S014: the schema checks stopped following a document's aliases at its work budget, so part of it is unchecked.
import { text } from '../../l10n/localized';
import { K8S } from '../kubernetesCodes';
import { schemaFindingsRule } from '../manifestAnalysis';

export const aliasWorkRule = schemaFindingsRule('kubernetes.aliasWork', {
  code: K8S.aliasWorkLimit,
  name: 'aliasWorkLimit',
  defaultSeverity: 'warning',
  noteId: 'yaml',
  title: text('별칭이 너무 많아 검사를 다 하지 못함', 'Too much repeated through aliases to check it all'),
  explanation: text(
    '앵커(&이름)와 별칭(*이름)은 같은 내용을 여러 번 쓰지 않게 해 줍니다. kube-notes는 별칭을 펼쳐 복사하지 않고 가리키는 곳을 따라가며 검사하지만, 한 문서에서 따라가는 일의 양에 한도(50,000단계)가 있습니다. 별칭이 별칭을 겹겹이 가리키거나 큰 매핑을 수천 번 되풀이하면 한도에 닿고, 별칭과 병합 키(<<)가 가리키는 내용 중 일부는 검사하지 못합니다. 되풀이를 줄이거나 내용을 직접 쓰면 모두 검사됩니다.',
    'Anchors (&name) and aliases (*name) let you write content once and use it again. kube-notes checks what an alias names by following it, never by expanding copies, with a limit on that work per document (50,000 steps). Aliases of aliases of large mappings, or one large mapping repeated thousands of times, reach the limit, and then not everything the aliases and merge keys (<<) lead to is checked. Repeat less, or write the content out, and all of it is checked.',
  ),
});
