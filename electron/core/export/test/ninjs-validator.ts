import { readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { NINJS_VERSION } from '../ninjs';

// The official IPTC schemas, vendored once for the wire importer (see import/wire/schemas/README.md).
const SCHEMAS = path.join(import.meta.dirname, '../../import/wire/schemas');

function readSchema(name: string): Record<string, unknown> {
  return JSON.parse(readFileSync(path.join(SCHEMAS, name), 'utf8')) as Record<string, unknown>;
}

/** A validator for the ninjs version Kroniek writes, offline (GeoJSON registered first so nothing is fetched). */
export function ninjsValidator() {
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  addFormats(ajv);
  ajv.addSchema(readSchema('GeoJSON-schema.json'), 'https://geojson.org/schema/GeoJSON.json');
  return ajv.compile(readSchema(`ninjs-schema_${NINJS_VERSION}.json`));
}
