import { SeededRandom, shuffleInPlace } from '../random/seeded-random';
import { ArrayTensor, TrainTestData, formatShape, isArrayTensor } from '../types';
import { rowCount, takeRows } from './rows';

export interface TrainTestSplitOptions {
  /** Fraction in (0, 1) or a row count (default 0.25, as scikit-learn). */
  testSize?: number;
  /** Same seed, same split (default 0). */
  seed?: number;
  /** Keep class proportions: true stratifies by y; or pass the labels to stratify by. */
  stratify?: boolean | ArrayTensor;
  /** Shuffle before splitting (default true); false takes the last rows as the test set. */
  shuffle?: boolean;
}


function testCount(n: number, testSize: number): number {
  const count = testSize > 0 && testSize < 1 ? Math.ceil(testSize * n) : testSize;
  if (!Number.isInteger(count) || count < 1 || count >= n) {
    throw new Error(
      `trainTestSplit: testSize ${testSize} gives ${count} test rows of ${n}; use a fraction in (0, 1) or a count in [1, ${n - 1}].`,
    );
  }
  return count;
}

/** Splits per class, in proportion, with the rounding leftovers going to the largest remainders. */
function stratifiedIndices(labels: ArrayLike<number>, nTest: number, rng: SeededRandom): { train: number[]; test: number[] } {
  const byClass = new Map<number, number[]>();
  for (let i = 0; i < labels.length; i++) {
    const list = byClass.get(labels[i]) ?? [];
    list.push(i);
    byClass.set(labels[i], list);
  }
  const classes = [...byClass.keys()].sort((a, b) => a - b);
  const n = labels.length;
  const exact = classes.map((c) => (byClass.get(c)!.length * nTest) / n);
  const counts = exact.map(Math.floor);
  let left = nTest - counts.reduce((a, b) => a + b, 0);
  const order = classes.map((_, i) => i).sort((a, b) => exact[b] - counts[b] - (exact[a] - counts[a]) || a - b);
  for (const i of order) {
    if (left === 0) break;
    counts[i]++;
    left--;
  }
  const train: number[] = [];
  const test: number[] = [];
  classes.forEach((c, i) => {
    const members = byClass.get(c)!;
    shuffleInPlace(members, rng);
    test.push(...members.slice(0, counts[i]));
    train.push(...members.slice(counts[i]));
  });
  shuffleInPlace(train, rng);
  shuffleInPlace(test, rng);
  return { train, test };
}

/** Splits x and y (row-aligned) into train and test sets, as scikit-learn's train_test_split. */
export function trainTestSplit(x: ArrayTensor, y: ArrayTensor, options: TrainTestSplitOptions = {}): TrainTestData {
  const n = rowCount(x, 'trainTestSplit', 'x');
  if (rowCount(y, 'trainTestSplit', 'y') !== n) {
    throw new Error(`trainTestSplit: x has ${n} rows (shape ${formatShape(x.shape)}) but y has ${y.shape[0]} (shape ${formatShape(y.shape)}).`);
  }
  const nTest = testCount(n, options.testSize ?? 0.25);
  const rng = new SeededRandom(options.seed ?? 0);
  let train: number[];
  let test: number[];
  if (options.stratify !== undefined && options.stratify !== false) {
    if (options.shuffle === false) throw new Error('trainTestSplit: stratify needs shuffle; drop shuffle: false.');
    const labels = isArrayTensor(options.stratify) ? options.stratify : y;
    if (labels.data.length !== n) {
      throw new Error(`trainTestSplit: stratify needs one label per row (${n}), got ${labels.data.length} values.`);
    }
    ({ train, test } = stratifiedIndices(labels.data, nTest, rng));
  } else {
    const order = Array.from({ length: n }, (_, i) => i);
    if (options.shuffle !== false) shuffleInPlace(order, rng);
    train = order.slice(0, n - nTest);
    test = order.slice(n - nTest);
  }
  return {
    train: { x: takeRows(x, train), y: takeRows(y, train) },
    test: { x: takeRows(x, test), y: takeRows(y, test) },
  };
}
