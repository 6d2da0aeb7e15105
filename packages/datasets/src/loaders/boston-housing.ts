import * as fs from 'fs';
import { numpyShuffledRange } from '../random/numpy-random-state';
import { LabeledArrays, TrainTestData } from '../types';
import { takeRows } from '../utils/rows';
import { bundledFile, bundledLines } from './bundled-data';

export interface BostonHousingLoadOptions {
  /** Fraction of rows for the test set (default 0.2, as Keras). */
  testSplit?: number;
  /** Keras's shuffle seed (default 113). */
  seed?: number;
}

/** All 506 rows in file order: x float32 [506, 13], y float32 [506] (MEDV, in $1000s). */
function loadAll(): LabeledArrays {
  const lines = bundledLines('boston_housing', 'housing.data');
  const x = new Float32Array(lines.length * 13);
  const y = new Float32Array(lines.length);
  lines.forEach((line, i) => {
    const fields = line.trim().split(/\s+/).map(Number);
    if (fields.length !== 14 || fields.some(Number.isNaN)) {
      throw new Error(`bostonHousing: line ${i + 1} of housing.data does not hold 14 numbers: '${line}'.`);
    }
    x.set(fields.slice(0, 13), i * 13);
    y[i] = fields[13];
  });
  return { x: { data: x, shape: [lines.length, 13] }, y: { data: y, shape: [lines.length] } };
}

/** The row order Keras uses: the bundled seed-113 table, or numpy's RandomState shuffle for other seeds. */
function kerasPermutation(n: number, seed: number): ArrayLike<number> {
  if (seed === 113) {
    const table = JSON.parse(fs.readFileSync(bundledFile('boston_housing', 'keras_split_seed113.json'), 'utf8')) as {
      permutation: number[];
    };
    if (table.permutation.length !== n) throw new Error(`bostonHousing: the split table has ${table.permutation.length} rows, not ${n}.`);
    return table.permutation;
  }
  return numpyShuffledRange(n, seed);
}

/**
 * Boston housing (UCI housing.data, bundled), split as keras.datasets.boston_housing
 * (shuffle with seed 113, first 80% train):
 *   train.x float32 [404, 13], train.y float32 [404]
 *   test.x  float32 [102, 13], test.y  float32 [102]
 * Note Keras's warning about the ethics of feature B before using it as an example.
 */
export const bostonHousing = {
  featureNames: ['CRIM', 'ZN', 'INDUS', 'CHAS', 'NOX', 'RM', 'AGE', 'DIS', 'RAD', 'TAX', 'PTRATIO', 'B', 'LSTAT'],
  loadAll,
  loadSync(options: BostonHousingLoadOptions = {}): TrainTestData {
    const testSplit = options.testSplit ?? 0.2;
    if (!(testSplit >= 0 && testSplit < 1)) throw new Error(`bostonHousing: testSplit must be in [0, 1), got ${testSplit}.`);
    const all = loadAll();
    const n = all.x.shape[0];
    const order = Array.from(kerasPermutation(n, options.seed ?? 113));
    const nTrain = Math.trunc(n * (1 - testSplit));
    const train = order.slice(0, nTrain);
    const test = order.slice(nTrain);
    return {
      train: { x: takeRows(all.x, train), y: takeRows(all.y, train) },
      test: { x: takeRows(all.x, test), y: takeRows(all.y, test) },
    };
  },
  async load(options: BostonHousingLoadOptions = {}): Promise<TrainTestData> {
    return bostonHousing.loadSync(options);
  },
};
