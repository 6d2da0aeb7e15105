// Public surface of @lamina/api.
import './ops/chain';

export * from './backend/types';
export * from './backend/kernels';
export * from './backend/backend';
export { registerBackend, registeredBackends, setBackend, getBackend } from './backend/registry';

export { Tensor, type NestedArray } from './tensor/tensor';
export { Variable, variable } from './tensor/variable';
export {
  tensor, scalar, tensor1d, fill, zeros, ones, zerosLike, onesLike, range, linspace, eye,
  randomUniform, randomNormal, truncatedNormal, makeTensor, type TensorLike,
} from './tensor/create';
export { tidy, keep, dispose, memory, type MemoryInfo, type TensorContainer } from './engine/scope';
export { setSeed, Random } from './util/random';
export * from './util/shape';

export * from './ops';

export { grad, grads, valueAndGrad, valueAndGrads, variableGrads, customGrad, type CustomGradFn } from './autodiff/grad';
export { stopGradient } from './autodiff/stop-gradient';
export * as layers from './layers';
export { sequential, model, input, modelFromJSON, LayersModel, Sequential, SymbolicTensor, InputLayer, registerLayer, serialization, Layer } from './models';
export * as initializers from './initializers';
export * as regularizers from './regularizers';
export * as constraints from './constraints';
export * as activations from './activations';
export * as losses from './training/losses';
export * as train from './training/optimizers';
export * as metrics from './training/metrics';
export * as callbacks from './training/callbacks';
