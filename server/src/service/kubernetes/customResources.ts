// Extracts CustomResourceDefinitions (kind, group, served versions, openAPIV3Schema) and builds schemas for their resources.
import { type Document } from 'yaml';
import { isMap } from '../yaml/yamlNodes';
import { isListType, MAX_LIST_NESTING } from './kubernetesList';
import { schemaNode, type SchemaNode, type SchemaType } from './schemaBundle';

export interface CustomResourceVersion {
  readonly name: string;
  readonly served: boolean;
  readonly deprecated: boolean;
  readonly deprecationWarning?: string;
  /** The version's schema (undefined when the CRD declares none: anything goes). */
  readonly schema?: SchemaNode;
}

export interface CustomResourceDefinition {
  readonly group: string;
  readonly kind: string;
  readonly plural?: string;
  readonly scope?: string;
  readonly versions: readonly CustomResourceVersion[];
  /** Where the CRD was found (a file URI), for messages and to replace a file's CRDs on change. */
  readonly source?: string;
}

const MAX_SCHEMA_DEPTH = 64;
const TYPES: ReadonlySet<string> = new Set(['object', 'array', 'string', 'integer', 'number', 'boolean']);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Converts an OpenAPI v3 (structural) schema to a SchemaNode, bounded in depth; `$ref`s are not allowed in CRDs. */
export function schemaFromOpenApiV3(input: unknown, depth = 0, typeName?: string): SchemaNode {
  if (!isRecord(input) || depth > MAX_SCHEMA_DEPTH) return schemaNode({ preserveUnknownFields: true });
  const type = typeof input['type'] === 'string' && TYPES.has(input['type']) ? (input['type'] as SchemaType) : undefined;
  let format = typeof input['format'] === 'string' ? input['format'] : undefined;
  if (input['x-kubernetes-int-or-string'] === true) format = 'int-or-string';
  const propertiesInput = isRecord(input['properties']) ? input['properties'] : undefined;
  const additionalInput = input['additionalProperties'];
  const required = Array.isArray(input['required']) ? input['required'].filter((r): r is string => typeof r === 'string') : undefined;
  const enumValues = Array.isArray(input['enum']) ? input['enum'] : undefined;
  const description = typeof input['description'] === 'string' ? input['description'] : undefined;
  // Value-validation combinators (anyOf/oneOf/allOf/not) carry no structure in structural schemas: ignored here.
  return schemaNode({
    ...(type !== undefined ? { type } : {}),
    ...(format !== undefined ? { format } : {}),
    ...(description !== undefined ? { description } : {}),
    ...(typeName !== undefined ? { typeName } : {}),
    ...(required ? { required } : {}),
    ...(enumValues ? { enumValues } : {}),
    ...(propertiesInput
      ? {
          properties: () => {
            const result: Record<string, SchemaNode> = {};
            for (const [name, value] of Object.entries(propertiesInput)) result[name] = schemaFromOpenApiV3(value, depth + 1);
            return result;
          },
        }
      : {}),
    ...(isRecord(input['items']) ? { items: () => schemaFromOpenApiV3(input['items'], depth + 1) } : {}),
    ...(additionalInput === true ? { additional: true as const } : isRecord(additionalInput) ? { additional: schemaFromOpenApiV3(additionalInput, depth + 1) } : {}),
    preserveUnknownFields: input['x-kubernetes-preserve-unknown-fields'] === true,
    embeddedResource: input['x-kubernetes-embedded-resource'] === true,
    ...(typeof input['x-kubernetes-list-type'] === 'string' ? { listType: input['x-kubernetes-list-type'] } : {}),
    ...(Array.isArray(input['x-kubernetes-list-map-keys']) ? { listMapKeys: input['x-kubernetes-list-map-keys'].filter((k): k is string => typeof k === 'string') } : {}),
  });
}

