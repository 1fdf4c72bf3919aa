// The plug-in contract for diagnostics: rules declare stable codes and report findings on one parsed chunk.
import type { Localized } from '../l10n/localized';
import type { ParsedChunk } from '../parser/parsedChunk';
import type { KubeNotesSettings } from '../settings';
import type { KubernetesResources } from '../kubernetes/kubernetesResources';

export type Severity = 'error' | 'warning' | 'info' | 'hint';
export type SeveritySetting = Severity | 'off';

/** A text edit in chunk-relative offsets. */
export interface ChunkEdit {
  readonly start: number;
  readonly end: number;
  readonly newText: string;
}

/** One unambiguous fix for a finding. */
export interface FindingFix {
  readonly title: Localized;
  readonly edits: readonly ChunkEdit[];
  /** Marks the fix VS Code may apply with "auto fix" / "fix all of this kind". */
  readonly isPreferred?: boolean;
}

/** What a rule reports: chunk-relative offsets, both languages, optional fixes. */
export interface Finding {
  readonly code: string;
  readonly start: number;
  readonly end: number;
  readonly message: Localized;
  readonly fixes?: readonly FindingFix[];
  readonly tags?: ReadonlyArray<'unnecessary' | 'deprecated'>;
  /** Overrides the code's configured severity for this one finding (rare; e.g. an info note). */
  readonly severity?: Severity;
}

/** A stable diagnostic code and everything needed to configure and document it. */
export interface RuleCode {
  /** Stable code, e.g. `YAML001` or `K8S010`. Never reused. */
  readonly code: string;
  /** camelCase name used in settings (`kubeNotes.lint.<name>`) and suppression comments. */
  readonly name: string;
  readonly defaultSeverity: SeveritySetting;
  readonly title: Localized;
  /** A few sentences: what is wrong, why it matters, how to fix it. */
  readonly explanation: Localized;
  /** Glossary note that teaches the concept behind this code. */
  readonly noteId?: string;
  /**
   * Other VS Code extensions (by id) that report the same problem themselves, e.g. `redhat.vscode-yaml`
   * for YAML syntax errors. When one is active, the finding is shown as a hint so the Problems panel
   * does not list it twice (`kubeNotes.coexistence.redHatYaml`).
   */
  readonly alsoReportedBy?: readonly string[];
  /**
   * More precise codes that, when they report the very same range, make this finding redundant (e.g. the
   * generic YAML 1.1 warning on `value: yes` yields to the schema's "must be a string" error).
   */
  readonly supersededBy?: readonly string[];
}

/** Facts about the whole file that a chunk-level rule may need. */
export interface FileFacts {
  readonly uri: string;
  readonly chunkIndex: number;
  readonly chunkCount: number;
  /** The file is a Helm template (rules that cannot understand templates should stay quiet). */
  readonly isHelmTemplate: boolean;
}

export interface RuleContext {
  readonly chunk: ParsedChunk;
  readonly file: FileFacts;
  readonly settings: KubeNotesSettings;
  readonly kubernetes: KubernetesResources;
  report(finding: Finding): void;
}

/** A rule plug-in: one file per rule, one or more stable codes. */
export interface Rule {
  readonly id: string;
  readonly codes: readonly RuleCode[];
  /**
   * Whether the rule's findings depend only on the chunk text, its file, the settings and the workspace
   * knowledge of `KubernetesResources` (its generation is part of the cache key), so they can be cached per
   * chunk. Rules that look at the chunk's position in the file (first/last chunk) must say false.
   */
  readonly chunkLocal: boolean;
  /**
   * Whether the rule still runs on Helm templates (`FileFacts.isHelmTemplate`). Rules that read the YAML
   * structure must not: `{{ … }}` is not YAML until Helm renders it. Default false.
   */
  readonly runsOnHelmTemplates?: boolean;
  check(context: RuleContext): void;
}
