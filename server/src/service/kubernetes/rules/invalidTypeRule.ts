// K8S002: a value of the wrong type as kubectl reads it (YAML 1.1), including int-or-string, quantities and base64.
import { text } from '../../l10n/localized';
import { K8S } from '../kubernetesCodes';
import { schemaFindingsRule } from '../manifestAnalysis';

export const invalidTypeRule = schemaFindingsRule('kubernetes.invalidType', {
  code: K8S.invalidType,
  name: 'invalidType',
  defaultSeverity: 'error',
  noteId: 'yaml-scalar-types',
  title: text('잘못된 값 형식', 'Wrong value type'),
  explanation: text(
    '값의 형식이 스키마와 맞지 않습니다. kubectl은 YAML 1.1 규칙으로 값을 읽기 때문에 따옴표 없는 yes/no/on/off는 불리언, 0으로 시작하는 숫자는 8진수가 됩니다. 문자열 필드(환경 변수 value, ConfigMap data 등)에는 숫자나 불리언을 따옴표로 감싸 써야 하고, 포트 같은 int-or-string 필드는 정수나 이름을, 자원 양(Quantity)은 500m, 1, 512Mi처럼 단위를 붙여 씁니다. Secret의 data 값은 base64여야 합니다.',
    'The value does not have the type the schema requires. kubectl reads values under YAML 1.1: unquoted yes/no/on/off are booleans and numbers with a leading 0 are octal. String fields (env var value, ConfigMap data, …) need numbers and booleans quoted; int-or-string fields such as ports take an integer or a name; quantities are written like 500m, 1 or 512Mi; Secret data values must be base64.',
  ),
});
