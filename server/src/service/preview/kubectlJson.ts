// Converts one parsed YAML document to the JSON kubectl would send, with hard limits: no recursion over the data, alias
// budget (go-yaml's own "excessive aliasing" rule plus a node budget), cycle detection, output cap and a deadline.
import { type Alias, type Document, type Node, type Pair, type Scalar, type YAMLMap } from 'yaml';
import { isAlias, isMap, isPair, isScalar, isSeq } from '../yaml/yamlNodes';
import type { Localized } from '../l10n/localized';
import {
  displayValue,
  jsonKey,
  jsonToken,
  kubectlScalarValue,
  plainText,
  resolveCorePlain,
  resolveGoPlain,
  SEXAGESIMAL,
  sexagesimalValue,
  yaml12ScalarValue,
} from './goYamlScalar';
import { formatSize, previewText } from './previewMessages';

export type PreviewNoteKind =
  | 'yaml11'
  | 'sexagesimal'
  | 'mergeKey'
  | 'tag'
  | 'nonFinite'
  | 'alias'
  | 'cycle'
  | 'mergeValue'
  | 'duplicateKey'
  | 'key'
  | 'aliasing'
  | 'limit'
  | 'document'
  | 'syntax'
  | 'helm';

export type PreviewNoteSeverity = 'error' | 'warning' | 'info';

/** A note in chunk-relative offsets (placed in the file by the caller). */
export interface RawPreviewNote {
  readonly kind: PreviewNoteKind;
  readonly severity: PreviewNoteSeverity;
  readonly message: Localized;
  readonly start: number;
  readonly end: number;
}

export type KeyOrder = 'sorted' | 'source';

export interface PreviewLimits {
  /** Characters of JSON output (per document and per file). */
  readonly maxOutputChars: number;
  /** Values visited (keys, values, merged entries) per document. */
  readonly maxNodes: number;
  /** Nested merge keys followed. */
  readonly maxMergeDepth: number;
  /** Wall-clock budget of one preview request. */
  readonly timeBudgetMs: number;
}

export const DEFAULT_PREVIEW_LIMITS: PreviewLimits = {
  maxOutputChars: 5 * 1024 * 1024,
  maxNodes: 1_000_000,
  maxMergeDepth: 64,
  timeBudgetMs: 3000,
};

export type StopReason = 'aliasing' | 'nodes' | 'output' | 'timeout';

export interface DocumentJson {
  /** Pretty-printed JSON (2-space indent, no leading indent). Always valid JSON, markers where it was cut. */
  readonly json: string;
  readonly notes: readonly RawPreviewNote[];
  /** kubectl skips the document (empty or null). */
  readonly skipped: boolean;
  readonly stopped?: StopReason;
}

export interface ConvertOptions {
  readonly keyOrder: KeyOrder;
  readonly limits: PreviewLimits;
  /** Date.now() value after which conversion stops. */
  readonly deadline: number;
  readonly now?: () => number;
}

// go-yaml v2 (decode.go): alias expansion may make up at most 99% of small documents, 10% of very large ones.
const ALIAS_RATIO_RANGE_LOW = 400_000;
const ALIAS_RATIO_RANGE_HIGH = 4_000_000;

function allowedAliasRatio(decodeCount: number): number {
  if (decodeCount <= ALIAS_RATIO_RANGE_LOW) return 0.99;
  if (decodeCount >= ALIAS_RATIO_RANGE_HIGH) return 0.1;
  return 0.99 - 0.89 * ((decodeCount - ALIAS_RATIO_RANGE_LOW) / (ALIAS_RATIO_RANGE_HIGH - ALIAS_RATIO_RANGE_LOW));
}

interface Entry {
  readonly key: string;
  readonly value: unknown;
  /** The entry was copied by a merge from an alias (its value counts as alias expansion). */
  readonly viaAlias: boolean;
}

interface Frame {
  readonly close: '}' | ']';
  readonly indent: string;
  readonly node: Node;
  readonly entries?: readonly Entry[];
  readonly items?: readonly unknown[];
  index: number;
  /** Alias depth to give back when the frame closes. */
  readonly aliasBump: number;
}

