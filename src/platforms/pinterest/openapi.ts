// Request validation against the saved Pinterest v5 OpenAPI for the operations the simulator serves
// (PLATFORMS.md §10.1: reject what Pinterest would reject, so a connector that drifts from the
// contract fails a test). openapi.subset.json is an unchanged copy of those operations and the
// components they reference (scripts/check-spec-copies.ts checks it). The spec uses $ref, allOf,
// oneOf with a discriminator, nullable, maxLength, pattern, minItems/maxItems and minimum/maximum;
// that part of JSON Schema is checked here rather than pulling in a validator.
import spec from './openapi.subset.json' with { type: 'json' };

interface Schema {
  readonly $ref?: string;
  readonly type?: string;
  readonly nullable?: boolean;
  readonly properties?: Readonly<Record<string, Schema>>;
  readonly required?: readonly string[];
  readonly items?: Schema;
  readonly enum?: readonly unknown[];
  readonly allOf?: readonly Schema[];
  readonly oneOf?: readonly Schema[];
  readonly discriminator?: { readonly propertyName: string; readonly mapping?: Readonly<Record<string, string>> };
  readonly maxLength?: number;
  readonly minLength?: number;
  readonly pattern?: string;
  readonly minItems?: number;
  readonly maxItems?: number;
  readonly minimum?: number;
  readonly maximum?: number;
}

interface Parameter {
  readonly $ref?: string;
  readonly name?: string;
  readonly in?: string;
  readonly required?: boolean;
  readonly schema?: Schema;
}

type Operation = { parameters?: Parameter[]; requestBody?: { content?: Record<string, { schema?: Schema }> } };

const components = spec.components as unknown as { schemas: Record<string, Schema>; parameters: Record<string, Parameter> };
const paths = spec.paths as unknown as Record<string, Record<string, Operation>>;

function resolve<T extends { $ref?: string }>(node: T): T {
  if (!node.$ref) return node;
  const [, , kind, name] = node.$ref.split('/');
  const target = kind === 'parameters' ? components.parameters[name ?? ''] : components.schemas[name ?? ''];
  if (!target) throw new Error(`pinterest subset lacks ${node.$ref}`);
  return resolve(target as T);
}

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

const codePoints = (s: string): number => [...s].length;

export function validate(node: Schema, value: unknown, at = '$'): string[] {
  const schema = resolve(node);
  if (value === null && schema.nullable) return [];
  const errors: string[] = [];
  for (const part of schema.allOf ?? []) errors.push(...validate(part, value, at));
  if (schema.oneOf) {
    const tag = schema.discriminator && typeOf(value) === 'object' ? (value as Record<string, unknown>)[schema.discriminator.propertyName] : undefined;
    const mapped = typeof tag === 'string' ? schema.discriminator?.mapping?.[tag] : undefined;
    if (schema.discriminator && !mapped) return [`${at}.${schema.discriminator.propertyName}: not one of ${Object.keys(schema.discriminator.mapping ?? {}).join(', ')}`];
    if (mapped) errors.push(...validate({ $ref: mapped }, value, at));
    else if (!schema.oneOf.some((s) => validate(s, value, at).length === 0)) errors.push(`${at}: matches none of the allowed shapes`);
  }
  if (schema.type !== undefined) {
    const actual = typeOf(value);
    if (actual !== schema.type && !(actual === 'integer' && schema.type === 'number')) return [...errors, `${at}: expected ${schema.type}, got ${actual}`];
  }
  if (schema.enum && !schema.enum.includes(value)) errors.push(`${at}: not one of ${schema.enum.join(', ')}`);
  if (typeof value === 'string') {
    if (schema.maxLength !== undefined && codePoints(value) > schema.maxLength) errors.push(`${at}: longer than ${schema.maxLength} characters`);
    if (schema.minLength !== undefined && codePoints(value) < schema.minLength) errors.push(`${at}: shorter than ${schema.minLength} characters`);
    if (schema.pattern !== undefined && !new RegExp(schema.pattern, 'u').test(value)) errors.push(`${at}: does not match ${schema.pattern}`);
  }
  if (typeof value === 'number') {
    if (schema.minimum !== undefined && value < schema.minimum) errors.push(`${at}: below ${schema.minimum}`);
    if (schema.maximum !== undefined && value > schema.maximum) errors.push(`${at}: above ${schema.maximum}`);
  }
  if (typeOf(value) === 'object') {
    const record = value as Record<string, unknown>;
    for (const key of schema.required ?? []) if (!(key in record)) errors.push(`${at}.${key}: required`);
    for (const [key, child] of Object.entries(record)) {
      const sub = schema.properties?.[key];
      if (sub) errors.push(...validate(sub, child, `${at}.${key}`));
    }
  }
  if (Array.isArray(value)) {
    if (schema.minItems !== undefined && value.length < schema.minItems) errors.push(`${at}: fewer than ${schema.minItems} items`);
    if (schema.maxItems !== undefined && value.length > schema.maxItems) errors.push(`${at}: more than ${schema.maxItems} items`);
    if (schema.items) value.forEach((entry, i) => errors.push(...validate(schema.items as Schema, entry, `${at}[${i}]`)));
  }
  return errors;
}

function operation(path: string, method: string): Operation {
  const op = paths[path]?.[method.toLowerCase()];
  if (!op) throw new Error(`pinterest subset has no ${method} ${path}`);
  return op;
}

/** Errors in a JSON request body for `path` (the spec's template, e.g. /pins). */
export function checkRequestBody(path: string, method: string, body: unknown): string[] {
  const schema = operation(path, method).requestBody?.content?.['application/json']?.schema;
  return schema ? validate(schema, body) : [`no JSON request body for ${method} ${path}`];
}

/** Errors in the query string: unknown parameters and values that do not fit their schema. */
export function checkQuery(path: string, method: string, query: URLSearchParams): string[] {
  const params = (operation(path, method).parameters ?? []).map((p) => resolve(p)).filter((p) => p.in === 'query');
  const errors: string[] = [];
  for (const [name, raw] of query) {
    const param = params.find((p) => p.name === name);
    if (!param) {
      errors.push(`query parameter ${name} is not accepted here`);
      continue;
    }
    const schema = resolve(param.schema ?? {});
    const value = schema.type === 'integer' ? (/^-?\d+$/.test(raw) ? Number(raw) : raw) : schema.type === 'boolean' ? (raw === 'true' ? true : raw === 'false' ? false : raw) : schema.type === 'array' ? raw.split(',') : raw;
    errors.push(...validate(schema, value, name));
  }
  return errors;
}
