import { readIdxFile } from '../io/idx';
import { DownloadOptions, RemoteFile, fetchAllVerified } from '../download/fetch-verified';
import { ArrayTensor, TrainTestData, formatShape } from '../types';

/** The four files of an MNIST-style dataset. */
export interface IdxFiles<F> {
  trainImages: F;
  trainLabels: F;
  testImages: F;
  testLabels: F;
}

function checkPair(images: ArrayTensor, labels: ArrayTensor, split: string, source: string): void {
  if (images.shape.length !== 3 || !(images.data instanceof Uint8Array)) {
    throw new Error(`${source}: ${split} images should be uint8 [n, rows, cols], got shape ${formatShape(images.shape)}.`);
  }
  if (labels.shape.length !== 1 || labels.shape[0] !== images.shape[0]) {
    throw new Error(
      `${source}: ${split} has ${images.shape[0]} images but labels of shape ${formatShape(labels.shape)}; the files do not match.`,
    );
  }
}

/** Reads train/test images ([n, 28, 28] uint8) and labels ([n] uint8) from IDX(.gz) files. */
export function readIdxSplits(paths: IdxFiles<string>, source: string): TrainTestData {
  const train = { x: readIdxFile(paths.trainImages), y: readIdxFile(paths.trainLabels) };
  const test = { x: readIdxFile(paths.testImages), y: readIdxFile(paths.testLabels) };
  checkPair(train.x, train.y, 'train', source);
  checkPair(test.x, test.y, 'test', source);
  return { train, test };
}

/** An MNIST-format dataset that is downloaded (and verified) on first use. */
export interface DownloadedIdxLoader {
  readonly files: IdxFiles<RemoteFile>;
  load(options?: DownloadOptions): Promise<TrainTestData>;
}

export function downloadedIdxLoader(dataset: string, files: IdxFiles<RemoteFile>): DownloadedIdxLoader {
  return {
    files,
    async load(options: DownloadOptions = {}): Promise<TrainTestData> {
      const [trainImages, trainLabels, testImages, testLabels] = await fetchAllVerified(
        dataset,
        [files.trainImages, files.trainLabels, files.testImages, files.testLabels],
        options,
      );
      return readIdxSplits({ trainImages, trainLabels, testImages, testLabels }, dataset);
    },
  };
}
