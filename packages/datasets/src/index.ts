// Types
export * from './types';

// Pipeline
export { Dataset, zip } from './pipeline/dataset';
export type { BatchOptions, ShuffleOptions, CacheOptions } from './pipeline/dataset';
export type { Batched, Unbatched } from './pipeline/stack';
export { stackElements, unstackElement } from './pipeline/stack';

// Sources
export { fromArrays, fromTensors } from './sources/arrays';
export { fromGenerator } from './sources/generator';
export type { GeneratorFactory } from './sources/generator';
export { fromCsv } from './sources/csv';
export type { CsvOptions, CsvColumnConfig, CsvDType, CsvValue, CsvRecord, CsvLabeledRecord } from './sources/csv';
export { fromImageDirectory } from './sources/image-directory';
export type { ImageDirectoryOptions, ImageElement, ImageDirectoryDataset } from './sources/image-directory';

// Utilities
export { toCategorical } from './utils/to-categorical';
export { trainTestSplit } from './utils/train-test-split';
export type { TrainTestSplitOptions } from './utils/train-test-split';
export { standardScaler, minMaxScaler } from './utils/scalers';
export type { Scaler, MinMaxScalerOptions } from './utils/scalers';
export { padSequences } from './utils/pad-sequences';
export type { PadSequencesOptions } from './utils/pad-sequences';
export { SeededRandom, permutation } from './random/seeded-random';

// Loaders
export { mnist } from './loaders/mnist';
export { fashionMnist } from './loaders/fashion-mnist';
export { iris } from './loaders/iris';
export type { IrisLoadOptions } from './loaders/iris';
export { bostonHousing } from './loaders/boston-housing';
export type { BostonHousingLoadOptions } from './loaders/boston-housing';
export { digits } from './loaders/digits';
export type { DigitsLoadOptions } from './loaders/digits';
export { cifar10, cifar100, CIFAR10_ARCHIVE, CIFAR100_ARCHIVE } from './loaders/cifar';
export type { CifarData, Cifar100LoadOptions } from './loaders/cifar';
export { imdb, IMDB_NPZ } from './loaders/imdb';
export type { ImdbLoadOptions, ImdbData, ImdbSplit } from './loaders/imdb';

// Downloads
export { fetchVerified, DownloadError } from './download/fetch-verified';
export type { RemoteFile, DownloadOptions } from './download/fetch-verified';
export { datasetsCacheDir } from './download/cache-dir';
