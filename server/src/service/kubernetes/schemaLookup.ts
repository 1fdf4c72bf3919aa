// Finds the schema of a manifest (built-in kind, CRD or kustomization; a document or a List item) and of key paths in it.
import { type Document, type Node, type YAMLMap } from 'yaml';
import { isMap, isScalar } from '../yaml/yamlNodes';
import { isListType, LIST_SCHEMA, listItemNodes, MAX_LIST_NESTING } from './kubernetesList';
import type { KubeNotesSettings } from '../settings';
import { catalogFor, splitApiVersion, type ApiCatalog } from './apiCatalog';
import { customResourceRootSchema, findCrd } from './customResources';
import { kubectlScalar } from './kubectlScalar';
import type { KubernetesResources } from './kubernetesResources';
import { isKustomizationFileName, isKustomizeKind, kustomizationSchema } from './kustomization';
import type { SchemaBundle, SchemaNode } from './schemaBundle';

export const OBJECT_META_DEFINITION = 'io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta';

export interface DocumentSchema {
  readonly schema: SchemaNode;
  readonly apiVersion?: string;
  readonly kind?: string;
  readonly bundle?: SchemaBundle;
  readonly catalog?: ApiCatalog;
}

/** apiVersion and kind strings at the root of a manifest (a document's root or a List item), as kubectl reads them. */
export function rootTypeOf(root: unknown): { apiVersion?: string; kind?: string } {
  if (!isMap(root)) return {};
  const read = (key: string): string | undefined => {
    const node = root.get(key, true) as Node | undefined;
    if (!node || !isScalar(node)) return undefined;
    const value = kubectlScalar(node);
    return value.kind === 'string' && value.value !== '' ? value.value : undefined;
  };
  const apiVersion = read('apiVersion');
  const kind = read('kind');
  return { ...(apiVersion !== undefined ? { apiVersion } : {}), ...(kind !== undefined ? { kind } : {}) };
}

/** The manifest a key path is in: its document's root, or the `v1 List` item the path goes through (lists nest). */
export interface ManifestScope {
  /** The manifest's root mapping (undefined when the path leads to a List item that is not a mapping yet). */
  readonly root: YAMLMap | undefined;
  /** The key path from that root. */
  readonly path: ReadonlyArray<string | number>;
  /** Whether the manifest is a List item (then kustomization file names do not decide its schema). */
  readonly listItem: boolean;
}

/** Follows a key path from a document's root through the items of `v1 List` documents, as validation reads them. */
export function manifestScope(document: Document.Parsed, path: ReadonlyArray<string | number>): ManifestScope {
  let root: YAMLMap | undefined = isMap(document.contents) ? document.contents : undefined;
  let rest = path;
  let listItem = false;
  for (let depth = 0; root && depth < MAX_LIST_NESTING && rest.length >= 2 && rest[0] === 'items' && typeof rest[1] === 'number'; depth++) {
    const { apiVersion, kind } = rootTypeOf(root);
    if (!isListType(apiVersion, kind)) break;
    const item = listItemNodes(root)[rest[1]];
    root = isMap(item) ? item : undefined;
    rest = rest.slice(2);
    listItem = true;
  }
  return { root, path: rest, listItem };
}

/** The schema a manifest (a document's root or a List item) validates against, as validation resolves it. */
export function manifestSchema(scope: ManifestScope, resources: KubernetesResources, settings: KubeNotesSettings, uri: string): DocumentSchema | undefined {
  const { apiVersion, kind } = rootTypeOf(scope.root);
  if (!scope.listItem) {
    if (isKustomizeKind(apiVersion, kind) && kind !== undefined) return { schema: kustomizationSchema, ...(apiVersion ? { apiVersion } : {}), kind };
    if (kind === undefined && isKustomizationFileName(uri)) return { schema: kustomizationSchema };
  }
  const bundle = resources.schemaFor(settings.kubernetes.version);
  if (!bundle || apiVersion === undefined || kind === undefined) return undefined;
  const catalog = catalogFor(bundle);
  const check = catalog.check(apiVersion, kind);
  if (check.status === 'ok') {
    const schema = bundle.schemaOf(check.entry);
    return schema ? { schema, apiVersion, kind, bundle, catalog } : undefined;
  }
  if (check.status === 'list') return { schema: LIST_SCHEMA, apiVersion, kind, bundle, catalog };
  if (check.status === 'custom') {
    const crd = findCrd(resources.customResourceDefinitions(), check.group, kind);
    // Only served versions, exactly as validation (manifestAnalysis.ts) resolves them.
    const version = crd?.versions.find((v) => v.name === splitApiVersion(apiVersion).version && v.served);
    if (crd && version) return { schema: customResourceRootSchema(version, bundle.definition(OBJECT_META_DEFINITION), kind), apiVersion, kind, bundle, catalog };
  }
  return undefined;
}

/** The schema of a child: a property (or map value) for a string step, the item schema for a number step. */
export function childSchema(schema: SchemaNode, step: string | number, objectMeta?: SchemaNode): SchemaNode | undefined {
  if (typeof step === 'number') return schema.items();
  const property = schema.property(step);
  if (property) return property;
  if (schema.embeddedResource) {
    if (step === 'metadata') return objectMeta;
    if (step === 'apiVersion' || step === 'kind') return undefined;
  }
  const additional = schema.additional();
  return additional === true ? undefined : additional;
}

/** Walks a key path from a root schema (stops at the first step the schema does not describe). */
export function schemaAtPath(root: SchemaNode, path: ReadonlyArray<string | number>, objectMeta?: SchemaNode): SchemaNode | undefined {
  let current: SchemaNode | undefined = root;
  for (const step of path) {
    if (!current) return undefined;
    current = childSchema(current, step, objectMeta);
  }
  return current;
}

/** A short type label for hover and completion details (`integer (int32)`, `[]Container`, `map[string]string`). */
export function typeLabel(schema: SchemaNode): string {
  if (schema.format === 'int-or-string') return 'integer | string';
  if (schema.format === 'quantity') return 'Quantity (string | number)';
  switch (schema.type) {
    case 'array': {
      const items = schema.items();
      return `[]${items ? (items.typeName ?? typeLabel(items)) : 'any'}`;
    }
    case 'object': {
      if (schema.typeName && schema.hasProperties) return schema.typeName;
      const additional = schema.additional();
      if (additional && additional !== true) return `map[string]${additional.typeName ?? typeLabel(additional)}`;
      return schema.typeName ?? 'object';
    }
    case undefined:
      return schema.typeName ?? 'any';
    default:
      return schema.format && schema.format !== 'byte' ? `${schema.type} (${schema.format})` : schema.format === 'byte' ? 'string (base64)' : schema.type;
  }
}
