// K8S006/K8S007: apiVersions removed by, or deprecated in, the chosen Kubernetes version, with the replacement.
import type { Rule } from '../../diagnostics/rule';
import { format, text, type Localized } from '../../l10n/localized';
import { K8S } from '../kubernetesCodes';
import type { ManifestDocument } from '../manifestAnalysis';
import { forEachManifest, hasApiCheck, replaceScalarFix, spanOf } from './ruleHelpers';

function migrationFix(doc: ManifestDocument, replacement: string, mechanical: boolean) {
  const title = mechanical
    ? format(text('apiVersion 바꾸기: {v}', 'Migrate apiVersion to {v}'), { v: replacement })
    : format(text('apiVersion 바꾸기: {v} (바꾼 뒤 필드 구조를 확인해야 합니다)', 'Change apiVersion to {v} (then review the fields)'), { v: replacement });
  return replaceScalarFix(doc.apiVersionNode, replacement, title, mechanical);
}

const NO_REPLACEMENT: Readonly<Record<string, Localized>> = {
  PodSecurityPolicy: text(
    ' 대체 API는 없고, 네임스페이스 레이블로 설정하는 Pod Security Admission을 써야 합니다.',
    ' There is no replacement API: use Pod Security Admission (namespace labels) instead.',
  ),
};

export const apiDeprecationRule: Rule = {
  id: 'kubernetes.apiDeprecation',
  chunkLocal: true,
  codes: [
    {
      code: K8S.removedApiVersion,
      name: 'removedApiVersion',
      defaultSeverity: 'error',
      noteId: 'kubernetes-api',
      title: text('제거된 apiVersion', 'Removed apiVersion'),
      explanation: text(
        '선택한 쿠버네티스 버전은 이 apiVersion을 더 이상 제공하지 않아서 적용하면 "no matches for kind" 오류가 납니다. 안내된 apiVersion으로 옮겨야 합니다. apiVersion만 바꾸면 되는 경우에는 빠른 수정이 제공되고, 필드 구조가 달라진 경우(예: Ingress의 backend, HPA v2beta1의 metrics)에는 바꾼 뒤 필드도 고쳐야 합니다.',
        'The chosen Kubernetes version no longer serves this apiVersion, so applying it fails with "no matches for kind". Move to the suggested apiVersion. A quick fix is offered; where the field layout changed too (e.g. Ingress backends, HPA v2beta1 metrics) the fields need updating afterwards.',
      ),
    },
    {
      code: K8S.deprecatedApiVersion,
      name: 'deprecatedApiVersion',
      defaultSeverity: 'warning',
      noteId: 'kubernetes-api',
      title: text('사용 중단 예정 apiVersion', 'Deprecated apiVersion'),
      explanation: text(
        '이 apiVersion은 선택한 버전에서는 아직 동작하지만 이후 버전에서 제거됩니다. 클러스터를 업그레이드하기 전에 안내된 apiVersion으로 옮겨 두어야 합니다.',
        'This apiVersion still works in the chosen version but is removed in a later one. Move to the suggested apiVersion before upgrading the cluster.',
      ),
    },
  ],
  check(context) {
    const version = context.settings.kubernetes.version;
    forEachManifest(context, (doc, report) => {
      if (!hasApiCheck(doc)) return;
      const { check, apiVersion, kind } = doc;
      if (check.status === 'removed') {
        const when = check.removedIn
          ? format(text('쿠버네티스 {r}에서 제거되었습니다', 'was removed in Kubernetes {r}'), { r: check.removedIn })
          : text('더 이상 제공되지 않습니다', 'is no longer served');
        const instead = check.replacement
          ? format(text(' {r} 버전으로 옮겨야 합니다.', ' Use {r}.'), { r: check.replacement })
          : NO_REPLACEMENT[kind] ?? text(' 대체 API가 없습니다.', ' It has no replacement.');
        const message = {
          ko: `${kind} — apiVersion ${apiVersion}: ${when.ko}(검사 기준 ${version}).${instead.ko}`,
          en: `${kind} in apiVersion ${apiVersion} ${when.en} (validating for ${version}).${instead.en}`,
        };
        const fix = check.replacement ? migrationFix(doc, check.replacement, check.mechanical) : undefined;
        report({ code: K8S.removedApiVersion, ...spanOf(doc.apiVersionNode), message, ...(fix ? { fixes: [fix] } : {}) });
      } else if (check.status === 'ok' && check.removedIn) {
        const replacement = check.replacement;
        const message = format(
          text(
            `{kind} — apiVersion {api}: 쿠버네티스 {r}부터 제공되지 않습니다.${replacement ? ' {rep} 버전으로 옮겨야 합니다.' : ''}`,
            `{kind} in apiVersion {api} is no longer served from Kubernetes {r}.${replacement ? ' Use {rep}.' : ''}`,
          ),
          { kind, api: apiVersion, r: check.removedIn, rep: replacement ?? '' },
        );
        const fix = replacement ? migrationFix(doc, replacement, check.mechanical === true) : undefined;
        report({ code: K8S.deprecatedApiVersion, ...spanOf(doc.apiVersionNode), message, tags: ['deprecated'], ...(fix ? { fixes: [fix] } : {}) });
      } else if (check.status === 'custom' && doc.crdVersion?.deprecated) {
        const warning = doc.crdVersion.deprecationWarning;
        report({
          code: K8S.deprecatedApiVersion,
          ...spanOf(doc.apiVersionNode),
          message: warning
            ? format(text('CRD가 이 버전을 사용 중단으로 표시했습니다: {w}', 'The CRD marks this version deprecated: {w}'), { w: warning })
            : format(text('{kind}의 CRD가 {api} 버전을 사용 중단으로 표시했습니다.', 'The CRD of {kind} marks {api} as deprecated.'), { kind, api: apiVersion }),
          tags: ['deprecated'],
        });
      }
    });
  },
};
