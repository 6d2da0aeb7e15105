import type { Backend } from '../backend/backend';
import { getBackend } from '../backend/registry';
import type { DataArray, DataId, DType, Shape } from '../backend/types';
import { bytesPerElement } from '../backend/types';
import type { Tensor } from '../tensor/tensor';
import type { Tape } from '../autodiff/tape';

/**
 * Process-wide bookkeeping: live tensors, tidy scopes and active gradient tapes.
 * The Tensor class and dispatch talk to it; nothing else should.
 */
class Engine {
  private nextId = 0;
  numTensors = 0;
  numBytes = 0;
  /** Tensors created in each open tidy scope, innermost last. */
  readonly scopes: Array<Set<Tensor>> = [];
  /** Active gradient tapes, innermost last. */
  readonly tapes: Tape[] = [];
  /** > 0 while a backward pass runs: only then may it read tensors disposed while a tape saved them. */
  backwardDepth = 0;

  backend(): Backend {
    return getBackend();
  }

  newId(): number {
    return this.nextId++;
  }

  /** Called by the Tensor constructor. */
  onCreate(t: Tensor): void {
    this.numTensors++;
    this.numBytes += t.size * bytesPerElement(t.dtype);
    this.scopes[this.scopes.length - 1]?.add(t);
  }

  /** Called when a tensor's data is really freed. */
  onFree(t: Tensor): void {
    this.numTensors--;
    this.numBytes -= t.size * bytesPerElement(t.dtype);
  }

  /** True when some active tape still needs this tensor's data for the backward pass. */
  isSaved(t: Tensor): boolean {
    for (const tape of this.tapes) if (tape.saves(t)) return true;
    return false;
  }

  /** Remove from every open scope, so tidy will not dispose it. */
  untrack(t: Tensor): void {
    for (const s of this.scopes) s.delete(t);
  }

  write(values: DataArray, shape: Shape, dtype: DType): DataId {
    return this.backend().write(values, shape, dtype);
  }
}

export const ENGINE = new Engine();
