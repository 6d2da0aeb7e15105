import { z } from 'zod';
import {
  activationOpt, constraintOpt, initializerOpt, posInt, rate01, regularizerOpt, resolveActivation, resolveConstraint,
  resolveInit, resolveReg, ser,
} from '../base/schemas';
import type { Initializer } from '../../initializers';
import type { Regularizer } from '../../regularizers';
import type { Constraint } from '../../constraints';
import type { Activation } from '../../activations';

/** Options every recurrent cell takes (tfjs-layers SimpleRNNCellLayerArgs). */
export const cellOptionsShape = {
  units: posInt,
  activation: activationOpt,
  useBias: z.boolean().optional(),
  kernelInitializer: initializerOpt,
  recurrentInitializer: initializerOpt,
  biasInitializer: initializerOpt,
  kernelRegularizer: regularizerOpt,
  recurrentRegularizer: regularizerOpt,
  biasRegularizer: regularizerOpt,
  kernelConstraint: constraintOpt,
  recurrentConstraint: constraintOpt,
  biasConstraint: constraintOpt,
  /** Fraction of the inputs dropped (training only); one mask for all steps. */
  dropout: rate01.optional(),
  /** Fraction of the previous output dropped where it enters the recurrent kernel (training only). */
  recurrentDropout: rate01.optional(),
};

/** LSTM and GRU also gate with a recurrent activation; tfjs-layers 4.x defaults it to hardSigmoid. */
export const gatedCellOptionsShape = {
  ...cellOptionsShape,
  recurrentActivation: activationOpt,
  /** Accepted for tfjs compatibility; Lamina always runs the fused (mode 2) formulation. */
  implementation: z.number().int().min(1).max(2).optional(),
};

type CellOptions = { [K in keyof typeof cellOptionsShape]?: unknown } & { units: number };

/** The resolved form of the options above: what a cell keeps. */
export interface ResolvedCellOptions {
  units: number;
  activation: Activation;
  useBias: boolean;
  kernelInitializer: Initializer; recurrentInitializer: Initializer; biasInitializer: Initializer;
  kernelRegularizer: Regularizer | null; recurrentRegularizer: Regularizer | null; biasRegularizer: Regularizer | null;
  kernelConstraint: Constraint | null; recurrentConstraint: Constraint | null; biasConstraint: Constraint | null;
  dropout: number; recurrentDropout: number;
}

/**
 * Defaults: tanh, glorotUniform kernel (Keras; tfjs-layers uses glorotNormal), orthogonal
 * recurrent kernel, zero bias.
 */
export function resolveCellOptions(c: z.output<z.ZodObject<typeof cellOptionsShape>>, where: string): ResolvedCellOptions {
  return {
    units: c.units,
    activation: resolveActivation(c.activation, where, 'tanh'),
    useBias: c.useBias ?? true,
    kernelInitializer: resolveInit(c.kernelInitializer, 'glorotUniform', where),
    recurrentInitializer: resolveInit(c.recurrentInitializer, 'orthogonal', where),
    biasInitializer: resolveInit(c.biasInitializer, 'zeros', where),
    kernelRegularizer: resolveReg(c.kernelRegularizer, where),
    recurrentRegularizer: resolveReg(c.recurrentRegularizer, where),
    biasRegularizer: resolveReg(c.biasRegularizer, where),
    kernelConstraint: resolveConstraint(c.kernelConstraint, where),
    recurrentConstraint: resolveConstraint(c.recurrentConstraint, where),
    biasConstraint: resolveConstraint(c.biasConstraint, where),
    dropout: c.dropout ?? 0,
    recurrentDropout: c.recurrentDropout ?? 0,
  };
}

export function serializeCellOptions(o: ResolvedCellOptions): Record<string, unknown> {
  return {
    units: o.units, activation: ser.activation(o.activation), useBias: o.useBias,
    kernelInitializer: ser.init(o.kernelInitializer), recurrentInitializer: ser.init(o.recurrentInitializer),
    biasInitializer: ser.init(o.biasInitializer),
    kernelRegularizer: ser.reg(o.kernelRegularizer), recurrentRegularizer: ser.reg(o.recurrentRegularizer),
    biasRegularizer: ser.reg(o.biasRegularizer),
    kernelConstraint: ser.constraint(o.kernelConstraint), recurrentConstraint: ser.constraint(o.recurrentConstraint),
    biasConstraint: ser.constraint(o.biasConstraint),
    dropout: o.dropout, recurrentDropout: o.recurrentDropout,
  };
}
export type { CellOptions };
