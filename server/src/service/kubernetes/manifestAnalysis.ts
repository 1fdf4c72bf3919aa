// Per-chunk Kubernetes analysis shared by all Kubernetes rules: detection by content, kind lookup, one schema walk.
import type { Document, Node, YAMLMap } from 'yaml';
import { isMap, isScalar } from '../yaml/yamlNodes';
import { SYNTAX_MEMO_PREFIX } from '../parser/parsedChunk';
import { LIST_SCHEMA, listItemNodes, MAX_LIST_NESTING } from './kubernetesList';
import type { Finding, Rule, RuleCode, RuleContext } from '../diagnostics/rule';
import { optionsPerSettings } from '../diagnostics/ruleOptions';
import { settingValue } from '../settings';
import { catalogFor, splitApiVersion, type ApiCatalog, type ApiCheck } from './apiCatalog';
import { customResourceRootSchema, findCrd, type CustomResourceDefinition, type CustomResourceVersion } from './customResources';
import { DocumentGraph, rangeOf } from './documentGraph';
import { kubectlScalar } from './kubectlScalar';
import { hasPatchDirectives, isKustomizationFileName, isKustomizeKind, kustomizationSchema, looksLikePatchFileName } from './kustomization';
import type { SchemaBundle, SchemaNode } from './schemaBundle';
import { K8S } from './kubernetesCodes';
import { format, text } from '../l10n/localized';
import { OBJECT_META_DEFINITION } from './schemaLookup';
import { validateNode, type FindingSink } from './schemaValidator';
import { MAX_FINDINGS_PER_RULE_PER_CHUNK } from '../diagnostics/validation';
import type { WorkloadMemo } from './workloads';


/** A Kubernetes manifest (or a kustomization): a YAML document's root mapping, or an item of a `v1 List` document. */
export interface ManifestDocument {
  /** The document the manifest is in (for a List item, the List's). */
  readonly document: Document.Parsed;
  readonly graph: DocumentGraph;
  readonly root: YAMLMap;
  readonly apiVersion?: string;
  readonly apiVersionNode?: Node;
  readonly kind?: string;
  readonly kindNode?: Node;
  /** What the catalog says about the apiVersion/kind pair (absent for kustomizations). */
  readonly check?: ApiCheck;
  /** The schema the document was validated with, if any. */
  readonly schema?: SchemaNode;
  /** The workspace CRD of a custom resource, and the matching version. */
  readonly crd?: CustomResourceDefinition;
  readonly crdVersion?: CustomResourceVersion;
  /** A partial document (kustomize patch): required fields and completeness checks are skipped. */
  readonly partial: boolean;
  readonly kustomization: boolean;
  /** The workload rules' shared lookups (see workloads.ts), kept as long as the document. */
  readonly workload: WorkloadMemo;
}

export interface ChunkAnalysis {
  /** Changes when anything the findings depend on changes (version, CRDs, patch status, settings). */
  readonly key: string;
  readonly documents: readonly ManifestDocument[];
  readonly schemaFindings: readonly Finding[];
  readonly bundle?: SchemaBundle;
  readonly catalog?: ApiCatalog;
}

// Holds document nodes: released with them (see ParsedChunk.releaseSyntax).
const MEMO_KEY = `${SYNTAX_MEMO_PREFIX}kubernetes:analysis`;
const EMPTY: readonly Finding[] = [];

/** The string value of a root key, as kubectl reads it, with its node. */
function rootString(graph: DocumentGraph, root: YAMLMap, key: string): { value: string; node: Node } | undefined {
  for (const pair of graph.pairsOf(root)) {
    if (pair.key !== key) continue;
    const node = graph.deref(pair.value);
    if (!node || !isScalar(node)) return undefined;
    const value = kubectlScalar(node);
    return value.kind === 'string' && value.value !== '' ? { value: value.value, node: (pair.value as Node) ?? node } : undefined;
  }
  return undefined;
}

interface KeyMemo {
  readonly settings: object;
  readonly resources: object;
  readonly uri: string;
  readonly generation: number;
  readonly helm: boolean;
  readonly key: string;
  readonly enabled: boolean;
  readonly partialFile: boolean;
}

interface FileNameFacts {
  readonly uri: string;
  readonly partial: boolean;
  readonly kustomization: boolean;
}

/**
 * The facts of the file asked about last: a file's chunks are analysed in a row, so one entry serves them all. (A Map
 * of recent files kept its entries alive long enough for V8 to pretenure them and recompile the analysis mid-run.)
 */
let lastFileName: FileNameFacts | undefined;

