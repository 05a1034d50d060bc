import { createRequire } from 'node:module';
import { GlobalFonts } from '@napi-rs/canvas';

/**
 * The one font every image is drawn in: Inter (SIL Open Font License 1.1), shipped as the npm
 * package @fontsource/inter, so pictures look the same on every host and need no system fonts.
 */
export const FONT_FAMILY = 'Steelman Inter';

const FILES = [
  'inter-latin-400-normal.woff2',
  'inter-latin-700-normal.woff2',
  'inter-latin-ext-400-normal.woff2',
  'inter-latin-ext-700-normal.woff2',
] as const;

let registered = false;

/**
 * Registers the font files with the canvas library, once per process.
 * @throws Error when a font file is missing (the package is not installed).
 */
export const ensureFonts = (): void => {
  if (registered) return;
  const require = createRequire(import.meta.url);
  for (const file of FILES) {
    const path = require.resolve(`@fontsource/inter/files/${file}`);
    if (!GlobalFonts.registerFromPath(path, FONT_FAMILY)) throw new Error(`cannot load the font ${path}`);
  }
  registered = true;
};

/** A CSS font shorthand in the images' font. */
export const font = (px: number, weight: 400 | 700 = 400) => `${weight} ${px}px "${FONT_FAMILY}"`;
