import { loadImage } from '@napi-rs/canvas';
import { expect } from 'vitest';

/** The width and height in a PNG's IHDR chunk, after checking the signature. */
export const pngSize = (png: Buffer): { width: number; height: number } => {
  expect(png.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  expect(png.subarray(12, 16).toString('ascii')).toBe('IHDR');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
};

/** Decodes the PNG for real and returns its size as the decoder saw it. */
export const decodedSize = async (png: Buffer) => {
  const image = await loadImage(png);
  return { width: image.width, height: image.height };
};
