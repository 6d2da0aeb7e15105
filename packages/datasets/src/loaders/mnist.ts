import { TrainTestData } from '../types';
import { bundledFile } from './bundled-data';
import { readIdxSplits } from './idx-images';

/**
 * MNIST handwritten digits, bundled (the four upstream IDX .gz files, in data/mnist).
 * Shapes as keras.datasets.mnist:
 *   train.x uint8 [60000, 28, 28], train.y uint8 [60000]
 *   test.x  uint8 [10000, 28, 28], test.y  uint8 [10000]
 * Pixels 0..255; labels 0..9 (train starts 5 0 4 1 9, test 7 2 1 0 4).
 */
export const mnist = {
  classNames: ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'],
  loadSync(): TrainTestData {
    const file = (name: string): string => bundledFile('mnist', name);
    return readIdxSplits(
      {
        trainImages: file('train-images-idx3-ubyte.gz'),
        trainLabels: file('train-labels-idx1-ubyte.gz'),
        testImages: file('t10k-images-idx3-ubyte.gz'),
        testLabels: file('t10k-labels-idx1-ubyte.gz'),
      },
      'mnist',
    );
  },
  async load(): Promise<TrainTestData> {
    return mnist.loadSync();
  },
};
