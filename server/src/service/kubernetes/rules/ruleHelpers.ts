// Small helpers shared by the Kubernetes rule files: value-replacing fixes and node ranges.
import { isScalar, type Node } from 'yaml';
import type { FindingFix } from '../../diagnostics/rule';
import type { Localized } from '../../l10n/localized';
import { rangeOf } from '../documentGraph';

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
