/**
 * A small JSON-schema check for the subset of OpenAPI 3.0 schemas the gateway's document uses ($ref,
 * allOf, type, nullable, enum, required, properties, items, additionalProperties, the uuid and date-time
 * formats). Strict on purpose: a property the schema does not name is a problem, so a field the API
 * returns but the document does not describe fails the test.
 */
export interface OpenApiDocument {
  paths: Record<string, Record<string, { responses: Record<string, ResponseObject> }>>;
  components: { schemas: Record<string, Schema> };
}

interface ResponseObject {
  content?: Record<string, { schema: Schema }>;
}

interface Schema {
  $ref?: string;
  allOf?: Schema[];
  type?: string;
  format?: string;
  nullable?: boolean;
  enum?: unknown[];
  required?: string[];
  properties?: Record<string, Schema>;
  items?: Schema;
  additionalProperties?: boolean | Schema;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The problems of `value` against the JSON response schema of that operation and status (none = it fits). */
export function responseProblems(
  document: OpenApiDocument,
  method: string,
  pathTemplate: string,
  status: number,
  value: unknown,
): string[] {
  const operation = document.paths[pathTemplate]?.[method.toLowerCase()];
  if (!operation) return [`the document has no ${method} ${pathTemplate}`];
  const response = operation.responses[String(status)];
  if (!response) return [`${method} ${pathTemplate} does not document status ${status}`];
  const schema = response.content?.['application/json']?.schema;
  if (!schema) return [`${method} ${pathTemplate} ${status} has no JSON schema`];
  return check(document, schema, value, '$');
}

function check(document: OpenApiDocument, schema: Schema, value: unknown, at: string): string[] {
  if (schema.$ref) return check(document, resolve(document, schema.$ref), value, at);
  if (value === null) return schema.nullable ? [] : [`${at} is null but not nullable`];
  const problems: string[] = [];
  for (const part of schema.allOf ?? []) problems.push(...check(document, part, value, at));
  if (schema.enum && !schema.enum.includes(value)) problems.push(`${at} = ${JSON.stringify(value)} is not in the enum`);
  switch (schema.type) {
    case 'string':
      if (typeof value !== 'string') return [...problems, `${at} should be a string`];
      if (schema.format === 'uuid' && !UUID.test(value)) problems.push(`${at} is not a uuid`);
      if (schema.format === 'date-time' && Number.isNaN(Date.parse(value))) problems.push(`${at} is not a date-time`);
      break;
    case 'number':
      if (typeof value !== 'number') problems.push(`${at} should be a number`);
      break;
    case 'integer':
      if (!Number.isInteger(value)) problems.push(`${at} should be an integer`);
      break;
    case 'boolean':
      if (typeof value !== 'boolean') problems.push(`${at} should be a boolean`);
      break;
    case 'array':
      if (!Array.isArray(value)) return [...problems, `${at} should be an array`];
      value.forEach((item, index) => problems.push(...check(document, schema.items ?? {}, item, `${at}[${index}]`)));
      break;
    case 'object':
      problems.push(...checkObject(document, schema, value, at));
      break;
  }
  return problems;
}

function checkObject(document: OpenApiDocument, schema: Schema, value: unknown, at: string): string[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return [`${at} should be an object`];
  const record = value as Record<string, unknown>;
  const problems = (schema.required ?? [])
    .filter((name) => !(name in record))
    .map((name) => `${at}.${name} is required but missing`);
  const properties = schema.properties ?? {};
  for (const [name, item] of Object.entries(record)) {
    const propertySchema = properties[name];
    if (propertySchema) problems.push(...check(document, propertySchema, item, `${at}.${name}`));
    else if (typeof schema.additionalProperties === 'object') {
      problems.push(...check(document, schema.additionalProperties, item, `${at}.${name}`));
    } else if (schema.additionalProperties !== true && schema.properties) {
      problems.push(`${at}.${name} is not described by the document`);
    }
  }
  return problems;
}

function resolve(document: OpenApiDocument, ref: string): Schema {
  const name = ref.replace('#/components/schemas/', '');
  const schema = document.components.schemas[name];
  if (!schema) throw new Error(`The document has no schema ${name}`);
  return schema;
}