const rangeOf = (node: unknown): { start: number; end: number } => {
  const range = (node as { range?: readonly number[] | null } | null)?.range;
  return range ? { start: range[0]!, end: range[1]! } : { start: 0, end: 0 };
};

/** A plain `<<` key (go-yaml: implicit scalar `<<` or the !!merge tag). */
export function isMergeKey(key: unknown): boolean {
  if (!isScalar(key)) return false;
  if (key.tag === 'tag:yaml.org,2002:merge') return true;
  return key.tag === undefined && (key.type === undefined || key.type === 'PLAIN') && plainText(key) === '<<';
}

/** Compares strings by code point (= UTF-8 byte order, as Go sorts map keys). */
export function compareCodePoints(a: string, b: string): number {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    const xs = x >= 0xd800 && x <= 0xdfff;
    const ys = y >= 0xd800 && y <= 0xdfff;
    if (xs !== ys) return xs ? 1 : -1;
    return x - y;
  }
  return a.length - b.length;
}

/**
 * One pass in document order (explicit stack): resolves every alias to the latest anchor defined before it,
 * and notes where YAML 1.1 (kubectl) and YAML 1.2 read a scalar differently. Never follows aliases.
 */
function prepass(root: unknown, notes: RawPreviewNote[]): Map<Alias, Node | undefined> {
  const anchors = new Map<string, Node>();
  const targets = new Map<Alias, Node | undefined>();
  const stack: Array<{ node: unknown; key: boolean }> = [{ node: root, key: false }];
  while (stack.length > 0) {
    const { node, key } = stack.pop()!;
    if (node === null || node === undefined) continue;
    if (isAlias(node)) {
      const target = anchors.get(node.source);
      targets.set(node, target);
      if (!target) notes.push({ kind: 'alias', severity: 'error', message: previewText.unresolvedAlias(node.source), ...rangeOf(node) });
      continue;
    }
    const anchor = (node as { anchor?: string }).anchor;
    if (anchor) anchors.set(anchor, node as Node);
    if (isScalar(node)) {
      scalarNotes(node, key, notes);
    } else if (isMap(node) || isSeq(node)) {
      const items = (node as { items: unknown[] }).items;
      for (let i = items.length - 1; i >= 0; i--) {
        const item = items[i];
        if (isPair(item)) {
          stack.push({ node: item.value, key: false });
          if (isMergeKey(item.key)) notes.push({ kind: 'mergeKey', severity: 'info', message: previewText.mergeKey, ...rangeOf(item.key) });
          else stack.push({ node: item.key, key: true });
        } else {
          stack.push({ node: item, key: false });
        }
      }
    }
  }
  return targets;
}

function scalarNotes(scalar: Scalar, isKey: boolean, notes: RawPreviewNote[]): void {
  const { start, end } = rangeOf(scalar);
  const { value, remark } = kubectlScalarValue(scalar);
  const source = plainText(scalar) ?? String(scalar.value ?? '');
  const shown = source.length > 40 ? `${source.slice(0, 40)}…` : source;
  if (remark?.kind === 'customTag') notes.push({ kind: 'tag', severity: 'info', message: previewText.customTag(remark.tag), start, end });
  if (remark?.kind === 'tagMismatch') notes.push({ kind: 'tag', severity: 'error', message: previewText.tagMismatch(remark.tag.replace('tag:yaml.org,2002:', '!!'), shown), start, end });
  if (!isKey && value.kind === 'float' && !Number.isFinite(value.value)) {
    notes.push({ kind: 'nonFinite', severity: 'error', message: previewText.nonFinite(shown), start, end });
  }
  const core = yaml12ScalarValue(scalar);
  if (core === undefined) return;
  const plain = plainText(scalar) ?? '';
  if (isKey) {
    const k = jsonKey(value);
    const t = jsonKey(core);
    if (k !== undefined && t !== undefined && k !== t) notes.push({ kind: 'yaml11', severity: 'warning', message: previewText.yaml11Key(shown, JSON.stringify(k), JSON.stringify(t)), start, end });
  } else if ((jsonToken(value) ?? displayValue(value)) !== (jsonToken(core) ?? displayValue(core))) {
    notes.push({ kind: 'yaml11', severity: 'warning', message: previewText.yaml11Value(shown, displayValue(value), displayValue(core)), start, end });
  }
  if (plain.length <= 40 && SEXAGESIMAL.test(plain) && value.kind === 'string') {
    notes.push({ kind: 'sexagesimal', severity: 'info', message: previewText.sexagesimal(plain, sexagesimalValue(plain)), start, end });
  }
}

