// Shapes of a command-line check: findings with 1-based positions, per-file results, run summaries.
import type { Severity } from '../diagnostics/rule';

export type { Severity };

/** Output formats of `kube-notes check`. */
export type OutputFormat = 'human' | 'json' | 'sarif' | 'junit';
export const OUTPUT_FORMATS: readonly OutputFormat[] = ['human', 'json', 'sarif', 'junit'];

/** Severities from the most to the least severe. */
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info', 'hint'];

const RANK: Record<Severity, number> = { hint: 0, info: 1, warning: 2, error: 3 };

/** Whether `severity` is at or above `threshold` (error > warning > info > hint). */
export function atOrAbove(severity: Severity, threshold: Severity): boolean {
  return RANK[severity] >= RANK[threshold];
}

/** One finding as the CLI reports it: 1-based line and column (UTF-16 code units, as in LSP and SARIF). */
export interface CheckFinding {
  readonly code: string;
  /** The code's setting name (`trailingSpaces`), when the code is known. */
  readonly name?: string;
  readonly severity: Severity;
  readonly message: string;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
}

/** The result of one input (file or stdin). */
export interface FileResult {
  /** Display path: relative to the working folder when inside it, otherwise absolute; `<stdin>` for stdin. */
  readonly path: string;
  /**
   * URI for machine formats: a relative URI reference (forward slashes, percent-encoded) when the file is inside
   * the working folder, otherwise an absolute `file:` URI.
   */
  readonly uri: string;
  /** Whether `uri` is relative to the working folder (SARIF `uriBaseId`). */
  readonly relative: boolean;
  /** YAML documents in the file that are Kubernetes objects (a mapping with `kind`). */
  readonly resources: number;
  /** YAML documents in the file (including non-Kubernetes ones). */
  readonly documents: number;
  /** Findings in file order. */
  readonly findings: readonly CheckFinding[];
}

/** Totals of a run. */
export interface CheckSummary {
  readonly files: number;
  readonly filesWithFindings: number;
  readonly resources: number;
  readonly documents: number;
  readonly errors: number;
  readonly warnings: number;
  readonly infos: number;
  readonly hints: number;
  /** Findings at or above the severity threshold. */
  readonly failing: number;
  /** Usage or I/O problems of the run itself (operands not found, …), reported on stderr. */
  readonly runErrors: number;
  readonly exitCode: 0 | 1 | 2;
}
