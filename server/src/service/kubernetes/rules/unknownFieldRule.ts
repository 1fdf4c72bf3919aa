// K8S001: a field the schema of its object does not declare (kubectl's strict validation rejects it), with "did you mean".
import { text } from '../../l10n/localized';
import { K8S } from '../kubernetesCodes';
import { schemaFindingsRule } from '../manifestAnalysis';

export const unknownFieldRule = schemaFindingsRule('kubernetes.unknownField', {
  code: K8S.unknownField,
  name: 'unknownField',
  defaultSeverity: 'error',
  noteId: 'kubernetes-api',
  title: text('알 수 없는 필드', 'Unknown field'),
  explanation: text(
    '이 객체의 API 스키마에 없는 필드입니다. kubectl apply는 기본값인 엄격한 필드 검증(--validate=strict)에서 알 수 없는 필드를 거부하고, 검증을 끄면 말없이 버립니다. 대개 철자 실수이거나 들여쓰기가 한 단계 어긋난 경우이므로, 제안된 이름으로 바꾸거나 필드를 올바른 위치로 옮겨야 합니다.',
    'The field is not in the API schema of this object. kubectl apply rejects unknown fields under its default strict field validation (--validate=strict), and silently drops them when validation is off. It is usually a typo or a field indented one level off: use the suggested name or move the field where it belongs.',
  ),
});
