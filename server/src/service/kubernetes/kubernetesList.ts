// `apiVersion: v1, kind: List` documents (what `kubectl get -o yaml` writes): which mappings are lists, and their items.
import type { YAMLMap } from 'yaml';
import { isMap, isSeq } from '../yaml/yamlNodes';
import { schemaNode, type SchemaNode } from './schemaBundle';

/**
 * How many lists deep items are read (kubectl flattens lists inside lists without a limit; this bounds the work).
 * Validation, the resource count, hover and completion all stop at the same depth.
 */
export const MAX_LIST_NESTING = 4;

/**
 * The schema of the List wrapper: kubectl only reads its `items`, a list of objects, and ignores the rest (the List
 * itself is never sent to the API server). Validation checks each item as a manifest of its own; hover and
 * completion describe the wrapper with this.
 */
export const LIST_SCHEMA: SchemaNode = schemaNode({
  type: 'object',
  typeName: 'List',
  description: 'A list of resources, as kubectl get -o yaml writes it. kubectl creates each item as a resource of its own; the list itself is never sent to the API server.',
  preserveUnknownFields: true,
  properties: {
    items: schemaNode({
      type: 'array',
      description: 'The resources of the list, each with its own apiVersion and kind.',
      items: schemaNode({ type: 'object', preserveUnknownFields: true }),
    }),
  },
});

/** Whether an apiVersion/kind pair is kubectl's generic List (typed lists such as `DeploymentList` have a schema). */
export function isListType(apiVersion: unknown, kind: unknown): boolean {
  return apiVersion === 'v1' && kind === 'List';
}

/**
 * The items of a List mapping, read where they are written: its own `items` key, when that holds a sequence. An
 * item that is an alias is the object its anchor names, so readers skip it rather than check or count it twice, and
 * an `items` written as an alias is not followed (kubectl's own output has neither).
 */
export function listItemNodes(list: YAMLMap): readonly unknown[] {
  const items = list.get('items', true);
  return isSeq(items) ? items.items : [];
}

/** How many resources a mapping with a kind stands for: one, or for a List the resources of its items (recursively). */
export function resourcesIn(map: YAMLMap, depth = 0): number {
  if (depth >= MAX_LIST_NESTING || !isListType(map.get('apiVersion'), map.get('kind'))) return 1;
  let count = 0;
  for (const item of listItemNodes(map)) if (isMap(item) && item.has('kind')) count += resourcesIn(item, depth + 1);
  return count;
}
