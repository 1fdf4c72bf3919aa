// JSON output (format version 1, documented in docs/cli.md), streamed one file at a time.
import type { CheckSummary, FileResult } from './checkTypes';
import type { Reporter, ReportContext } from './report';

/** Version of the JSON shape; bumped only on incompatible changes. */
export const JSON_FORMAT_VERSION = 1;

function indent(json: string, spaces: number): string {
  const pad = ' '.repeat(spaces);
  return json.replace(/\n/g, `\n${pad}`);
}

export function jsonFile(result: FileResult): object {
  return {
    path: result.path,
    uri: result.uri,
    resources: result.resources,
    documents: result.documents,
    findings: result.findings.map((f) => ({
      code: f.code,
      ...(f.name !== undefined ? { name: f.name } : {}),
      severity: f.severity,
      message: f.message,
      line: f.line,
      column: f.column,
      endLine: f.endLine,
      endColumn: f.endColumn,
    })),
  };
}

export function jsonSummary(summary: CheckSummary): object {
  return {
    files: summary.files,
    filesWithFindings: summary.filesWithFindings,
    resources: summary.resources,
    documents: summary.documents,
    errors: summary.errors,
    warnings: summary.warnings,
    infos: summary.infos,
    hints: summary.hints,
    failing: summary.failing,
    exitCode: summary.exitCode,
  };
}

export function jsonReporter(context: ReportContext): Reporter {
  let count = 0;
  return {
    begin() {
      const head = {
        version: JSON_FORMAT_VERSION,
        tool: { name: context.tool.name, version: context.tool.version },
        kubernetesVersion: context.kubernetesVersion,
        language: context.lang,
        severityThreshold: context.threshold,
      };
      const text = JSON.stringify(head, null, 2);
      return `${text.slice(0, -2)},\n  "files": [`;
    },
    file(result) {
      const text = `${count === 0 ? '\n' : ',\n'}    ${indent(JSON.stringify(jsonFile(result), null, 2), 4)}`;
      count += 1;
      return text;
    },
    end(summary) {
      return `${count === 0 ? '' : '\n  '}],\n  "summary": ${indent(JSON.stringify(jsonSummary(summary), null, 2), 2)}\n}\n`;
    },
  };
}
