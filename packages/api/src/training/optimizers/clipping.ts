import { tidy } from '../../engine/scope';
import type { Tensor } from '../../tensor/tensor';
import { clipByValue, div, maximum, mul, sqrt, square } from '../../ops/elementwise';
import { sum } from '../../ops/reduce';
import { add } from '../../ops/elementwise';

export interface ClipOptions {
  /** Rescale each gradient whose L2 norm exceeds this. */
  clipnorm?: number;
  /** Clip each gradient element to [-clipvalue, clipvalue]. */
  clipvalue?: number;
  /** Rescale all gradients together when their joint L2 norm exceeds this. */
  globalClipnorm?: number;
}

/** Keras 3 order: clipnorm, then clipvalue, then the global norm. */
export function clipGradients(grads: Tensor[], o: ClipOptions): Tensor[] {
  return tidy(() => {
    let g = grads;
    if (o.clipnorm !== undefined) {
      const c = o.clipnorm;
      g = g.map((x) => mul(x, div(c, maximum(sqrt(sum(square(x))), c))));
    }
    if (o.clipvalue !== undefined) g = g.map((x) => clipByValue(x, -o.clipvalue!, o.clipvalue!));
    if (o.globalClipnorm !== undefined && g.length > 0) {
      const c = o.globalClipnorm;
      const total = sqrt(g.map((x) => sum(square(x))).reduce((a, b) => add(a, b)));
      const scale = div(c, maximum(total, c));
      g = g.map((x) => mul(x, scale));
    }
    return g;
  });
}
