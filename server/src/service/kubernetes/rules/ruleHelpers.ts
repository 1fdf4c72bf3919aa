// Small helpers shared by the Kubernetes rule files: document/container visits, value-replacing fixes and node ranges.
import type { Node } from 'yaml';
import { isScalar } from '../../yaml/yamlNodes';
import type { Finding, FindingFix, RuleContext } from '../../diagnostics/rule';
import type { Localized } from '../../l10n/localized';
import type { ApiCheck } from '../apiCatalog';
import { workloadContainers, type WorkloadContainer } from '../bestPracticeChecks';
import { rangeOf } from '../documentGraph';
import { analyzeChunk, type ManifestDocument } from '../manifestAnalysis';

/** Reports one finding of the rule being checked. */
export type Report = (finding: Finding) => void;

/**
 * Calls `visit` for every document of the chunk's shared Kubernetes analysis; findings go straight to
 * `context.report` (the engine caches chunk-local findings, so rules keep no memo of their own).
 */
export function forEachManifest(context: RuleContext, visit: (doc: ManifestDocument, report: Report) => void): void {
  const report: Report = (finding) => context.report(finding);
  for (const doc of analyzeChunk(context).documents) visit(doc, report);
}

/** A document with an apiVersion, a kind and the catalog's verdict on the pair (whatever its status). */
export type CheckedManifest = ManifestDocument & { readonly check: ApiCheck; readonly apiVersion: string; readonly kind: string };

/** Whether the catalog judged the document's apiVersion/kind pair (the API rules look at every status, not just 'ok'). */
export function hasApiCheck(doc: ManifestDocument): doc is CheckedManifest {
  return doc.check !== undefined && doc.apiVersion !== undefined && doc.kind !== undefined;
}

/** Calls `visit` for every container of every built-in workload document (see `workloadContainers`). */
export function forEachContainer(context: RuleContext, skipPartial: boolean, visit: (item: WorkloadContainer, report: Report) => void): void {
  const report: Report = (finding) => context.report(finding);
  for (const item of workloadContainers(analyzeChunk(context), { skipPartial })) visit(item, report);
}

/** A fix replacing a plain or quoted scalar (not an alias) with new text, or undefined. */
export function replaceScalarFix(node: Node | undefined, newText: string, title: Localized, isPreferred: boolean): FindingFix | undefined {
  if (!node || !isScalar(node) || node.type === 'BLOCK_FOLDED' || node.type === 'BLOCK_LITERAL') return undefined;
  const [start, end] = rangeOf(node);
  const quoted = node.type === 'QUOTE_DOUBLE' ? JSON.stringify(newText) : node.type === 'QUOTE_SINGLE' ? `'${newText.replace(/'/g, "''")}'` : newText;
  return { title, edits: [{ start, end, newText: quoted }], isPreferred };
}

/** Range of a node, or of a fallback when it has none. */
export function spanOf(node: Node | null | undefined, fallback?: Node | null): { start: number; end: number } {
  const [start, end] = rangeOf(node ?? fallback);
  return { start, end };
}
