import { z } from 'zod';
import { Initializer, getInitializer, serializeInitializer, type InitializerIdentifier, type ClassConfig } from '../../initializers';
import { Regularizer, getRegularizer, serializeRegularizer, type RegularizerIdentifier } from '../../regularizers';
import { Constraint, getConstraint, serializeConstraint, type ConstraintIdentifier } from '../../constraints';
import { getActivation, serializeActivation, type Activation } from '../../activations';

/** zod pieces shared by the layer option schemas. */
const classConfig = z.object({ className: z.string(), config: z.record(z.unknown()) });
const activationObj = z.custom<Activation>((v) => !!v && typeof v === 'object' && typeof (v as Activation).apply === 'function', 'expected an activation name or {name, apply}');
export const activationOpt = z.union([z.string(), activationObj]).nullable().optional();
export const initializerOpt = z.union([z.string(), z.instanceof(Initializer), classConfig]).optional();
export const regularizerOpt = z.union([z.string(), z.instanceof(Regularizer), classConfig]).nullable().optional();
export const constraintOpt = z.union([z.string(), z.instanceof(Constraint), classConfig]).nullable().optional();
export const posInt = z.number().int().positive();

/** The kernel/bias options of every layer with a kernel and a bias (dense, conv, attention). */
export const kernelBiasOptions = {
  useBias: z.boolean().optional(),
  kernelInitializer: initializerOpt,
  biasInitializer: initializerOpt,
  kernelRegularizer: regularizerOpt,
  biasRegularizer: regularizerOpt,
  kernelConstraint: constraintOpt,
  biasConstraint: constraintOpt,
};
export const nonNegInt = z.number().int().nonnegative();
export const intPair = z.union([posInt, z.tuple([posInt, posInt])]);
export const paddingOpt = z.enum(['valid', 'same']).optional();
export const rate01 = z.number().min(0).max(1);
export const dataFormatOpt = z.literal('channelsLast').optional();

export const toPair = (v: number | [number, number]): [number, number] => (typeof v === 'number' ? [v, v] : v);

export const resolveActivation = (a: string | Activation | null | undefined, where: string, dflt = 'linear'): Activation =>
  getActivation(a === undefined ? dflt : a, where);
export const resolveInit = (i: InitializerIdentifier | undefined, dflt: InitializerIdentifier, where: string): Initializer =>
  getInitializer(i ?? dflt, where);
export const resolveReg = (r: RegularizerIdentifier | null | undefined, where: string): Regularizer | null =>
  r === undefined || r === null ? null : getRegularizer(r, where);
export const resolveConstraint = (c: ConstraintIdentifier | null | undefined, where: string): Constraint | null =>
  c === undefined || c === null ? null : getConstraint(c, where);

export const ser = {
  activation: (a: Activation): string => serializeActivation(a),
  init: (i: Initializer): ClassConfig => serializeInitializer(i),
  reg: (r: Regularizer | null): ClassConfig | null => (r ? serializeRegularizer(r) : null),
  constraint: (c: Constraint | null): ClassConfig | null => (c ? serializeConstraint(c) : null),
};