/** File-name facts of a URI (two file-name tests, asked for twice per chunk). */
function factsOfFileName(uri: string): FileNameFacts {
  if (lastFileName === undefined || lastFileName.uri !== uri) {
    lastFileName = { uri, partial: looksLikePatchFileName(uri), kustomization: isKustomizationFileName(uri) };
  }
  return lastFileName;
}

function analysisKey(context: RuleContext): { key: string; enabled: boolean; partialFile: boolean } {
  const { settings, file, kubernetes } = context;
  const generation = kubernetes.generation?.() ?? 0;
  const memo = context.chunk.memo.get(KEY_MEMO) as KeyMemo | undefined;
  if (
    memo && memo.settings === settings && memo.resources === kubernetes && memo.uri === file.uri &&
    memo.generation === generation && memo.helm === file.isHelmTemplate
  ) {
    return memo;
  }
  const enabled = settings.kubernetes.validate && !file.isHelmTemplate;
  const facts = factsOfFileName(file.uri);
  const partialFile = kubernetes.isKustomizePatch?.(file.uri) === true || facts.partial;
  const key = [settings.kubernetes.version, enabled ? 1 : 0, generation, partialFile ? 1 : 0, facts.kustomization ? 1 : 0].join('|');
  const next: KeyMemo = { settings, resources: kubernetes, uri: file.uri, generation, helm: file.isHelmTemplate, key, enabled, partialFile };
  context.chunk.memo.set(KEY_MEMO, next);
  return next;
}

const KEY_MEMO = 'kubernetes:key';

/**
 * The rule context the chunk's analysis was last handed to: the engine passes one context to all rules of a chunk,
 * so the Kubernetes rules after the first take the analysis from the chunk's memo without recomputing its key (19
 * rules ask per chunk). Only the context is kept, not the analysis: the documents go when the chunk releases them.
 */
let lastHandedOut: { readonly context: RuleContext; readonly generation: number } | undefined;

/**
 * Analyses a chunk once per key (cached in the chunk's memo). Only the repeat ask is here: V8 inlines this function,
 * through forEachManifest, forEachContainer and the schema findings' relay, into the rules' checks (17 times in a
 * check of the benchmark's tree), so the first ask of a chunk lives in a function of its own.
 */
export function analyzeChunk(context: RuleContext): ChunkAnalysis {
  const last = lastHandedOut;
  if (last !== undefined && last.context === context && last.generation === (context.kubernetes.generation?.() ?? 0)) {
    const known = context.chunk.memo.get(MEMO_KEY) as ChunkAnalysis | undefined;
    if (known) return known;
  }
  return analyzeChunkFirst(context);
}

/** The analysis of a chunk asked for the first time with this context: by key, from the memo or computed. */
function analyzeChunkFirst(context: RuleContext): ChunkAnalysis {
  const generation = context.kubernetes.generation?.() ?? 0;
  const { key, enabled, partialFile } = analysisKey(context);
  let result = context.chunk.memo.get(MEMO_KEY) as ChunkAnalysis | undefined;
  if (!result || result.key !== key) {
    result = enabled ? computeAnalysis(context, key, partialFile) : { key, documents: [], schemaFindings: EMPTY };
    context.chunk.memo.set(MEMO_KEY, result);
  }
  lastHandedOut = { context, generation };
  return result;
}

interface Candidate {
  readonly document: Document.Parsed;
  readonly graph: DocumentGraph;
  readonly root: YAMLMap;
  readonly apiVersion?: { value: string; node: Node };
  readonly kind?: { value: string; node: Node };
}

/** A ManifestDocument with only the facts that apply (absent ones are left out, not set to undefined). */
function manifestDocument(
  candidate: Candidate,
  partial: boolean,
  kustomization: boolean,
  schema: SchemaNode | undefined,
  check: ApiCheck | undefined,
  crd: CustomResourceDefinition | undefined,
  crdVersion: CustomResourceVersion | undefined,
): ManifestDocument {
  const doc: { -readonly [K in keyof ManifestDocument]: ManifestDocument[K] } = {
    document: candidate.document,
    graph: candidate.graph,
    root: candidate.root,
    partial,
    kustomization,
    workload: { podSpec: undefined, containers: undefined },
  };
  if (candidate.apiVersion) {
    doc.apiVersion = candidate.apiVersion.value;
    doc.apiVersionNode = candidate.apiVersion.node;
  }
  if (candidate.kind) {
    doc.kind = candidate.kind.value;
    doc.kindNode = candidate.kind.node;
  }
  if (check) doc.check = check;
  if (schema) doc.schema = schema;
  if (crd) doc.crd = crd;
  if (crdVersion) doc.crdVersion = crdVersion;
  return doc;
}

