// Checks rendered manifests (multi-document YAML, one file per overlay) against the JSON schemas in
// ../schemas, all generated from npm packages (generate-schemas.mjs): the Kubernetes kinds from
// @kubernetes/client-node, the Strimzi, CloudNativePG and Prometheus Operator kinds from the typed models of
// @kubernetes-models/*. Each object's apiVersion and kind pick its schema; an object without one fails.
// Those schemas reject any undeclared field. An operator's object is also checked by its models package's
// own validator, compiled from the operator's CRD: integer types, patterns, bounds and enums that the
// typed models cannot express. Also checks that every image is pinned (a tag other than `latest`, or a digest).
// First it makes sure that each object of broken-samples.yaml, each with one defect, is rejected, so
// that schemas which stopped rejecting anything cannot pass unnoticed.
// Prints each problem and a one-line summary; exits 1 when any object is invalid.
//
//   node validate.mjs <rendered.yaml>...
import { readFileSync, readdirSync } from 'node:fs';
import { basename } from 'node:path';
import Ajv from 'ajv';
import { parseAllDocuments } from 'yaml';

const schemaDir = new URL('../schemas/', import.meta.url);
const schemas = readdirSync(schemaDir).filter((f) => f.endsWith('.json')).sort()
  .map((f) => JSON.parse(readFileSync(new URL(f, schemaDir), 'utf8')));

// strictSchema: the schemas may use no keyword ajv does not know (a typo there would check nothing).
const ajv = new Ajv({ allErrors: true, strictSchema: true, strictTypes: false, allowUnionTypes: true });
ajv.addVocabulary(['release', 'kinds', 'models']); // the schema files' own entries, see generate-schemas.mjs
for (const schema of schemas) ajv.addSchema(schema);

/** apiVersion/kind -> the checks of that kind, each returning ajv-style errors (none when valid). */
const kinds = new Map();
for (const schema of schemas) {
  for (const key of Object.keys(schema.kinds)) {
    const checks = [(object) => {
      const validate = ajv.getSchema(`${schema.$id}#/kinds/${key.replaceAll('~', '~0').replaceAll('/', '~1')}`);
      return validate(object) ? [] : validate.errors;
    }];
    if (schema.models) {
      const at = key.lastIndexOf('/');
      const Model = (await import(`${schema.models}/${key.slice(0, at)}`))[key.slice(at + 1)];
      checks.push((object) => {
        try {
          new Model(object).validate();
          return [];
        } catch (e) {
          if (!e.errors) throw e;
          return e.errors;
        }
      });
    }
    kinds.set(key, checks);
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

/** The problems of one object; none when it is valid. */
function problems(object) {
  const checks = kinds.get(`${object.apiVersion}/${object.kind}`);
  const found = !checks ? [`no schema for ${object.apiVersion}/${object.kind}`] : checks.flatMap((check) => check(object))
    .map((e) => `${e.instancePath || '/'} ${e.message}${e.params.additionalProperty ? ` (${e.params.additionalProperty})` : ''}`);
  return [...new Set(found), ...floatingImages(object)];
}

function objectsOf(file) {
  return parseAllDocuments(readFileSync(file, 'utf8')).map((doc) => doc.toJS()).filter((o) => o !== null);
}

const samples = objectsOf(new URL('broken-samples.yaml', import.meta.url));
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
  + `${samples.length - passed.length} of ${samples.length} broken samples rejected (schemas: ${releases})`);
process.exit(passed.length || invalid || objects === 0 ? 1 : 0);
