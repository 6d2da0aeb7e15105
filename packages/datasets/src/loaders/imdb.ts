import * as fs from 'fs';
import { DownloadOptions, RemoteFile, fetchVerified } from '../download/fetch-verified';
import { readNpy } from '../io/npy';
import { readZip } from '../io/zip-archive';
import { NumpyRandomState } from '../random/numpy-random-state';
import { ArrayTensor } from '../types';
import { bundledFile } from './bundled-data';

// Keras's imdb.npz (object arrays of word-rank lists, pickled inside .npy); the SHA-256 is
// the one in data/imdb/MANIFEST.md.
export const IMDB_NPZ: RemoteFile = {
  name: 'imdb.npz',
  url: 'https://storage.googleapis.com/tensorflow/tf-keras-datasets/imdb.npz',
  sha256: '69664113be75683a8fe16e3ed0ab59fda8886cb3cd7ada244f7d9544e4676b9f',
};

/** Options as keras.datasets.imdb.load_data (camelCase). */
export interface ImdbLoadOptions extends DownloadOptions {
  /** Keep the `numWords` most frequent words (ranks below numWords); others become oovChar. */
  numWords?: number;
  /** Treat the `skipTop` most frequent words as out of vocabulary (default 0). */
  skipTop?: number;
  /** Drop reviews with `maxLen` or more words (after the start char is added). */
  maxLen?: number;
  /** Shuffle seed (default 113). */
  seed?: number;
  /** Marks the start of each review (default 1); null for none. */
  startChar?: number | null;
  /** Replaces cut words (default 2); null drops them instead. */
  oovChar?: number | null;
  /** Word ranks are shifted up by this (default 3, keeping 0 pad, 1 start, 2 oov). */
  indexFrom?: number;
}

/** Reviews as word-index sequences (ragged, so not a tensor), and labels int32 [n] (1 = positive). */
export interface ImdbSplit {
  x: Int32Array[];
  y: ArrayTensor;
}

export interface ImdbData {
  train: ImdbSplit;
  test: ImdbSplit;
}

function sequences(values: unknown[], name: string): number[][] {
  return values.map((v, i) => {
    if (!Array.isArray(v) && !(v instanceof Float64Array)) throw new Error(`imdb: ${name}[${i}] is not a sequence.`);
    return Array.from(v as ArrayLike<number>, Number);
  });
}

/** Applies Keras's load_data steps to the raw arrays of imdb.npz. */
export function processImdb(
  raw: { xTrain: number[][]; yTrain: ArrayLike<number>; xTest: number[][]; yTest: ArrayLike<number> },
  options: ImdbLoadOptions = {},
): ImdbData {
  const seed = options.seed ?? 113;
  const startChar = options.startChar === undefined ? 1 : options.startChar;
  const oovChar = options.oovChar === undefined ? 2 : options.oovChar;
  const indexFrom = options.indexFrom ?? 3;
  const skipTop = options.skipTop ?? 0;
  // One RandomState shuffles train, then test, as Keras does.
  const rng = new NumpyRandomState(seed);
  const shuffled = (xs: number[][], ys: ArrayLike<number>) => {
    const order = Array.from({ length: xs.length }, (_, i) => i);
    rng.shuffle(order);
    return { xs: order.map((i) => xs[i]), ys: order.map((i) => ys[i]) };
  };
  let train = shuffled(raw.xTrain, raw.yTrain);
  let test = shuffled(raw.xTest, raw.yTest);
  const shift = (xs: number[][]) =>
    xs.map((x) => (startChar !== null ? [startChar, ...x.map((w) => w + indexFrom)] : x.map((w) => w + indexFrom)));
  train = { xs: shift(train.xs), ys: train.ys };
  test = { xs: shift(test.xs), ys: test.ys };
  if (options.maxLen) {
    const maxLen = options.maxLen;
    const keep = (s: { xs: number[][]; ys: number[] }) => {
      const idx = s.xs.map((x, i) => (x.length < maxLen ? i : -1)).filter((i) => i >= 0);
      return { xs: idx.map((i) => s.xs[i]), ys: idx.map((i) => s.ys[i]) };
    };
    train = keep(train);
    test = keep(test);
    if (train.xs.length === 0 || test.xs.length === 0) {
      throw new Error(`imdb: no review is shorter than maxLen=${maxLen} in one of the splits; raise maxLen.`);
    }
  }
  let numWords = options.numWords;
  if (!numWords) {
    numWords = 0;
    for (const x of [...train.xs, ...test.xs]) for (const w of x) if (w > numWords) numWords = w;
  }
  const limit = numWords;
  const cut = (xs: number[][]) =>
    xs.map((x) => {
      const kept: number[] = [];
      for (const w of x) {
        if (skipTop <= w && w < limit) kept.push(w);
        else if (oovChar !== null) kept.push(oovChar);
      }
      return Int32Array.from(kept);
    });
  const split = (s: { xs: number[][]; ys: number[] }): ImdbSplit => ({
    x: cut(s.xs),
    y: { data: Int32Array.from(s.ys), shape: [s.ys.length] },
  });
  return { train: split(train), test: split(test) };
}

/** Reads imdb.npz's four arrays. */
export function readImdbNpz(file: string): { xTrain: number[][]; yTrain: ArrayLike<number>; xTest: number[][]; yTest: ArrayLike<number> } {
  const members = readZip(fs.readFileSync(file), file);
  const get = (name: string) => {
    const buf = members.get(`${name}.npy`);
    if (buf === undefined) throw new Error(`imdb: ${file} has no ${name}.npy; it is not Keras's imdb.npz (delete it to download again).`);
    return readNpy(buf, `${file}:${name}.npy`);
  };
  const xTrain = get('x_train');
  const xTest = get('x_test');
  return {
    xTrain: sequences(xTrain.values as unknown[], 'x_train'),
    yTrain: get('y_train').values as ArrayLike<number>,
    xTest: sequences(xTest.values as unknown[], 'x_test'),
    yTest: get('y_test').values as ArrayLike<number>,
  };
}

let wordIndex: Record<string, number> | null = null;

/** IMDB loader over an npz file (the pinned Keras one by default; tests pass their own). */
export function imdbLoader(npz: RemoteFile = IMDB_NPZ) {
  return {
    npz,
    /**
     * Downloads (once) and reads Keras's imdb.npz: 25000 train and 25000 test reviews, each a
     * sequence of word indices (train.x Int32Array[25000], train.y int32 [25000]).
     */
    async load(options: ImdbLoadOptions = {}): Promise<ImdbData> {
      const file = await fetchVerified('imdb', npz, options);
      return processImdb(readImdbNpz(file), options);
    },
    /** Word -> rank (1 = most frequent), bundled; add indexFrom (3) to match the sequences. */
    getWordIndex(): Record<string, number> {
      if (wordIndex === null) {
        wordIndex = JSON.parse(fs.readFileSync(bundledFile('imdb', 'imdb_word_index.json'), 'utf8')) as Record<string, number>;
      }
      return wordIndex;
    },
  };
}

/** keras.datasets.imdb: movie-review sentiment, downloaded on first use (17 MB). */
export const imdb = imdbLoader();
