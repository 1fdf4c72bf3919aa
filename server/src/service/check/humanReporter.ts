// Human output: `file:line:col  severity  CODE  message` lines and a summary, in Korean or English, ANSI colours optional.
import type { Lang } from '../l10n/localized';
import type { CheckFinding, CheckSummary, FileResult, Severity } from './checkTypes';
import type { Reporter, ReportContext } from './report';

const SEVERITY_LABEL: Record<Lang, Record<Severity, string>> = {
  en: { error: 'error', warning: 'warning', info: 'info', hint: 'hint' },
  ko: { error: '오류', warning: '경고', info: '정보', hint: '힌트' },
};

const SEVERITY_COLOR: Record<Severity, string> = { error: '31', warning: '33', info: '36', hint: '90' };

/**
 * Makes untrusted text (file names, messages quoting document text) safe for a terminal: control characters,
 * escape sequences and bidirectional overrides are shown as `\u{…}`, and line breaks as `\n`.
 */
export function terminalSafe(value: string): string {
  return value.replace(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, (ch) => {
    if (ch === '\n') return '\\n';
    if (ch === '\r') return '\\r';
    if (ch === '\t') return ' ';
    return `\\u{${ch.charCodeAt(0).toString(16)}}`;
  });
}

export function humanReporter(context: ReportContext): Reporter {
  const { lang, color } = context;
  const paint = (code: string, value: string): string => (color ? `\u001b[${code}m${value}\u001b[0m` : value);
  const labels = SEVERITY_LABEL[lang];
  const width = Math.max(...Object.values(labels).map((l) => l.length));

  const line = (result: FileResult, finding: CheckFinding): string => {
    const where = `${terminalSafe(result.path)}:${finding.line}:${finding.column}`;
    const severity = paint(SEVERITY_COLOR[finding.severity], labels[finding.severity].padEnd(width));
    const code = paint('2', finding.code.padEnd(7));
    return `${where}  ${severity}  ${code}  ${terminalSafe(finding.message)}\n`;
  };

  return {
    begin: () => '',
    file(result) {
      let out = '';
      for (const finding of result.findings) out += line(result, finding);
      return out;
    },
    end(summary) {
      if (context.quiet) return '';
      return `${summaryLine(summary, lang, paint)}\n`;
    },
  };
}

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** The one-line summary at the end of human output. */
export function summaryLine(summary: CheckSummary, lang: Lang, paint: (code: string, value: string) => string = (_c, v) => v): string {
  const problems = summary.errors + summary.warnings + summary.infos + summary.hints;
  if (summary.files === 0) {
    return lang === 'ko' ? '검사한 YAML 파일이 없습니다.' : 'No YAML files were checked.';
  }
  if (lang === 'ko') {
    const scope = `파일 ${summary.files}개, 리소스 ${summary.resources}개`;
    if (problems === 0) return paint('32', `✔ 문제 없음 — ${scope}`);
    const mark = summary.failing > 0 ? paint('31', '✖') : paint('33', '⚠');
    return `${mark} 문제 ${problems}개 (오류 ${summary.errors}, 경고 ${summary.warnings}, 정보 ${summary.infos}, 힌트 ${summary.hints}) — 파일 ${summary.files}개 중 ${summary.filesWithFindings}개, 리소스 ${summary.resources}개`;
  }
  const scope = `${plural(summary.files, 'file', 'files')}, ${plural(summary.resources, 'resource', 'resources')}`;
  if (problems === 0) return paint('32', `✔ No problems — ${scope}`);
  const mark = summary.failing > 0 ? paint('31', '✖') : paint('33', '⚠');
  const counts = `${plural(summary.errors, 'error', 'errors')}, ${plural(summary.warnings, 'warning', 'warnings')}, ${summary.infos} info, ${plural(summary.hints, 'hint', 'hints')}`;
  return `${mark} ${plural(problems, 'problem', 'problems')} (${counts}) in ${summary.filesWithFindings} of ${scope}`;
}
