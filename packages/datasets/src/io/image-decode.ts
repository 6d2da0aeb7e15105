import * as jpeg from 'jpeg-js';
import { PNG } from 'pngjs';

/** Decoded pixels: RGBA, 8 bits per channel, row-major. */
export interface RgbaImage {
  width: number;
  height: number;
  data: Uint8Array;
}

function isPng(bytes: Uint8Array): boolean {
  return bytes.length > 8 && bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47;
}

function isJpeg(bytes: Uint8Array): boolean {
  return bytes.length > 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff;
}

/** Decodes a PNG or JPEG (told apart by their magic bytes, not the file name). */
export function decodeImage(bytes: Buffer, source: string): RgbaImage {
  try {
    if (isPng(bytes)) {
      // pngjs scales 16-bit and palette images down to 8-bit RGBA.
      const png = PNG.sync.read(bytes);
      return { width: png.width, height: png.height, data: new Uint8Array(png.data.buffer, png.data.byteOffset, png.data.length) };
    }
    if (isJpeg(bytes)) {
      const img = jpeg.decode(bytes, { useTArray: true, formatAsRGBA: true, maxMemoryUsageInMB: 1024 });
      return { width: img.width, height: img.height, data: img.data };
    }
  } catch (error) {
    throw new Error(`decodeImage: ${source} could not be decoded: ${(error as Error).message}`);
  }
  throw new Error(`decodeImage: ${source} is neither a PNG nor a JPEG (by its first bytes); only PNG and JPEG are supported.`);
}

/** RGBA to `channels` (1: luma as ITU-R 601 like PIL's 'L', 3: RGB, 4: RGBA). */
export function toChannels(img: RgbaImage, channels: 1 | 3 | 4): Uint8Array {
  const n = img.width * img.height;
  if (channels === 4) return img.data;
  const out = new Uint8Array(n * channels);
  const src = img.data;
  for (let p = 0; p < n; p++) {
    const r = src[4 * p];
    const g = src[4 * p + 1];
    const b = src[4 * p + 2];
    if (channels === 1) {
      out[p] = Math.round((r * 299 + g * 587 + b * 114) / 1000);
    } else {
      out[3 * p] = r;
      out[3 * p + 1] = g;
      out[3 * p + 2] = b;
    }
  }
  return out;
}
