// Classifies an apiVersion/kind pair for the chosen Kubernetes version: served, deprecated, removed, misspelt or custom.
import { isListType } from './kubernetesList';
import type { KindEntry, SchemaBundle } from './schemaBundle';
import { curatedGroups, MECHANICAL_MIGRATIONS, removedApi } from './removedApis';
import { closestName } from './suggestions';

export type ApiCheck =
  | { readonly status: 'ok'; readonly entry: KindEntry; readonly removedIn?: string; readonly replacement?: string; readonly mechanical?: boolean }
  | { readonly status: 'list' }
  | { readonly status: 'removed'; readonly removedIn?: string; readonly replacement?: string; readonly mechanical: boolean }
  | { readonly status: 'notYet'; readonly since: string }
  | { readonly status: 'wrongApiVersion'; readonly suggestion: string; readonly others: readonly string[] }
  | { readonly status: 'wrongKind'; readonly suggestion?: string; readonly suggestionApiVersion?: string }
  | { readonly status: 'unknownApiVersion'; readonly suggestion?: string }
  | { readonly status: 'custom'; readonly group: string; readonly version: string };

/** Splits `group/version` (core has no group). */
export function splitApiVersion(apiVersion: string): { group: string; version: string } {
  const slash = apiVersion.indexOf('/');
  return slash === -1 ? { group: '', version: apiVersion } : { group: apiVersion.slice(0, slash), version: apiVersion.slice(slash + 1) };
}

/** Sort key of an API version: GA before beta before alpha, newer numbers first. */
function stability(version: string): number {
  const m = /^v(\d+)(?:(alpha|beta)(\d+))?$/.exec(version);
  if (!m) return 0;
  const major = Number(m[1]);
  const level = m[2] === undefined ? 3 : m[2] === 'beta' ? 2 : 1;
  return level * 1_000_000 + major * 1000 + (m[3] ? Number(m[3]) : 0);
}

export function compareKubernetesVersions(a: string, b: string): number {
  const [amaj, amin] = a.split('.').map(Number);
  const [bmaj, bmin] = b.split('.').map(Number);
  return (amaj! - bmaj!) || (amin! - bmin!);
}

export function nextMinor(version: string): string {
  const [major, minor] = version.split('.').map(Number);
  return `${major}.${minor! + 1}`;
}

/** Bounds the per-catalog memo of verdicts (the pairs come from user text). */
const MAX_REMEMBERED_VERDICTS = 2000;

/** Catalog queries over a bundle (cached per bundle). */
export class ApiCatalog {
  readonly bundle: SchemaBundle;
  private readonly latest: string;
  private readonly builtinGroups: Set<string>;
  private readonly kindNames: string[];
  private readonly verdicts = new Map<string, ApiCheck>();

  constructor(bundle: SchemaBundle) {
    this.bundle = bundle;
    let latest = bundle.kubernetesVersion;
    this.builtinGroups = new Set(curatedGroups());
    for (const [key, [, last]] of bundle.historyEntries()) {
      if (compareKubernetesVersions(last, latest) > 0) latest = last;
      this.builtinGroups.add(splitApiVersion(key.slice(0, key.indexOf('|'))).group);
    }
    for (const entry of bundle.kinds) this.builtinGroups.add(entry.group);
    this.latest = latest;
    this.kindNames = [...new Set(bundle.kinds.map((k) => k.kind))];
  }

  /** The apiVersion to recommend for a kind in this version (stable first; one that is not going away). */
  preferredApiVersion(kind: string): string | undefined {
    const entries = this.bundle.entriesForKind(kind);
    if (entries.length === 0) return undefined;
    const lasting = entries.filter((e) => this.bundle.history(e.apiVersion, e.kind)?.[1] === this.latest);
    const pool = lasting.length > 0 ? lasting : entries;
    return [...pool].sort((a, b) => stability(b.version) - stability(a.version))[0]!.apiVersion;
  }

  isBuiltinGroup(group: string): boolean {
    return this.builtinGroups.has(group);
  }

  /** Every kind name the bundle knows. */
  allKinds(): readonly string[] {
    return this.kindNames;
  }

