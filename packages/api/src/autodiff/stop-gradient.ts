import { ENGINE } from '../engine/engine';
import type { Tensor } from '../tensor/tensor';
import { dispatch } from '../ops/dispatch';

/** The same values, with no gradient flowing back through them. */
export function stopGradient(x: Tensor): Tensor {
  const paused = ENGINE.tapes.filter((t) => t.recording);
  for (const t of paused) t.recording = false;
  try {
    return dispatch('reshape', [x], { shape: x.shape }, { shape: x.shape, dtype: x.dtype });
  } finally {
    for (const t of paused) t.recording = true;
  }
}
