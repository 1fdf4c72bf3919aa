// K8S005: an apiVersion/kind pair the chosen Kubernetes version does not serve, with the right apiVersion or kind suggested.
import type { FindingFix, Rule } from '../../diagnostics/rule';
import { format, text } from '../../l10n/localized';
import { splitApiVersion } from '../apiCatalog';
import { K8S } from '../kubernetesCodes';
import { forEachManifest, hasApiCheck, replaceScalarFix, spanOf } from './ruleHelpers';

export const apiVersionKindRule: Rule = {
  id: 'kubernetes.apiVersionKind',
  chunkLocal: true,
  codes: [
    {
      code: K8S.unknownApiVersionKind,
      name: 'unknownApiVersionKind',
      defaultSeverity: 'error',
      noteId: 'kubernetes-api',
      title: text('알 수 없는 apiVersion/kind 조합', 'Unknown apiVersion/kind pair'),
      explanation: text(
        '선택한 쿠버네티스 버전(kubeNotes.kubernetes.version)의 API에는 이 apiVersion과 kind 조합이 없습니다. 종류마다 속한 API 그룹이 정해져 있어서 Deployment는 apps/v1, Ingress는 networking.k8s.io/v1처럼 맞는 apiVersion을 써야 하고, kind는 대소문자까지 정확해야 합니다(DaemonSet).',
        'The API of the chosen Kubernetes version (kubeNotes.kubernetes.version) has no such apiVersion/kind pair. Every kind belongs to an API group, so it needs the matching apiVersion (Deployment is apps/v1, Ingress is networking.k8s.io/v1), and kinds are case-sensitive (DaemonSet).',
      ),
    },
  ],
  check(context) {
    const version = context.settings.kubernetes.version;
    forEachManifest(context, (doc, report) => {
      if (!hasApiCheck(doc)) return;
      const { check, apiVersion, kind } = doc;
      switch (check.status) {
        case 'wrongApiVersion': {
          const fix = replaceScalarFix(doc.apiVersionNode, check.suggestion, format(text('apiVersion 바꾸기: {v}', 'Change apiVersion to {v}'), { v: check.suggestion }), true);
          report({
            code: K8S.unknownApiVersionKind,
            ...spanOf(doc.apiVersionNode),
            message: format(
              text('apiVersion "{api}"에는 {kind} 종류가 없습니다. {kind}에 맞는 apiVersion은 {s}입니다.', 'Kind {kind} is not served by apiVersion "{api}"; use apiVersion: {s}.'),
              { api: apiVersion, kind, s: check.suggestion },
            ),
            ...(fix ? { fixes: [fix] } : {}),
          });
          break;
        }
        case 'wrongKind': {
          if (check.suggestion) {
            const fixes: FindingFix[] = [];
            const kindFix = replaceScalarFix(doc.kindNode, check.suggestion, format(text('kind 바꾸기: {v}', 'Change kind to {v}'), { v: check.suggestion }), true);
            if (kindFix && check.suggestionApiVersion) {
              const apiFix = replaceScalarFix(doc.apiVersionNode, check.suggestionApiVersion, text('', ''), true);
              if (apiFix) {
                fixes.push({
                  title: format(text('apiVersion: {a}, kind: {k} 값으로 바꾸기', 'Change to apiVersion: {a}, kind: {k}'), { a: check.suggestionApiVersion, k: check.suggestion }),
                  edits: [...apiFix.edits, ...kindFix.edits].sort((a, b) => a.start - b.start),
                  isPreferred: true,
                });
              }
            } else if (kindFix) fixes.push(kindFix);
            report({
              code: K8S.unknownApiVersionKind,
              ...spanOf(doc.kindNode),
              message: format(
                text('apiVersion "{api}"에는 "{kind}" 종류가 없습니다. "{s}" 종류를 뜻하셨나요?', 'apiVersion "{api}" has no kind "{kind}". Did you mean "{s}"?'),
                { api: apiVersion, kind, s: check.suggestion },
              ),
              ...(fixes.length > 0 ? { fixes } : {}),
            });
          } else {
            report({
              code: K8S.unknownApiVersionKind,
              ...spanOf(doc.kindNode),
              message: format(text('apiVersion "{api}"에는 "{kind}" 종류가 없습니다.', 'apiVersion "{api}" has no kind "{kind}".'), { api: apiVersion, kind }),
            });
          }
          break;
        }
        case 'unknownApiVersion': {
          const fix = check.suggestion
            ? replaceScalarFix(doc.apiVersionNode, check.suggestion, format(text('apiVersion 바꾸기: {v}', 'Change apiVersion to {v}'), { v: check.suggestion }), true)
            : undefined;
          report({
            code: K8S.unknownApiVersionKind,
            ...spanOf(doc.apiVersionNode),
            message: check.suggestion
              ? format(text('알 수 없는 apiVersion "{api}"입니다. "{s}" 버전을 뜻하셨나요?', 'Unknown apiVersion "{api}". Did you mean "{s}"?'), { api: apiVersion, s: check.suggestion })
              : format(text('알 수 없는 apiVersion "{api}"입니다.', 'Unknown apiVersion "{api}".'), { api: apiVersion }),
            ...(fix ? { fixes: [fix] } : {}),
          });
          break;
        }
        case 'notYet':
          report({
            code: K8S.unknownApiVersionKind,
            ...spanOf(doc.apiVersionNode),
            message: format(
              text(
                '{kind} ({api}) 종류는 쿠버네티스 {since}부터 제공됩니다. 지금 검사 기준 버전은 {v}입니다. 클러스터 버전에 맞게 kubeNotes.kubernetes.version을 바꾸거나 다른 apiVersion을 써야 합니다.',
                '{kind} ({api}) is served from Kubernetes {since}, but validation targets {v}. Set kubeNotes.kubernetes.version to your cluster version, or use another apiVersion.',
              ),
              { kind, api: apiVersion, since: check.since, v: version },
            ),
          });
          break;
        case 'custom': {
          if (doc.crd && !doc.crdVersion) {
            const served = doc.crd.versions.filter((v) => v.served).map((v) => `${doc.crd!.group}/${v.name}`);
            const first = served[0];
            const fix = first ? replaceScalarFix(doc.apiVersionNode, first, format(text('apiVersion 바꾸기: {v}', 'Change apiVersion to {v}'), { v: first }), served.length === 1) : undefined;
            report({
              code: K8S.unknownApiVersionKind,
              ...spanOf(doc.apiVersionNode),
              message: format(
                text('{kind}의 CRD는 {ver} 버전을 제공하지 않습니다. 제공되는 apiVersion: {list}.', 'The CRD of {kind} does not serve version {ver}. Served apiVersions: {list}.'),
                { kind, ver: splitApiVersion(apiVersion).version, list: served.join(', ') || '-' },
              ),
              ...(fix ? { fixes: [fix] } : {}),
            });
          }
          break;
        }
        default:
          break;
      }
    });
  },
};
