// Loads a generated Kubernetes schema bundle and answers kind and field-schema queries with lazily compiled nodes.

/** One schema node of the bundle file (see scripts/generateSchemas.mjs for the key legend). */
export interface RawSchemaNode {
  readonly t?: string;
  readonly f?: string;
  readonly r?: string;
  readonly d?: number;
  readonly p?: Readonly<Record<string, RawSchemaNode>>;
  readonly q?: readonly string[];
  readonly e?: readonly unknown[];
  readonly i?: RawSchemaNode;
  readonly a?: RawSchemaNode | true;
  readonly lt?: string;
  readonly lk?: readonly string[];
  readonly pu?: boolean;
  readonly er?: boolean;
}

/** The bundle file as generated. */
export interface RawSchemaBundle {
  readonly format: number;
  readonly kubernetesVersion: string;
  readonly descriptions: readonly string[];
  readonly kinds: ReadonlyArray<readonly [string, string, string, string]>;
  readonly definitions: Readonly<Record<string, RawSchemaNode>>;
  readonly apiHistory?: Readonly<Record<string, readonly [string, string]>>;
}

export type SchemaType = 'object' | 'array' | 'string' | 'integer' | 'number' | 'boolean';

/** A schema node ready for validation, hover and completion; children are compiled on first use. */
export interface SchemaNode {
  readonly type?: SchemaType;
  /** `int-or-string`, `quantity`, `int32`, `int64`, `byte`, `date-time`, … */
  readonly format?: string;
  readonly description?: string;
  /** Short name of the definition this node comes from (e.g. `DeploymentSpec`), for messages. */
  readonly typeName?: string;
  readonly required: readonly string[];
  readonly enumValues?: readonly unknown[];
  readonly listType?: string;
  readonly listMapKeys?: readonly string[];
  /** Any field is allowed (x-kubernetes-preserve-unknown-fields, or an object without declared properties). */
  readonly preserveUnknownFields: boolean;
  readonly embeddedResource: boolean;
  /** Whether `properties` is non-empty. */
  readonly hasProperties: boolean;
  property(name: string): SchemaNode | undefined;
  propertyNames(): readonly string[];
  items(): SchemaNode | undefined;
  /** Schema of map values (`additionalProperties`); `true` means any value. */
  additional(): SchemaNode | true | undefined;
}

/** A built-in kind as the bundle lists it. */
export interface KindEntry {
  readonly group: string;
  readonly version: string;
  readonly kind: string;
  readonly apiVersion: string;
  readonly definition: string;
}

const SCHEMA_TYPES: ReadonlySet<string> = new Set(['object', 'array', 'string', 'integer', 'number', 'boolean']);

export function apiVersionOf(group: string, version: string): string {
  return group === '' ? version : `${group}/${version}`;
}

export function shortTypeName(definition: string): string {
  const dot = definition.lastIndexOf('.');
  return dot === -1 ? definition : definition.slice(dot + 1);
}

/** A compiled node; `describe` overrides the description (a property's text beats its type's). */
class CompiledNode implements SchemaNode {
  readonly type?: SchemaType;
  readonly format?: string;
  readonly description?: string;
  readonly typeName?: string;
  readonly required: readonly string[];
  readonly enumValues?: readonly unknown[];
  readonly listType?: string;
  readonly listMapKeys?: readonly string[];
  readonly preserveUnknownFields: boolean;
  readonly embeddedResource: boolean;
  readonly hasProperties: boolean;
  private readonly raw: RawSchemaNode;
  private readonly bundle: SchemaBundle;
  private props?: Map<string, SchemaNode>;
  private itemNode?: SchemaNode | null;
  private additionalNode?: SchemaNode | true | null;

