// Public surface of layers/: the Layer base class, registration, and one factory per layer.
export { Layer, baseLayerSchema, type CallArgs, type LayerArgs } from './base/layer';
export { SymbolicTensor, Node, type SymShape } from './base/symbolic';
export type { InputSpec } from './base/input-spec';
export { registerLayer, registerClass, deserializeLayer, serializeLayer } from './base/serialization';
export * as serialization from './serialization-namespace';
export { validateConfig } from './validate-config';
export { InputLayer } from '../models/input-layer';
export { inputLayer } from './input-layer-factory';

export { Dense, dense, type DenseArgs } from './core/dense';
export { ActivationLayer as Activation, activation, type ActivationArgs } from './core/activation';
export { Dropout, SpatialDropout1D, SpatialDropout2D, dropout, spatialDropout1d, spatialDropout2d } from './core/dropout';
export { Flatten, flatten } from './reshaping/flatten';
export { Reshape, reshape } from './reshaping/reshape';
export { Permute, permute } from './reshaping/permute';
export { RepeatVector, repeatVector } from './reshaping/repeat-vector';
