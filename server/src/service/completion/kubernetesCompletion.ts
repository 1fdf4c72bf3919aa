// Completion for Kubernetes manifests: allowed keys (required first), enum values, apiVersion/kind pairs, snippet bodies.
import { CompletionItemKind, CompletionItemTag, InsertTextFormat, type CompletionItem, type CompletionList, type Range } from 'vscode-languageserver-types';
import { text, type Lang } from '../l10n/localized';
import { escapeMarkdown } from '../markdown/safeMarkdown';
import type { PlacedChunk, ParsedFile } from '../parser/parsedFile';
import { chunkPosition } from '../parser/parsedFile';
import { documentAt } from '../parser/yamlLocation';
import type { KubeNotesSettings } from '../settings';
import { catalogFor, type ApiCatalog } from '../kubernetes/apiCatalog';
import type { KubernetesResources } from '../kubernetes/kubernetesResources';
import { isKustomizationFileName, kustomizationSchema } from '../kubernetes/kustomization';
import type { SchemaNode } from '../kubernetes/schemaBundle';
import { manifestSchema, manifestScope, OBJECT_META_DEFINITION, rootTypeOf, schemaAtPath, typeLabel } from '../kubernetes/schemaLookup';
import { completionSite, type CompletionSite } from './completionSite';

export interface CompletionInput {
  readonly file: ParsedFile;
  readonly chunk: PlacedChunk;
  /** Chunk-relative cursor offset. */
  readonly offset: number;
  readonly settings: KubeNotesSettings;
  readonly kubernetes: KubernetesResources;
  readonly lang: Lang;
}

const EMPTY: CompletionList = { isIncomplete: false, items: [] };
const labels = {
  required: text('필수', 'required'),
  pair: text('apiVersion과 kind, metadata 뼈대', 'apiVersion, kind and a metadata skeleton'),
};

/** Escapes text for a snippet placeholder or choice. */
function snippetEscape(value: string, inChoice = false): string {
  return value.replace(inChoice ? /[$}\\,|]/g : /[$}\\]/g, (ch) => `\\${ch}`);
}

function keyFromYaml(key: string): string {
  return /^[A-Za-z_$][\w.\-/$]*$/.test(key) ? key : JSON.stringify(key);
}

/** The snippet body after `key:` for a field schema. */
export function valueSnippet(schema: SchemaNode): string {
  if (schema.enumValues && schema.enumValues.length > 0) {
    const choices = schema.enumValues.filter((v) => v !== '').map((v) => snippetEscape(String(v), true));
    return choices.length > 0 ? ` \${1|${choices.join(',')}|}` : ' $0';
  }
  if (schema.format === 'int-or-string' || schema.format === 'quantity') return ' $0';
  switch (schema.type) {
    case 'object':
      return '\n  $0';
    case 'array':
      return '\n  - $0';
    case 'boolean':
      return ' ${1|true,false|}';
    default:
      return ' $0';
  }
}

function documentation(schema: SchemaNode, lang: Lang, required: boolean): { kind: 'markdown'; value: string } | undefined {
  const parts: string[] = [];
  if (required) parts.push(`**${labels.required[lang]}**`);
  if (schema.description) parts.push(escapeMarkdown(schema.description.length > 800 ? `${schema.description.slice(0, 800)}…` : schema.description));
  return parts.length > 0 ? { kind: 'markdown', value: parts.join('\n\n') } : undefined;
}

function keyItems(schema: SchemaNode, site: CompletionSite, range: Range, lang: Lang, skip: ReadonlySet<string>): CompletionItem[] {
  const items: CompletionItem[] = [];
  for (const name of schema.propertyNames()) {
    if (site.presentKeys.has(name) || skip.has(name)) continue;
    const child = schema.property(name)!;
    const required = schema.required.includes(name);
    const deprecated = /^deprecated\b/i.test(child.description ?? '') || /\bDeprecated:/.test(child.description ?? '');
    const doc = documentation(child, lang, required);
    items.push({
      label: name,
      kind: child.type === 'object' || child.type === 'array' ? CompletionItemKind.Module : CompletionItemKind.Property,
      detail: typeLabel(child) + (required ? ` · ${labels.required[lang]}` : ''),
      ...(doc ? { documentation: doc } : {}),
      sortText: `${required ? '0' : deprecated ? '2' : '1'}_${name}`,
      filterText: name,
      insertTextFormat: InsertTextFormat.Snippet,
      textEdit: { range, newText: `${snippetEscape(keyFromYaml(name))}:${valueSnippet(child)}` },
      ...(deprecated ? { tags: [CompletionItemTag.Deprecated] } : {}),
    });
  }
  return items.sort((a, b) => (a.sortText! < b.sortText! ? -1 : a.sortText! > b.sortText! ? 1 : 0));
}

function valueItems(values: readonly string[], range: Range, detail?: string, preselectFirst = false): CompletionItem[] {
  return values.map((value, index) => ({
    label: value,
    kind: CompletionItemKind.EnumMember,
    ...(detail ? { detail } : {}),
    sortText: String(index).padStart(4, '0'),
    textEdit: { range, newText: value },
    ...(preselectFirst && index === 0 ? { preselect: true } : {}),
  }));
}

