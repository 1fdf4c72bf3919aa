// JUnit XML output: one <testsuite> per file; one failing <testcase> per finding at or above the threshold,
// or one passing <testcase> when the file has none; findings below the threshold go to <system-out>.
import { atOrAbove, type CheckFinding, type FileResult } from './checkTypes';
import type { Reporter, ReportContext } from './report';

/** Replaces characters XML 1.0 cannot carry (controls, lone surrogates, U+FFFE/U+FFFF) with U+FFFD. */
function xmlChars(value: string): string {
  return value.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
}

/** Escapes text content. */
export function xmlText(value: string): string {
  return xmlChars(value).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Escapes an attribute value (quotes, and line breaks/tabs as character references so they survive normalisation). */
export function xmlAttribute(value: string): string {
  return xmlText(value).replace(/"/g, '&quot;').replace(/'/g, '&apos;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;').replace(/\t/g, '&#9;');
}

function describe(result: FileResult, finding: CheckFinding): string {
  return `${result.path}:${finding.line}:${finding.column}  ${finding.severity}  ${finding.code}  ${finding.message}`;
}

export function junitReporter(context: ReportContext): Reporter {
  return {
    begin: () => `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="${xmlAttribute(context.tool.name)}">\n`,
    file(result) {
      const failing = result.findings.filter((f) => atOrAbove(f.severity, context.threshold));
      const other = result.findings.filter((f) => !atOrAbove(f.severity, context.threshold));
      const name = xmlAttribute(result.path);
      const tests = Math.max(1, failing.length);
      let out = `  <testsuite name="${name}" tests="${tests}" failures="${failing.length}" errors="0" skipped="0">\n`;
      if (failing.length === 0) {
        out += `    <testcase classname="${name}" name="kube-notes check"/>\n`;
      }
      for (const finding of failing) {
        const caseName = xmlAttribute(`${finding.code}${finding.name ? ` ${finding.name}` : ''} at ${finding.line}:${finding.column}`);
        out += `    <testcase classname="${name}" name="${caseName}">\n`;
        out += `      <failure type="${xmlAttribute(finding.code)}" message="${xmlAttribute(finding.message)}">${xmlText(describe(result, finding))}</failure>\n`;
        out += '    </testcase>\n';
      }
      if (other.length > 0) {
        out += `    <system-out>${xmlText(other.map((f) => describe(result, f)).join('\n'))}</system-out>\n`;
      }
      return `${out}  </testsuite>\n`;
    },
    end: () => '</testsuites>\n',
  };
}