  constructor(bundle: SchemaBundle, own: RawSchemaNode, target: RawSchemaNode, typeName: string | undefined) {
    this.bundle = bundle;
    this.raw = target;
    const type = target.t ?? own.t;
    if (type !== undefined && SCHEMA_TYPES.has(type)) this.type = type as SchemaType;
    const format = own.f ?? target.f;
    if (format !== undefined) this.format = format;
    const description = bundle.description(own.d ?? target.d);
    if (description !== undefined) this.description = description;
    if (typeName !== undefined) this.typeName = typeName;
    this.required = target.q ?? [];
    const enumValues = own.e ?? target.e;
    if (enumValues !== undefined) this.enumValues = enumValues;
    const listType = own.lt ?? target.lt;
    if (listType !== undefined) this.listType = listType;
    const listMapKeys = own.lk ?? target.lk;
    if (listMapKeys !== undefined) this.listMapKeys = listMapKeys;
    this.hasProperties = target.p !== undefined && Object.keys(target.p).length > 0;
    this.preserveUnknownFields =
      own.pu === true || target.pu === true || (this.type === 'object' && !this.hasProperties && target.a === undefined) || (this.type === undefined && !this.hasProperties);
    this.embeddedResource = own.er === true || target.er === true;
  }

  property(name: string): SchemaNode | undefined {
    return this.properties().get(name);
  }

  propertyNames(): readonly string[] {
    return [...this.properties().keys()];
  }

  private properties(): Map<string, SchemaNode> {
    if (!this.props) {
      this.props = new Map();
      const raw = this.raw.p;
      if (raw) for (const name of Object.keys(raw)) this.props.set(name, this.bundle.compile(raw[name]!));
    }
    return this.props;
  }

  items(): SchemaNode | undefined {
    if (this.itemNode === undefined) this.itemNode = this.raw.i ? this.bundle.compile(this.raw.i) : null;
    return this.itemNode ?? undefined;
  }

  additional(): SchemaNode | true | undefined {
    if (this.additionalNode === undefined) {
      const a = this.raw.a;
      this.additionalNode = a === true ? true : a ? this.bundle.compile(a) : null;
    }
    return this.additionalNode ?? undefined;
  }
}

/** The queries over one Kubernetes version's schema. */
export class SchemaBundle {
  readonly kubernetesVersion: string;
  readonly kinds: readonly KindEntry[];
  private readonly raw: RawSchemaBundle;
  private readonly byApiVersionKind = new Map<string, KindEntry>();
  private readonly byKind = new Map<string, KindEntry[]>();
  private readonly byLowerKind = new Map<string, string>();
  private readonly apiVersions = new Set<string>();
  private readonly compiled = new WeakMap<RawSchemaNode, SchemaNode>();
  private readonly definitionNodes = new Map<string, SchemaNode>();

  constructor(raw: RawSchemaBundle) {
    this.raw = raw;
    this.kubernetesVersion = raw.kubernetesVersion;
    const kinds: KindEntry[] = [];
    for (const [group, version, kind, definition] of raw.kinds) {
      const entry: KindEntry = { group, version, kind, apiVersion: apiVersionOf(group, version), definition };
      kinds.push(entry);
      this.byApiVersionKind.set(`${entry.apiVersion}|${kind}`, entry);
      const list = this.byKind.get(kind);
      if (list) list.push(entry);
      else this.byKind.set(kind, [entry]);
      this.byLowerKind.set(kind.toLowerCase(), kind);
      this.apiVersions.add(entry.apiVersion);
    }
    this.kinds = kinds;
  }

  description(index: number | undefined): string | undefined {
    return index === undefined ? undefined : this.raw.descriptions[index];
  }

  /** The entry for an exact apiVersion + kind pair. */
  kind(apiVersion: string, kind: string): KindEntry | undefined {
    return this.byApiVersionKind.get(`${apiVersion}|${kind}`);
  }

  /** Every apiVersion that serves a kind (exact spelling). */
  entriesForKind(kind: string): readonly KindEntry[] {
    return this.byKind.get(kind) ?? [];
  }

  /** The correctly cased spelling of a kind (`daemonset` → `DaemonSet`). */
  kindSpelledLike(kind: string): string | undefined {
    return this.byLowerKind.get(kind.toLowerCase());
  }

  hasApiVersion(apiVersion: string): boolean {
    return this.apiVersions.has(apiVersion);
  }

  allApiVersions(): readonly string[] {
    return [...this.apiVersions];
  }

  /** [first, last] Kubernetes versions (of the bundled range) in which a pair existed. */
  history(apiVersion: string, kind: string): readonly [string, string] | undefined {
    return this.raw.apiHistory?.[`${apiVersion}|${kind}`];
  }

