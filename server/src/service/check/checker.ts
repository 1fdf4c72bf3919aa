// Runs the language service over one text at a time (the same validate() the editor uses) and keeps no text.
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import type { KubeNotesLanguageService } from '../languageService';
import type { RuleCode } from '../diagnostics/rule';
import { compareCodes } from '../diagnostics/ruleRegistry';
import { format, pick, type Lang, type Localized } from '../l10n/localized';
import type { KubeNotesSettings } from '../settings';
import { BINARY_FILE, CHECK_CODES, checkCodeSeverity, FILE_TOO_LARGE, INTERNAL_ERROR, UNREADABLE_FILE } from './checkCodes';
import type { CheckFinding, FileResult, Severity } from './checkTypes';
import { decodeText } from './decodeText';

/** Where a text comes from: its display path, its URI for reports, and the URI the service sees. */
export interface FileIdentity {
  readonly path: string;
  readonly uri: string;
  readonly relative: boolean;
  /** URI handed to the service (`file:///…`): Helm `templates/` folders, kustomize patch names, … depend on it. */
  readonly documentUri: string;
}

export interface Checker {
  readonly lang: Lang;
  /** Validates a text exactly as the editor does. Never throws. */
  checkText(identity: FileIdentity, text: string): FileResult;
  /** Decodes bytes (UTF-8, or UTF-16 with a BOM) and validates them; binary data gives a CLI002 finding. */
  checkBytes(identity: FileIdentity, bytes: Uint8Array): FileResult;
  /** A file that could not be read (CLI001); `reason` says why in both languages. */
  unreadable(identity: FileIdentity, reason: Localized): FileResult;
  /** A file over the size limit (CLI003). */
  tooLarge(identity: FileIdentity, size: number, limit: number): FileResult;
  /** A file whose check ran out of the memory allowed for it (CLI003). */
  outOfMemory(identity: FileIdentity, size: number, heapMb: number): FileResult;
  /** A file whose check failed unexpectedly (KN000). */
  failed(identity: FileIdentity, error: string): FileResult;
}

export interface CheckerOptions {
  readonly service: KubeNotesLanguageService;
  readonly settings: KubeNotesSettings;
}

const severityOf: Record<number, Severity> = {
  [DiagnosticSeverity.Error]: 'error',
  [DiagnosticSeverity.Warning]: 'warning',
  [DiagnosticSeverity.Information]: 'info',
  [DiagnosticSeverity.Hint]: 'hint',
};

/** Human-readable size: 52428800 → "50 MB". */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;
  if (bytes >= 1024) return `${Math.round((bytes / 1024) * 10) / 10} KB`;
  return `${bytes} B`;
}

