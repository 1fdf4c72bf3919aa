// Shared helpers for the YAML rule tests: validate text with only the YAML rules, format diagnostics, apply fixes.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Diagnostic, TextEdit } from 'vscode-languageserver-types';
import { createLanguageService } from '../../../server/src/service/languageService';
import { normalizeSettings } from '../../../server/src/service/settings';
import { yamlRules } from '../../../server/src/service/yaml/yamlRules';
import type { DiagnosticData } from '../../../server/src/service/diagnostics/validation';
import { yamlDocument } from '../../helpers/caret';

export const FIXTURES = join(__dirname, '..', '..', '..', '..', 'test', 'fixtures', 'yaml');

export function fixture(path: string): string {
  return readFileSync(join(FIXTURES, path), 'utf8');
}

let version = 0;

/** Validates `text` with the YAML rules only; diagnostics sorted by position then code. */
export function diagnose(text: string, settings: Record<string, unknown> = {}, uri?: string): Diagnostic[] {
  const service = createLanguageService({ rules: yamlRules });
  version += 1;
  const document = yamlDocument(text, uri ?? `file:///test/yaml${version}.yaml`);
  const diagnostics = service.validate(document, normalizeSettings({ language: 'en', ...settings }));
  return [...diagnostics].sort(
    (a, b) =>
      a.range.start.line - b.range.start.line ||
      a.range.start.character - b.range.start.character ||
      String(a.code).localeCompare(String(b.code)),
  );
}

/** `YAML105 3:4-3:7` — code and range, the form the tests assert. */
export function brief(d: Diagnostic): string {
  const r = d.range;
  return `${String(d.code)} ${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`;
}

export function briefs(text: string, settings: Record<string, unknown> = {}, uri?: string): string[] {
  return diagnose(text, settings, uri).map(brief);
}

export function fixesOf(d: Diagnostic): NonNullable<DiagnosticData['fixes']> {
  return (d.data as DiagnosticData | undefined)?.fixes ?? [];
}

/** Applies LSP edits (non-overlapping) to a text. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) lineStarts.push(i + 1);
  const offsetAt = (p: { line: number; character: number }): number => Math.min(text.length, (lineStarts[p.line] ?? text.length) + p.character);
  const sorted = [...edits].sort((a, b) => offsetAt(b.range.start) - offsetAt(a.range.start));
  let result = text;
  for (const edit of sorted) result = result.slice(0, offsetAt(edit.range.start)) + edit.newText + result.slice(offsetAt(edit.range.end));
  return result;
}

/** Counts diagnostics per code. */
export function codeCounts(diagnostics: readonly Diagnostic[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const d of diagnostics) counts.set(String(d.code), (counts.get(String(d.code)) ?? 0) + 1);
  return counts;
}
