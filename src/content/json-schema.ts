import { z } from 'zod';
import { DATA_FILES, type DataFileName } from './schemas.js';

/** The JSON Schema of one data file, for editors; generated from the zod schema the loader uses. */
export const jsonSchemaFor = (name: DataFileName): Record<string, unknown> => ({
  ...z.toJSONSchema(DATA_FILES[name], { io: 'input', target: 'draft-2020-12' }),
  title: `Steelman data/${name}.json`,
});