export function createChecker(options: CheckerOptions): Checker {
  const { service, settings } = options;
  const lang = service.languageOf(settings);
  const ownCodes = new Map(CHECK_CODES.map((c) => [c.code, c]));

  const toFinding = (diagnostic: Diagnostic): CheckFinding | undefined => {
    const code = typeof diagnostic.code === 'string' ? diagnostic.code : String(diagnostic.code ?? '');
    let severity = severityOf[diagnostic.severity ?? DiagnosticSeverity.Error] ?? 'error';
    const known = service.registry.code(code);
    const own = known ? undefined : ownCodes.get(code);
    if (own) {
      // Codes outside the registry (KN000) still honour `kubeNotes.lint` here.
      const configured = checkCodeSeverity(own, settings);
      if (configured === 'off') return undefined;
      severity = configured;
    }
    const name = known?.name ?? own?.name;
    return {
      code,
      ...(name !== undefined ? { name } : {}),
      severity,
      message: typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value,
      line: diagnostic.range.start.line + 1,
      column: diagnostic.range.start.character + 1,
      endLine: diagnostic.range.end.line + 1,
      endColumn: diagnostic.range.end.character + 1,
    };
  };

  const fileProblem = (identity: FileIdentity, code: RuleCode, message: Localized): FileResult => {
    const severity = checkCodeSeverity(code, settings);
    const findings: CheckFinding[] =
      severity === 'off'
        ? []
        : [{ code: code.code, name: code.name, severity, message: pick(message, lang), line: 1, column: 1, endLine: 1, endColumn: 1 }];
    return { path: identity.path, uri: identity.uri, relative: identity.relative, resources: 0, documents: 0, findings };
  };

  const internalError = (identity: FileIdentity, error: string): FileResult =>
    fileProblem(
      identity,
      INTERNAL_ERROR,
      format({ ko: 'kube-notes 내부 오류: 이 파일을 검사하지 못했습니다 ({error}).', en: 'kube-notes internal error: this file could not be checked ({error}).' }, { error }),
    );

  const checkText = (identity: FileIdentity, text: string): FileResult => {
    const document = TextDocument.create(identity.documentUri, 'yaml', 1, text);
    const findings: CheckFinding[] = [];
    let resources = 0;
    let documents = 0;
    try {
      for (const diagnostic of service.validate(document, settings)) {
        const finding = toFinding(diagnostic);
        if (finding) findings.push(finding);
      }
      for (const chunk of service.parse(document).chunks) {
        documents += chunk.parsed.counts.documents;
        resources += chunk.parsed.counts.resources;
      }
    } catch (error) {
      return internalError(identity, String(error));
    } finally {
      // The CLI sees each file once: drop its parse and diagnostics so memory stays flat.
      service.closeDocument(identity.documentUri);
    }
    findings.sort((a, b) => a.line - b.line || a.column - b.column || compareCodes(a.code, b.code));
    return { path: identity.path, uri: identity.uri, relative: identity.relative, resources, documents, findings };
  };

  return {
    lang,
    checkText,
    checkBytes(identity, bytes) {
      const decoded = decodeText(bytes);
      if (decoded.ok) return checkText(identity, decoded.text);
      const message =
        decoded.reason === 'nul'
          ? format({ ko: '바이너리 파일입니다: 오프셋 {offset}에 NUL 바이트가 있습니다. 검사하지 않았습니다.', en: 'Binary file: NUL byte at offset {offset}. Not checked.' }, { offset: decoded.offset })
          : decoded.reason === 'utf16'
            ? { ko: 'BOM은 UTF-16인데 내용이 올바른 UTF-16이 아닙니다. 검사하지 않았습니다.', en: 'The byte order mark says UTF-16 but the content is not valid UTF-16. Not checked.' }
            : format(
                { ko: 'UTF-8 텍스트가 아닙니다: 오프셋 {offset}의 바이트가 올바르지 않습니다. 검사하지 않았습니다.', en: 'Not UTF-8 text: invalid byte at offset {offset}. Not checked.' },
                { offset: decoded.offset },
              );
      return fileProblem(identity, BINARY_FILE, message);
    },
    unreadable(identity, reason) {
      return fileProblem(identity, UNREADABLE_FILE, { ko: `파일을 읽을 수 없습니다: ${reason.ko}`, en: `Cannot read the file: ${reason.en}` });
    },
    tooLarge(identity, size, limit) {
      return fileProblem(
        identity,
        FILE_TOO_LARGE,
        format(
          { ko: '파일이 {size}로 크기 제한 {limit}을(를) 넘어 검사하지 않았습니다 (--max-file-size).', en: 'The file is {size}, over the {limit} limit; not checked (--max-file-size).' },
          { size: formatBytes(size), limit: formatBytes(limit) },
        ),
      );
    },
    outOfMemory(identity, size, heapMb) {
      return fileProblem(
        identity,
        FILE_TOO_LARGE,
        format(
          {
            ko: '파일({size})을 검사하는 데 허용된 메모리 {heap} MB보다 많이 필요해서 검사하지 않았습니다. 파일을 나누거나 NODE_OPTIONS=--max-old-space-size=8192처럼 Node.js 메모리를 늘리십시오.',
            en: 'Checking this file ({size}) needed more than the {heap} MB of memory allowed for it; not checked. Split the file, or give Node.js more memory (NODE_OPTIONS=--max-old-space-size=8192).',
          },
          { size: formatBytes(size), heap: heapMb },
        ),
      );
    },
    failed: internalError,
  };
}
