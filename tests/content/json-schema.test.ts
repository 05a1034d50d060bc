import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { jsonSchemaFor } from '../../src/content/json-schema.js';
import { DATA_FILES, type DataFileName } from '../../src/content/schemas.js';
import { SHIPPED } from './data-copy.js';
import { schemaErrors } from './schema-check.js';

const NAMES = Object.keys(DATA_FILES) as DataFileName[];
const LISTS: Record<DataFileName, string[]> = {
  sides: ['sides'],
  motions: ['motions'],
  evidence: ['sources', 'cards'],
  formats: ['formats'],
  rubric: ['criteria'],
  tags: ['tags'],
};
const readJson = async (file: string): Promise<unknown> => JSON.parse(await readFile(file, 'utf8'));

describe.each(NAMES)('the JSON Schema of data/%s.json', (name) => {
  const schema = jsonSchemaFor(name);

  it('given the zod schema, then it describes an object with its top-level lists, and nothing else', () => {
    expect(schema).toMatchObject({
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      type: 'object',
      title: `Steelman data/${name}.json`,
      required: LISTS[name],
      additionalProperties: false,
    });
    expect(Object.keys(schema.properties ?? {}).sort()).toEqual(['$schema', ...LISTS[name]].sort());
  });

  it('given the shipped file, then it matches the schema', async () => {
    expect(schemaErrors(schema, await readJson(path.join(SHIPPED, `${name}.json`)))).toEqual([]);
  });

  it('given the committed data/schema file, then it is what `npm run data:schema` writes today', async () => {
    expect(await readJson(path.join(SHIPPED, 'schema', `${name}.schema.json`))).toEqual(schema);
  });
});

describe('the schema checker used above', () => {
  it('given a file with an unknown field and a wrong type, then it reports both', async () => {
    const json = await readJson(path.join(SHIPPED, 'sides.json'));
    const broken = { ...(json as object), extra: 1, sides: 'two' };
    expect(schemaErrors(jsonSchemaFor('sides'), broken)).toEqual([
      '$.sides: expected array, got string',
      '$: unknown property extra',
    ]);
  });
});
