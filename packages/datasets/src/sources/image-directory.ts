import * as fs from 'fs';
import * as path from 'path';
import { decodeImage, toChannels } from '../io/image-decode';
import { resizeBilinear } from '../io/resize-bilinear';
import { Dataset } from '../pipeline/dataset';
import { SeededRandom, deriveSeed, randomSeed, shuffleInPlace } from '../random/seeded-random';
import { ArrayTensor } from '../types';

export interface ImageDirectoryOptions {
  /** Resize every image to [height, width] (bilinear). Without it, images keep their size. */
  size?: [number, number];
  /** One luma channel instead of RGB (default false). */
  grayscale?: boolean;
  /** Pixel dtype: 'float32' (0..255, as Keras; default) or 'uint8'. */
  dtype?: 'float32' | 'uint8';
  /** Shuffle the file list on each pass (default false); cheap, as only paths are shuffled. */
  shuffle?: boolean;
  /** Seed for `shuffle`. */
  seed?: number;
  /** File extensions to read (default png, jpg, jpeg; case-insensitive). */
  extensions?: string[];
}

/** One image `xs` ([h, w, c]) and its class index `ys` (int32 scalar, shape []). */
export interface ImageElement {
  xs: ArrayTensor;
  ys: ArrayTensor;
}

export type ImageDirectoryDataset = Dataset<ImageElement> & {
  /** Subfolder names, sorted; `ys` indexes this list. */
  readonly classNames: string[];
  /** How many image files were found. */
  readonly fileCount: number;
};

interface ImageFile {
  file: string;
  label: number;
}

function listImages(dir: string, extensions: string[]): { classNames: string[]; files: ImageFile[] } {
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) {
    throw new Error(`fromImageDirectory: ${dir} is not a directory; expected ${dir}/<class name>/<image>.png|jpg.`);
  }
  const classNames = fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  if (classNames.length === 0) {
    throw new Error(`fromImageDirectory: ${dir} has no subfolders; put each class's images in ${dir}/<class name>/.`);
  }
  const files: ImageFile[] = [];
  classNames.forEach((name, label) => {
    const names = fs
      .readdirSync(path.join(dir, name))
      .filter((f) => extensions.includes(path.extname(f).slice(1).toLowerCase()))
      .sort();
    for (const f of names) files.push({ file: path.join(dir, name, f), label });
  });
  if (files.length === 0) {
    throw new Error(`fromImageDirectory: no .${extensions.join('/.')} files in the subfolders of ${dir}.`);
  }
  return { classNames, files };
}

function loadImage(entry: ImageFile, channels: 1 | 3, options: ImageDirectoryOptions): ArrayTensor {
  const img = decodeImage(fs.readFileSync(entry.file), entry.file);
  const pixels = toChannels(img, channels);
  const size = options.size;
  if (size === undefined || (size[0] === img.height && size[1] === img.width)) {
    const data = options.dtype === 'uint8' ? pixels : Float32Array.from(pixels);
    return { data, shape: [img.height, img.width, channels] };
  }
  const resized = resizeBilinear(pixels, img.height, img.width, channels, size[0], size[1]);
  const data = options.dtype === 'uint8' ? Uint8Array.from(resized, (v) => Math.round(v)) : resized;
  return { data, shape: [size[0], size[1], channels] };
}

/**
 * Images from `dir/<label>/*.png|jpg`, one element `{ xs, ys }` each; labels are the
 * subfolder names, sorted (as Keras's image_dataset_from_directory). Files are listed
 * once, here, and decoded lazily, one per element.
 */
export function fromImageDirectory(dir: string, options: ImageDirectoryOptions = {}): ImageDirectoryDataset {
  if (options.size !== undefined) {
    const [h, w] = options.size;
    if (!(Number.isInteger(h) && Number.isInteger(w) && h > 0 && w > 0)) {
      throw new Error(`fromImageDirectory: size must be [height, width] of positive integers, got [${options.size.join(', ')}].`);
    }
  }
  const extensions = (options.extensions ?? ['png', 'jpg', 'jpeg']).map((e) => e.replace(/^\./, '').toLowerCase());
  const { classNames, files } = listImages(dir, extensions);
  const channels: 1 | 3 = options.grayscale ? 1 : 3;
  const seed = options.seed ?? randomSeed();
  let pass = 0;
  const dataset = new Dataset<ImageElement>(async function* images() {
    const order = [...files];
    if (options.shuffle) shuffleInPlace(order, new SeededRandom(deriveSeed(seed, pass++)));
    for (const entry of order) {
      yield { xs: loadImage(entry, channels, options), ys: { data: Int32Array.of(entry.label), shape: [] } };
    }
  });
  return Object.assign(dataset, { classNames, fileCount: files.length });
}
