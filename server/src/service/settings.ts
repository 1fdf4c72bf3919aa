// The kubeNotes.* settings as the service sees them, with defaults and tolerant normalisation.
import type { LanguageSetting } from './l10n/localized';
import type { SeveritySetting } from './diagnostics/rule';

export interface KubeNotesSettings {
  /** `kubeNotes.language`: language of messages and hovers (`auto` follows the editor). */
  readonly language: LanguageSetting;
  readonly hover: {
    readonly enabled: boolean;
    /** Show concept notes from the glossary in hovers. */
    readonly concepts: boolean;
    /** At most this many notes in one hover. */
    readonly maxNotes: number;
  };
  readonly notes: {
    /** Extra folders of Markdown notes (workspace-relative or absolute). */
    readonly paths: readonly string[];
  };
  readonly kubernetes: {
    /** `kubeNotes.kubernetes.version`, e.g. `1.36`. */
    readonly version: string;
    /** Validate Kubernetes manifests against the API schema. */
    readonly validate: boolean;
  };
  /** `kubeNotes.lint.<codeName>`: per-code severity overrides. */
  readonly lint: Readonly<Record<string, SeveritySetting>>;
  /** The whole raw `kubeNotes` section, for rule options (read with `settingValue`). */
  readonly raw: Readonly<Record<string, unknown>>;
}

export const SUPPORTED_KUBERNETES_VERSIONS = ['1.28', '1.29', '1.30', '1.31', '1.32', '1.33', '1.34', '1.35', '1.36'] as const;
export const DEFAULT_KUBERNETES_VERSION = '1.36';

export const defaultSettings: KubeNotesSettings = {
  language: 'auto',
  hover: { enabled: true, concepts: true, maxNotes: 3 },
  notes: { paths: [] },
  kubernetes: { version: DEFAULT_KUBERNETES_VERSION, validate: true },
  lint: {},
  raw: {},
};

const SEVERITIES: readonly string[] = ['off', 'hint', 'info', 'warning', 'error'];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Reads a dotted path (e.g. `yaml.lineLength.max`) from the raw section, with a typed fallback. */
export function settingValue<T>(settings: KubeNotesSettings, path: string, fallback: T): T {
  // VS Code hands over nested objects; other clients may send flattened keys ("yaml.lineLength.max").
  let current: unknown = settings.raw;
  for (const part of path.split('.')) {
    current = isRecord(current) ? current[part] : undefined;
  }
  if (current === undefined || current === null) current = settings.raw[path];
  return current !== undefined && current !== null && typeof current === typeof fallback ? (current as T) : fallback;
}

/** Turns whatever the client sent for the `kubeNotes` section into complete settings. */
export function normalizeSettings(input: unknown): KubeNotesSettings {
  const raw = isRecord(input) ? input : {};
  const hover = isRecord(raw['hover']) ? raw['hover'] : {};
  const notes = isRecord(raw['notes']) ? raw['notes'] : {};
  const kubernetes = isRecord(raw['kubernetes']) ? raw['kubernetes'] : {};
  const lintInput = isRecord(raw['lint']) ? raw['lint'] : {};
  const lint: Record<string, SeveritySetting> = {};
  for (const [name, value] of Object.entries(lintInput)) {
    if (typeof value === 'string' && SEVERITIES.includes(value)) lint[name] = value as SeveritySetting;
  }
  const language = raw['language'] === 'ko' || raw['language'] === 'en' ? raw['language'] : 'auto';
  const requestedVersion = typeof kubernetes['version'] === 'string' ? kubernetes['version'].replace(/^v/, '') : '';
  const version = (SUPPORTED_KUBERNETES_VERSIONS as readonly string[]).includes(requestedVersion)
    ? requestedVersion
    : DEFAULT_KUBERNETES_VERSION;
  const maxNotes = typeof hover['maxNotes'] === 'number' && hover['maxNotes'] >= 1 ? Math.min(10, Math.floor(hover['maxNotes'])) : 3;
  return {
    language,
    hover: {
      enabled: hover['enabled'] !== false,
      concepts: hover['concepts'] !== false,
      maxNotes,
    },
    notes: {
      paths: Array.isArray(notes['paths']) ? notes['paths'].filter((p): p is string => typeof p === 'string' && p.trim() !== '') : [],
    },
    kubernetes: { version, validate: kubernetes['validate'] !== false },
    lint,
    raw,
  };
}
