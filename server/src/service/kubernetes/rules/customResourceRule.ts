// K8S012: a custom resource whose CRD is not known in the workspace — one information note, never errors.
import type { Rule } from '../../diagnostics/rule';
import { format, text } from '../../l10n/localized';
import { K8S } from '../kubernetesCodes';
import { forEachManifest, spanOf } from './ruleHelpers';

export const customResourceRule: Rule = {
  id: 'kubernetes.customResource',
  chunkLocal: true,
  codes: [
    {
      code: K8S.unknownCustomResource,
      name: 'unknownCustomResource',
      defaultSeverity: 'info',
      noteId: 'kubernetes-api',
      title: text('CRD를 모르는 사용자 정의 리소스', 'Custom resource without a known CRD'),
      explanation: text(
        '쿠버네티스 기본 API에 없는 그룹의 리소스라서 CustomResourceDefinition(CRD)이 정의하는 사용자 정의 리소스로 봅니다. 작업 공간에서 이 CRD를 찾지 못해 필드 검사를 건너뛰었습니다. CRD YAML 파일을 작업 공간에 두면 그 스키마(openAPIV3Schema)로 검사합니다.',
        'The group is not part of the built-in Kubernetes API, so this is a custom resource defined by a CustomResourceDefinition (CRD). No CRD for it was found in the workspace, so its fields were not checked. Put the CRD YAML in the workspace and it is validated against the CRD schema (openAPIV3Schema).',
      ),
    },
  ],
  check(context) {
    forEachManifest(context, (doc, report) => {
      if (doc.check?.status !== 'custom' || doc.crd) return;
      report({
        code: K8S.unknownCustomResource,
        ...spanOf(doc.kindNode),
        message: format(
          text(
            '사용자 정의 리소스 {kind} ({api}): 작업 공간에서 CRD를 찾지 못해 필드 검사를 건너뜁니다.',
            'Custom resource {kind} ({api}): no CRD for it in the workspace, so its fields are not checked.',
          ),
          { kind: doc.kind ?? '', api: doc.apiVersion ?? '' },
        ),
      });
    });
  },
};
