// Hover participant for Kubernetes manifests: the schema of the field under the cursor (description, type, required, enum).
import { type Node, type Pair } from 'yaml';
import { isScalar } from '../yaml/yamlNodes';
import { text, type Lang } from '../l10n/localized';
import { escapeMarkdown, inlineCode } from '../markdown/safeMarkdown';
import { locate } from '../parser/yamlLocation';
import type { HoverContext, HoverParticipant, HoverSection } from '../hover/hoverParticipant';
import { manifestSchema, manifestScope, OBJECT_META_DEFINITION, schemaAtPath, typeLabel } from './schemaLookup';
import type { SchemaNode } from './schemaBundle';

const DESCRIPTION_LIMIT = 1200;

const labels = {
  required: text('필수', 'required'),
  optional: text('선택', 'optional'),
  allowed: text('허용되는 값', 'Allowed values'),
  descriptionNote: text('설명(쿠버네티스 API 문서, 영어)', 'Description (Kubernetes API reference)'),
};

/** Trims a schema description to a readable length at a sentence or word boundary. */
function shorten(description: string): string {
  const flat = description.trim();
  if (flat.length <= DESCRIPTION_LIMIT) return flat;
  const cut = flat.slice(0, DESCRIPTION_LIMIT);
  const sentence = cut.lastIndexOf('. ');
  return `${(sentence > DESCRIPTION_LIMIT * 0.5 ? cut.slice(0, sentence + 1) : cut.slice(0, cut.lastIndexOf(' '))).trimEnd()} …`;
}

/** Escapes a description but keeps its paragraph breaks. */
function renderDescription(description: string): string {
  return shorten(description)
    .split(/\n{2,}/)
    .map((paragraph) => escapeMarkdown(paragraph.replace(/\s*\n\s*/g, ' ')))
    .join('\n\n');
}

export function renderFieldHover(field: string, schema: SchemaNode, required: boolean | undefined, parentType: string | undefined, lang: Lang): string {
  const head = [`**${escapeMarkdown(field)}**`, inlineCode(typeLabel(schema))];
  if (required !== undefined) head.push(required ? `**${labels.required[lang]}**` : labels.optional[lang]);
  const lines = [head.join(' · ') + (parentType ? ` — _${escapeMarkdown(parentType)}_` : '')];
  if (schema.enumValues && schema.enumValues.length > 0) {
    const values = schema.enumValues.filter((v) => v !== '').map((v) => inlineCode(String(v)));
    lines.push('', `${labels.allowed[lang]}: ${values.join(', ')}`);
  }
  if (schema.description) lines.push('', renderDescription(schema.description));
  return lines.join('\n');
}

function rangeOfNode(node: Node | null | undefined): [number, number] | undefined {
  const range = node?.range;
  return range ? [range[0], range[1]] : undefined;
}

export const schemaHover: HoverParticipant = {
  id: 'kubernetes-schema',
  provide(context: HoverContext): HoverSection[] {
    if (!context.settings.kubernetes.validate) return [];
    const chunk = context.chunk.parsed;
    const location = locate(chunk, context.offset);
    if (!location) return [];
    const scope = manifestScope(location.document, location.keyPath);
    const docSchema = manifestSchema(scope, context.kubernetes, context.settings, context.file.uri);
    if (!docSchema) return [];
    const path = scope.path;
    if (path.length === 0) return [];
    const objectMeta = docSchema.bundle?.definition(OBJECT_META_DEFINITION);
    // Hover over `kind`/`apiVersion` values: describe the kind itself.
    const pair: Pair | undefined = location.keyPair ?? location.valuePair;
    const onKey = location.keyPair !== undefined;
    const anchor = onKey ? (location.keyPair!.key as Node) : (location.node ?? (pair?.value as Node | undefined));
    const range = rangeOfNode(anchor);
    if (!range) return [];
    if (path.length === 1 && (path[0] === 'kind' || path[0] === 'apiVersion') && docSchema.kind) {
      const title = `**${escapeMarkdown(docSchema.kind)}**${docSchema.apiVersion ? ` · ${inlineCode(docSchema.apiVersion)}` : ''}`;
      const description = docSchema.schema.description ? `\n\n${renderDescription(docSchema.schema.description)}` : '';
      return [{ markdown: title + description, start: range[0], end: range[1], order: 10 }];
    }
    // The field is the last string step of the path (for list items, the list's field).
    let fieldIndex = path.length - 1;
    while (fieldIndex >= 0 && typeof path[fieldIndex] !== 'string') fieldIndex--;
    if (fieldIndex < 0) return [];
    const parentPath = path.slice(0, fieldIndex);
    const parent = schemaAtPath(docSchema.schema, parentPath, objectMeta);
    const field = path[fieldIndex] as string;
    const schema = schemaAtPath(docSchema.schema, path.slice(0, fieldIndex + 1), objectMeta);
    if (!parent || !schema) return [];
    const declared = parent.property(field) !== undefined;
    const required = declared ? parent.required.includes(field) : undefined;
    let shown = schema;
    // On a list item (not a key inside it), describe the item type after the field.
    if (fieldIndex < path.length - 1 && !onKey && location.node && !isScalar(location.node)) shown = schemaAtPath(schema, path.slice(fieldIndex + 1), objectMeta) ?? schema;
    // Keys of free-form maps (labels, data) have nothing to explain beyond the map itself.
    if (!declared && !shown.description) return [];
    const parentType = declared ? parent.typeName : undefined;
    return [{ markdown: renderFieldHover(field, shown, required, parentType, context.lang), start: range[0], end: range[1], order: 10 }];
  },
};
