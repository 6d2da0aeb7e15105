// Public surface of training/: what LayersModel delegates to, plus losses, optimizers, metrics, callbacks.
export type { TrainableModel } from './model-contract';
export * from './loop';
export { History } from './callbacks/history';
export { Callback } from './callbacks/callback';
export { Optimizer } from './optimizers/optimizer';
export { Loss } from './losses/loss';
export { Metric } from './metrics/metric';
