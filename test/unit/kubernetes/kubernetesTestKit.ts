// Shared helpers for the Kubernetes tests: real bundles from server/schemas, a service with only Kubernetes rules.
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { Diagnostic } from 'vscode-languageserver-types';
import { createLanguageService, type KubeNotesLanguageService } from '../../../server/src/service/languageService';
import { kubernetesRules } from '../../../server/src/service/kubernetes/kubernetesRules';
import { normalizeSettings, type KubeNotesSettings } from '../../../server/src/service/settings';
import { createKubernetesResources } from '../../../server/src/node/kubernetesSchemaLoader';
import type { MutableKubernetesResources } from '../../../server/src/service/kubernetes/kubernetesResources';
import { yamlDocument } from '../../helpers/caret';

/** The repository root (tests run from out/test/unit/kubernetes). */
export const repoRoot = path.resolve(__dirname, '..', '..', '..', '..');
export const schemaDir = path.join(repoRoot, 'server', 'schemas');
export const fixturesDir = path.join(repoRoot, 'test', 'fixtures', 'kubernetes');
export const corpusDir = path.join(repoRoot, 'test', 'corpus');

let shared: MutableKubernetesResources | undefined;

/** Resources over the committed bundles, shared by tests that do not add CRDs. */
export function sharedResources(): MutableKubernetesResources {
  shared ??= createKubernetesResources(schemaDir);
  return shared;
}

export function freshResources(): MutableKubernetesResources {
  return createKubernetesResources(schemaDir);
}

export function settings(input: Record<string, unknown> = {}): KubeNotesSettings {
  return normalizeSettings({ language: 'en', ...input });
}

export function kubernetesService(resources: MutableKubernetesResources = sharedResources()): KubeNotesLanguageService {
  return createLanguageService({ kubernetes: resources, rules: kubernetesRules });
}

export function readFixture(name: string): string {
  return readFileSync(path.join(fixturesDir, name), 'utf8');
}

export interface ValidateOptions {
  readonly uri?: string;
  readonly settings?: KubeNotesSettings;
  readonly resources?: MutableKubernetesResources;
}

/** Kubernetes diagnostics (K8S codes only) of a text. */
export function validateText(text: string, options: ValidateOptions = {}): Diagnostic[] {
  const service = kubernetesService(options.resources);
  const document = yamlDocument(text, options.uri);
  return service.validate(document, options.settings ?? settings()).filter((d) => String(d.code).startsWith('K8S') || String(d.code).startsWith('KN'));
}

/** `line:col-line:col` (1-based, like editors show) of a diagnostic. */
export function where(diagnostic: Diagnostic): string {
  const { start, end } = diagnostic.range;
  return `${start.line + 1}:${start.character + 1}-${end.line + 1}:${end.character + 1}`;
}

/** Compact `CODE@range` strings, sorted by position. */
export function summary(diagnostics: readonly Diagnostic[]): string[] {
  return [...diagnostics]
    .sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character)
    .map((d) => `${String(d.code)}@${where(d)}`);
}

/** The Korean message a diagnostic carries in its data. */
export function koMessage(diagnostic: Diagnostic): string {
  return (diagnostic.data as { message: { ko: string } }).message.ko;
}

export function fixTitles(diagnostic: Diagnostic): string[] {
  const data = diagnostic.data as { fixes?: Array<{ title: { en: string } }> } | undefined;
  return (data?.fixes ?? []).map((f) => f.title.en);
}

export function fixTexts(diagnostic: Diagnostic): string[][] {
  const data = diagnostic.data as { fixes?: Array<{ edits: Array<{ newText: string }> }> } | undefined;
  return (data?.fixes ?? []).map((f) => f.edits.map((e) => e.newText));
}
