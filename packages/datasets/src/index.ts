export * from './types';
export { Dataset, zip } from './pipeline/dataset';
export type { BatchOptions, ShuffleOptions, CacheOptions } from './pipeline/dataset';
export type { Batched, Unbatched } from './pipeline/stack';
export { stackElements, unstackElement } from './pipeline/stack';
