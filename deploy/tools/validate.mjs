// Checks rendered manifests (multi-document YAML, one file per overlay) against the JSON schemas in
// ../schemas (the Kubernetes kinds, generated from an npm package) and in the operators' schema folder
// (Strimzi, CloudNativePG, Prometheus Operator: generated from their CRDs, which come only from fetched
// snapshots and so live in the steering repo's shared/, never in this repository; KTGS_CRD_SCHEMAS or
// ../../../shared/k8s-schemas beside the checkout). Each object's apiVersion and kind pick its schema. An
// object of a core kind without one fails; an object of an operator kind is reported as not checked while
// the operators' schemas are absent. Also checks that every image is pinned (a tag other than `latest`, or a digest).
// First it makes sure that each object of broken-samples.yaml, each with one defect, is rejected, so
// that schemas which stopped rejecting anything cannot pass unnoticed.
// Prints each problem and a one-line summary; exits 1 when any object is invalid.
//
//   node validate.mjs <rendered.yaml>...
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { basename } from 'node:path';
import { pathToFileURL } from 'node:url';
import Ajv from 'ajv';
import { parseAllDocuments } from 'yaml';

const schemaDirs = [new URL('../schemas/', import.meta.url),
  process.env.KTGS_CRD_SCHEMAS ? pathToFileURL(`${process.env.KTGS_CRD_SCHEMAS}/`) : new URL('../../../shared/k8s-schemas/', import.meta.url)];
const schemas = schemaDirs.filter((dir) => existsSync(dir)).flatMap((dir) => readdirSync(dir)
  .filter((f) => f.endsWith('.json')).sort().map((f) => JSON.parse(readFileSync(new URL(f, dir), 'utf8'))));
const operatorGroups = ['kafka.strimzi.io/', 'postgresql.cnpg.io/', 'monitoring.coreos.com/'];
const operatorSchemasFound = schemas.length > 1;
const isUncheckedOperatorKind = (object) => !operatorSchemasFound
  && operatorGroups.some((g) => String(object.apiVersion).startsWith(g));

// strictSchema: the schemas may use no keyword ajv does not know (a typo there would check nothing).
const ajv = new Ajv({ allErrors: true, strictSchema: true, strictTypes: false, allowUnionTypes: true });
ajv.addVocabulary(['release', 'kinds']); // the schema files' own entries, see generate-schemas.mjs
for (const schema of schemas) ajv.addSchema(schema);

const kinds = new Map();
for (const schema of schemas) {
  for (const key of Object.keys(schema.kinds)) {
    kinds.set(key, () => ajv.getSchema(`${schema.$id}#/kinds/${key.replaceAll('~', '~0').replaceAll('/', '~1')}`));
  }
}

/** Images that float: no tag, or `latest` (a digest pins whatever the tag says). */
function floatingImages(object) {
  const found = [];
  (function walk(node, path) {
    if (Array.isArray(node)) node.forEach((v, i) => walk(v, `${path}/${i}`));
    else if (node && typeof node === 'object') {
      for (const [k, v] of Object.entries(node)) {
        if ((k === 'image' || k === 'imageName') && typeof v === 'string'
            && !v.includes('@sha256:') && !/:(?!latest$)\w[\w.-]*$/.test(v)) {
          found.push(`${path}/${k}: image ${v} is not pinned`);
        } else walk(v, `${path}/${k}`);
      }
    }
  })(object, '');
  return found;
}

/** Operator objects with no schema to check them against: counted and reported, not passed silently. */
const unchecked = new Set();

/** The problems of one object; none when it is valid. */
function problems(object) {
  const key = `${object.apiVersion}/${object.kind}`;
  const validate = kinds.get(key)?.();
  if (isUncheckedOperatorKind(object)) {
    unchecked.add(key);
    return floatingImages(object);
  }
  const found = !validate ? [`no schema for ${key}`] : validate(object) ? [] : validate.errors.map((e) =>
    `${e.instancePath || '/'} ${e.message}${e.params.additionalProperty ? ` (${e.params.additionalProperty})` : ''}`);
  return [...found, ...floatingImages(object)];
}

function objectsOf(file) {
  return parseAllDocuments(readFileSync(file, 'utf8')).map((doc) => doc.toJS()).filter((o) => o !== null);
}

const samples = objectsOf(new URL('broken-samples.yaml', import.meta.url))
  .filter((o) => !isUncheckedOperatorKind(o));
const passed = samples.filter((o) => problems(o).length === 0);
for (const sample of passed) {
  console.error(`broken-samples.yaml: ${sample.kind}/${sample.metadata?.name} passed, the checks are too weak`);
}

const files = process.argv.slice(2);
let objects = 0;
let invalid = 0;
for (const file of files) {
  for (const object of objectsOf(file)) {
    objects++;
    const found = problems(object);
    if (found.length) {
      invalid++;
      for (const p of found) console.error(`${basename(file)}: ${object.kind}/${object.metadata?.name}: ${p}`);
    }
  }
}

const releases = schemas.map((s) => `${s.$id.replace(/\.json$/, '')} ${s.release}`).join(', ');
console.log(`validate: ${objects} objects in ${files.length} rendered overlays, ${invalid} invalid; `
  + `${samples.length - passed.length} of ${samples.length} broken samples rejected (schemas: ${releases})`
  + (unchecked.size ? `; NOT CHECKED, no operator schemas found: ${[...unchecked].sort().join(', ')}` : ''));
process.exit(passed.length || invalid || objects === 0 ? 1 : 0);
