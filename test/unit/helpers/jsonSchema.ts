/**
 * A small JSON Schema (draft-07 subset) validator for tests: type, required, properties, items, enum,
 * const, minimum, pattern, uniqueItems, anyOf, and local `$ref`s. Enough to hold our outputs to the
 * published schemas' structure without a runtime dependency.
 */
export interface Schema {
  $ref?: string;
  type?: string | string[];
  required?: string[];
  properties?: Record<string, Schema>;
  items?: Schema;
  enum?: unknown[];
  const?: unknown;
  minimum?: number;
  pattern?: string;
  uniqueItems?: boolean;
  anyOf?: Schema[];
  minItems?: number;
  definitions?: Record<string, Schema>;
}

function typeOf(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return typeof v;
}

/** Errors as `path: problem`; empty when the value is valid. */
export function validate(value: unknown, schema: Schema, root: Schema = schema, at = '$'): string[] {
  if (schema.$ref) {
    const name = schema.$ref.replace('#/definitions/', '');
    const target = root.definitions?.[name];
    if (!target) return [`${at}: unknown $ref ${schema.$ref}`];
    return validate(value, target, root, at);
  }
  const errors: string[] = [];
  const t = typeOf(value);
  if (schema.type) {
    const types = Array.isArray(schema.type) ? schema.type : [schema.type];
    if (!types.some((x) => x === t || (x === 'number' && t === 'integer'))) return [`${at}: expected ${types.join('|')}, got ${t}`];
  }
  if (schema.enum && !schema.enum.includes(value)) errors.push(`${at}: ${JSON.stringify(value)} not in ${JSON.stringify(schema.enum)}`);
  if (schema.const !== undefined && schema.const !== value) errors.push(`${at}: expected ${JSON.stringify(schema.const)}`);
  if (schema.minimum !== undefined && typeof value === 'number' && value < schema.minimum) errors.push(`${at}: ${value} < ${schema.minimum}`);
  if (schema.pattern && typeof value === 'string' && !new RegExp(schema.pattern, 'u').test(value)) errors.push(`${at}: ${JSON.stringify(value)} does not match ${schema.pattern}`);
  if (schema.anyOf && !schema.anyOf.some((s) => validate(value, s, root, at).length === 0)) errors.push(`${at}: matches none of anyOf`);
  if (t === 'object') {
    const obj = value as Record<string, unknown>;
    for (const key of schema.required ?? []) if (!(key in obj)) errors.push(`${at}: missing required ${key}`);
    for (const [key, sub] of Object.entries(schema.properties ?? {})) if (key in obj) errors.push(...validate(obj[key], sub, root, `${at}.${key}`));
  }
  if (t === 'array') {
    const arr = value as unknown[];
    if (schema.minItems !== undefined && arr.length < schema.minItems) errors.push(`${at}: fewer than ${schema.minItems} items`);
    if (schema.uniqueItems && new Set(arr.map((x) => JSON.stringify(x))).size !== arr.length) errors.push(`${at}: items not unique`);
    if (schema.items) arr.forEach((x, i) => errors.push(...validate(x, schema.items!, root, `${at}[${i}]`)));
  }
  return errors;
}
