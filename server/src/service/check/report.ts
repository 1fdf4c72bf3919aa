// The streaming reporter contract shared by the four output formats, and a one-shot helper over it.
import type { RuleCode } from '../diagnostics/rule';
import type { Lang } from '../l10n/localized';
import type { CheckSummary, FileResult, OutputFormat, Severity } from './checkTypes';
import { humanReporter } from './humanReporter';
import { jsonReporter } from './jsonReporter';
import { sarifReporter } from './sarifReporter';
import { junitReporter } from './junitReporter';

export interface ToolInfo {
  readonly name: string;
  readonly version: string;
  readonly informationUri?: string;
}

export interface ReportContext {
  readonly lang: Lang;
  /** ANSI colours (human format only). */
  readonly color: boolean;
  readonly threshold: Severity;
  /** `--quiet`: the caller passes only findings at or above the threshold; human output prints no summary. */
  readonly quiet: boolean;
  readonly tool: ToolInfo;
  readonly kubernetesVersion: string;
  /** Every code the run can report (SARIF `tool.driver.rules`). */
  readonly codes: readonly RuleCode[];
  /** `file:` URI of the working folder, ending in `/` (SARIF `%SRCROOT%`). */
  readonly srcRoot: string;
}

/**
 * A format as a stream: `begin()`, then `file()` once per input in order, then `end()`. Each returns text to
 * write at once, so no format holds the whole report in memory.
 */
export interface Reporter {
  begin(): string;
  file(result: FileResult): string;
  end(summary: CheckSummary): string;
}

export function createReporter(format: OutputFormat, context: ReportContext): Reporter {
  switch (format) {
    case 'human':
      return humanReporter(context);
    case 'json':
      return jsonReporter(context);
    case 'sarif':
      return sarifReporter(context);
    case 'junit':
      return junitReporter(context);
  }
}

/** The whole report of a finished run as one string. */
export function formatReport(format: OutputFormat, context: ReportContext, results: readonly FileResult[], summary: CheckSummary): string {
  const reporter = createReporter(format, context);
  let out = reporter.begin();
  for (const result of results) out += reporter.file(result);
  return out + reporter.end(summary);
}
