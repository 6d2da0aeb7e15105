// Learning-rate schedules (Keras 3 formulas) and tfjs-style factory functions.
import * as S from './schedules';
export * from './schedules';

export const exponentialDecay = (c: S.ExponentialDecayConfig) => new S.ExponentialDecay(c);
export const piecewiseConstantDecay = (c: S.PiecewiseConstantDecayConfig) => new S.PiecewiseConstantDecay(c);
export const polynomialDecay = (c: S.PolynomialDecayConfig) => new S.PolynomialDecay(c);
export const inverseTimeDecay = (c: S.InverseTimeDecayConfig) => new S.InverseTimeDecay(c);
export const cosineDecay = (c: S.CosineDecayConfig) => new S.CosineDecay(c);
export const cosineDecayRestarts = (c: S.CosineDecayRestartsConfig) => new S.CosineDecayRestarts(c);
