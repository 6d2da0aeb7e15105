// Public surface of models/: sequential and functional models, input(), loading from JSON.
import type { Layer } from '../layers/base/layer';
import { deserializeLayer } from '../layers/base/serialization';
import { LayersModel } from './layers-model';
import { parseTopology } from './model-config';

export { LayersModel, model, type ModelArgs } from './layers-model';
export { Sequential, sequential, type SequentialArgs } from './sequential';
export { InputLayer, input, type InputArgs, type InputLayerArgs } from './input-layer';
export { SymbolicTensor } from '../layers/base/symbolic';

/** Rebuild a model (fresh weights) from `model.toJSON()`. Register custom layers first. */
export function modelFromJSON(json: string | Record<string, unknown>): LayersModel {
  const spec = parseTopology(json);
  const m: Layer = deserializeLayer(spec);
  if (!(m instanceof LayersModel)) throw new Error(`modelFromJSON: the topology describes a '${spec.className}', not a model.`);
  return m;
}
export { registerLayer, serialization, Layer } from '../layers';
