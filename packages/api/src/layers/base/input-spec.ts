import { fmtShape } from '../../util/shape';
import type { SymShape } from './symbolic';

/** What a layer accepts for one input: a rank (exact or minimum) and fixed sizes on some axes. */
export interface InputSpec {
  ndim?: number;
  minNdim?: number;
  maxNdim?: number;
  /** axis (may be negative) -> required size */
  axes?: Record<number, number>;
}

/** Throws a definition-time error naming the layer, the expected and the given shape. */
export function assertInputCompatible(layerDesc: string, specs: InputSpec[] | null, shapes: SymShape[]): void {
  if (!specs) return;
  if (specs.length !== shapes.length && specs.length > 1) {
    throw new Error(`${layerDesc} expects ${specs.length} inputs but was given ${shapes.length}.`);
  }
  shapes.forEach((shape, i) => {
    const spec = specs.length === 1 ? specs[0]! : specs[i];
    if (!spec) return;
    const r = shape.length;
    const which = shapes.length > 1 ? `input ${i}` : 'its input';
    if (spec.ndim !== undefined && r !== spec.ndim) {
      throw new Error(`${layerDesc} expects ${which} of rank ${spec.ndim} (e.g. ${example(spec)}), but was given shape ${fmtShape(shape)} (rank ${r}).`);
    }
    if (spec.minNdim !== undefined && r < spec.minNdim) {
      throw new Error(`${layerDesc} expects ${which} of rank >= ${spec.minNdim}, but was given shape ${fmtShape(shape)} (rank ${r}).`);
    }
    if (spec.maxNdim !== undefined && r > spec.maxNdim) {
      throw new Error(`${layerDesc} expects ${which} of rank <= ${spec.maxNdim}, but was given shape ${fmtShape(shape)} (rank ${r}).`);
    }
    for (const [axStr, size] of Object.entries(spec.axes ?? {})) {
      const ax = Number(axStr);
      const a = ax < 0 ? r + ax : ax;
      const got = shape[a];
      if (got !== null && got !== undefined && got !== size) {
        throw new Error(
          `${layerDesc} expects ${which} with size ${size} on axis ${ax} (it was built for that), ` +
            `but was given shape ${fmtShape(shape)} (size ${got}).`,
        );
      }
    }
  });
}

function example(spec: InputSpec): string {
  const dims: Array<string> = Array.from({ length: spec.ndim ?? 2 }, (_, i) => (i === 0 ? 'null' : '…'));
  for (const [axStr, size] of Object.entries(spec.axes ?? {})) {
    const ax = Number(axStr);
    dims[ax < 0 ? dims.length + ax : ax] = String(size);
  }
  return `[${dims.join(',')}]`;
}