/** A CRD from a plain object (`toJS` of a CustomResourceDefinition document); undefined if it is not one. */
export function crdFromObject(object: unknown, source?: string): CustomResourceDefinition | undefined {
  if (!isRecord(object) || object['kind'] !== 'CustomResourceDefinition') return undefined;
  const apiVersion = object['apiVersion'];
  if (apiVersion !== 'apiextensions.k8s.io/v1' && apiVersion !== 'apiextensions.k8s.io/v1beta1') return undefined;
  const spec = object['spec'];
  if (!isRecord(spec) || typeof spec['group'] !== 'string' || !isRecord(spec['names']) || typeof spec['names']['kind'] !== 'string') return undefined;
  const kind = spec['names']['kind'];
  const versions: CustomResourceVersion[] = [];
  // v1beta1 CRDs could share one schema for every version.
  const shared = isRecord(spec['validation']) ? spec['validation']['openAPIV3Schema'] : undefined;
  if (Array.isArray(spec['versions'])) {
    for (const version of spec['versions']) {
      if (!isRecord(version) || typeof version['name'] !== 'string') continue;
      const schemaInput = isRecord(version['schema']) ? version['schema']['openAPIV3Schema'] : shared;
      versions.push({
        name: version['name'],
        served: version['served'] !== false,
        deprecated: version['deprecated'] === true,
        ...(typeof version['deprecationWarning'] === 'string' ? { deprecationWarning: version['deprecationWarning'] } : {}),
        ...(isRecord(schemaInput) ? { schema: schemaFromOpenApiV3(schemaInput, 0, kind) } : {}),
      });
    }
  } else if (typeof spec['version'] === 'string') {
    versions.push({ name: spec['version'], served: true, deprecated: false, ...(isRecord(shared) ? { schema: schemaFromOpenApiV3(shared, 0, kind) } : {}) });
  }
  return {
    group: spec['group'],
    kind,
    ...(typeof spec['names']['plural'] === 'string' ? { plural: spec['names']['plural'] } : {}),
    ...(typeof spec['scope'] === 'string' ? { scope: spec['scope'] } : {}),
    versions,
    ...(source !== undefined ? { source } : {}),
  };
}

/**
 * The CRDs a parsed document declares: its root, or the items of a `v1 List` (`kubectl get crds -o yaml`), lists in
 * lists included. toJS is bounded by yaml's alias limit; a document it fails on gives none.
 */
export function crdsFromDocument(document: Document.Parsed, source?: string): CustomResourceDefinition[] {
  const root = document.contents;
  if (!isMap(root)) return [];
  const kind: unknown = root.get('kind');
  if (kind !== 'CustomResourceDefinition' && !isListType(root.get('apiVersion'), kind)) return [];
  let object: unknown;
  try {
    object = document.toJS({ maxAliasCount: 100 });
  } catch {
    return [];
  }
  const result: CustomResourceDefinition[] = [];
  const visit = (value: unknown, depth: number): void => {
    if (!isRecord(value)) return;
    if (isListType(value['apiVersion'], value['kind'])) {
      if (depth < MAX_LIST_NESTING && Array.isArray(value['items'])) for (const item of value['items']) visit(item, depth + 1);
      return;
    }
    const crd = crdFromObject(value, source);
    if (crd) result.push(crd);
  };
  visit(object, 0);
  return result;
}

/** Finds the CRD that defines `group`/`kind` (exact group and kind). */
export function findCrd(crds: readonly CustomResourceDefinition[], group: string, kind: string): CustomResourceDefinition | undefined {
  for (const crd of crds) if (crd.group === group && crd.kind === kind) return crd;
  return undefined;
}

/** Wraps a CR version's schema so apiVersion, kind and metadata are always allowed at the root. */
export function customResourceRootSchema(version: CustomResourceVersion, objectMeta: SchemaNode | undefined, kind: string): SchemaNode {
  const inner = version.schema;
  if (!inner) return schemaNode({ preserveUnknownFields: true, typeName: kind });
  const implicit: Record<string, SchemaNode> = {
    apiVersion: schemaNode({ type: 'string' }),
    kind: schemaNode({ type: 'string' }),
    metadata: objectMeta ?? schemaNode({ type: 'object', preserveUnknownFields: true }),
  };
  return {
    ...inner,
    typeName: kind,
    property: (name) => (name === 'metadata' ? implicit['metadata'] : inner.property(name) ?? implicit[name]),
    propertyNames: () => [...new Set([...Object.keys(implicit), ...inner.propertyNames()])],
    items: () => inner.items(),
    additional: () => inner.additional(),
    // A root without `properties` would otherwise reject apiVersion/kind as unknown.
    preserveUnknownFields: inner.preserveUnknownFields,
    hasProperties: true,
  };
}
