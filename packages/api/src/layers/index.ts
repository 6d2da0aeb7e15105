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
export { Conv1D, Conv2D, conv1d, conv2d } from './convolutional/conv';
export { Conv2DTranspose, conv2dTranspose } from './convolutional/conv2d-transpose';
export { DepthwiseConv2D, SeparableConv2D, depthwiseConv2d, separableConv2d } from './convolutional/depthwise-conv2d';
export {
  MaxPooling1D, MaxPooling2D, AveragePooling1D, AveragePooling2D, maxPooling1d, maxPooling2d, averagePooling1d, averagePooling2d,
} from './pooling/pooling';
export {
  GlobalMaxPooling1D, GlobalMaxPooling2D, GlobalAveragePooling1D, GlobalAveragePooling2D,
  globalMaxPooling1d, globalMaxPooling2d, globalAveragePooling1d, globalAveragePooling2d,
} from './pooling/global-pooling';
export { BatchNormalization, batchNormalization } from './normalization/batch-normalization';
export { LayerNormalization, layerNormalization } from './normalization/layer-normalization';
export { GaussianNoise, gaussianNoise } from './core/gaussian-noise';
export { Rescaling, rescaling } from './core/rescaling';
export { ZeroPadding2D, Cropping2D, UpSampling2D, zeroPadding2d, cropping2d, upSampling2d } from './reshaping/spatial-2d';
export {
  Merge, Add, Multiply, Maximum, Minimum, Average, Subtract,
  add_ as add, multiply, maximum_ as maximum, minimum_ as minimum, average, subtract,
} from './merging/merge';
export { Concatenate, concatenate } from './merging/concatenate';
export { Dot, dot } from './merging/dot';
// recurrent/, wrappers/, embedding/ and attention/ belong to the recurrent/attention engineer
export * from './recurrent';
export * from './wrappers';
export * from './embedding';
export * from './attention/multi-head-attention';
