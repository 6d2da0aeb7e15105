// The functions a model's compile/fit/evaluate/predict delegate to.
export { compileModel } from './compile';
export type { CompileArgs } from './compile-args';
export { fitModel, type FitArgs } from './fit';
export { fitDatasetModel, evaluateDatasetModel, type FitDatasetArgs, type EvaluateDatasetArgs, type BatchDataset, type DatasetBatch } from './fit-dataset';
export { evaluateModel, type EvaluateArgs } from './evaluate';
export { predictModel, predictOnBatchModel, type PredictArgs } from './predict';
export { trainOnBatchModel } from './train-on-batch';
export { getOptimizer, isCompiled, metricsNames } from './state';
export type { ModelData, DataValue, ArrayTensorLike } from './data';
