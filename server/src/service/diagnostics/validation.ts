// Runs the rule plug-ins over every chunk of a file (re-using cached chunk findings) and builds LSP diagnostics.
import { DiagnosticSeverity, DiagnosticTag, type Diagnostic, type Range } from 'vscode-languageserver-types';
import { pick, type Lang, type Localized } from '../l10n/localized';
import { chunkPosition, type ParsedFile, type PlacedChunk } from '../parser/parsedFile';
import { lineOfOffset, type ParsedChunk } from '../parser/parsedChunk';
import type { KubeNotesSettings } from '../settings';
import type { KubernetesResources } from '../kubernetes/kubernetesResources';
import type { FileFacts, Finding, Rule, RuleContext, Severity } from './rule';
import type { RuleRegistry } from './ruleRegistry';
import { findSuppressions, isSuppressedBy, type ChunkSuppressions } from './suppressions';
import { isInsideComment } from '../yaml/cstScan';

export const DIAGNOSTIC_SOURCE = 'kube-notes';

/** A fix carried in `Diagnostic.data`, with absolute ranges, so code actions need no recomputation. */
export interface DiagnosticFixData {
  readonly title: Localized;
  readonly edits: ReadonlyArray<{ readonly range: Range; readonly newText: string }>;
  readonly isPreferred?: boolean;
}

export interface DiagnosticData {
  readonly fixes?: readonly DiagnosticFixData[];
  /** The message in both languages (hover on a diagnostic shows both). */
  readonly message: Localized;
}

export interface ValidationInput {
  readonly file: ParsedFile;
  readonly registry: RuleRegistry;
  readonly settings: KubeNotesSettings;
  readonly settingsKey: string;
  readonly lang: Lang;
  readonly kubernetes: KubernetesResources;
  readonly isHelmTemplate: boolean;
  /** Codes shown as hints because an active peer extension reports them too. */
  readonly quietCodes?: ReadonlySet<string>;
  /** Called for each chunk after its checks, while it may still hold its trees (which are released right after). */
  readonly afterChunk?: (chunk: PlacedChunk) => void;
}

const severityMap: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

function suppressionsOf(chunk: PlacedChunk): ChunkSuppressions {
  const memo = chunk.parsed.memo;
  const cached = memo.get('suppressions') as ChunkSuppressions | undefined;
  if (cached) return cached;
  const text = chunk.parsed.text;
  const result = findSuppressions(
    text,
    (offset) => lineOfOffset(chunk.parsed.lineStarts, offset),
    (offset) => isInsideComment(chunk.parsed, offset),
  );
  memo.set('suppressions', result);
  return result;
}

/**
 * Bounds on what one file can report. A 5 MB line `[1,2,3,…]` has 800,000 commas without a space: publishing a
 * diagnostic for each took longer than 15 s and hundreds of MB of JSON, and nobody reads past the first ones.
 */
export const MAX_FINDINGS_PER_RULE_PER_CHUNK = 1000;
export const MAX_DIAGNOSTICS_PER_FILE = 5000;
/** The code of the notice that says findings were left out. */
export const TOO_MANY_PROBLEMS_CODE = 'KN001';

function tooManyProblems(shown: number, what: Localized): Finding {
  return {
    code: TOO_MANY_PROBLEMS_CODE,
    start: 0,
    end: 0,
    severity: 'info',
    message: {
      ko: `문제가 너무 많아 ${what.ko} 처음 ${shown.toLocaleString('en')}개만 보여 줍니다.`,
      en: `Too many problems: only the first ${shown.toLocaleString('en')} ${what.en} are shown.`,
    },
  };
}

/**
 * The context of one chunk's run: one object for all its rules (not one context and closure per rule), with the
 * per-rule finding cap kept in `reported`.
 */
class ChunkRun implements RuleContext {
  readonly findings: Finding[] = [];
  rule: Rule | undefined;
  reported = 0;

  constructor(
    readonly chunk: ParsedChunk,
    readonly file: FileFacts,
    readonly settings: KubeNotesSettings,
    readonly kubernetes: KubernetesResources,
  ) {}

  readonly report = (finding: Finding): void => {
    this.reported++;
    if (this.reported <= MAX_FINDINGS_PER_RULE_PER_CHUNK) this.findings.push(finding);
    else if (this.reported === MAX_FINDINGS_PER_RULE_PER_CHUNK + 1) {
      const id = this.rule?.id ?? '';
      this.findings.push(tooManyProblems(MAX_FINDINGS_PER_RULE_PER_CHUNK, { ko: `이 문서에서 규칙 ${id}의 결과는`, en: `findings of rule ${id} in this document` }));
    }
  };
}

