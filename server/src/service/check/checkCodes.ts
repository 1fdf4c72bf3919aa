// Codes the command-line checker reports itself (files it cannot check), configured like any rule code.
import type { RuleCode, Severity, SeveritySetting } from '../diagnostics/rule';
import { compareCodes, type RuleRegistry } from '../diagnostics/ruleRegistry';
import { text } from '../l10n/localized';
import type { KubeNotesSettings } from '../settings';

export const UNREADABLE_FILE: RuleCode = {
  code: 'CLI001',
  name: 'unreadableFile',
  defaultSeverity: 'error',
  title: text('파일을 읽을 수 없습니다', 'The file cannot be read'),
  explanation: text(
    '파일이 없거나(끊어진 심볼릭 링크), 권한이 없거나, 일반 파일이 아니어서 읽지 못했습니다. 이 파일은 검사되지 않았습니다. 경로와 권한을 확인하십시오.',
    'The file does not exist (a dangling symbolic link), is not readable, or is not a regular file, so it was not checked. Check the path and its permissions.',
  ),
};

export const BINARY_FILE: RuleCode = {
  code: 'CLI002',
  name: 'binaryFile',
  defaultSeverity: 'error',
  title: text('텍스트(UTF-8) 파일이 아닙니다', 'Not a text (UTF-8) file'),
  explanation: text(
    '파일에 NUL 바이트가 있거나 올바른 UTF-8이 아니어서 YAML로 읽지 않았습니다. kubectl과 VS Code는 YAML을 UTF-8로 읽습니다(UTF-16은 BOM이 있을 때만). 파일을 UTF-8로 저장하거나, YAML이 아닌 파일이면 검사 대상에서 빼십시오.',
    'The file contains NUL bytes or is not valid UTF-8, so it was not read as YAML. kubectl and VS Code read YAML as UTF-8 (UTF-16 only with a byte order mark). Save the file as UTF-8, or leave it out of the check if it is not YAML.',
  ),
};

export const FILE_TOO_LARGE: RuleCode = {
  code: 'CLI003',
  name: 'fileTooLarge',
  defaultSeverity: 'error',
  title: text('파일이 너무 커서 검사하지 않았습니다', 'File too large to check'),
  explanation: text(
    '파일이 크기 제한(기본 50 MB, `--max-file-size`)을 넘어서 파싱하지 않았습니다. VS Code도 50 MB가 넘는 파일은 확장에 넘기지 않습니다. 매니페스트를 여러 파일로 나누거나 제한을 올리십시오.',
    'The file exceeds the size limit (50 MB by default, `--max-file-size`) and was not parsed. VS Code does not hand files over 50 MB to extensions either. Split the manifests into several files or raise the limit.',
  ),
};

/** Reported by the engine when a rule throws (see diagnostics/validation.ts), or by the checker when validation fails. */
export const INTERNAL_ERROR: RuleCode = {
  code: 'KN000',
  name: 'internalError',
  defaultSeverity: 'error',
  title: text('kube-notes 내부 오류', 'kube-notes internal error'),
  explanation: text(
    'kube-notes의 검사 규칙이 이 파일에서 실패했습니다. 다른 규칙의 결과는 그대로 보고됩니다. 파일을 첨부해 버그로 알려 주십시오.',
    'A kube-notes rule failed on this file; the findings of the other rules are still reported. Please report it as a bug with the file attached.',
  ),
};

/** Reported by the engine when a file has more findings than it publishes (see diagnostics/validation.ts). */
export const TOO_MANY_PROBLEMS: RuleCode = {
  code: 'KN001',
  name: 'tooManyProblems',
  defaultSeverity: 'info',
  title: text('문제가 너무 많아 일부만 보고했습니다', 'Too many problems; only some are reported'),
  explanation: text(
    '한 규칙이 한 문서에서 1,000개, 한 파일에서 모두 5,000개가 넘는 문제를 찾으면 나머지는 보고하지 않습니다. 보고된 문제부터 고치면 나머지가 보입니다.',
    'When one rule finds more than 1,000 problems in one document, or a file has more than 5,000 in all, the rest are not reported. Fix the reported ones and the rest appear.',
  ),
};

export const CHECK_CODES: readonly RuleCode[] = [UNREADABLE_FILE, BINARY_FILE, FILE_TOO_LARGE, INTERNAL_ERROR, TOO_MANY_PROBLEMS];

/** Every code a check can report: the registry's plus the checker's own, sorted by code. */
export function allCheckCodes(registry: RuleRegistry): RuleCode[] {
  const codes = registry.allCodes();
  const known = new Set(codes.map((c) => c.code));
  for (const code of CHECK_CODES) if (!known.has(code.code)) codes.push(code);
  return codes.sort((a, b) => compareCodes(a.code, b.code));
}

/** Looks a code up by code or setting name, in the registry first, then among the checker's codes. */
export function resolveCheckCode(registry: RuleRegistry, codeOrName: string): RuleCode | undefined {
  return registry.resolve(codeOrName) ?? CHECK_CODES.find((c) => c.code === codeOrName || c.name === codeOrName);
}

/** Severity of one of the checker's own codes after `kubeNotes.lint` settings (same precedence as the registry). */
export function checkCodeSeverity(code: RuleCode, settings: KubeNotesSettings): SeveritySetting {
  const configured = settings.lint[code.name] ?? settings.lint[code.code];
  return configured ?? code.defaultSeverity;
}

export function isSeverity(value: string): value is Severity {
  return value === 'error' || value === 'warning' || value === 'info' || value === 'hint';
}

export function isSeveritySetting(value: string): value is SeveritySetting {
  return value === 'off' || isSeverity(value);
}
