// Converts the Kubernetes OpenAPI v2 spec (swagger.json) into one JSON Schema with `oneOf` over the kinds, for yaml-language-server.
// The same shape the community "all.json" Kubernetes schemas have: every kind's apiVersion/kind pinned by `enum`,
// IntOrString as string|integer and Quantity as string|number. Generated at bench time; never committed.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

type Json = Record<string, unknown>;

const INT_OR_STRING = 'io.k8s.apimachinery.pkg.util.intstr.IntOrString';
const QUANTITY = 'io.k8s.apimachinery.pkg.api.resource.Quantity';

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function convertNode(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(convertNode);
  if (!isObject(node)) return node;
  if (node['format'] === 'int-or-string') {
    return { ...(node['description'] ? { description: node['description'] } : {}), oneOf: [{ type: 'string' }, { type: 'integer' }] };
  }
  const out: Json = {};
  for (const [key, value] of Object.entries(node)) {
    if (key.startsWith('x-kubernetes-') && key !== 'x-kubernetes-group-version-kind') continue;
    out[key] = key === 'properties' && isObject(value)
      ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, convertNode(v)]))
      : convertNode(value);
  }
  return out;
}

export function kubernetesJsonSchema(swagger: { definitions: Record<string, Json> }): Json {
  const definitions: Record<string, unknown> = {};
  const kinds: string[] = [];
  for (const [name, definition] of Object.entries(swagger.definitions)) {
    if (name === INT_OR_STRING) {
      definitions[name] = { description: definition['description'], oneOf: [{ type: 'string' }, { type: 'integer' }] };
      continue;
    }
    if (name === QUANTITY) {
      definitions[name] = { description: definition['description'], oneOf: [{ type: 'string' }, { type: 'number' }] };
      continue;
    }
    const converted = convertNode(definition) as Json;
    const gvks = definition['x-kubernetes-group-version-kind'] as Array<{ group: string; version: string; kind: string }> | undefined;
    delete converted['x-kubernetes-group-version-kind'];
    const properties = converted['properties'];
    if (gvks && gvks.length > 0 && isObject(properties) && isObject(properties['kind']) && isObject(properties['apiVersion'])) {
      const apiVersions = [...new Set(gvks.map((g) => (g.group ? `${g.group}/${g.version}` : g.version)))];
      const kindNames = [...new Set(gvks.map((g) => g.kind))];
      properties['apiVersion'] = { ...properties['apiVersion'], enum: apiVersions };
      properties['kind'] = { ...properties['kind'], enum: kindNames };
      if (!kindNames.some((k) => k.endsWith('List')) && !['DeleteOptions', 'WatchEvent', 'Status', 'APIGroup', 'APIResourceList'].includes(kindNames[0]!)) {
        kinds.push(name);
      }
    }
    definitions[name] = converted;
  }
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'Kubernetes (generated from swagger.json for the kube-notes benchmark)',
    oneOf: kinds.sort().map((name) => ({ $ref: `#/definitions/${name}` })),
    definitions,
  };
}

/** Writes the schema for a spec file; returns the number of kinds in the `oneOf`. */
export function writeKubernetesJsonSchema(swaggerPath: string, outPath: string): number {
  const schema = kubernetesJsonSchema(JSON.parse(readFileSync(swaggerPath, 'utf8')) as { definitions: Record<string, Json> });
  mkdirSync(dirname(outPath), { recursive: true });
  writeFileSync(outPath, JSON.stringify(schema));
  return (schema['oneOf'] as unknown[]).length;
}

if (require.main === module) {
  const [input, output] = process.argv.slice(2);
  if (!input || !output) {
    console.error('usage: kubernetesJsonSchema SWAGGER.json OUT.json');
    process.exit(2);
  }
  console.log(`${writeKubernetesJsonSchema(input, output)} kinds → ${output}`);
}