function computeAnalysis(context: RuleContext, key: string, partialFile: boolean): ChunkAnalysis {
  const chunk = context.chunk;
  const kustomizationFile = factsOfFileName(context.file.uri).kustomization;
  const candidates: Candidate[] = [];
  for (const document of chunk.documents) {
    const root = document.contents;
    if (!root || !isMap(root)) continue;
    const graph = new DocumentGraph(document);
    const apiVersion = rootString(graph, root, 'apiVersion');
    const kind = rootString(graph, root, 'kind');
    const isManifest = apiVersion !== undefined && kind !== undefined;
    if (!isManifest && !(kustomizationFile && (kind === undefined || isKustomizeKind(apiVersion?.value, kind.value)))) continue;
    candidates.push({ document, graph, root, apiVersion, kind });
  }
  if (candidates.length === 0) return { key, documents: [], schemaFindings: EMPTY };

  const bundle = context.kubernetes.schemaFor(context.settings.kubernetes.version);
  const catalog = bundle ? catalogFor(bundle) : undefined;
  const objectMeta = bundle?.definition(OBJECT_META_DEFINITION);
  const partialText = partialFile || hasPatchDirectives(chunk.text);
  const documents: ManifestDocument[] = [];
  const findings: Finding[] = [];
  // The engine shows the first MAX_FINDINGS_PER_RULE_PER_CHUNK findings of a rule (one code each here) and a notice:
  // the findings after the one that triggers the notice are not built at all.
  const perCode = new Map<string, number>();
  const report = (finding: Finding): void => {
    findings.push(finding);
    perCode.set(finding.code, (perCode.get(finding.code) ?? 0) + 1);
  };
  const sink: FindingSink = { report, wants: (code) => (perCode.get(code) ?? 0) <= MAX_FINDINGS_PER_RULE_PER_CHUNK };
  const crds = context.kubernetes.customResourceDefinitions();
  const analyse = (candidate: Candidate, listDepth: number): void => {
    const { graph, root } = candidate;
    const apiVersion = candidate.apiVersion?.value;
    const kind = candidate.kind?.value;
    if (listDepth === 0 && (isKustomizeKind(apiVersion, kind) || (kustomizationFile && kind === undefined))) {
      documents.push(manifestDocument(candidate, partialText, true, kustomizationSchema, undefined, undefined, undefined));
      validateNode(graph, root, kustomizationSchema, { partial: false }, sink);
      return;
    }
    if (!catalog || apiVersion === undefined || kind === undefined) return;
    const check = catalog.check(apiVersion, kind);
    let schema: SchemaNode | undefined;
    let crd: CustomResourceDefinition | undefined;
    let crdVersion: CustomResourceVersion | undefined;
    if (check.status === 'ok') {
      schema = catalog.bundle.schemaOf(check.entry);
    } else if (check.status === 'custom') {
      crd = findCrd(crds, check.group, kind);
      crdVersion = crd?.versions.find((v) => v.name === splitApiVersion(apiVersion).version && v.served);
      if (crd && crdVersion) schema = customResourceRootSchema(crdVersion, objectMeta, kind);
    } else if (check.status === 'list') {
      schema = LIST_SCHEMA;
    }
    documents.push(manifestDocument(candidate, partialText, false, schema, check, crd, crdVersion));
    if (schema) {
      validateNode(graph, root, schema, { partial: partialText, skipRootKeys: ROOT_KEYS, objectMeta }, sink);
    }
    if (check.status === 'list') {
      if (listDepth < MAX_LIST_NESTING) for (const item of listItems(candidate, partialText, sink)) analyse(item, listDepth + 1);
      // Only mapping items would have been read (scalars are the List schema's to report, alias items are never read).
      else if (listItemNodes(root).some(isMap)) reportListTooDeep(graph.pairByKey(root, 'items')?.keyNode ?? root, sink);
    }
  };
  for (const candidate of candidates) analyse(candidate, 0);
  return { key, documents, schemaFindings: findings, ...(bundle ? { bundle } : {}), ...(catalog ? { catalog } : {}) };
}

const bestPracticesSetting = optionsPerSettings((settings) => settingValue<boolean>(settings, 'kubernetes.bestPractices', false));

const ROOT_KEYS: ReadonlySet<string> = new Set(['apiVersion', 'kind']);

