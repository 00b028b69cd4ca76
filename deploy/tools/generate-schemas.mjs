// Writes the strict JSON schemas that validate.mjs checks the rendered manifests against (../schemas),
// all from npm packages. Run it only to move to another Kubernetes, Strimzi, CloudNativePG or Prometheus
// Operator release; deploy/k8s/README.md says how.
//
//   node generate-schemas.mjs kubernetes <release> <client-node models dir>  -> schemas/kubernetes.json
//   node generate-schemas.mjs models <strimzi|cloudnative-pg|prometheus-operator> <release>  -> schemas/<name>.json
//
// The Kubernetes kinds come from the models of @kubernetes/client-node, the operators' kinds from the
// TypeScript types of @kubernetes-models/* (generated from the operators' CRDs), converted with
// ts-json-schema-generator (a devDependency: `npm ci` without --omit=dev). Both keep the structure only
// (property names, types, required fields, enums) and leave out descriptions. Every object with declared
// properties rejects undeclared ones, which is what makes a misspelled field fail; free-form maps (labels,
// Kafka `config`) stay open. The operators' patterns and bounds are checked by their models' own validators.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

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

// --- Custom resources: the typed models of @kubernetes-models/* (npm), generated from the operators' CRDs ---

// The operators' kinds the overlays use, by schema file: the npm package of their models and each kind's
// apiVersion/kind (its model is the interface I<Kind> in <package>/<group>/<version>/<Kind>.d.ts).
const OPERATOR_KINDS = {
  strimzi: ['@kubernetes-models/strimzi-kafka-operator', ['kafka.strimzi.io/v1/Kafka',
    'kafka.strimzi.io/v1/KafkaNodePool', 'kafka.strimzi.io/v1/KafkaTopic', 'kafka.strimzi.io/v1/KafkaUser']],
  'cloudnative-pg': ['@kubernetes-models/cloudnative-pg', ['postgresql.cnpg.io/v1/Cluster',
    'postgresql.cnpg.io/v1/Database']],
  'prometheus-operator': ['@kubernetes-models/prometheus-operator', ['monitoring.coreos.com/v1/ServiceMonitor',
    'monitoring.coreos.com/v1/PrometheusRule']],
};

/**
 * An object the type `{}` stands for (a CRD's free-form field, such as Kafka's `config`) stays open;
 * every other object already rejects undeclared properties.
 */
function openFreeForm(node) {
  if (Array.isArray(node)) return node.forEach(openFreeForm);
  if (!node || typeof node !== 'object') return;
  if (node.type === 'object' && !node.properties && node.additionalProperties === false) {
    delete node.additionalProperties;
  }
  Object.values(node).forEach(openFreeForm);
}

async function models(name, release) {
  const { createGenerator } = await import('ts-json-schema-generator');
  const [modelsPackage, keys] = OPERATOR_KINDS[name];
  const kinds = {};
  for (const key of keys) {
    const [apiVersion, kind] = splitKey(key);
    const path = join(fileURLToPath(new URL('node_modules/', import.meta.url)), modelsPackage, `${key}.d.ts`);
    const schema = createGenerator({ path, type: `I${kind}`, skipTypeCheck: true, additionalProperties: false,
      expose: 'none', topRef: false, jsDoc: 'none', tsconfig: fileURLToPath(new URL('tsconfig.json', import.meta.url)) })
      .createSchema(`I${kind}`);
    if (Object.keys(schema.definitions ?? {}).length) throw new Error(`${key}: named definitions are not supported`);
    delete schema.$schema;
    delete schema.definitions;
    delete schema.properties.status; // written by the operator, never by us
    schema.required = schema.required.filter((p) => p !== 'status');
    openFreeForm(schema);
    schema.properties.metadata = { $ref: `kubernetes.json#/definitions/${OBJECT_META}` };
    kinds[key] = kindSchema(apiVersion, kind, schema);
  }
  write(name, release, { models: modelsPackage, kinds });
}

const [what, ...args] = process.argv.slice(2);
if (what === 'kubernetes' && args.length === 2) kubernetes(args[0], args[1]);
else if (what === 'models' && args.length === 2 && OPERATOR_KINDS[args[0]]) await models(args[0], args[1]);
else {
  console.error(`usage: generate-schemas.mjs kubernetes <release> <models dir> | models <${Object.keys(OPERATOR_KINDS).join('|')}> <release>`);
  process.exit(2);
}
