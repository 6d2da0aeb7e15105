import { Initializer, type ClassConfig } from './initializer';
import {
  Constant, GlorotNormal, GlorotUniform, HeNormal, HeUniform, LecunNormal, LecunUniform, Ones, RandomNormal,
  RandomUniform, TruncatedNormal, VarianceScaling, Zeros, type Distribution, type FanMode,
} from './basic';
import { Orthogonal } from './orthogonal';
import { lookupByName } from './lookup';

export { Initializer, type ClassConfig } from './initializer';
export {
  Constant, GlorotNormal, GlorotUniform, HeNormal, HeUniform, LecunNormal, LecunUniform, Ones, RandomNormal,
  RandomUniform, TruncatedNormal, VarianceScaling, Zeros, Orthogonal,
};

type Seed = { seed?: number };
export const zeros = (): Initializer => new Zeros();
export const ones = (): Initializer => new Ones();
export const constant = (a: { value: number }): Initializer => new Constant(a.value);
export const randomUniform = (a: { minval?: number; maxval?: number } & Seed = {}): Initializer => new RandomUniform(a.minval, a.maxval, a.seed);
export const randomNormal = (a: { mean?: number; stddev?: number } & Seed = {}): Initializer => new RandomNormal(a.mean, a.stddev, a.seed);
export const truncatedNormal = (a: { mean?: number; stddev?: number } & Seed = {}): Initializer => new TruncatedNormal(a.mean, a.stddev, a.seed);
export const varianceScaling = (a: { scale?: number; mode?: FanMode; distribution?: Distribution } & Seed = {}): Initializer =>
  new VarianceScaling(a.scale, a.mode, a.distribution, a.seed);
export const glorotUniform = (a: Seed = {}): Initializer => new GlorotUniform(a.seed);
export const glorotNormal = (a: Seed = {}): Initializer => new GlorotNormal(a.seed);
export const heUniform = (a: Seed = {}): Initializer => new HeUniform(a.seed);
export const heNormal = (a: Seed = {}): Initializer => new HeNormal(a.seed);
export const lecunUniform = (a: Seed = {}): Initializer => new LecunUniform(a.seed);
export const lecunNormal = (a: Seed = {}): Initializer => new LecunNormal(a.seed);
export const orthogonal = (a: { gain?: number } & Seed = {}): Initializer => new Orthogonal(a.gain, a.seed);

const seedOf = (c: Record<string, unknown>): number | undefined => (typeof c['seed'] === 'number' ? c['seed'] : undefined);
const num = (c: Record<string, unknown>, k: string): number | undefined => (typeof c[k] === 'number' ? (c[k] as number) : undefined);

/** className -> constructor from a config; also the names accepted as strings. */
const fromConfig: Record<string, (c: Record<string, unknown>) => Initializer> = {
  Zeros: () => new Zeros(),
  Ones: () => new Ones(),
  Constant: (c) => new Constant(num(c, 'value') ?? 0),
  RandomUniform: (c) => new RandomUniform(num(c, 'minval'), num(c, 'maxval'), seedOf(c)),
  RandomNormal: (c) => new RandomNormal(num(c, 'mean'), num(c, 'stddev'), seedOf(c)),
  TruncatedNormal: (c) => new TruncatedNormal(num(c, 'mean'), num(c, 'stddev'), seedOf(c)),
  VarianceScaling: (c) => new VarianceScaling(num(c, 'scale'), c['mode'] as FanMode | undefined, c['distribution'] as Distribution | undefined, seedOf(c)),
  GlorotUniform: (c) => new GlorotUniform(seedOf(c)),
  GlorotNormal: (c) => new GlorotNormal(seedOf(c)),
  HeUniform: (c) => new HeUniform(seedOf(c)),
  HeNormal: (c) => new HeNormal(seedOf(c)),
  LecunUniform: (c) => new LecunUniform(seedOf(c)),
  LecunNormal: (c) => new LecunNormal(seedOf(c)),
  Orthogonal: (c) => new Orthogonal(num(c, 'gain'), seedOf(c)),
};

export type InitializerIdentifier = string | Initializer | ClassConfig;

/** By name ('glorotUniform', 'glorot_uniform', 'GlorotUniform'), instance, or {className, config}. */
export function getInitializer(id: InitializerIdentifier, where = 'initializer'): Initializer {
  if (id instanceof Initializer) return id;
  if (typeof id === 'string') return lookupByName(fromConfig, id, where, 'initializer')({});
  const make = lookupByName(fromConfig, id.className, where, 'initializer');
  return make(id.config ?? {});
}

export function serializeInitializer(init: Initializer): ClassConfig {
  return { className: init.className, config: init.getConfig() };
}

/** Let custom initializers round-trip through configs. */
export function registerInitializer(className: string, make: (config: Record<string, unknown>) => Initializer): void {
  fromConfig[className] = make;
}
