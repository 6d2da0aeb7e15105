import type { KernelAttrs, KernelName } from '../backend/kernels';
import type { OutInfo } from '../backend/types';
import { ENGINE } from '../engine/engine';
import { Tensor } from '../tensor/tensor';

/**
 * The one path every primitive op takes: check inputs, run the backend kernel with the
 * output the api decided, wrap the handle, and let active tapes record the call.
 */
export function dispatch<K extends KernelName>(kernel: K, inputs: Tensor[], attrs: KernelAttrs<K>, out: OutInfo): Tensor {
  for (const x of inputs) x.assertAlive(kernel);
  const backend = ENGINE.backend();
  const impl = backend.kernels[kernel] as unknown as (i: Tensor[], a: unknown, o: OutInfo) => object;
  const dataId = impl(inputs, attrs, out);
  const result = new Tensor(dataId, out.shape, out.dtype, backend);
  for (const tape of ENGINE.tapes) tape.record(kernel, inputs, result, attrs);
  return result;
}
