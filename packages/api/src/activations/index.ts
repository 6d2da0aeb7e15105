import { tidy } from '../engine/scope';
import type { Tensor } from '../tensor/tensor';
import * as ew from '../ops/elementwise';
import * as act from '../ops/activations';

/** An activation by name, as tfjs-layers spells them; serialized by that name. */
export interface Activation {
  readonly name: string;
  apply(x: Tensor): Tensor;
}

const table: Record<string, (x: Tensor) => Tensor> = {
  // a new handle, so a layer's output never aliases its input
  linear: (x) => x.clone(),
  relu: ew.relu,
  relu6: ew.relu6,
  elu: ew.elu,
  selu: ew.selu,
  sigmoid: ew.sigmoid,
  // tfjs-layers / Keras 2: clip(0.2x + 0.5, 0, 1) (not Keras 3's relu6(x+3)/6)
  hardSigmoid: (x) => tidy(() => ew.clipByValue(ew.add(ew.mul(x, 0.2), 0.5), 0, 1)),
  tanh: ew.tanh,
  softmax: (x) => act.softmax(x, -1),
  logSoftmax: (x) => act.logSoftmax(x, -1),
  softplus: ew.softplus,
  softsign: act.softsign,
  swish: (x) => act.swish(x),
  mish: act.mish,
  gelu: (x) => act.gelu(x, false),
  gelu_new: (x) => act.gelu(x, true),
  leakyRelu: (x) => act.leakyRelu(x, 0.2),
};

/** snake_case (Keras) spellings map to the tfjs names. */
const aliases: Record<string, string> = {
  hard_sigmoid: 'hardSigmoid', log_softmax: 'logSoftmax', leaky_relu: 'leakyRelu', silu: 'swish',
};

export const activationNames = Object.keys(table);

export function getActivation(id: string | Activation | undefined | null, where = 'activation'): Activation {
  if (id === undefined || id === null) return getActivation('linear');
  if (typeof id === 'object') return id;
  const name = aliases[id] ?? id;
  const fn = table[name];
  if (!fn) throw new Error(`${where}: unknown activation '${id}'; expected one of ${activationNames.map((n) => `'${n}'`).join(', ')}.`);
  return { name, apply: fn };
}

export function serializeActivation(a: Activation): string {
  return a.name;
}

/** Register a custom activation so layers accept it by name (and configs round-trip). */
export function registerActivation(name: string, fn: (x: Tensor) => Tensor): void {
  table[name] = fn;
  activationNames.push(name);
}
