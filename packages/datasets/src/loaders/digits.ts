import { LabeledArrays, TrainTestData } from '../types';
import { bundledLines } from './bundled-data';

export interface DigitsLoadOptions {
  /** x as [n, 64] instead of [n, 8, 8] (default false). */
  flatten?: boolean;
}

function readSplit(name: string, flatten: boolean): LabeledArrays {
  const lines = bundledLines('digits', name);
  const x = new Float32Array(lines.length * 64);
  const y = new Int32Array(lines.length);
  lines.forEach((line, i) => {
    const fields = line.split(',').map(Number);
    if (fields.length !== 65 || fields.some(Number.isNaN)) {
      throw new Error(`digits: line ${i + 1} of ${name} does not hold 65 integers.`);
    }
    x.set(fields.slice(0, 64), i * 64);
    y[i] = fields[64];
  });
  return { x: { data: x, shape: flatten ? [lines.length, 64] : [lines.length, 8, 8] }, y: { data: y, shape: [lines.length] } };
}

/**
 * UCI optical digits, 8x8 blocks of counts 0..16 (bundled). The upstream split:
 *   train (optdigits.tra): x float32 [3823, 8, 8], y int32 [3823]
 *   test  (optdigits.tes): x float32 [1797, 8, 8], y int32 [1797]  (= scikit-learn's load_digits)
 * With flatten: true, x is [n, 64].
 */
export const digits = {
  classNames: ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'],
  loadSync(options: DigitsLoadOptions = {}): TrainTestData {
    const flatten = options.flatten ?? false;
    return { train: readSplit('optdigits.tra', flatten), test: readSplit('optdigits.tes', flatten) };
  },
  async load(options: DigitsLoadOptions = {}): Promise<TrainTestData> {
    return digits.loadSync(options);
  },
};
