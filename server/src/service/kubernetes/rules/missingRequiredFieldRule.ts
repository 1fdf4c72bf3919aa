// K8S003: a required field is missing, reported on the object that lacks it (its key, or its first key).
import { text } from '../../l10n/localized';
import { K8S } from '../kubernetesCodes';
import { schemaFindingsRule } from '../manifestAnalysis';

export const missingRequiredFieldRule = schemaFindingsRule('kubernetes.missingRequiredField', {
  code: K8S.missingRequiredField,
  name: 'missingRequiredField',
  defaultSeverity: 'error',
  noteId: 'kubernetes-api',
  title: text('필수 필드 누락', 'Missing required field'),
  explanation: text(
    'API 스키마가 반드시 요구하는 필드가 없어서 API 서버가 이 객체를 거부합니다. 진단은 필드가 빠진 객체의 키에 표시됩니다. kind: List(kubectl get -o yaml이 쓰는 형식)의 항목은 각각 하나의 리소스로 검사하며, 항목마다 apiVersion과 kind가 있어야 합니다. kustomize 패치 파일(kustomization에 patches로 등록된 파일, patches 폴더나 이름에 patch가 들어간 파일, $patch 지시어가 있는 문서)은 일부만 적는 것이 정상이므로 검사하지 않습니다.',
    'A field the API schema requires is missing, so the API server rejects the object. The diagnostic sits on the key of the object that lacks it. The items of a kind: List (what kubectl get -o yaml writes) are each checked as a resource, and each needs its apiVersion and kind. Kustomize patch files (listed under patches in a kustomization, under a patches folder or named like *patch*, or containing $patch directives) are partial by design and are not checked.',
  ),
});
