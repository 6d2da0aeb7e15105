import type { Tensor } from '../tensor/tensor';
import type { Variable } from '../tensor/variable';

/**
 * What the training loop needs from a model. LayersModel (models/) implements it; training
 * code (compile, fit, evaluate, predict) depends only on this, so either side can change.
 */
export interface TrainableModel {
  readonly name: string;
  /** Names and symbolic shapes (null = any size, e.g. the batch) of inputs and outputs, in order. */
  readonly inputNames: string[];
  readonly outputNames: string[];
  readonly inputShapes: Array<Array<number | null>>;
  readonly outputShapes: Array<Array<number | null>>;
  /** Concrete forward pass; `training` reaches every layer (dropout, batch norm, noise). */
  apply(inputs: Tensor[], opts: { training: boolean }): Tensor[];
  /** Variables updated by the optimizer (frozen layers' weights are not listed). */
  readonly trainableWeights: Variable[];
  readonly nonTrainableWeights: Variable[];
  /** Weight-regularization penalties, computed fresh each call (so they are on the gradient tape). */
  regularizationLosses(): Tensor[];
  /** Project constrained weights (maxNorm, nonNeg, ...) after each optimizer step. */
  applyConstraints?(): void;
  /** Set by callbacks to end fit after the current batch. */
  stopTraining: boolean;
  getWeights(): Tensor[];
  setWeights(weights: Tensor[]): void;
}