class Converter {
  readonly notes: RawPreviewNote[] = [];
  stopped: StopReason | undefined;
  private readonly parts: string[] = [];
  private size = 0;
  private decodeCount = 0;
  private aliasCount = 0;
  private aliasDepth = 0;
  private markerWritten = false;
  private readonly frames: Frame[] = [];
  /** Collections being written (on the frame stack): an alias into one of them is a cycle. */
  private readonly active = new Set<Node>();
  private readonly noted = new Set<string>();
  private readonly now: () => number;

  constructor(
    private readonly targets: Map<Alias, Node | undefined>,
    private readonly options: ConvertOptions,
  ) {
    this.now = options.now ?? Date.now;
  }

  convert(root: unknown): string {
    this.value(root, '', 0);
    while (this.frames.length > 0) {
      const frame = this.frames[this.frames.length - 1]!;
      const length = frame.entries ? frame.entries.length : frame.items!.length;
      if (this.stopped || frame.index >= length) {
        this.closeFrame(frame);
        continue;
      }
      const childIndent = `${frame.indent}  `;
      this.write(frame.index === 0 ? `\n${childIndent}` : `,\n${childIndent}`);
      if (frame.entries) {
        const entry = frame.entries[frame.index]!;
        frame.index++;
        this.write(`${JSON.stringify(entry.key)}: `);
        this.value(entry.value, childIndent, entry.viaAlias ? 1 : 0);
      } else {
        const item = frame.items![frame.index];
        frame.index++;
        this.value(item, childIndent, 0);
      }
      if (!this.stopped && this.size > this.options.limits.maxOutputChars) this.halt('output', frame.node);
    }
    return this.parts.join('');
  }

  private closeFrame(frame: Frame): void {
    if (this.stopped && !this.markerWritten) {
      // Say where the output was cut, as a last element of the innermost open collection.
      this.markerWritten = true;
      const childIndent = `${frame.indent}  `;
      const marker = JSON.stringify(this.marker());
      this.write(frame.index === 0 ? `\n${childIndent}` : `,\n${childIndent}`);
      this.write(frame.entries ? `"…": ${marker}` : marker);
      frame.index++;
    }
    this.frames.pop();
    this.active.delete(frame.node);
    this.aliasDepth -= frame.aliasBump;
    this.write(frame.index === 0 ? frame.close : `\n${frame.indent}${frame.close}`);
  }

  private marker(): string {
    switch (this.stopped) {
      case 'output':
        return previewText.truncatedMarker(formatSize(this.options.limits.maxOutputChars));
      case 'aliasing':
        return previewText.stoppedMarker('excessive aliasing');
      case 'nodes':
        return previewText.stoppedMarker(`more than ${this.options.limits.maxNodes} values`);
      default:
        return previewText.stoppedMarker(`took longer than ${this.options.limits.timeBudgetMs} ms`);
    }
  }

  private write(text: string): void {
    this.parts.push(text);
    this.size += text.length;
  }

  private note(kind: PreviewNoteKind, severity: PreviewNoteSeverity, message: Localized, node: unknown): void {
    const { start, end } = rangeOf(node);
    const key = `${kind}@${start}:${message.en}`;
    if (this.noted.has(key)) return;
    this.noted.add(key);
    this.notes.push({ kind, severity, message, start, end });
  }

  private halt(reason: StopReason, node: unknown): void {
    if (this.stopped) return;
    this.stopped = reason;
    const limits = this.options.limits;
    switch (reason) {
      case 'aliasing':
        this.note('aliasing', 'error', previewText.excessiveAliasing, node);
        break;
      case 'nodes':
        this.note('limit', 'warning', previewText.nodeBudget(limits.maxNodes), node);
        break;
      case 'output':
        this.note('limit', 'warning', previewText.outputLimit(formatSize(limits.maxOutputChars)), node);
        break;
      case 'timeout':
        this.note('limit', 'warning', previewText.timeout(limits.timeBudgetMs), node);
        break;
    }
  }

