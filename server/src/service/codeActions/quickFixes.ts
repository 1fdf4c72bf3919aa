// Code actions built from the fixes that diagnostics carry, plus "fix all of this kind in the file".
import { CodeActionKind, type CodeAction, type Diagnostic, type TextEdit } from 'vscode-languageserver-types';
import { pick, type Lang } from '../l10n/localized';
import { DIAGNOSTIC_SOURCE, type DiagnosticData } from '../diagnostics/validation';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.kubeNotes`;

function dataOf(diagnostic: Diagnostic): DiagnosticData | undefined {
  if (diagnostic.source !== DIAGNOSTIC_SOURCE) return undefined;
  const data = diagnostic.data as DiagnosticData | undefined;
  return data && typeof data === 'object' ? data : undefined;
}

function compareEdits(a: TextEdit, b: TextEdit): number {
  return a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character;
}

/** Merges edits, dropping any that overlap an earlier one (the next run fixes what remains). */
function mergeEdits(edits: TextEdit[]): TextEdit[] {
  const sorted = [...edits].sort(compareEdits);
  const merged: TextEdit[] = [];
  for (const edit of sorted) {
    const last = merged[merged.length - 1];
    if (last) {
      const endsBefore =
        last.range.end.line < edit.range.start.line ||
        (last.range.end.line === edit.range.start.line && last.range.end.character <= edit.range.start.character);
      const samePoint =
        last.range.start.line === edit.range.start.line && last.range.start.character === edit.range.start.character &&
        last.range.end.line === edit.range.end.line && last.range.end.character === edit.range.end.character;
      if (!endsBefore || samePoint) continue;
    }
    merged.push(edit);
  }
  return merged;
}

/** The fix all-of-a-kind uses: the preferred fix, or the only one. */
function soleFix(data: DiagnosticData | undefined) {
  const fixes = data?.fixes ?? [];
  return fixes.find((f) => f.isPreferred) ?? (fixes.length === 1 ? fixes[0] : undefined);
}

/**
 * Quick fixes for the diagnostics in the request, and for each code with more than one fixable
 * diagnostic in the file, one action that fixes them all.
 */
export function quickFixes(uri: string, requested: readonly Diagnostic[], fileDiagnostics: readonly Diagnostic[], lang: Lang): CodeAction[] {
  const actions: CodeAction[] = [];
  const codesDone = new Set<string>();
  for (const diagnostic of requested) {
    const data = dataOf(diagnostic);
    if (!data?.fixes) continue;
    for (const fix of data.fixes) {
      actions.push({
        title: pick(fix.title, lang),
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        isPreferred: fix.isPreferred ?? false,
        edit: { changes: { [uri]: fix.edits.map((e) => ({ range: e.range, newText: e.newText })) } },
      });
    }
    const code = String(diagnostic.code ?? '');
    if (codesDone.has(code)) continue;
    codesDone.add(code);
    const same = fileDiagnostics.filter((d) => String(d.code) === code && soleFix(dataOf(d)) !== undefined);
    if (same.length < 2) continue;
    const edits = mergeEdits(same.flatMap((d) => soleFix(dataOf(d))!.edits.map((e) => ({ range: e.range, newText: e.newText }))));
    actions.push({
      title: lang === 'ko' ? `이 파일의 모든 ${code} 문제 고치기 (${same.length}개)` : `Fix all ${code} problems in this file (${same.length})`,
      kind: CodeActionKind.QuickFix,
      diagnostics: same,
      edit: { changes: { [uri]: edits } },
    });
  }
  return actions;
}

/** `source.fixAll.kubeNotes`: every preferred fix in the file at once. */
export function fixAllAction(uri: string, fileDiagnostics: readonly Diagnostic[], lang: Lang): CodeAction | undefined {
  const fixable = fileDiagnostics.filter((d) => soleFix(dataOf(d))?.isPreferred === true);
  if (fixable.length === 0) return undefined;
  const edits = mergeEdits(fixable.flatMap((d) => soleFix(dataOf(d))!.edits.map((e) => ({ range: e.range, newText: e.newText }))));
  return {
    title: lang === 'ko' ? 'kube-notes: 자동으로 고칠 수 있는 문제 모두 고치기' : 'kube-notes: fix all auto-fixable problems',
    kind: FIX_ALL_KIND,
    diagnostics: fixable,
    edit: { changes: { [uri]: edits } },
  };
}
