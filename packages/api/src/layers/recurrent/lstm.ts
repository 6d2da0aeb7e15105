import { z } from 'zod';
import type { DType } from '../../backend/types';
import type { Tensor } from '../../tensor/tensor';
import { concat, split } from '../../ops/movement';
import { add, mul } from '../../ops/elementwise';
import { matMul } from '../../ops/linalg';
import { ones } from '../../tensor/create';
import { Initializer } from '../../initializers';
import { registerClass } from '../base/serialization';
import { activationOpt, resolveActivation, ser } from '../base/schemas';
import { validateConfig } from '../validate-config';
import { RecurrentBase, recurrentSchema } from './recurrent-base';

const schema = recurrentSchema.extend({ recurrentActivation: activationOpt, unitForgetBias: z.boolean().optional() }).strict();
export type LSTMArgs = z.input<typeof schema>;

/** Bias of ones on the forget gate block, the given initializer elsewhere (Jozefowicz et al.). */
class UnitForgetBias extends Initializer {
  readonly className = 'UnitForgetBias';
  constructor(private readonly base: Initializer, private readonly units: number) {
    super();
  }
  apply(shape: number[], dtype: DType = 'float32'): Tensor {
    const u = this.units;
    return concat([this.base.apply([u], dtype), ones([u], dtype), this.base.apply([2 * u], dtype)], 0);
  }
}

/**
 * Long short-term memory; kernels [in, 4u] and [u, 4u] in gate order i, f, c, o (tfjs-layers).
 * recurrentActivation defaults to tfjs-layers' 'hardSigmoid'.
 */
export class LSTM extends RecurrentBase {
  static override className = 'LSTM';
  protected readonly gates = 4;
  protected readonly stateCount = 2;
  readonly recurrentActivation;
  readonly unitForgetBias: boolean;
  constructor(args: LSTMArgs) {
    const c = validateConfig('lstm', schema, args);
    super(c);
    this.recurrentActivation = resolveActivation(c.recurrentActivation, this.desc, 'hardSigmoid');
    this.unitForgetBias = c.unitForgetBias ?? true;
  }
  protected override biasInitializerFor(): Initializer {
    return this.unitForgetBias ? new UnitForgetBias(this.biasInitializer, this.units) : this.biasInitializer;
  }
  protected step(xw: Tensor, [h, c]: Tensor[]): Tensor[] {
    const z = add(xw, matMul(h!, this.recurrentKernel));
    const [zi, zf, zc, zo] = split(z, 4, 1) as [Tensor, Tensor, Tensor, Tensor];
    const ra = this.recurrentActivation;
    const cNext = add(mul(ra.apply(zf), c!), mul(ra.apply(zi), this.activation.apply(zc)));
    const hNext = mul(ra.apply(zo), this.activation.apply(cNext));
    return [hNext, cNext];
  }
  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), recurrentActivation: ser.activation(this.recurrentActivation), unitForgetBias: this.unitForgetBias };
  }
}
registerClass(LSTM);

export const lstm = (args: LSTMArgs): LSTM => new LSTM(args);
