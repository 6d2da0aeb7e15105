import { LabeledArrays, TrainTestData } from '../types';
import { trainTestSplit } from '../utils/train-test-split';
import { bundledLines } from './bundled-data';

const CLASSES = ['Iris-setosa', 'Iris-versicolor', 'Iris-virginica'];

export interface IrisLoadOptions {
  /** Fraction (or count) of rows for the test set (default 0.2: 120 train / 30 test). */
  testSize?: number;
  /** Seed of the stratified split (default 42). */
  seed?: number;
}

/** All 150 rows in file order: x float32 [150, 4] (cm), y int32 [150] (0 setosa, 1 versicolor, 2 virginica). */
function loadAll(): LabeledArrays {
  const lines = bundledLines('iris', 'iris.data');
  const x = new Float32Array(lines.length * 4);
  const y = new Int32Array(lines.length);
  lines.forEach((line, i) => {
    const fields = line.split(',');
    const label = CLASSES.indexOf(fields[4]);
    if (fields.length !== 5 || label < 0) throw new Error(`iris: line ${i + 1} of iris.data is malformed: '${line}'.`);
    for (let k = 0; k < 4; k++) x[i * 4 + k] = Number(fields[k]);
    y[i] = label;
  });
  return { x: { data: x, shape: [lines.length, 4] }, y: { data: y, shape: [lines.length] } };
}

/**
 * Fisher's iris (UCI iris.data, bundled). Keras has no iris loader; this gives a seeded,
 * stratified split: by default train x float32 [120, 4], y int32 [120] (40 per class) and
 * test x float32 [30, 4], y int32 [30] (10 per class).
 */
export const iris = {
  classNames: ['setosa', 'versicolor', 'virginica'],
  featureNames: ['sepal length (cm)', 'sepal width (cm)', 'petal length (cm)', 'petal width (cm)'],
  loadAll,
  loadSync(options: IrisLoadOptions = {}): TrainTestData {
    const all = loadAll();
    return trainTestSplit(all.x, all.y, { testSize: options.testSize ?? 0.2, seed: options.seed ?? 42, stratify: true });
  },
  async load(options: IrisLoadOptions = {}): Promise<TrainTestData> {
    return iris.loadSync(options);
  },
};
