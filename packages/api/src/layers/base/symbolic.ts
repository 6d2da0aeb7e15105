import type { DType } from '../../backend/types';
import { fmtShape } from '../../util/shape';
import type { Layer } from './layer';

/** A shape with null for sizes unknown until run time (the batch, free sequence lengths). */
export type SymShape = Array<number | null>;

let nextSymbolicId = 0;

/**
 * A placeholder in a functional graph: shape and dtype are known, values are not. Produced by
 * `input()` and by calling a layer on symbolic tensors; `node` records which call made it.
 */
export class SymbolicTensor {
  readonly id = nextSymbolicId++;
  constructor(
    readonly shape: SymShape,
    readonly dtype: DType,
    readonly node: Node,
    readonly tensorIndex: number,
    readonly name: string,
  ) {}

  get rank(): number {
    return this.shape.length;
  }

  get sourceLayer(): Layer {
    return this.node.layer;
  }

  toString(): string {
    return `SymbolicTensor(${this.name}, shape ${fmtShape(this.shape)}, ${this.dtype})`;
  }
}

/** One call of a layer in a graph: which symbolic tensors went in, which came out. */
export class Node {
  outputs: SymbolicTensor[] = [];
  constructor(
    readonly layer: Layer,
    readonly inputs: SymbolicTensor[],
    /** Whether the layer was given a list (so it is called with a list again). */
    readonly inputsWereList: boolean,
    /** Extra call options recorded with the call (other than `training`). */
    readonly callArgs: Record<string, unknown>,
  ) {}

  /** Index of this node in its layer's inbound nodes. */
  get index(): number {
    return this.layer.inboundNodes.indexOf(this);
  }
}

export function isSymbolic(x: unknown): x is SymbolicTensor {
  return x instanceof SymbolicTensor;
}
