// The concept note model: front matter, both language bodies, and the triggers that place it in a manifest.
import type { Localized } from '../l10n/localized';

export const NOTE_TOPICS = ['kubernetes', 'containers', 'linux', 'networking', 'monitoring', 'machine-learning', 'yaml'] as const;
export type NoteTopic = (typeof NOTE_TOPICS)[number] | 'other';

/** YAML tokens a note can be attached to. */
export const NOTE_TOKENS = ['#', '---', '...', '|', '>', '{}', '[]', ': '] as const;

export interface NoteTriggers {
  /** Exact mapping keys, e.g. `nodeName`. */
  readonly keys: readonly string[];
  /** Values of `kind:`, e.g. `Node`. */
  readonly kinds: readonly string[];
  /** Exact scalar values. */
  readonly values: readonly string[];
  /** Image repositories, e.g. `alpine`, `grafana/grafana`. */
  readonly images: readonly string[];
  /** Port numbers in port fields. */
  readonly ports: readonly number[];
  /** YAML tokens from NOTE_TOKENS. */
  readonly tokens: readonly string[];
  /** Lower-case words found in comments, keys or values. */
  readonly words: readonly string[];
}

export type NoteSource = 'bundled' | 'user';

export interface Note {
  readonly id: string;
  readonly title: Localized;
  readonly aliases: readonly string[];
  readonly topic: NoteTopic;
  readonly related: readonly string[];
  readonly summary: Localized;
  /** Full Markdown body per language (raw; render only through a sanitising renderer). */
  readonly body: Localized;
  readonly triggers: NoteTriggers;
  readonly source: NoteSource;
  /** File path (or URI) the note came from. */
  readonly path: string;
}

export const emptyTriggers: NoteTriggers = { keys: [], kinds: [], values: [], images: [], ports: [], tokens: [], words: [] };
