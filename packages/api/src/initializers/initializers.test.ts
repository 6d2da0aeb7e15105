import '@lamina/backend-cpu';
import * as init from './index';
import { getInitializer, serializeInitializer } from './index';

const values = (i: init.Initializer, shape: number[]): number[] => {
  const t = i.apply(shape);
  const v = Array.from(t.dataSync());
  t.dispose();
  return v;
};
const std = (v: number[]): number => {
  const m = v.reduce((a, b) => a + b, 0) / v.length;
  return Math.sqrt(v.reduce((a, b) => a + (b - m) ** 2, 0) / v.length);
};

describe('initializers', () => {
  test('variance scaling family: limits and spreads follow the fan rules', () => {
    const [fanIn, fanOut] = [60, 40];
    const gu = values(init.glorotUniform({ seed: 1 }), [fanIn, fanOut]);
    const limit = Math.sqrt(6 / (fanIn + fanOut));
    expect(Math.max(...gu.map(Math.abs))).toBeLessThanOrEqual(limit);
    expect(std(gu)).toBeCloseTo(limit / Math.sqrt(3), 2);
    const hn = values(init.heNormal({ seed: 2 }), [fanIn, fanOut]);
    expect(std(hn)).toBeGreaterThan(Math.sqrt(2 / fanIn) * 0.9);
    expect(std(hn)).toBeLessThan(Math.sqrt(2 / fanIn) * 1.1);
    // truncated at 2 stddev of the untruncated normal
    expect(Math.max(...hn.map(Math.abs))).toBeLessThanOrEqual(2 * Math.sqrt(2 / fanIn) / 0.87962566103423978 + 1e-6);
    const lu = values(init.lecunUniform({ seed: 3 }), [3, 3, 4, 8]); // conv: fanIn = 3*3*4
    expect(Math.max(...lu.map(Math.abs))).toBeLessThanOrEqual(Math.sqrt(3 / 36));
    expect(Math.max(...lu.map(Math.abs))).toBeGreaterThan(Math.sqrt(3 / 36) * 0.9);
  });

  test('seeded initializers repeat; unseeded ones differ', () => {
    expect(values(init.glorotNormal({ seed: 5 }), [4, 4])).toEqual(values(init.glorotNormal({ seed: 5 }), [4, 4]));
    const u = init.randomUniform({ minval: 2, maxval: 3 });
    const a = values(u, [50]);
    expect(a.every((v) => v >= 2 && v < 3)).toBe(true);
    expect(values(u, [50])).not.toEqual(a);
    const tn = values(init.truncatedNormal({ mean: 1, stddev: 0.1, seed: 1 }), [500]);
    expect(tn.every((v) => Math.abs(v - 1) <= 0.2 + 1e-6)).toBe(true);
    const rn = values(init.randomNormal({ mean: -1, stddev: 0.5, seed: 1 }), [2000]);
    expect(std(rn)).toBeCloseTo(0.5, 1);
  });

  test('constant, zeros, ones', () => {
    expect(values(init.constant({ value: 2.5 }), [3])).toEqual([2.5, 2.5, 2.5]);
    expect(values(init.zeros(), [2])).toEqual([0, 0]);
    expect(values(init.ones(), [2])).toEqual([1, 1]);
  });

  test('orthogonal: columns (or rows) are orthonormal, times gain', () => {
    for (const [r, c] of [[6, 4], [3, 8]] as const) {
      const v = values(init.orthogonal({ gain: 2, seed: 4 }), [r, c]);
      const small = Math.min(r, c);
      for (let i = 0; i < small; i++) for (let j = 0; j < small; j++) {
        let s = 0;
        for (let k = 0; k < Math.max(r, c); k++) s += r >= c ? v[k * c + i]! * v[k * c + j]! : v[i * c + k]! * v[j * c + k]!;
        expect(s).toBeCloseTo(i === j ? 4 : 0, 4);
      }
    }
  });

  test('by name (camelCase, snake_case), by object, and by config round trip', () => {
    expect(getInitializer('glorot_uniform').className).toBe('GlorotUniform');
    expect(getInitializer('heNormal').className).toBe('HeNormal');
    const vs = init.varianceScaling({ scale: 2, mode: 'fanOut', distribution: 'uniform', seed: 9 });
    const again = getInitializer(serializeInitializer(vs));
    expect(values(again, [5, 5])).toEqual(values(vs, [5, 5]));
    expect(() => getInitializer('glorotUnicorn', 'dense')).toThrow(/dense: unknown initializer 'glorotUnicorn'.*'glorotUniform'/);
  });
});