  /** Counts one decoded node the way go-yaml does; false once a limit is hit. */
  private tick(node: unknown): boolean {
    if (this.stopped) return false;
    this.decodeCount++;
    if (this.aliasDepth > 0) this.aliasCount++;
    if (this.aliasCount > 100 && this.decodeCount > 1000 && this.aliasCount / this.decodeCount > allowedAliasRatio(this.decodeCount)) {
      this.halt('aliasing', node);
      return false;
    }
    if (this.decodeCount > this.options.limits.maxNodes) {
      this.halt('nodes', node);
      return false;
    }
    if ((this.decodeCount & 1023) === 0 && this.now() > this.options.deadline) {
      this.halt('timeout', node);
      return false;
    }
    return true;
  }

  private writeMarker(): void {
    this.markerWritten = true;
    this.write(JSON.stringify(this.marker()));
  }

  /** Writes one value; collections open a frame that the main loop fills. */
  private value(input: unknown, indent: string, aliasBump: number): void {
    this.aliasDepth += aliasBump;
    let bump = aliasBump;
    const done = (): void => {
      this.aliasDepth -= bump;
    };
    if (!this.tick(input)) {
      this.writeMarker();
      done();
      return;
    }
    let node = input;
    if (isAlias(node)) {
      const target = this.targets.get(node);
      if (!target) {
        this.write('null');
        done();
        return;
      }
      if (this.active.has(target)) {
        this.note('cycle', 'error', previewText.cycle(node.source), node);
        this.write('null');
        done();
        return;
      }
      this.aliasDepth++;
      bump++;
      node = target;
      // go-yaml counts the alias and then its target, inside the expansion.
      if (!this.tick(node)) {
        this.writeMarker();
        done();
        return;
      }
    }
    if (node === null || node === undefined) {
      this.write('null');
      done();
      return;
    }
    if (isScalar(node)) {
      const { value } = kubectlScalarValue(node);
      const token = jsonToken(value) ?? 'null';
      if (this.size + token.length > this.options.limits.maxOutputChars) {
        this.halt('output', node);
        this.writeMarker();
      } else {
        this.write(token);
      }
      done();
      return;
    }
    if (isMap(node)) {
      const entries = this.entries(node);
      if (this.stopped) {
        this.writeMarker();
        done();
        return;
      }
      if (entries.length === 0) {
        this.write('{}');
        done();
        return;
      }
      this.write('{');
      this.active.add(node);
      this.frames.push({ close: '}', indent, node, entries, index: 0, aliasBump: bump });
      return;
    }
    if (isSeq(node)) {
      if (node.items.length === 0) {
        this.write('[]');
        done();
        return;
      }
      this.write('[');
      this.active.add(node);
      this.frames.push({ close: ']', indent, node, items: node.items, index: 0, aliasBump: bump });
      return;
    }
    if (isPair(node)) {
      // Not produced by the composer at value positions; treat as a one-entry mapping.
      const key = this.keyOf((node as Pair).key);
      this.write(key === undefined ? '{}' : `{ ${JSON.stringify(key)}: null }`);
      done();
      return;
    }
    this.write('null');
    done();
  }

  /** The entries of a mapping as go-yaml v2 builds them: in order, `<<` merges set keys where they stand, later keys win. */
  private entries(map: YAMLMap): Entry[] {
    const out = new Map<string, Entry>();
    const merging = new Set<Node>();
    const visit = (m: YAMLMap, depth: number, own: boolean, viaAlias: boolean): void => {
      merging.add(m);
      const seen = own ? new Set<string>() : undefined;
      for (const pair of m.items) {
        if (!this.tick(pair.key)) break;
        if (isMergeKey(pair.key)) {
          this.merge(pair.value, depth, viaAlias, visit, merging);
          if (this.stopped) break;
          continue;
        }
        const key = this.keyOf(pair.key);
        if (key === undefined) continue;
        if (seen) {
          if (seen.has(key)) this.note('duplicateKey', 'warning', previewText.duplicateKey(JSON.stringify(key)), pair.key);
          seen.add(key);
        }
        out.set(key, { key, value: pair.value, viaAlias });
      }
      merging.delete(m);
    };
    visit(map, 0, true, false);
    const entries = [...out.values()];
    if (this.options.keyOrder === 'sorted') entries.sort((a, b) => compareCodePoints(a.key, b.key));
    return entries;
  }

