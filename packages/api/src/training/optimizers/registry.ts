import { nameKey, unknownName } from '../names';
import { Adadelta } from './adadelta';
import { Adagrad } from './adagrad';
import { Adam, AdamW } from './adam';
import { Adamax } from './adamax';
import { Lion } from './lion';
import { Nadam } from './nadam';
import { Optimizer } from './optimizer';
import { RMSprop } from './rmsprop';
import { SGD } from './sgd';

const OPTIMIZERS: Record<string, () => Optimizer> = {
  sgd: () => new SGD(), adam: () => new Adam(), adamw: () => new AdamW(), adamax: () => new Adamax(),
  nadam: () => new Nadam(), rmsprop: () => new RMSprop(), adagrad: () => new Adagrad(),
  adadelta: () => new Adadelta(), lion: () => new Lion(),
};

export const optimizerNames = (): string[] => Object.keys(OPTIMIZERS);

/** An optimizer from a name (defaults as Keras 3) or an Optimizer object. */
export function getOptimizerFrom(id: string | Optimizer): Optimizer {
  if (id instanceof Optimizer) return id;
  const make = OPTIMIZERS[nameKey(id)];
  if (!make) throw unknownName('optimizer', id, optimizerNames());
  return make();
}