  /** Every pair recorded in the bundled version range. */
  historyEntries(): ReadonlyArray<readonly [string, readonly [string, string]]> {
    return Object.entries(this.raw.apiHistory ?? {});
  }

  /** The compiled schema of a named definition. */
  definition(name: string): SchemaNode | undefined {
    let node = this.definitionNodes.get(name);
    if (!node) {
      const raw = this.raw.definitions[name];
      if (!raw) return undefined;
      node = new CompiledNode(this, raw, raw, shortTypeName(name));
      this.definitionNodes.set(name, node);
    }
    return node;
  }

  /** The schema of a kind's top-level object. */
  schemaOf(entry: KindEntry): SchemaNode | undefined {
    return this.definition(entry.definition);
  }

  /** Compiles a raw node once (references are followed, keeping the property's own description). */
  compile(raw: RawSchemaNode): SchemaNode {
    let node = this.compiled.get(raw);
    if (node) return node;
    if (raw.r !== undefined) {
      const target = this.raw.definitions[raw.r];
      node = target ? new CompiledNode(this, raw, target, shortTypeName(raw.r)) : new CompiledNode(this, {}, {}, undefined);
    } else {
      node = new CompiledNode(this, raw, raw, undefined);
    }
    this.compiled.set(raw, node);
    return node;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Checks the shape of parsed bundle JSON and wraps it; throws with a clear message on a foreign file. */
export function loadSchemaBundle(json: unknown): SchemaBundle {
  if (!isRecord(json) || json['format'] !== 1 || !Array.isArray(json['kinds']) || !isRecord(json['definitions']) || !Array.isArray(json['descriptions'])) {
    throw new Error('not a kube-notes schema bundle (format 1)');
  }
  return new SchemaBundle(json as unknown as RawSchemaBundle);
}

/** Builds a plain node from parts (used for CRD schemas and the kustomization schema). */
export interface NodeSpec {
  readonly type?: SchemaType;
  readonly format?: string;
  readonly description?: string;
  readonly typeName?: string;
  readonly required?: readonly string[];
  readonly enumValues?: readonly unknown[];
  readonly properties?: Readonly<Record<string, SchemaNode>> | (() => Readonly<Record<string, SchemaNode>>);
  readonly items?: SchemaNode | (() => SchemaNode | undefined);
  readonly additional?: SchemaNode | true;
  readonly preserveUnknownFields?: boolean;
  readonly embeddedResource?: boolean;
  readonly listType?: string;
  readonly listMapKeys?: readonly string[];
}

/** A SchemaNode from literal parts (properties may be given lazily, for recursive shapes). */
export function schemaNode(spec: NodeSpec): SchemaNode {
  let props: Map<string, SchemaNode> | undefined;
  const properties = (): Map<string, SchemaNode> => {
    if (!props) {
      const given = typeof spec.properties === 'function' ? spec.properties() : spec.properties;
      props = new Map(Object.entries(given ?? {}));
    }
    return props;
  };
  const hasProperties = spec.properties !== undefined;
  return {
    ...(spec.type !== undefined ? { type: spec.type } : {}),
    ...(spec.format !== undefined ? { format: spec.format } : {}),
    ...(spec.description !== undefined ? { description: spec.description } : {}),
    ...(spec.typeName !== undefined ? { typeName: spec.typeName } : {}),
    ...(spec.enumValues !== undefined ? { enumValues: spec.enumValues } : {}),
    ...(spec.listType !== undefined ? { listType: spec.listType } : {}),
    ...(spec.listMapKeys !== undefined ? { listMapKeys: spec.listMapKeys } : {}),
    required: spec.required ?? [],
    preserveUnknownFields:
      spec.preserveUnknownFields === true ||
      (spec.type === undefined && !hasProperties && spec.additional === undefined) ||
      (spec.type === 'object' && !hasProperties && spec.additional === undefined),
    embeddedResource: spec.embeddedResource === true,
    hasProperties,
    property: (name) => properties().get(name),
    propertyNames: () => [...properties().keys()],
    items: () => (typeof spec.items === 'function' ? spec.items() : spec.items),
    additional: () => spec.additional,
  };
}
