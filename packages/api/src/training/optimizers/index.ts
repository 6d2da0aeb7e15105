// Optimizers, tfjs-style: `train.adam(0.01)` or `new Adam({ learningRate, amsgrad })`.
import type { LearningRate } from '../schedules/schedules';
import { Adadelta, type AdadeltaOptions } from './adadelta';
import { Adagrad, type AdagradOptions } from './adagrad';
import { Adam, AdamW, type AdamOptions } from './adam';
import { Adamax, type AdamaxOptions } from './adamax';
import { Lion, type LionOptions } from './lion';
import { Nadam, type NadamOptions } from './nadam';
import { RMSprop, type RMSpropOptions } from './rmsprop';
import { SGD, type SGDOptions } from './sgd';

export { Optimizer, type OptimizerOptions, type GradientList } from './optimizer';
export { clipGradients, type ClipOptions } from './clipping';
export { SGD, Adam, AdamW, Adamax, Nadam, RMSprop, Adagrad, Adadelta, Lion };
export type { SGDOptions, AdamOptions, AdamaxOptions, NadamOptions, RMSpropOptions, AdagradOptions, AdadeltaOptions, LionOptions };
export { getOptimizerFrom, optimizerNames } from './registry';
export * from '../schedules';

type Opts<T> = Omit<T, 'learningRate'>;
export const sgd = (learningRate?: LearningRate, o: Opts<SGDOptions> = {}) => new SGD({ ...o, learningRate });
/** tfjs' train.momentum(lr, momentum, useNesterov). */
export const momentum = (learningRate: LearningRate, m: number, useNesterov = false) =>
  new SGD({ learningRate, momentum: m, nesterov: useNesterov });
export const adam = (learningRate?: LearningRate, beta1?: number, beta2?: number, epsilon?: number, o: Opts<AdamOptions> = {}) =>
  new Adam({ ...o, learningRate, beta1, beta2, epsilon });
export const adamw = (learningRate?: LearningRate, o: Opts<AdamOptions> = {}) => new AdamW({ ...o, learningRate });
export const adamax = (learningRate?: LearningRate, beta1?: number, beta2?: number, epsilon?: number, o: Opts<AdamaxOptions> = {}) =>
  new Adamax({ ...o, learningRate, beta1, beta2, epsilon });
export const nadam = (learningRate?: LearningRate, o: Opts<NadamOptions> = {}) => new Nadam({ ...o, learningRate });
export const rmsprop = (learningRate?: LearningRate, rho?: number, m?: number, epsilon?: number, centered?: boolean, o: Opts<RMSpropOptions> = {}) =>
  new RMSprop({ ...o, learningRate, rho, momentum: m, epsilon, centered });
export const adagrad = (learningRate?: LearningRate, initialAccumulatorValue?: number, o: Opts<AdagradOptions> = {}) =>
  new Adagrad({ ...o, learningRate, initialAccumulatorValue });
export const adadelta = (learningRate?: LearningRate, rho?: number, epsilon?: number, o: Opts<AdadeltaOptions> = {}) =>
  new Adadelta({ ...o, learningRate, rho, epsilon });
export const lion = (learningRate?: LearningRate, o: Opts<LionOptions> = {}) => new Lion({ ...o, learningRate });
