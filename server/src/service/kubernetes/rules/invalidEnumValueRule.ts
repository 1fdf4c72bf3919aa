// K8S004: a value outside the enum the schema lists (e.g. imagePullPolicy, Service type, protocol).
import { text } from '../../l10n/localized';
import { K8S } from '../kubernetesCodes';
import { schemaFindingsRule } from '../manifestAnalysis';

export const invalidEnumValueRule = schemaFindingsRule('kubernetes.invalidEnumValue', {
  code: K8S.invalidEnumValue,
  name: 'invalidEnumValue',
  defaultSeverity: 'error',
  noteId: 'kubernetes-api',
  title: text('허용되지 않는 값', 'Value not allowed'),
  explanation: text(
    '이 필드는 정해진 값 중 하나만 받습니다(예: imagePullPolicy는 Always, IfNotPresent, Never). 값은 대소문자를 구분하므로 tcp가 아니라 TCP처럼 정확히 써야 합니다.',
    'This field only accepts one of a fixed set of values (e.g. imagePullPolicy: Always, IfNotPresent or Never). Values are case-sensitive: TCP, not tcp.',
  ),
});
