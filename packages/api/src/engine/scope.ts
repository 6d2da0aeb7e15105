import type { Tensor } from '../tensor/tensor';
import { ENGINE } from './engine';

/** Anything tidy can return: tensors nested in arrays and plain objects. */
export type TensorContainer = void | Tensor | string | number | boolean | null | undefined
  | TensorContainer[] | { [key: string]: TensorContainer };

function isTensor(x: unknown): x is Tensor {
  return typeof x === 'object' && x !== null && 'dataId' in x && 'shape' in x && 'dtype' in x;
}

/** Every tensor inside a container. */
export function tensorsIn(x: unknown, out: Tensor[] = []): Tensor[] {
  if (isTensor(x)) out.push(x);
  else if (Array.isArray(x)) for (const v of x) tensorsIn(v, out);
  else if (x && typeof x === 'object' && Object.getPrototypeOf(x) === Object.prototype) {
    for (const v of Object.values(x)) tensorsIn(v, out);
  }
  return out;
}

/**
 * Runs `fn` and disposes every tensor it created, except those it returns and those kept.
 * Returned tensors move to the enclosing scope.
 */
export function tidy<T extends TensorContainer>(fn: () => T): T;
export function tidy<T extends TensorContainer>(name: string, fn: () => T): T;
export function tidy<T extends TensorContainer>(a: string | (() => T), b?: () => T): T {
  const fn = typeof a === 'function' ? a : b!;
  const scope = new Set<Tensor>();
  ENGINE.scopes.push(scope);
  let result: T;
  try {
    result = fn();
    if (result instanceof Promise) {
      throw new Error('tidy() cannot take an async function: tensors would be freed before the promise settles. Use await outside tidy.');
    }
  } catch (e) {
    // a failed computation must not leak what it made before failing
    ENGINE.scopes.pop();
    for (const t of scope) if (!t.kept) t.dispose();
    throw e;
  }
  ENGINE.scopes.pop();
  const keepOut = new Set(tensorsIn(result));
  const parent = ENGINE.scopes[ENGINE.scopes.length - 1];
  for (const t of scope) {
    if (keepOut.has(t)) parent?.add(t);
    else if (!t.kept) t.dispose();
  }
  return result;
}

/** Exclude `t` from every tidy scope; the caller disposes it. */
export function keep<T extends Tensor>(t: T): T {
  t.kept = true;
  ENGINE.untrack(t);
  return t;
}

/** Dispose every tensor in a container. */
export function dispose(x: TensorContainer | Tensor[]): void {
  for (const t of tensorsIn(x)) t.dispose();
}

export interface MemoryInfo {
  /** Live api tensors. */
  numTensors: number;
  numBytes: number;
  /** Live handles in the active backend (equal to numTensors when nothing leaks). */
  numDataHandles: number;
  backend: string;
}

export function memory(): MemoryInfo {
  const b = ENGINE.backend();
  return { numTensors: ENGINE.numTensors, numBytes: ENGINE.numBytes, numDataHandles: b.numHandles(), backend: b.name };
}
