// Aggregates per-file results into run totals and the exit code (0 clean, 1 findings at/above threshold, 2 run errors).
import { atOrAbove, type CheckSummary, type FileResult, type Severity } from './checkTypes';

/** Counts results as they stream by; keeps no findings. */
export class SummaryBuilder {
  private files = 0;
  private filesWithFindings = 0;
  private resources = 0;
  private documents = 0;
  private readonly counts: Record<Severity, number> = { error: 0, warning: 0, info: 0, hint: 0 };
  private failing = 0;
  private runErrors = 0;

  constructor(private readonly threshold: Severity) {}

  add(result: FileResult): void {
    this.files += 1;
    this.resources += result.resources;
    this.documents += result.documents;
    if (result.findings.length > 0) this.filesWithFindings += 1;
    for (const finding of result.findings) {
      this.counts[finding.severity] += 1;
      if (atOrAbove(finding.severity, this.threshold)) this.failing += 1;
    }
  }

  /** A usage or I/O problem of the run itself (makes the exit code 2). */
  addRunError(): void {
    this.runErrors += 1;
  }

  summary(): CheckSummary {
    return {
      files: this.files,
      filesWithFindings: this.filesWithFindings,
      resources: this.resources,
      documents: this.documents,
      errors: this.counts.error,
      warnings: this.counts.warning,
      infos: this.counts.info,
      hints: this.counts.hint,
      failing: this.failing,
      runErrors: this.runErrors,
      exitCode: this.runErrors > 0 ? 2 : this.failing > 0 ? 1 : 0,
    };
  }
}

/** The summary of a list of results (for tests and small runs). */
export function summarize(results: readonly FileResult[], threshold: Severity, runErrors = 0): CheckSummary {
  const builder = new SummaryBuilder(threshold);
  for (const result of results) builder.add(result);
  for (let i = 0; i < runErrors; i++) builder.addRunError();
  return builder.summary();
}

/** Drops findings below the threshold (`--quiet`; the summary then counts what is reported). */
export function onlyAtOrAbove(result: FileResult, threshold: Severity): FileResult {
  const findings = result.findings.filter((f) => atOrAbove(f.severity, threshold));
  return findings.length === result.findings.length ? result : { ...result, findings };
}