function runRules(rules: readonly Rule[], chunk: PlacedChunk, facts: FileFacts, input: ValidationInput): Finding[] {
  const run = new ChunkRun(chunk.parsed, facts, input.settings, input.kubernetes);
  for (const rule of rules) {
    run.rule = rule;
    run.reported = 0;
    try {
      rule.check(run);
    } catch (error) {
      // A broken rule must never take the others (or the server) down; report it as an internal problem.
      run.findings.push({
        code: 'KN000',
        start: 0,
        end: 0,
        message: {
          ko: `kube-notes 내부 오류: 규칙 ${rule.id}이(가) 실패했습니다 (${String(error)}).`,
          en: `kube-notes internal error: rule ${rule.id} failed (${String(error)}).`,
        },
        severity: 'error',
      });
    }
  }
  run.rule = undefined;
  return run.findings;
}

interface RuleSets {
  readonly localRules: readonly Rule[];
  readonly positionalRules: readonly Rule[];
}

/** The enabled rules per registry, settings object and Helm flag: computed once, not per file (10,000 files made it count). */
const ruleSets = new WeakMap<RuleRegistry, WeakMap<KubeNotesSettings, { plain?: RuleSets; helm?: RuleSets }>>();

function rulesFor(input: ValidationInput): RuleSets {
  let bySettings = ruleSets.get(input.registry);
  if (!bySettings) {
    bySettings = new WeakMap();
    ruleSets.set(input.registry, bySettings);
  }
  let entry = bySettings.get(input.settings);
  if (!entry) {
    entry = {};
    bySettings.set(input.settings, entry);
  }
  const cached = input.isHelmTemplate ? entry.helm : entry.plain;
  if (cached) return cached;
  const enabled = input.registry.rules.filter(
    (rule) => input.registry.isRuleEnabled(rule, input.settings) && (!input.isHelmTemplate || rule.runsOnHelmTemplates === true),
  );
  const sets: RuleSets = { localRules: enabled.filter((rule) => rule.chunkLocal), positionalRules: enabled.filter((rule) => !rule.chunkLocal) };
  if (input.isHelmTemplate) entry.helm = sets;
  else entry.plain = sets;
  return sets;
}

/** Chunk-local findings kept in the chunk's memo, with what they were computed for (only the newest are kept). */
interface CachedFindings {
  readonly settingsKey: string;
  readonly isHelmTemplate: boolean;
  readonly generation: number;
  readonly findings: Finding[];
}

const FINDINGS_MEMO = 'findings';

/** Findings of one chunk; rules that depend only on the chunk are cached on the chunk per settings. */
export function chunkFindings(chunk: PlacedChunk, chunkCount: number, input: ValidationInput): Finding[] {
  const { localRules, positionalRules } = rulesFor(input);
  const facts: FileFacts = { uri: input.file.uri, chunkIndex: chunk.index, chunkCount, isHelmTemplate: input.isHelmTemplate };
  // Workspace knowledge (CRDs, kustomize patch lists) is part of the key: rules that read it stay chunk-local.
  const generation = input.kubernetes.generation?.() ?? 0;
  const memo = chunk.parsed.memo;
  const cached = memo.get(FINDINGS_MEMO) as CachedFindings | undefined;
  let local: Finding[];
  if (cached && cached.settingsKey === input.settingsKey && cached.isHelmTemplate === input.isHelmTemplate && cached.generation === generation) {
    local = cached.findings;
  } else {
    local = runRules(localRules, chunk, facts, input);
    // One entry per chunk: the newest settings' findings replace older ones (bounded memory).
    memo.set(FINDINGS_MEMO, { settingsKey: input.settingsKey, isHelmTemplate: input.isHelmTemplate, generation, findings: local } satisfies CachedFindings);
  }
  if (positionalRules.length === 0) return local;
  const positional = runRules(positionalRules, chunk, facts, input);
  return positional.length === 0 ? local : local.concat(positional);
}

