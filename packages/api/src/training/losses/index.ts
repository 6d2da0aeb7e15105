// Losses: per-sample functions (camelCase), Keras-style classes (PascalCase) and the name registry.
export * from './regression';
export * from './probabilistic';
export * from './margin';
export * from './classes';
export { Loss, reduceLoss, type LossFn, type Reduction } from './loss';
export { getLoss, lossNames, type LossIdentifier } from './registry';
export { EPSILON } from './util';