  private merge(value: unknown, depth: number, viaAlias: boolean, visit: (m: YAMLMap, depth: number, own: boolean, viaAlias: boolean) => void, merging: Set<Node>): void {
    if (depth >= this.options.limits.maxMergeDepth) {
      this.note('mergeValue', 'warning', previewText.mergeTooDeep(this.options.limits.maxMergeDepth), value);
      return;
    }
    const mergeOne = (source: unknown): void => {
      if (isAlias(source)) {
        const target = this.targets.get(source);
        if (!target) return;
        if (merging.has(target) || this.active.has(target)) {
          this.note('cycle', 'error', previewText.cycle(source.source), source);
          return;
        }
        if (!isMap(target)) {
          this.note('mergeValue', 'error', previewText.mergeValue, source);
          return;
        }
        this.aliasDepth++;
        try {
          visit(target, depth + 1, false, true);
        } finally {
          this.aliasDepth--;
        }
        return;
      }
      if (isMap(source)) {
        visit(source, depth + 1, false, viaAlias);
        return;
      }
      this.note('mergeValue', 'error', previewText.mergeValue, source ?? value);
    };
    if (isSeq(value)) {
      // Earlier mappings take precedence: merge from the last to the first.
      for (let i = value.items.length - 1; i >= 0 && !this.stopped; i--) {
        const item = value.items[i];
        if (!isAlias(item) && !isMap(item)) {
          this.note('mergeValue', 'error', previewText.mergeValue, item ?? value);
          continue;
        }
        mergeOne(item);
      }
      return;
    }
    mergeOne(value);
  }

  /** A mapping key as kubectl turns it into a JSON key; undefined (with a note) when it cannot be one. */
  private keyOf(keyNode: unknown): string | undefined {
    let node = keyNode;
    if (isAlias(node)) {
      const target = this.targets.get(node);
      if (!target) return undefined;
      node = target;
    }
    if (node === null || node === undefined) {
      this.note('key', 'error', previewText.nullKey, keyNode);
      return undefined;
    }
    if (isScalar(node)) {
      const key = jsonKey(kubectlScalarValue(node).value);
      if (key === undefined) this.note('key', 'error', previewText.nullKey, keyNode);
      return key;
    }
    this.note('key', 'error', previewText.collectionKey, keyNode);
    return undefined;
  }
}

/** Converts one document as kubectl would (YAML 1.1 readings, merges, aliases), within the limits. Never throws on data. */
export function convertDocument(document: Document.Parsed, options: ConvertOptions): DocumentJson {
  const notes: RawPreviewNote[] = [];
  const root = document.contents as unknown;
  const targets = prepass(root, notes);
  const empty = root === null || root === undefined || (isScalar(root) && root.value === null && (plainText(root) ?? '') === '' && !root.tag);
  if (empty) return { json: 'null', notes, skipped: true };
  const converter = new Converter(targets, options);
  const json = converter.convert(root);
  notes.push(...converter.notes);
  let skipped = false;
  if (json === 'null') {
    skipped = true;
    notes.push({ kind: 'document', severity: 'info', message: previewText.nullDocument, ...rangeOf(root) });
  } else if (!isMap(root) && !(isAlias(root) && isMap(targets.get(root)))) {
    notes.push({ kind: 'document', severity: 'warning', message: previewText.notAnObject, ...rangeOf(root) });
  }
  return { json, notes, skipped, ...(converter.stopped ? { stopped: converter.stopped } : {}) };
}

/** Exposed for tests: the two readings of a plain scalar. */
export const readings = { kubectl: resolveGoPlain, yaml12: resolveCorePlain };
