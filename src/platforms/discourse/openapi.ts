// Request (and response) validation against the saved Discourse OpenAPI for the operations the
// simulator serves (PLATFORMS.md §10.1: reject what the platform would reject, so a connector that
// drifts from the contract fails a test instead of passing a lax mock). The spec uses a small part
// of JSON Schema (type, properties, required, additionalProperties, items, enum); that part is
// checked here rather than pulling in a validator for ~40 lines of rules.
import spec from './openapi.subset.json' with { type: 'json' };

interface Schema {
  readonly type?: string | readonly string[];
  readonly properties?: Readonly<Record<string, Schema>>;
  readonly required?: readonly string[];
  readonly additionalProperties?: boolean | Schema;
  readonly items?: Schema;
  readonly enum?: readonly unknown[];
}

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

export function validate(schema: Schema, value: unknown, at = '$'): string[] {
  const errors: string[] = [];
  if (schema.type !== undefined) {
    const allowed = typeof schema.type === 'string' ? [schema.type] : schema.type;
    const actual = typeOf(value);
    if (!allowed.includes(actual) && !(actual === 'integer' && allowed.includes('number'))) return [`${at}: expected ${allowed.join('|')}, got ${actual}`];
  }
  if (schema.enum && !schema.enum.includes(value)) errors.push(`${at}: not one of ${schema.enum.join(', ')}`);
  if (typeOf(value) === 'object') {
    const record = value as Record<string, unknown>;
    for (const key of schema.required ?? []) if (!(key in record)) errors.push(`${at}.${key}: required`);
    for (const [key, child] of Object.entries(record)) {
      const sub = schema.properties?.[key];
      if (sub) errors.push(...validate(sub, child, `${at}.${key}`));
      else if (schema.additionalProperties === false) errors.push(`${at}.${key}: not allowed`);
    }
  }
  if (Array.isArray(value) && schema.items) value.forEach((entry, i) => errors.push(...validate(schema.items as Schema, entry, `${at}[${i}]`)));
  return errors;
}

type Operation = { requestBody?: { content?: Record<string, { schema?: Schema }> }; responses?: Record<string, { content?: Record<string, { schema?: Schema }> }> };
const paths = spec.paths as unknown as Record<string, Record<string, Operation>>;

function operation(path: string, method: string): Operation | null {
  return paths[path]?.[method.toLowerCase()] ?? null;
}

/** Errors in a JSON request body for `path` (the spec's template, e.g. /admin/users/{id}/suspend.json). */
export function checkRequestBody(path: string, method: string, body: unknown): string[] {
  const schema = operation(path, method)?.requestBody?.content?.['application/json']?.schema;
  return schema ? validate(schema, body) : [`no request schema for ${method} ${path}`];
}

export function checkResponseBody(path: string, method: string, status: number, body: unknown): string[] {
  const schema = operation(path, method)?.responses?.[String(status)]?.content?.['application/json']?.schema;
  return schema ? validate(schema, body) : [`no response schema for ${method} ${path} ${status}`];
}
