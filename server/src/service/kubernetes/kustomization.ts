// Kustomize support: recognising kustomization files, their field schema, deprecated fields and patch files.
import { schemaNode, type SchemaNode } from './schemaBundle';

export const KUSTOMIZE_API_GROUP = 'kustomize.config.k8s.io';
const KUSTOMIZATION_FILE = /(?:^|\/)(?:kustomization\.ya?ml|Kustomization)$/;

/** Whether a URI names a kustomization file (`kustomization.yaml`, `kustomization.yml`, `Kustomization`). */
export function isKustomizationFileName(uri: string): boolean {
  // Without a percent escape the name is written as is: no "ustomization" in the URI, no kustomization file.
  if (!uri.includes('ustomization') && !uri.includes('%')) return false;
  const path = uri.replace(/[?#].*$/, '');
  try {
    return KUSTOMIZATION_FILE.test(decodeURIComponent(path));
  } catch {
    return KUSTOMIZATION_FILE.test(path); // a stray % in a name is not an encoding
  }
}

/** Whether an apiVersion/kind pair is kustomize's own (Kustomization or Component). */
export function isKustomizeKind(apiVersion: string | undefined, kind: string | undefined): boolean {
  return (kind === 'Kustomization' || kind === 'Component') && (apiVersion === undefined || apiVersion.startsWith(`${KUSTOMIZE_API_GROUP}/`));
}

const PATCH_WORD = /patch/i;

/**
 * Whether a file is a patch by naming convention: a `patches`/`patch` folder on its path, or a file name with
 * "patch" as a word (`patch.yaml`, `replicas-patch.yaml`, `deployment.patch.yml`, `patch_memory.yaml`).
 */
export function looksLikePatchFileName(uri: string): boolean {
  // Both tests below need "patch" in the path; without a percent escape it is in the URI as written.
  if (!PATCH_WORD.test(uri) && !uri.includes('%')) return false;
  const path = decodeURIComponent(uri.replace(/[?#].*$/, '')).toLowerCase();
  const parts = path.split('/');
  const name = parts[parts.length - 1] ?? '';
  if (parts.slice(0, -1).some((dir) => dir === 'patches' || dir === 'patch')) return true;
  return /(?:^|[-_.])patch(?:es)?(?:[-_.]|$)/.test(name.replace(/\.ya?ml$/, '.'));
}

/** Strategic-merge-patch directives; a document containing one is a patch. */
export function hasPatchDirectives(text: string): boolean {
  if (!text.includes('$')) return false;
  return /(?:^|[\s{,])["']?\$(?:patch|setElementOrder\/|retainKeys|deleteFromPrimitiveList\/)/m.test(text);
}

export interface DeprecatedKustomizeField {
  readonly replacement: string;
  /** Whether renaming the key is the whole migration. */
  readonly rename: boolean;
}

/** Fields kustomize v5 deprecates (`kustomize edit fix` migrates them). */
export const DEPRECATED_KUSTOMIZE_FIELDS: Readonly<Record<string, DeprecatedKustomizeField>> = {
  bases: { replacement: 'resources', rename: true },
  patchesStrategicMerge: { replacement: 'patches', rename: false },
  patchesJson6902: { replacement: 'patches', rename: false },
  commonLabels: { replacement: 'labels', rename: false },
  vars: { replacement: 'replacements', rename: false },
  imageTags: { replacement: 'images', rename: false },
};

const str = (description?: string): SchemaNode => schemaNode({ type: 'string', ...(description ? { description } : {}) });
const bool = (description?: string): SchemaNode => schemaNode({ type: 'boolean', ...(description ? { description } : {}) });
const any = (description?: string): SchemaNode => schemaNode({ preserveUnknownFields: true, ...(description ? { description } : {}) });
const stringList = (description: string): SchemaNode => schemaNode({ type: 'array', description, items: str() });
const stringMap = (description: string): SchemaNode => schemaNode({ type: 'object', description, additional: str() });
const list = (description: string, item: SchemaNode): SchemaNode => schemaNode({ type: 'array', description, items: item });
const object = (typeName: string, description: string, properties: Record<string, SchemaNode>, required?: string[]): SchemaNode =>
  schemaNode({ type: 'object', typeName, description, properties, ...(required ? { required } : {}) });

const target = object('Target', 'Selects the resources a patch applies to.', {
  group: str(),
  version: str(),
  kind: str(),
  name: str('Resource name (a regular expression).'),
  namespace: str(),
  labelSelector: str(),
  annotationSelector: str(),
});

const generatorOptions = object('GeneratorOptions', 'Options for generated ConfigMaps and Secrets.', {
  labels: stringMap('Labels to add to generated resources.'),
  annotations: stringMap('Annotations to add to generated resources.'),
  disableNameSuffixHash: bool('Do not append a content hash to generated names.'),
  immutable: bool('Mark generated resources immutable.'),
});

const generator = (typeName: string, extra: Record<string, SchemaNode>): SchemaNode =>
  object(typeName, `A ${typeName === 'SecretArgs' ? 'Secret' : 'ConfigMap'} to generate.`, {
    name: str(),
    namespace: str(),
    behavior: schemaNode({ type: 'string', enumValues: ['create', 'replace', 'merge'], description: 'create (default), replace or merge with an inherited generator.' }),
    files: stringList('Files to read (`key=path` or `path`).'),
    literals: stringList('`key=value` literals.'),
    envs: stringList('Env files (`KEY=value` lines).'),
    env: str('Deprecated single env file; use envs.'),
    options: generatorOptions,
    ...extra,
  });

/** The Kustomization (and Component) fields of kustomize v5. */
export const kustomizationSchema: SchemaNode = object('Kustomization', 'A kustomize Kustomization: resources to build and transformations to apply.', {
  apiVersion: str(),
  kind: str(),
  metadata: any('Optional metadata (name, annotations).'),
  openapi: any('Custom OpenAPI schema for patches.'),
  namespace: str('Namespace to set on every resource.'),
  namePrefix: str('Prefix added to every resource name.'),
  nameSuffix: str('Suffix added to every resource name.'),
  labels: list(
    'Labels to add, optionally to selectors and templates.',
    object('Label', 'Labels and where to add them.', {
      pairs: stringMap('The labels.'),
      includeSelectors: bool('Also add them to selectors (do not change on existing workloads).'),
      includeTemplates: bool('Also add them to pod templates.'),
      fields: list('Extra field specs.', any()),
    }),
  ),
  commonLabels: stringMap('Deprecated: labels added to resources and selectors; use labels.'),
  commonAnnotations: stringMap('Annotations added to every resource.'),
  resources: stringList('Files, directories or URLs of resources (and other kustomizations).'),
  bases: stringList('Deprecated: use resources.'),
  components: stringList('Kustomize components to include.'),
  crds: stringList('CRD files whose schemas inform transformations.'),
  configMapGenerator: list('ConfigMaps to generate.', generator('ConfigMapArgs', {})),
  secretGenerator: list('Secrets to generate.', generator('SecretArgs', { type: str('Secret type, e.g. Opaque or kubernetes.io/tls.') })),
  generatorOptions,
  generators: list('Generator plugin configurations.', any()),
  transformers: list('Transformer plugin configurations.', any()),
  validators: list('Validator plugin configurations.', any()),
  patches: list(
    'Patches (strategic merge or JSON 6902), from a file or inline, optionally with a target.',
    object('Patch', 'One patch.', {
      path: str('File holding the patch.'),
      patch: str('Inline patch text.'),
      target,
      options: object('PatchOptions', 'Patch options.', { allowNameChange: bool(), allowKindChange: bool() }),
    }),
  ),
  patchesStrategicMerge: list('Deprecated: use patches.', any()),
  patchesJson6902: list('Deprecated: use patches with a target.', any()),
  images: list(
    'Image name, tag or digest overrides.',
    object('Image', 'An image override.', { name: str(), newName: str(), newTag: str(), digest: str(), tagSuffix: str() }, ['name']),
  ),
  imageTags: list('Deprecated: use images.', any()),
  replicas: list('Replica count overrides.', object('Replica', 'A replica override.', { name: str(), count: schemaNode({ type: 'integer' }) }, ['name', 'count'])),
  replacements: list('Copy values from one field to others.', any()),
  vars: list('Deprecated: use replacements.', any()),
  helmCharts: list('Helm charts to inflate.', any()),
  helmGlobals: any('Helm settings.'),
  helmChartInflationGenerator: list('Deprecated Helm inflation.', any()),
  buildMetadata: stringList('Build metadata to add (managedByLabel, originAnnotations, transformerAnnotations).'),
  sortOptions: any('Output ordering.'),
  configurations: stringList('Transformer configuration files.'),
});