/** Kinds worth offering as new documents (no lists, no review/status-only objects without metadata). */
function creatableKinds(catalog: ApiCatalog): Array<{ kind: string; apiVersion: string }> {
  const result: Array<{ kind: string; apiVersion: string }> = [];
  for (const kind of catalog.allKinds()) {
    if (kind.endsWith('List')) continue;
    const apiVersion = catalog.preferredApiVersion(kind);
    if (!apiVersion) continue;
    const entry = catalog.bundle.kind(apiVersion, kind);
    const schema = entry ? catalog.bundle.schemaOf(entry) : undefined;
    if (!schema?.property('metadata')) continue;
    result.push({ kind, apiVersion });
  }
  return result.sort((a, b) => a.kind.localeCompare(b.kind));
}

function pairItems(catalog: ApiCatalog, range: Range, lang: Lang): CompletionItem[] {
  return creatableKinds(catalog).map(({ kind, apiVersion }) => ({
    label: `${kind} (${apiVersion})`,
    kind: CompletionItemKind.Class,
    detail: labels.pair[lang],
    filterText: kind,
    sortText: `3_${kind}`,
    insertTextFormat: InsertTextFormat.Snippet,
    textEdit: { range, newText: `apiVersion: ${snippetEscape(apiVersion)}\nkind: ${snippetEscape(kind)}\nmetadata:\n  name: \${1:name}\n$0` },
  }));
}

/** Completion items at a position of a YAML file (empty when the cursor is not in a place we understand). */
export function kubernetesCompletion(input: CompletionInput): CompletionList {
  const { chunk, offset, settings, kubernetes, lang } = input;
  if (!settings.kubernetes.validate) return EMPTY;
  const site = completionSite(chunk.parsed.text, chunk.parsed.lineStarts, offset);
  if (!site) return EMPTY;
  const range: Range = { start: chunkPosition(chunk, site.replaceStart), end: chunkPosition(chunk, site.replaceEnd) };
  const document = documentAt(chunk.parsed, offset);
  const bundle = kubernetes.schemaFor(settings.kubernetes.version);
  const catalog = bundle ? catalogFor(bundle) : undefined;
  // Inside the items of a `kind: List`, the item is the manifest and the path starts there.
  const scope = document ? manifestScope(document, site.path) : undefined;
  const path = scope?.path ?? site.path;
  const types = rootTypeOf(scope?.root);
  const docSchema = scope ? manifestSchema(scope, kubernetes, settings, input.file.uri) : undefined;
  const objectMeta = bundle?.definition(OBJECT_META_DEFINITION);

  // apiVersion / kind values at the root.
  if (site.kind === 'value' && path.length === 1 && catalog) {
    if (path[0] === 'apiVersion') {
      const forKind = types.kind ? catalog.bundle.entriesForKind(types.kind).map((e) => e.apiVersion) : [];
      const preferred = types.kind ? catalog.preferredApiVersion(types.kind) : undefined;
      const ordered = forKind.length > 0 ? [...new Set([...(preferred ? [preferred] : []), ...forKind])] : [...catalog.bundle.allApiVersions()].sort();
      return { isIncomplete: false, items: valueItems(ordered, range, types.kind, forKind.length > 0) };
    }
    if (path[0] === 'kind') {
      const kinds = types.apiVersion && catalog.bundle.hasApiVersion(types.apiVersion)
        ? catalog.bundle.kinds.filter((k) => k.apiVersion === types.apiVersion).map((k) => k.kind)
        : [...catalog.allKinds()];
      return { isIncomplete: false, items: valueItems(kinds.filter((k) => !k.endsWith('List')).sort(), range, types.apiVersion) };
    }
  }

  const rootSchema = docSchema?.schema ?? (!scope?.listItem && isKustomizationFileName(input.file.uri) ? kustomizationSchema : undefined);
  if (site.kind === 'key') {
    if (path.length === 0 && !rootSchema) {
      if (!catalog) return EMPTY;
      const items: CompletionItem[] = [];
      // (Not in a List item: the snippet's later lines would not be indented under its `-`.)
      if (!types.apiVersion && !types.kind && !scope?.listItem) items.push(...pairItems(catalog, range, lang));
      for (const key of ['apiVersion', 'kind']) {
        if (site.presentKeys.has(key)) continue;
        items.push({ label: key, kind: CompletionItemKind.Property, sortText: `0_${key}`, textEdit: { range, newText: `${key}: ` } });
      }
      return { isIncomplete: false, items };
    }
    if (!rootSchema) return EMPTY;
    const schema = schemaAtPath(rootSchema, path, objectMeta);
    if (!schema) return EMPTY;
    const skip = path.length === 0 ? new Set(['status']) : new Set<string>();
    // A new list item of scalars: offer values, not keys.
    if (site.newListItem && schema.type !== 'object') {
      const values = schema.enumValues?.filter((v) => v !== '').map(String) ?? [];
      return { isIncomplete: false, items: valueItems(values, range) };
    }
    return { isIncomplete: false, items: keyItems(schema, site, range, lang, skip) };
  }

  if (!rootSchema) return EMPTY;
  const schema = schemaAtPath(rootSchema, path, objectMeta);
  if (!schema) return EMPTY;
  if (schema.enumValues && schema.enumValues.length > 0) {
    return { isIncomplete: false, items: valueItems(schema.enumValues.filter((v) => v !== '').map(String), range) };
  }
  if (schema.type === 'boolean') return { isIncomplete: false, items: valueItems(['true', 'false'], range) };
  return EMPTY;
}
