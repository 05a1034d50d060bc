/**
 * A small JSON Schema checker for the keywords our generated schemas use (type, properties,
 * required, additionalProperties, propertyNames, items, enum, const, anyOf, length and range
 * bounds, pattern). Enough to show that the shipped files match the schemas editors use.
 * Returns the paths that fail, empty when the value matches.
 */
type Schema = Readonly<Record<string, unknown>>;

const isSchema = (value: unknown): value is Schema => typeof value === 'object' && value !== null;
const typeOf = (value: unknown): string =>
  Array.isArray(value)
    ? 'array'
    : value === null
      ? 'null'
      : typeof value === 'number' && Number.isInteger(value)
        ? 'integer'
        : typeof value;
const num = (schema: Schema, key: string): number | undefined =>
  typeof schema[key] === 'number' ? schema[key] : undefined;

export const schemaErrors = (schema: Schema, value: unknown, at = '$'): string[] => {
  const errors: string[] = [];
  const fail = (what: string) => errors.push(`${at}: ${what}`);
  const type = schema.type;
  if (typeof type === 'string') {
    const actual = typeOf(value);
    if (!(actual === type || (type === 'number' && actual === 'integer')))
      fail(`expected ${type}, got ${actual}`);
  }
  if (Array.isArray(schema.enum) && !schema.enum.includes(value)) fail('not one of the enum');
  if ('const' in schema && schema.const !== value) fail(`expected ${String(schema.const)}`);
  if (
    Array.isArray(schema.anyOf) &&
    !schema.anyOf.some((s) => isSchema(s) && schemaErrors(s, value).length === 0)
  )
    fail('matches none of anyOf');
  if (typeof value === 'string') {
    const length = [...value].length;
    if (length < (num(schema, 'minLength') ?? 0)) fail('too short');
    if (length > (num(schema, 'maxLength') ?? Number.POSITIVE_INFINITY)) fail('too long');
    if (typeof schema.pattern === 'string' && !new RegExp(schema.pattern, 'u').test(value)) fail('pattern');
  }
  if (typeof value === 'number') {
    if (value < (num(schema, 'minimum') ?? Number.NEGATIVE_INFINITY)) fail('below minimum');
    if (value > (num(schema, 'maximum') ?? Number.POSITIVE_INFINITY)) fail('above maximum');
    if (value <= (num(schema, 'exclusiveMinimum') ?? Number.NEGATIVE_INFINITY))
      fail('not above exclusiveMinimum');
  }
  if (Array.isArray(value)) {
    if (value.length < (num(schema, 'minItems') ?? 0)) fail('too few items');
    if (value.length > (num(schema, 'maxItems') ?? Number.POSITIVE_INFINITY)) fail('too many items');
    const items = schema.items;
    if (isSchema(items))
      for (const [i, v] of value.entries()) errors.push(...schemaErrors(items, v, `${at}[${i}]`));
  } else if (isSchema(value)) {
    const properties = isSchema(schema.properties) ? schema.properties : {};
    const required = Array.isArray(schema.required) ? schema.required : [];
    for (const key of required) if (!(key in value)) fail(`missing ${String(key)}`);
    for (const [key, v] of Object.entries(value)) {
      const own = properties[key];
      const extra = schema.additionalProperties;
      if (isSchema(own)) errors.push(...schemaErrors(own, v, `${at}.${key}`));
      else if (extra === false) fail(`unknown property ${key}`);
      else if (isSchema(extra)) errors.push(...schemaErrors(extra, v, `${at}.${key}`));
      if (isSchema(schema.propertyNames))
        errors.push(...schemaErrors(schema.propertyNames, key, `${at}{${key}}`));
    }
  }
  return errors;
};