  /** The verdict on an apiVersion/kind pair; remembered per pair (a tree of manifests repeats a few dozen pairs). */
  check(apiVersion: string, kind: string): ApiCheck {
    const key = `${apiVersion}|${kind}`;
    let verdict = this.verdicts.get(key);
    if (!verdict) {
      if (this.verdicts.size >= MAX_REMEMBERED_VERDICTS) this.verdicts.clear();
      verdict = this.judge(apiVersion, kind);
      this.verdicts.set(key, verdict);
    }
    return verdict;
  }

  private judge(apiVersion: string, kind: string): ApiCheck {
    const bundle = this.bundle;
    const { group, version } = splitApiVersion(apiVersion);
    if (isListType(apiVersion, kind)) return { status: 'list' };
    const entry = bundle.kind(apiVersion, kind);
    if (entry) {
      const history = bundle.history(apiVersion, kind);
      if (history && compareKubernetesVersions(history[1], this.latest) < 0) {
        const replacement = this.preferredApiVersion(kind);
        return {
          status: 'ok',
          entry,
          removedIn: nextMinor(history[1]),
          ...(replacement && replacement !== apiVersion ? { replacement, mechanical: MECHANICAL_MIGRATIONS.has(`${apiVersion}>${replacement}`) } : {}),
        };
      }
      return { status: 'ok', entry };
    }
    const curated = removedApi(apiVersion, kind);
    if (curated) {
      const replacement = curated.replacement !== undefined && bundle.kind(curated.replacement, kind) ? curated.replacement : this.preferredApiVersion(kind) ?? curated.replacement;
      return {
        status: 'removed',
        ...(curated.removedIn !== undefined ? { removedIn: curated.removedIn } : {}),
        ...(curated.replacement !== undefined && replacement !== undefined ? { replacement } : {}),
        mechanical: curated.mechanical && replacement === curated.replacement,
      };
    }
    const history = bundle.history(apiVersion, kind);
    if (history) {
      if (compareKubernetesVersions(history[0], bundle.kubernetesVersion) > 0) return { status: 'notYet', since: history[0] };
      const replacement = this.preferredApiVersion(kind);
      return {
        status: 'removed',
        removedIn: nextMinor(history[1]),
        ...(replacement ? { replacement } : {}),
        mechanical: replacement !== undefined && MECHANICAL_MIGRATIONS.has(`${apiVersion}>${replacement}`),
      };
    }
    const exactKind = bundle.entriesForKind(kind);
    if (exactKind.length > 0) {
      if (this.builtinGroups.has(group) || !group.includes('.')) {
        const suggestion = this.preferredApiVersion(kind)!;
        return { status: 'wrongApiVersion', suggestion, others: exactKind.map((e) => e.apiVersion).filter((v) => v !== suggestion) };
      }
      return { status: 'custom', group, version };
    }
    if (!this.builtinGroups.has(group) && group.includes('.')) return { status: 'custom', group, version };
    // A built-in group (or a group-less typo): the kind is misspelt, or the apiVersion is.
    const spelled = bundle.kindSpelledLike(kind) ?? closestName(kind, this.kindNames);
    if (spelled) {
      const inThisVersion = bundle.kind(apiVersion, spelled);
      return {
        status: 'wrongKind',
        suggestion: spelled,
        ...(inThisVersion ? {} : { suggestionApiVersion: this.preferredApiVersion(spelled)! }),
      };
    }
    if (!bundle.hasApiVersion(apiVersion)) {
      const suggestion = closestName(apiVersion, bundle.allApiVersions());
      return { status: 'unknownApiVersion', ...(suggestion ? { suggestion } : {}) };
    }
    return { status: 'wrongKind' };
  }
}

const catalogs = new WeakMap<SchemaBundle, ApiCatalog>();

/** The catalog of a bundle, built once. */
export function catalogFor(bundle: SchemaBundle): ApiCatalog {
  let catalog = catalogs.get(bundle);
  if (!catalog) {
    catalog = new ApiCatalog(bundle);
    catalogs.set(bundle, catalog);
  }
  return catalog;
}