/** Validates a parsed file and returns LSP diagnostics in the chosen language. */
export function validateFile(input: ValidationInput): Diagnostic[] {
  const { file, registry, settings } = input;
  const severityOf = registry.severityResolver(settings);
  const diagnostics: Diagnostic[] = [];
  const fileWide = new Set<string>();
  for (const chunk of file.chunks) for (const code of suppressionsOf(chunk).fileWide) fileWide.add(code);
  let truncated = false;
  for (const chunk of file.chunks) {
    if (truncated) break;
    const findings = chunkFindings(chunk, file.chunks.length, input);
    input.afterChunk?.(chunk);
    // The findings are cached on the chunk; its trees are read again only for a hover, a completion or a settings
    // change. Released before the next chunk is parsed, so a large file's trees are never all alive at once.
    chunk.parsed.releaseSyntax();
    if (findings.length > 0 && addDiagnostics(diagnostics, chunk, findings, fileWide, severityOf, input)) truncated = true;
  }
  // Chunks past the cap were not checked; any CST read for their suppression comments goes too.
  if (truncated) for (const chunk of file.chunks) chunk.parsed.releaseSyntax();
  return diagnostics;
}

/**
 * Adds the diagnostics of one chunk's findings that the user will see; returns true when the file's cap was reached
 * (a notice is then the last diagnostic). Kept out of validateFile's loop, which most chunks (those without
 * findings) never leave, so that the loop stays small: V8 optimizes a small function sooner.
 */
function addDiagnostics(
  diagnostics: Diagnostic[],
  chunk: PlacedChunk,
  findings: readonly Finding[],
  fileWide: ReadonlySet<string>,
  severityOf: ReturnType<RuleRegistry['severityResolver']>,
  input: ValidationInput,
): boolean {
  const { registry, lang } = input;
  const suppressions = suppressionsOf(chunk);
  // What the user will see: findings neither turned off nor suppressed. Only those can supersede others.
  const visible = findings.filter((finding) => {
    if (severityOf(finding.code, finding.severity) === 'off') return false;
    if (fileWide.size === 0 && suppressions.nextLine.size === 0) return true;
    const name = registry.code(finding.code)?.name ?? finding.code;
    if (isSuppressedBy(fileWide, finding.code, name)) return false;
    const line = lineOfOffset(chunk.parsed.lineStarts, finding.start);
    return !isSuppressedBy(suppressions.nextLine.get(line), finding.code, name);
  });
  // `code@start:end` of the visible findings, built only when a finding may be superseded.
  let reported: Set<string> | undefined;
  for (const finding of visible) {
    if (diagnostics.length >= MAX_DIAGNOSTICS_PER_FILE) {
      const notice = tooManyProblems(MAX_DIAGNOSTICS_PER_FILE, { ko: '이 파일의 문제는', en: 'problems of this file' });
      diagnostics.push({
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        severity: DiagnosticSeverity.Information,
        code: notice.code,
        source: DIAGNOSTIC_SOURCE,
        message: pick(notice.message, lang),
        data: { message: notice.message } satisfies DiagnosticData,
      });
      return true;
    }
    const info = registry.code(finding.code);
    if (info?.supersededBy) {
      reported ??= new Set(visible.map((f) => `${f.code}@${f.start}:${f.end}`));
      const seen = reported;
      if (info.supersededBy.some((code) => seen.has(`${code}@${finding.start}:${finding.end}`))) continue;
    }
    const configured = severityOf(finding.code, finding.severity) as Severity;
    const severity = input.quietCodes?.has(finding.code) ? 'hint' : configured;
    const range: Range = { start: chunkPosition(chunk, finding.start), end: chunkPosition(chunk, finding.end) };
    const data: DiagnosticData = {
      message: finding.message,
      ...(finding.fixes && finding.fixes.length > 0
        ? {
            fixes: finding.fixes.map((fix) => ({
              title: fix.title,
              isPreferred: fix.isPreferred ?? false,
              edits: fix.edits.map((edit) => ({
                range: { start: chunkPosition(chunk, edit.start), end: chunkPosition(chunk, edit.end) },
                newText: edit.newText,
              })),
            })),
          }
        : {}),
    };
    const diagnostic: Diagnostic = {
      range,
      severity: severityMap[severity],
      code: finding.code,
      source: DIAGNOSTIC_SOURCE,
      message: pick(finding.message, lang),
      data,
    };
    if (finding.tags && finding.tags.length > 0) {
      diagnostic.tags = finding.tags.map((tag) => (tag === 'unnecessary' ? DiagnosticTag.Unnecessary : DiagnosticTag.Deprecated));
    }
    diagnostics.push(diagnostic);
  }
  return false;
}
