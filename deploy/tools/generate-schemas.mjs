// Writes the strict JSON schemas that validate.mjs checks the rendered manifests against (../schemas).
// Run it only to move to another Kubernetes, Strimzi, CloudNativePG or Prometheus Operator release;
// deploy/k8s/README.md says where the inputs come from.
//
//   node generate-schemas.mjs kubernetes <release> <client-node models dir>   -> schemas/kubernetes.json
//   node generate-schemas.mjs crds <name> <release> <crd.yaml>...             -> schemas/<name>.json
//
// Both kinds keep the structure only (property names, types, required fields, enums, patterns, bounds)
// and leave out descriptions and defaults. Every object with declared properties rejects undeclared
// ones, which is what makes a misspelled field fail; free-form maps (labels, Kafka `config`) stay open.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';

const SCHEMAS_DIR = new URL('../schemas/', import.meta.url);

// The core kinds the overlays use, with the client-node model of each. Add a kind here before using it.
const CORE_KINDS = {
  'v1/Namespace': 'V1Namespace',
  'v1/ConfigMap': 'V1ConfigMap',
  'v1/Secret': 'V1Secret',
  'v1/Service': 'V1Service',
  'apps/v1/Deployment': 'V1Deployment',
  'policy/v1/PodDisruptionBudget': 'V1PodDisruptionBudget',
  'networking.k8s.io/v1/NetworkPolicy': 'V1NetworkPolicy',
  'autoscaling/v2/HorizontalPodAutoscaler': 'V2HorizontalPodAutoscaler',
};
// What custom resources' metadata is checked against.
const OBJECT_META = 'V1ObjectMeta';

function write(name, release, schema) {
  const file = new URL(`${name}.json`, SCHEMAS_DIR);
  writeFileSync(file, JSON.stringify({ $id: `${name}.json`, release, ...schema }, null, 1) + '\n');
  console.log(`wrote ${file.pathname}: ${Object.keys(schema.kinds).join(', ')}`);
}

/** A kind's schema: the object's own schema plus fixed apiVersion and kind. */
function kindSchema(apiVersion, kind, schema) {
  return {
    allOf: [schema, {
      properties: { apiVersion: { const: apiVersion }, kind: { const: kind } },
      required: ['apiVersion', 'kind', 'metadata'],
    }],
  };
}

function splitKey(key) {
  const at = key.lastIndexOf('/');
  return [key.slice(0, at), key.slice(at + 1)];
}

// --- Kubernetes core: the models of @kubernetes/client-node, generated from the Kubernetes OpenAPI ---

/** attributeTypeMap of the model's .js and the required properties of its .d.ts (those without `?`). */
function readModel(dir, model) {
  const js = readFileSync(join(dir, `${model}.js`), 'utf8');
  const map = js.match(/\.attributeTypeMap = (\[[\s\S]*?\]);/);
  if (!map) throw new Error(`${model}: no attributeTypeMap`);
  const dts = readFileSync(join(dir, `${model}.d.ts`), 'utf8');
  const required = [...dts.matchAll(/^ {4}'([^']+)':/gm)].map((m) => m[1]);
  return { attributes: JSON.parse(map[1]), required };
}

function coreType(type, format, pending) {
  const array = type.match(/^Array<(.+)>$/);
  if (array) return { type: 'array', items: coreType(array[1], format, pending) };
  const map = type.match(/^\{ \[key: string\]: (.+); \}$/);
  if (map) return { type: 'object', additionalProperties: coreType(map[1], format, pending) };
  switch (type) {
    case 'string': case 'Date': case 'V1MicroTime': return { type: 'string' };
    case 'boolean': return { type: 'boolean' };
    case 'number': return { type: format.startsWith('int') ? 'integer' : 'number' };
    case 'IntOrString': return { type: ['integer', 'string'] };
    case 'any': return {};
    default:
      if (!/^[A-Z]\w+$/.test(type)) throw new Error(`unknown client-node type ${type}`);
      pending.push(type);
      return { $ref: `#/definitions/${type}` };
  }
}

