// SARIF 2.1.0 output for code scanning: one run, rules from the registry, one result per finding; streamed.
import type { RuleCode, SeveritySetting } from '../diagnostics/rule';
import { pick, type Lang } from '../l10n/localized';
import type { CheckFinding, FileResult, Severity } from './checkTypes';
import type { Reporter, ReportContext } from './report';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
export const SARIF_VERSION = '2.1.0';
export const SRCROOT = '%SRCROOT%';

export type SarifLevel = 'error' | 'warning' | 'note' | 'none';

export function sarifLevel(severity: Severity): SarifLevel {
  return severity === 'error' ? 'error' : severity === 'warning' ? 'warning' : 'note';
}

function defaultConfiguration(severity: SeveritySetting): { level: SarifLevel; enabled?: false } {
  return severity === 'off' ? { level: 'note', enabled: false } : { level: sarifLevel(severity) };
}

/** The checker's own codes describe whole files: only the setting applies, no suppression comment. */
const FILE_LEVEL = /^CLI\d/;

function tagsOf(code: string): string[] {
  if (code.startsWith('K8S')) return ['kubernetes'];
  if (code.startsWith('YAML')) return ['yaml'];
  return FILE_LEVEL.test(code) ? ['cli'] : ['kube-notes'];
}

export function sarifRule(code: RuleCode, lang: Lang): object {
  const title = pick(code.title, lang);
  const explanation = pick(code.explanation, lang);
  const setting =
    lang === 'ko'
      ? `설정: \`kubeNotes.lint.${code.name}\` (off, hint, info, warning, error) 또는 \`--rule ${code.code}=off\`.`
      : `Setting: \`kubeNotes.lint.${code.name}\` (off, hint, info, warning, error) or \`--rule ${code.code}=off\`.`;
  const suppress = FILE_LEVEL.test(code.code)
    ? ''
    : lang === 'ko'
      ? ` 한 줄만 끄기: \`# kube-notes-disable-next-line ${code.code}\`.`
      : ` Suppress one line with \`# kube-notes-disable-next-line ${code.code}\`.`;
  const how = setting + suppress;
  return {
    id: code.code,
    name: code.name,
    shortDescription: { text: title },
    fullDescription: { text: explanation, markdown: explanation },
    help: { text: `${explanation}\n\n${how.replace(/`/g, '')}`, markdown: `${explanation}\n\n${how}` },
    defaultConfiguration: defaultConfiguration(code.defaultSeverity),
    properties: { tags: tagsOf(code.code) },
  };
}

function indent(json: string, spaces: number): string {
  return json.replace(/\n/g, `\n${' '.repeat(spaces)}`);
}

export function sarifResult(result: FileResult, finding: CheckFinding, ruleIndex: number | undefined): object {
  return {
    ruleId: finding.code,
    ...(ruleIndex !== undefined ? { ruleIndex } : {}),
    level: sarifLevel(finding.severity),
    message: { text: finding.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: result.uri, ...(result.relative ? { uriBaseId: SRCROOT } : {}) },
          region: { startLine: finding.line, startColumn: finding.column, endLine: finding.endLine, endColumn: finding.endColumn },
        },
      },
    ],
    properties: { severity: finding.severity },
  };
}

export function sarifReporter(context: ReportContext): Reporter {
  const ruleIndex = new Map(context.codes.map((code, index) => [code.code, index]));
  let count = 0;
  return {
    begin() {
      const head = {
        $schema: SARIF_SCHEMA,
        version: SARIF_VERSION,
        runs: [
          {
            tool: {
              driver: {
                name: context.tool.name,
                version: context.tool.version,
                semanticVersion: context.tool.version,
                ...(context.tool.informationUri ? { informationUri: context.tool.informationUri } : {}),
                language: context.lang,
                rules: context.codes.map((code) => sarifRule(code, context.lang)),
              },
            },
            originalUriBaseIds: { [SRCROOT]: { uri: context.srcRoot } },
            columnKind: 'utf16CodeUnits',
            properties: { kubernetesVersion: context.kubernetesVersion, severityThreshold: context.threshold },
            results: [],
          },
        ],
      };
      // Open the results array: everything up to "results": [ is the fixed head.
      const text = JSON.stringify(head, null, 2);
      const open = text.lastIndexOf('"results": []');
      return `${text.slice(0, open)}"results": [`;
    },
    file(result) {
      let out = '';
      for (const finding of result.findings) {
        out += `${count === 0 ? '\n' : ',\n'}        ${indent(JSON.stringify(sarifResult(result, finding, ruleIndex.get(finding.code)), null, 2), 8)}`;
        count += 1;
      }
      return out;
    },
    end(summary) {
      const invocation = { executionSuccessful: summary.exitCode !== 2, exitCode: summary.exitCode };
      return `${count === 0 ? '' : '\n      '}],\n      "invocations": [\n        ${indent(JSON.stringify(invocation, null, 2), 8)}\n      ]\n    }\n  ]\n}\n`;
    },
  };
}
