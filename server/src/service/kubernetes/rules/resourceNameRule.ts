// K8S011: metadata.name (and container names) must follow the Kubernetes name format of the kind (DNS-1123 and friends).
import type { Node } from 'yaml';
import { isScalar } from '../../yaml/yamlNodes';
import type { FindingFix, Rule } from '../../diagnostics/rule';
import { format, text, type Localized } from '../../l10n/localized';
import type { DocumentGraph } from '../documentGraph';
import { kubectlScalar } from '../kubectlScalar';
import { K8S } from '../kubernetesCodes';
import { isTemplated, maxLength, nameProblem, sanitizeName, type NameFormat } from '../nameFormats';
import { containersOf, mapAt, pairOf } from '../workloads';
import { forEachManifest, replaceScalarFix, type Report, spanOf } from './ruleHelpers';

const RBAC_KINDS: ReadonlySet<string> = new Set(['Role', 'ClusterRole', 'RoleBinding', 'ClusterRoleBinding']);

/** The format `metadata.name` must have for a built-in kind. */
export function nameFormatOf(kind: string): NameFormat {
  if (kind === 'Namespace') return 'dns1123Label';
  if (kind === 'Service') return 'dns1035Label';
  if (RBAC_KINDS.has(kind)) return 'pathSegment';
  return 'dns1123Subdomain';
}

const RULES: Readonly<Record<NameFormat, Localized>> = {
  dns1123Label: text(
    '소문자, 숫자, \'-\'만 쓸 수 있고 영숫자로 시작하고 끝나야 하며 63자 이하여야 합니다(RFC 1123 레이블).',
    'use lowercase letters, digits and \'-\', start and end with a letter or digit, at most 63 characters (RFC 1123 label).',
  ),
  dns1035Label: text(
    '소문자, 숫자, \'-\'만 쓸 수 있고 소문자로 시작하고 영숫자로 끝나야 하며 63자 이하여야 합니다(RFC 1035 레이블).',
    'use lowercase letters, digits and \'-\', start with a letter and end with a letter or digit, at most 63 characters (RFC 1035 label).',
  ),
  dns1123Subdomain: text(
    '소문자, 숫자, \'-\', \'.\'만 쓸 수 있고 영숫자로 시작하고 끝나야 하며 253자 이하여야 합니다(RFC 1123 서브도메인).',
    'use lowercase letters, digits, \'-\' and \'.\', start and end with a letter or digit, at most 253 characters (RFC 1123 subdomain).',
  ),
  pathSegment: text('\'/\'와 \'%\'를 쓸 수 없고 \'.\'이나 \'..\'일 수 없습니다.', 'it may not contain \'/\' or \'%\' and may not be \'.\' or \'..\'.'),
};

function checkName(graph: DocumentGraph, node: Node | null | undefined, nameFormat: NameFormat, what: Localized, report: Report): void {
  const target = graph.deref(node);
  if (!node || !target || !isScalar(target)) return;
  const value = kubectlScalar(target);
  if (value.kind !== 'string' || value.value === '' || isTemplated(value.value)) return;
  const problem = nameProblem(value.value, nameFormat);
  if (!problem) return;
  const rule = RULES[nameFormat];
  const len = value.value.length;
  const max = maxLength(nameFormat);
  const message: Localized = problem === 'tooLong'
    ? { ko: `${what.ko}길이가 너무 깁니다: ${len}자(최대 ${max}자). ${rule.ko}`, en: `${what.en}is too long: ${len} characters (at most ${max}); ${rule.en}` }
    : { ko: `${what.ko}형식이 잘못되었습니다: "${value.value}". ${rule.ko}`, en: `${what.en}"${value.value}" is not valid: ${rule.en}` };
  const suggestion = sanitizeName(value.value, nameFormat);
  const fix: FindingFix | undefined = suggestion && node === target
    ? replaceScalarFix(target, suggestion, format(text('이름 바꾸기: {v}', 'Rename to {v}'), { v: suggestion }), false)
    : undefined;
  report({ code: K8S.invalidResourceName, ...spanOf(node), message, ...(fix ? { fixes: [fix] } : {}) });
}

export const resourceNameRule: Rule = {
  id: 'kubernetes.resourceName',
  chunkLocal: true,
  codes: [
    {
      code: K8S.invalidResourceName,
      name: 'invalidResourceName',
      defaultSeverity: 'error',
      noteId: 'kubernetes-api',
      title: text('잘못된 이름 형식', 'Invalid name'),
      explanation: text(
        '쿠버네티스 객체 이름은 DNS 이름으로도 쓰이기 때문에 형식이 정해져 있습니다. 대부분의 객체는 RFC 1123 서브도메인(소문자, 숫자, \'-\', \'.\'), Namespace와 컨테이너 이름은 RFC 1123 레이블, Service는 소문자로 시작하는 RFC 1035 레이블이어야 합니다. 대문자나 밑줄(_)이 들어가면 API 서버가 거부합니다.',
        'Kubernetes object names double as DNS names, so their format is fixed: most objects need an RFC 1123 subdomain (lowercase letters, digits, \'-\', \'.\'), Namespaces and container names an RFC 1123 label, and Services an RFC 1035 label starting with a letter. Uppercase letters or underscores are rejected by the API server.',
      ),
    },
  ],
  check(context) {
    forEachManifest(context, (doc, report) => {
      if (doc.check?.status !== 'ok' || !doc.kind) return;
      const graph = doc.graph;
      const namePair = pairOf(graph, mapAt(graph, doc.root, ['metadata']), 'name');
      if (namePair) checkName(graph, namePair.value as Node | null, nameFormatOf(doc.kind), text('metadata.name ', 'metadata.name '), report);
      for (const container of containersOf(doc)) {
        if (container.repeat) continue;
        checkName(graph, pairOf(graph, container.node, 'name')?.value as Node | null, 'dns1123Label', text('컨테이너 이름 ', 'Container name '), report);
      }
    });
  },
};