function kubernetes(release, modelsDir) {
  const definitions = {};
  const pending = [OBJECT_META, ...Object.values(CORE_KINDS)];
  while (pending.length) {
    const model = pending.pop();
    if (definitions[model]) continue;
    const { attributes, required } = readModel(modelsDir, model);
    const properties = {};
    for (const a of attributes) properties[a.baseName] = coreType(a.type, a.format, pending);
    definitions[model] = { type: 'object', properties, additionalProperties: false };
    if (required.length) definitions[model].required = required;
  }
  const kinds = {};
  for (const [key, model] of Object.entries(CORE_KINDS)) {
    const [apiVersion, kind] = splitKey(key);
    kinds[key] = kindSchema(apiVersion, kind, { $ref: `#/definitions/${model}` });
  }
  write('kubernetes', release, { kinds, definitions });
}

// --- Custom resources: the openAPIV3Schema of each served version of the CRDs ---

// Structural keywords that JSON Schema and ajv know; everything else must be listed in DROPPED.
const KEPT = new Set(['type', 'properties', 'items', 'required', 'enum', 'pattern', 'minimum', 'maximum',
  'exclusiveMinimum', 'exclusiveMaximum', 'multipleOf', 'minLength', 'maxLength', 'minItems', 'maxItems',
  'uniqueItems', 'minProperties', 'maxProperties', 'additionalProperties', 'anyOf', 'oneOf', 'allOf', 'not']);
// Documentation, defaults, formats (int32 and the like say nothing a type does not) and the Kubernetes
// extensions; the CEL rules (x-kubernetes-validations) are not checked here, the API server checks them.
const DROPPED = new Set(['description', 'default', 'format', 'example', 'title', 'nullable',
  'x-kubernetes-preserve-unknown-fields', 'x-kubernetes-int-or-string', 'x-kubernetes-embedded-resource',
  'x-kubernetes-list-type', 'x-kubernetes-list-map-keys', 'x-kubernetes-map-type', 'x-kubernetes-validations']);

function crdSchema(node, path) {
  const out = {};
  for (const [key, value] of Object.entries(node)) {
    if (DROPPED.has(key)) continue;
    if (!KEPT.has(key)) throw new Error(`${path}: keyword ${key} is neither kept nor known to be droppable`);
    if (key === 'properties') {
      out.properties = Object.fromEntries(Object.entries(value).map(([p, s]) => [p, crdSchema(s, `${path}.${p}`)]));
    } else if (['items', 'not'].includes(key) || (key === 'additionalProperties' && typeof value === 'object')) {
      out[key] = crdSchema(value, `${path}.${key}`);
    } else if (['anyOf', 'oneOf', 'allOf'].includes(key)) {
      out[key] = value.map((s, i) => crdSchema(s, `${path}.${key}[${i}]`));
    } else {
      out[key] = value;
    }
  }
  if (node.nullable && out.type) out.type = [out.type, 'null'];
  if (out.properties && !('additionalProperties' in out) && !node['x-kubernetes-preserve-unknown-fields']) {
    out.additionalProperties = false;
  }
  return out;
}

function crds(name, release, files) {
  const kinds = {};
  for (const file of files) {
    for (const doc of parseAllDocuments(readFileSync(file, 'utf8'))) {
      const crd = doc.toJS();
      if (crd?.kind !== 'CustomResourceDefinition') continue;
      for (const version of crd.spec.versions.filter((v) => v.served)) {
        const apiVersion = `${crd.spec.group}/${version.name}`;
        const root = structuredClone(version.schema.openAPIV3Schema);
        delete root.properties.status; // written by the operator, never by us
        const schema = crdSchema(root, `${apiVersion}/${crd.spec.names.kind}`);
        schema.properties.metadata = { $ref: `kubernetes.json#/definitions/${OBJECT_META}` };
        kinds[`${apiVersion}/${crd.spec.names.kind}`] = kindSchema(apiVersion, crd.spec.names.kind, schema);
      }
    }
  }
  write(name, release, { kinds });
}

const [what, ...args] = process.argv.slice(2);
if (what === 'kubernetes' && args.length === 2) kubernetes(args[0], args[1]);
else if (what === 'crds' && args.length > 2) crds(args[0], args[1], args.slice(2));
else {
  console.error('usage: generate-schemas.mjs kubernetes <release> <models dir> | crds <name> <release> <crd.yaml>...');
  process.exit(2);
}
