// yaml's node and document classes for fastCompose, made without running their constructors.
//
// Every `yaml` node constructor marks the instance with `Object.defineProperty(this, NODE_TYPE, …)` (collections also
// define `schema` that way), and every Document builds its own Schema. On the CLI's 700,000-line tree that was ~0.4 s
// of ~3 s. The nodes made here are instances of the same classes (`instanceof`, every method, `toJS`, `toString`
// work) whose prototype is one step below yaml's: it carries the node-type symbol and, for collections, the schema.
// Their own enumerable fields are exactly the Composer's (test/unit/parser/fastCompose.test.ts compares them after
// `yamlClassCopy`). All fast documents share one Schema: yaml builds an equal one per document from the same options,
// and nothing changes a schema (its tag list is frozen so that a change would throw rather than reach every file).
import * as yaml from 'yaml';
import type { Document, Pair, Scalar, YAMLMap, YAMLSeq } from 'yaml';

const NODE_TYPE = Symbol.for('yaml.node.type');

/**
 * The options every chunk is composed with (`parsedChunk.ts`); the scalar resolution in fastComposeScalar.ts depends
 * on them. No keepSourceTokens: it costs 15–25 % of the parse; rules read the CST or `scalar.source` instead.
 */
export const COMPOSE_OPTIONS = { uniqueKeys: false, keepSourceTokens: false, merge: true, intAsBigInt: false } as const;

type Directives = NonNullable<Document['directives']>;
type Schema = Document['schema'];

/** A real Document, composed with our options, from which the shared parts are taken. */
const template = new yaml.Document(undefined, COMPOSE_OPTIONS);

/** yaml's default document options (a Document made without options has exactly these). */
const DEFAULT_OPTIONS: object = new yaml.Document().options;

/** The schema of every fast document and collection. */
export const FAST_SCHEMA: Schema = template.schema;
// Only the Composer adds tags to a schema, and only to those of the documents it builds.
Object.freeze(FAST_SCHEMA.tags);

/**
 * `yaml` does not export its Directives class; the Composer creates one per stream and hands it to every Document as
 * `options._directives` (it ends up in `doc.options`, so it must be the same kind of object in the same state).
 */
export const DirectivesClass = template.directives!.constructor as new (yaml?: { version: string }) => Directives;

function below(base: object, nodeType: symbol, withSchema: boolean): object {
  const fields: PropertyDescriptorMap = { [NODE_TYPE]: { value: nodeType } };
  if (withSchema) fields['schema'] = { value: FAST_SCHEMA, configurable: true, enumerable: false, writable: true };
  return Object.create(base, fields) as object;
}

const scalarPrototype = below(yaml.Scalar.prototype, Symbol.for('yaml.scalar'), false);
const mapPrototype = below(yaml.YAMLMap.prototype, Symbol.for('yaml.map'), true);
const seqPrototype = below(yaml.YAMLSeq.prototype, Symbol.for('yaml.seq'), true);
const pairPrototype = below(yaml.Pair.prototype, Symbol.for('yaml.pair'), false);
const documentPrototype = below(yaml.Document.prototype, Symbol.for('yaml.document'), false);

// Plain constructor functions (not classes) so V8 gives each kind one object shape with in-object fields.
const ScalarNode = function (this: { value: unknown }, value: unknown): void {
  this.value = value;
} as unknown as new (value: unknown) => Scalar;
ScalarNode.prototype = scalarPrototype as Scalar;

const MapNode = function (this: { items: unknown[] }): void {
  this.items = [];
} as unknown as new () => YAMLMap;
MapNode.prototype = mapPrototype as YAMLMap;

const SeqNode = function (this: { items: unknown[] }): void {
  this.items = [];
} as unknown as new () => YAMLSeq;
SeqNode.prototype = seqPrototype as YAMLSeq;

const PairNode = function (this: { key: unknown; value: unknown }, key: unknown, value: unknown): void {
  this.key = key;
  this.value = value;
} as unknown as new (key: unknown, value: unknown) => Pair;
PairNode.prototype = pairPrototype as Pair;

/** The fields yaml's Document constructor sets, in its order. */
const DocumentNode = function (this: Record<string, unknown>, options: object, directives: Directives): void {
  this.commentBefore = null;
  this.comment = null;
  this.errors = [];
  this.warnings = [];
  this.options = options;
  this.directives = directives;
  this.schema = FAST_SCHEMA;
  this.contents = null;
} as unknown as new (options: object, directives: Directives) => Document;
DocumentNode.prototype = documentPrototype as Document;

export function newScalar(value: unknown): Scalar {
  return new ScalarNode(value);
}

export function newMap(): YAMLMap {
  return new MapNode();
}

export function newSeq(): YAMLSeq {
  return new SeqNode();
}

export function newPair(key: unknown, value: unknown): Pair {
  return new PairNode(key, value);
}

/**
 * A document as the Composer creates one for the stream's `directives`: its own options object, with yaml's keys in
 * yaml's order (defaults, then `_directives` and our options), and its own copy of the directives.
 */
export function newDocument(directives: Directives): Document {
  // Object.assign: an object spread of these fields was 5× slower in V8.
  const options = Object.assign(Object.assign({}, DEFAULT_OPTIONS), { _directives: directives }, COMPOSE_OPTIONS);
  // As yaml's constructor: this document's own copy of the stream's directives, whose version setSchema sets.
  const own = directives.atDocument();
  own.yaml.version = '1.2';
  return new DocumentNode(options, own);
}

const FAST_PROTOTYPES: ReadonlySet<object> = new Set([scalarPrototype, mapPrototype, seqPrototype, pairPrototype, documentPrototype]);

/** For tests: the same tree with yaml's own classes as prototypes, so deepStrictEqual can compare it with the Composer's. */
export function yamlClassCopy<T>(value: T): T {
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) return value.map((item: unknown) => yamlClassCopy(item)) as T;
  const prototype = Object.getPrototypeOf(value) as object;
  if (!FAST_PROTOTYPES.has(prototype)) return value;
  const copy = Object.create(Object.getPrototypeOf(prototype) as object) as Record<string, unknown>;
  for (const key of Object.keys(value)) copy[key] = yamlClassCopy((value as Record<string, unknown>)[key]);
  return copy as T;
}

/** The yaml class prototype of a node, fast or not. */
export function yamlPrototypeOf(node: object): object {
  const prototype = Object.getPrototypeOf(node) as object;
  return FAST_PROTOTYPES.has(prototype) ? (Object.getPrototypeOf(prototype) as object) : prototype;
}
