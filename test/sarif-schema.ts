import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';

// ajv-formats is CommonJS: under ESM its function is the default export's default.
const addFormats = ((addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ?? addFormatsModule) as unknown as (ajv: Ajv2020) => void;

/** A validator for the official SARIF 2.1.0 schema vendored in schema/. */
export function sarifValidator() {
  const ajv = new Ajv2020({ strict: true, strictRequired: false, allErrors: true });
  addFormats(ajv);
  const schema = JSON.parse(readFileSync(new URL('../schema/sarif-2.1.0.json', import.meta.url), 'utf8'));
  return ajv.compile(schema);
}
