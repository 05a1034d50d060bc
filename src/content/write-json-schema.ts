/** `npm run data:schema`: writes data/schema/*.schema.json from the zod schemas. */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { loadDataDir, readEnvironment } from '../config.js';
import { jsonSchemaFor } from './json-schema.js';
import { DATA_FILES, type DataFileName } from './schemas.js';

const dir = path.join(loadDataDir(readEnvironment()), 'schema');
await mkdir(dir, { recursive: true });
for (const name of Object.keys(DATA_FILES) as DataFileName[]) {
  const file = path.join(dir, `${name}.schema.json`);
  await writeFile(file, `${JSON.stringify(jsonSchemaFor(name), null, 2)}\n`);
  console.log(`wrote ${file}`);
}