/**
 * The items of a `kind: List` as manifest candidates (see listItemNodes: aliases are not read twice). kubectl refuses
 * an item without a string apiVersion and kind ("Object 'Kind' is missing"), so those are reported here (a missing
 * one not in patch files, which may be partial); items that are not mappings are the list schema's to report.
 */
function listItems(list: Candidate, partial: boolean, sink: FindingSink): Candidate[] {
  const { document, graph } = list;
  const result: Candidate[] = [];
  for (const item of listItemNodes(list.root)) {
    if (isScalar(item) && item.value === null) {
      if (!partial) reportMissingType(item, ['apiVersion', 'kind'], sink); // a bare `-`
      continue;
    }
    if (!isMap(item)) continue;
    const apiVersion = rootString(graph, item, 'apiVersion');
    const kind = rootString(graph, item, 'kind');
    if (apiVersion === undefined || kind === undefined) {
      const missing: string[] = [];
      for (const [name, found] of [['apiVersion', apiVersion], ['kind', kind]] as const) {
        if (found !== undefined) continue;
        const pair = graph.pairByKey(item, name);
        if (!pair) missing.push(name);
        else reportUnreadableType(pair.value ?? item, name, sink);
      }
      if (missing.length > 0 && !partial) reportMissingType((item.items[0]?.key as Node | null | undefined) ?? item, missing, sink);
      continue;
    }
    result.push({ document, graph, root: item, apiVersion, kind });
  }
  return result;
}

/** K8S015: the items of a List this deep in other Lists are not read (kubectl would still create them). */
function reportListTooDeep(at: Node, sink: FindingSink): void {
  if (!sink.wants(K8S.listNestingLimit)) return;
  const [start, end] = rangeOf(at);
  sink.report({
    code: K8S.listNestingLimit,
    start,
    end,
    message: format(
      text(
        '이 List는 다른 List {depth}개 안에 들어 있습니다. kube-notes는 그 깊이까지만 항목을 읽으므로 이 List의 항목은 검사하지 않았습니다. kubectl은 그래도 모두 만듭니다.',
        'This List is inside {depth} other Lists. kube-notes reads items down to that depth only, so the items of this one were not checked; kubectl still creates them all.',
      ),
      { depth: MAX_LIST_NESTING },
    ),
  });
}

function reportMissingType(at: Node, missing: readonly string[], sink: FindingSink): void {
  if (!sink.wants(K8S.missingRequiredField)) return;
  const [start, end] = rangeOf(at);
  sink.report({
    code: K8S.missingRequiredField,
    start,
    end,
    message: format(
      text('List 항목에 필수 필드가 빠졌습니다: {names}. kubectl은 항목마다 apiVersion과 kind를 요구합니다.', 'Missing required field{s} {names} in a List item: kubectl needs apiVersion and kind on every item.'),
      { names: missing.map((name) => `"${name}"`).join(', '), s: missing.length > 1 ? 's' : '' },
    ),
  });
}

function reportUnreadableType(at: Node, name: string, sink: FindingSink): void {
  if (!sink.wants(K8S.invalidType)) return;
  const [start, end] = rangeOf(at);
  sink.report({
    code: K8S.invalidType,
    start,
    end,
    message: format(text('List 항목의 "{name}" 값은 비어 있지 않은 문자열이어야 합니다.', '"{name}" of a List item must be a non-empty string.'), { name }),
  });
}

/** Reports the analysis' schema findings that carry one of the given codes. */
function reportSchemaFindings(context: RuleContext, codes: ReadonlySet<string>): void {
  const analysis = analyzeChunk(context);
  for (const finding of analysis.schemaFindings) if (codes.has(finding.code)) context.report(finding);
}

/**
 * A rule whose findings the shared analysis makes (the schema walk and the List reading find them in one pass): it
 * reports the chunk's findings of its one code, so each code keeps its own rule, name and severity setting.
 */
export function schemaFindingsRule(id: string, code: RuleCode): Rule {
  const codes: ReadonlySet<string> = new Set([code.code]);
  return {
    id,
    chunkLocal: true,
    codes: [code],
    check(context) {
      reportSchemaFindings(context, codes);
    },
  };
}

/** Whether opt-in best-practice checks run: `kubeNotes.kubernetes.bestPractices`, or the code configured in lint. */
export function bestPracticesEnabled(context: RuleContext, name: string, code: string): boolean {
  if (bestPracticesSetting(context.settings)) return true;
  const configured = context.settings.lint[name] ?? context.settings.lint[code];
  return configured !== undefined && configured !== 'off';
}
