// Turns the official Kubernetes OpenAPI v2 specs (swagger.json per version) into compact schema bundles for the server.
//
// Usage: node scripts/generateSchemas.mjs [--specs DIR] [--out DIR]
//   DIR defaults to ../shared/k8s-openapi (beside the repository), holding v1.28/swagger.json … v1.36/swagger.json.
// Output: server/schemas/kubernetes-<version>.json (deterministic; definitions stay by reference).
//
// Bundle format 1 (every key short to keep the files small):
//   { format, kubernetesVersion, descriptions: string[], kinds: [group, version, kind, definition][],
//     definitions: { name: Node }, apiHistory: { "apiVersion|Kind": [firstVersion, lastVersion] } }
//   Node: t type, f format ("int-or-string", "quantity", "int32", "byte", …), r referenced definition,
//   d description index, p properties, q required, e enum, i items, a additionalProperties (Node or true),
//   lt x-kubernetes-list-type, lk x-kubernetes-list-map-keys, pu preserve-unknown-fields, er embedded-resource.
import { readFileSync, writeFileSync, mkdirSync, readdirSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function argument(name, fallback) {
  const index = process.argv.indexOf(name);
  return index !== -1 && process.argv[index + 1] ? path.resolve(process.argv[index + 1]) : fallback;
}

const specsDir = argument('--specs', path.resolve(repoRoot, '..', 'shared', 'k8s-openapi'));
const outDir = argument('--out', path.join(repoRoot, 'server', 'schemas'));

const QUANTITY = 'io.k8s.apimachinery.pkg.api.resource.Quantity';
const REF_PREFIX = '#/definitions/';
/** Meta kinds the spec registers under every group; only their core/v1 entry is kept. */
const EVERY_GROUP_KINDS = new Set(['DeleteOptions', 'WatchEvent']);

function versionsIn(dir) {
  if (!existsSync(dir)) throw new Error(`no specs directory at ${dir} (use --specs DIR)`);
  return readdirSync(dir)
    .map((name) => /^v(\d+)\.(\d+)$/.exec(name))
    .filter((m) => m && existsSync(path.join(dir, m[0], 'swagger.json')))
    .map((m) => ({ dir: m[0], version: `${m[1]}.${m[2]}`, minor: Number(m[2]) }))
    .sort((a, b) => a.minor - b.minor);
}

function convertBundle(spec, version) {
  const descriptions = [];
  const descriptionIndex = new Map();
  const intern = (text) => {
    if (typeof text !== 'string' || text === '') return undefined;
    let index = descriptionIndex.get(text);
    if (index === undefined) {
      index = descriptions.length;
      descriptions.push(text);
      descriptionIndex.set(text, index);
    }
    return index;
  };

  const convert = (schema, definitionName) => {
    const node = {};
    if (schema.$ref) {
      node.r = schema.$ref.startsWith(REF_PREFIX) ? schema.$ref.slice(REF_PREFIX.length) : schema.$ref;
    }
    if (schema.type) node.t = schema.type;
    if (schema.format) node.f = schema.format;
    if (definitionName === QUANTITY) node.f = 'quantity';
    if (schema['x-kubernetes-int-or-string']) node.f = 'int-or-string';
    const d = intern(schema.description);
    if (d !== undefined) node.d = d;
    if (schema.properties) {
      node.p = {};
      for (const name of Object.keys(schema.properties)) node.p[name] = convert(schema.properties[name]);
    }
    if (Array.isArray(schema.required) && schema.required.length > 0) node.q = [...schema.required];
    if (Array.isArray(schema.enum)) node.e = [...schema.enum];
    if (schema.items && typeof schema.items === 'object' && !Array.isArray(schema.items)) node.i = convert(schema.items);
    if (schema.additionalProperties === true) node.a = true;
    else if (schema.additionalProperties && typeof schema.additionalProperties === 'object') node.a = convert(schema.additionalProperties);
    if (schema['x-kubernetes-list-type']) node.lt = schema['x-kubernetes-list-type'];
    if (Array.isArray(schema['x-kubernetes-list-map-keys'])) node.lk = [...schema['x-kubernetes-list-map-keys']];
    if (schema['x-kubernetes-preserve-unknown-fields']) node.pu = true;
    if (schema['x-kubernetes-embedded-resource']) node.er = true;
    return node;
  };

  const definitions = {};
  const kinds = [];
  for (const name of Object.keys(spec.definitions).sort()) {
    const schema = spec.definitions[name];
    definitions[name] = convert(schema, name);
    const gvks = schema['x-kubernetes-group-version-kind'];
    if (!Array.isArray(gvks)) continue;
    for (const gvk of gvks) {
      if (EVERY_GROUP_KINDS.has(gvk.kind) && !(gvk.group === '' && gvk.version === 'v1')) continue;
      kinds.push([gvk.group ?? '', gvk.version, gvk.kind, name]);
    }
  }
  kinds.sort((a, b) => (a[0] + '/' + a[1] + '/' + a[2]).localeCompare(b[0] + '/' + b[1] + '/' + b[2]));
  return { format: 1, kubernetesVersion: version, descriptions, kinds, definitions };
}

function apiVersionOf(group, version) {
  return group === '' ? version : `${group}/${version}`;
}

function main() {
  const versions = versionsIn(specsDir);
  if (versions.length === 0) throw new Error(`no v<major>.<minor>/swagger.json under ${specsDir}`);
  mkdirSync(outDir, { recursive: true });
  const bundles = [];
  const history = new Map();
  for (const v of versions) {
    const spec = JSON.parse(readFileSync(path.join(specsDir, v.dir, 'swagger.json'), 'utf8'));
    const bundle = convertBundle(spec, v.version);
    bundles.push(bundle);
    for (const [group, version, kind] of bundle.kinds) {
      const key = `${apiVersionOf(group, version)}|${kind}`;
      const range = history.get(key);
      if (range) range[1] = v.version;
      else history.set(key, [v.version, v.version]);
    }
  }
  const apiHistory = {};
  for (const key of [...history.keys()].sort()) apiHistory[key] = history.get(key);
  const sizes = [];
  for (const bundle of bundles) {
    const file = path.join(outDir, `kubernetes-${bundle.kubernetesVersion}.json`);
    const json = JSON.stringify({ ...bundle, apiHistory });
    writeFileSync(file, json + '\n');
    sizes.push(`${path.basename(file)}: ${(json.length / 1024).toFixed(0)} KiB, ${bundle.kinds.length} kinds, ${Object.keys(bundle.definitions).length} definitions`);
  }
  console.log(`[schemas] ${specsDir} -> ${outDir}`);
  for (const line of sizes) console.log(`  ${line}`);
}

main();
