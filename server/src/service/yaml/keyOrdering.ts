// Keys of each mapping in alphabetical order (YAML118, off by default, as in yamllint's key-ordering).
import type { Node } from 'yaml';
import { isAlias, isMap, isPair, isScalar, isSeq } from './yamlNodes';
import type { Rule, RuleCode, RuleContext } from '../diagnostics/rule';
import { format, text } from '../l10n/localized';
import { excerpt } from './yamlText';

export const KEY_ORDERING: RuleCode = {
  code: 'YAML118',
  name: 'keyOrdering',
  defaultSeverity: 'off',
  noteId: 'yaml-objects',
  title: text('키가 알파벳 순서가 아닙니다', 'Keys not in alphabetical order'),
  explanation: text(
    '매핑의 키 순서는 의미가 없지만, 알파벳 순서로 맞추면 큰 매핑에서 키를 찾고 비교하기 쉽습니다. Kubernetes 매니페스트는 `apiVersion`, `kind`, `metadata`, `spec` 순서가 관례라서 이 규칙은 기본으로 꺼져 있습니다.',
    'Key order carries no meaning, but alphabetical order makes large mappings easier to scan and diff. Kubernetes manifests conventionally use `apiVersion`, `kind`, `metadata`, `spec`, so this rule is off by default.',
  ),
};

export const keyOrdering: Rule = {
  id: 'yaml.keyOrdering',
  chunkLocal: true,
  codes: [KEY_ORDERING],
  check(context: RuleContext): void {
    if (context.file.isHelmTemplate) return;
    for (const document of context.chunk.documents) {
      const stack: Node[] = [];
      if (document.contents) stack.push(document.contents);
      while (stack.length > 0) {
        const node = stack.pop()!;
        if (isAlias(node)) continue;
        if (isSeq(node)) {
          for (const item of node.items) if (item && typeof item === 'object') stack.push(item as Node);
          continue;
        }
        if (!isMap(node)) continue;
        let previous: string | undefined;
        for (const pair of node.items) {
          if (!isPair(pair)) continue;
          if (pair.value && typeof pair.value === 'object') stack.push(pair.value as Node);
          if (!isScalar(pair.key) || pair.key.value === null) continue;
          const name = String(pair.key.value);
          if (previous !== undefined && name < previous && pair.key.range) {
            context.report({
              code: KEY_ORDERING.code,
              start: pair.key.range[0],
              end: pair.key.range[1],
              message: format(text('`{key}` 키가 `{prev}` 키보다 앞에 와야 합니다.', 'The key `{key}` should come before `{prev}`.'), { key: excerpt(name), prev: excerpt(previous) }),
            });
          } else previous = name;
        }
      }
    }
  },
};
