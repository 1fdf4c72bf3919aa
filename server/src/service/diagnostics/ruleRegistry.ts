// Collects rule plug-ins and answers "which code is this, how severe, is it documented" questions.
import type { Rule, RuleCode, Severity, SeveritySetting } from './rule';
import type { KubeNotesSettings } from '../settings';

/** What `severityOf` answers for one code under one settings object: `fixed`, else the finding's override, else `fallback`. */
interface SeverityPlan {
  readonly fixed: SeveritySetting | undefined;
  readonly fallback: Severity;
}

export class RuleRegistry {
  readonly rules: readonly Rule[];
  private readonly byCode = new Map<string, RuleCode>();
  private readonly byName = new Map<string, RuleCode>();
  private readonly resolvers = new WeakMap<KubeNotesSettings, (code: string, override?: Severity) => SeveritySetting>();

  constructor(rules: readonly Rule[]) {
    this.rules = rules;
    for (const rule of rules) {
      for (const code of rule.codes) {
        if (this.byCode.has(code.code)) throw new Error(`duplicate diagnostic code ${code.code} (rule ${rule.id})`);
        if (this.byName.has(code.name)) throw new Error(`duplicate diagnostic name ${code.name} (rule ${rule.id})`);
        this.byCode.set(code.code, code);
        this.byName.set(code.name, code);
      }
    }
  }

  code(code: string): RuleCode | undefined {
    return this.byCode.get(code);
  }

  /** Looks a code up by its code (`YAML001`) or its setting name (`trailingSpaces`). */
  resolve(codeOrName: string): RuleCode | undefined {
    return this.byCode.get(codeOrName) ?? this.byName.get(codeOrName);
  }

  allCodes(): RuleCode[] {
    return [...this.byCode.values()].sort((a, b) => compareCodes(a.code, b.code));
  }

  /** Severity after settings (`kubeNotes.lint.<name>` or `kubeNotes.lint.<CODE>`); `off` drops the finding. */
  severityOf(code: string, settings: KubeNotesSettings, override?: Severity): SeveritySetting {
    const plan = this.planFor(code, settings);
    return plan.fixed ?? override ?? plan.fallback;
  }

  /**
   * `severityOf` for one settings object, for many findings: each code's configured severity is looked up once
   * (what remains per finding is the rule's own override).
   */
  severityResolver(settings: KubeNotesSettings): (code: string, override?: Severity) => SeveritySetting {
    let resolver = this.resolvers.get(settings);
    if (!resolver) {
      const plans = new Map<string, SeverityPlan>();
      resolver = (code, override) => {
        let plan = plans.get(code);
        if (!plan) {
          plan = this.planFor(code, settings);
          plans.set(code, plan);
        }
        return plan.fixed ?? override ?? plan.fallback;
      };
      this.resolvers.set(settings, resolver);
    }
    return resolver;
  }

  /** The part of `severityOf` that does not depend on the finding: a fixed answer, or the default an override replaces. */
  private planFor(code: string, settings: KubeNotesSettings): SeverityPlan {
    const info = this.byCode.get(code);
    if (!info) return { fixed: undefined, fallback: 'error' };
    const configured = settings.lint[info.name] ?? settings.lint[info.code];
    if (configured !== undefined) return { fixed: configured, fallback: 'error' };
    if (info.defaultSeverity === 'off') return { fixed: 'off', fallback: 'error' };
    return { fixed: undefined, fallback: info.defaultSeverity };
  }

  /** Whether any code of the rule is enabled; rules whose codes are all off are not run. */
  isRuleEnabled(rule: Rule, settings: KubeNotesSettings): boolean {
    return rule.codes.some((code) => this.severityOf(code.code, settings) !== 'off');
  }
}

/**
 * Orders diagnostic codes (`K8S008`, `KN001`, `YAML100`: upper-case letters and digits, tested) by their characters.
 * Not localeCompare: its first call loads ICU's collator, ~20 ms of every CLI run, for the same order here.
 */
export function compareCodes(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
