/**
 * Validates SARIF logs against the SARIF 2.1.0 JSON schema shipped in test/fixtures/sarif: the
 * schema json.schemastore.org serves as sarif-2.1.0.json (the `$schema` the report names; OASIS
 * 2.1.0 rtm.5, as published in @microsoft/jest-sarif's lib/schemas), unmodified. It is written in
 * JSON Schema draft-04, so it is compiled with Ajv 8's draft-04 build (ajv-draft-04), with
 * ajv-formats checking `uri`, `uri-reference` and `date-time`.
 */
import { readFileSync } from 'node:fs';
import ajvDraft04 from 'ajv-draft-04';
import ajvFormats from 'ajv-formats';

const schema = JSON.parse(readFileSync(new URL('../fixtures/sarif/sarif-schema-2.1.0.json', import.meta.url), 'utf8')) as object;

// CommonJS packages: their default export is `.default` under NodeNext resolution.
const Ajv = ajvDraft04.default;
// strict: false — the schema carries keywords Ajv's strict mode rejects as unknown; they constrain nothing.
// unicodeRegExp: false — the schema's `language` pattern has a stray `]` that only the u flag refuses.
const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
ajvFormats.default(ajv);
const validate = ajv.compile(schema);

/** Each violation as `path: message`; empty when the log is valid. */
export function sarifErrors(log: unknown): string[] {
  if (validate(log)) return [];
  return (validate.errors ?? []).map((e: { instancePath: string; message?: string; params?: unknown }) => `${e.instancePath || '/'}: ${e.message ?? 'invalid'}${e.params ? ` ${JSON.stringify(e.params)}` : ''}`);
}
