// K8S008: a workload's selector must select its own pod template's labels (the API server rejects it otherwise).
import type { Node, YAMLMap } from 'yaml';
import { isMap, isSeq } from '../../yaml/yamlNodes';
import type { Finding, Rule } from '../../diagnostics/rule';
import { format, text } from '../../l10n/localized';
import type { DocumentGraph } from '../documentGraph';
import { scalarText } from '../kubectlScalar';
import { K8S } from '../kubernetesCodes';
import { mapAt, pairOf, podTemplateOf } from '../workloads';
import { forEachManifest, spanOf } from './ruleHelpers';

const LABEL_SELECTOR_KINDS: ReadonlySet<string> = new Set(['Deployment', 'ReplicaSet', 'StatefulSet', 'DaemonSet']);

function labelsOf(graph: DocumentGraph, map: YAMLMap | undefined): Map<string, string> {
  const labels = new Map<string, string>();
  if (!map) return labels;
  for (const pair of graph.pairsOf(map)) {
    const value = scalarText(graph.deref(pair.value));
    if (value !== undefined) labels.set(pair.key, value);
  }
  return labels;
}

interface Failure {
  readonly node: Node | null | undefined;
  readonly requirement: string;
  readonly actual?: string;
}

/** The first requirement of a LabelSelector the labels fail, or undefined if they match. */
function firstFailure(graph: DocumentGraph, selector: YAMLMap, labels: Map<string, string>): Failure | undefined {
  const matchLabels = mapAt(graph, selector, ['matchLabels']);
  if (matchLabels) {
    for (const pair of graph.pairsOf(matchLabels)) {
      const wanted = scalarText(graph.deref(pair.value));
      if (wanted === undefined) continue;
      const actual = labels.get(pair.key);
      if (actual !== wanted) return { node: pair.keyNode, requirement: `${pair.key}=${wanted}`, ...(actual !== undefined ? { actual: `${pair.key}=${actual}` } : {}) };
    }
  }
  const expressions = graph.deref(pairOf(graph, selector, 'matchExpressions')?.value);
  if (expressions && isSeq(expressions)) {
    for (const item of expressions.items) {
      const expression = graph.deref(item as Node);
      if (!expression || !isMap(expression)) continue;
      const key = scalarText(graph.deref(pairOf(graph, expression, 'key')?.value));
      const operator = scalarText(graph.deref(pairOf(graph, expression, 'operator')?.value));
      if (key === undefined || operator === undefined) continue;
      const valuesNode = graph.deref(pairOf(graph, expression, 'values')?.value);
      const values = valuesNode && isSeq(valuesNode) ? valuesNode.items.map((v) => scalarText(graph.deref(v as Node))).filter((v): v is string => v !== undefined) : [];
      const actual = labels.get(key);
      let ok: boolean;
      switch (operator) {
        case 'In':
          ok = actual !== undefined && values.includes(actual);
          break;
        case 'NotIn':
          ok = actual === undefined || !values.includes(actual);
          break;
        case 'Exists':
          ok = actual !== undefined;
          break;
        case 'DoesNotExist':
          ok = actual === undefined;
          break;
        default:
          ok = true;
      }
      if (!ok) return { node: expression, requirement: `${key} ${operator}${values.length > 0 ? ` (${values.join(', ')})` : ''}`, ...(actual !== undefined ? { actual: `${key}=${actual}` } : {}) };
    }
  }
  return undefined;
}

export const selectorMatchRule: Rule = {
  id: 'kubernetes.selectorMatch',
  chunkLocal: true,
  codes: [
    {
      code: K8S.selectorMismatch,
      name: 'selectorMismatch',
      defaultSeverity: 'error',
      noteId: 'kubernetes',
      title: text('셀렉터와 템플릿 레이블 불일치', 'Selector does not match template labels'),
      explanation: text(
        'Deployment, StatefulSet, DaemonSet, ReplicaSet은 spec.selector로 자기 파드를 찾습니다. 셀렉터가 spec.template.metadata.labels와 맞지 않으면 API 서버가 "selector does not match template labels" 오류로 거부합니다. 셀렉터와 템플릿 레이블을 같게 맞춰야 하고, 빈 셀렉터도 허용되지 않습니다.',
        'Deployments, StatefulSets, DaemonSets and ReplicaSets find their pods with spec.selector. If it does not match spec.template.metadata.labels the API server rejects the object ("selector does not match template labels"). Make them agree; an empty selector is not allowed either.',
      ),
    },
  ],
  check(context) {
    forEachManifest(context, (doc, report) => {
      if (doc.partial || doc.check?.status !== 'ok' || !doc.kind) return;
      const kind = doc.kind;
      const graph = doc.graph;
      const isRc = kind === 'ReplicationController';
      if (!LABEL_SELECTOR_KINDS.has(kind) && !isRc) return;
      const selectorPair = pairOf(graph, mapAt(graph, doc.root, ['spec']), 'selector');
      const selector = graph.deref(selectorPair?.value);
      if (!selectorPair || !selector || !isMap(selector)) return;
      const template = podTemplateOf(graph, doc.root, kind);
      if (!template) return;
      const labels = labelsOf(graph, mapAt(graph, template, ['metadata', 'labels']));
      if (isRc) {
        // ReplicationController: a plain map selector.
        for (const [key, wanted] of labelsOf(graph, selector)) {
          if (labels.get(key) === wanted) continue;
          const pair = pairOf(graph, selector, key);
          report(mismatch(pair?.keyNode ?? selectorPair.keyNode, `${key}=${wanted}`, labels.has(key) ? `${key}=${labels.get(key)}` : undefined));
          break;
        }
        return;
      }
      const hasLabels = mapAt(graph, selector, ['matchLabels']) !== undefined || pairOf(graph, selector, 'matchExpressions') !== undefined;
      if (!hasLabels) {
        report({
          code: K8S.selectorMismatch,
          ...spanOf(selectorPair.keyNode),
          message: text(
            '빈 셀렉터는 허용되지 않습니다. matchLabels에 파드 템플릿의 레이블을 적어야 합니다.',
            'An empty selector is not allowed: list the pod template labels under matchLabels.',
          ),
        });
        return;
      }
      const failure = firstFailure(graph, selector, labels);
      if (failure) report(mismatch(failure.node ?? selectorPair.keyNode, failure.requirement, failure.actual));
    });
  },
};

function mismatch(node: Node | null | undefined, requirement: string, actual: string | undefined): Finding {
  const detail = actual
    ? format(text(' 템플릿에는 {a} 레이블이 있습니다.', ' The template has {a}.'), { a: actual })
    : text(' 템플릿에는 이 레이블이 없습니다.', ' The template has no such label.');
  const head = format(
    text(
      '셀렉터 조건({r})을 파드 템플릿 레이블(spec.template.metadata.labels)이 만족하지 않습니다.',
      'The selector requires {r}, which the pod template labels (spec.template.metadata.labels) do not satisfy.',
    ),
    { r: requirement },
  );
  return { code: K8S.selectorMismatch, ...spanOf(node), message: { ko: head.ko + detail.ko, en: head.en + detail.en } };
}
