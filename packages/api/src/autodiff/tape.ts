import type { KernelName } from '../backend/kernels';
import type { Tensor } from '../tensor/tensor';

/** One recorded kernel call: enough to apply its gradient rule later. */
export interface TapeNode {
  kernel: KernelName | 'customGrad';
  inputs: Tensor[];
  output: Tensor;
  attrs: unknown;
  /** customGrad's rule, used instead of the kernel's. */
  custom?: (dy: Tensor, inputs: Tensor[], y: Tensor) => Array<Tensor | null>;
}

/**
 * Records kernel calls whose inputs depend on a watched tensor. Only those are kept, so
 * work that does not lead from a source pays nothing and saves nothing.
 */
export class Tape {
  readonly nodes: TapeNode[] = [];
  private readonly dependsOnSource = new Set<number>();
  private readonly savedTensors = new Set<Tensor>();
  recording = true;

  watch(t: Tensor): void {
    this.dependsOnSource.add(t.id);
    this.savedTensors.add(t);
  }

  isWatched(t: Tensor): boolean {
    return this.dependsOnSource.has(t.id);
  }

  saves(t: Tensor): boolean {
    return this.savedTensors.has(t);
  }

  record(kernel: KernelName | 'customGrad', inputs: Tensor[], output: Tensor, attrs: unknown, custom?: TapeNode['custom']): void {
    if (!this.recording || !inputs.some((x) => this.dependsOnSource.has(x.id))) return;
    this.dependsOnSource.add(output.id);
    for (const x of inputs) this.savedTensors.add(x);
    this.savedTensors.add(output);
    this.nodes.push({ kernel, inputs, output, attrs, custom });
  }

  /** Saved tensors the user disposed while the tape held them: free them now. */
  release(): void {
    for (const t of this.savedTensors) if (t.isDisposed && !t.isFreed) t.free();
    this.savedTensors.clear();
    this.nodes.length = 0;
  }
}
