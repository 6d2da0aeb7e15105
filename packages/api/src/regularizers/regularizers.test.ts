import '@lamina/backend-cpu';
import { tensor } from '../index';
import { getRegularizer, l1, l1l2, l2, serializeRegularizer } from './index';

describe('regularizers', () => {
  test('l1, l2, l1l2 penalties', () => {
    const w = tensor([[1, -2], [3, -4]]);
    const value = (r: { apply: (t: typeof w) => typeof w }): number => {
      const p = r.apply(w);
      const v = p.scalarValue();
      p.dispose();
      return v;
    };
    expect(value(l1({ l1: 0.1 }))).toBeCloseTo(1.0, 6);
    expect(value(l2({ l2: 0.1 }))).toBeCloseTo(3.0, 6);
    expect(value(l1l2({ l1: 0.1, l2: 0.1 }))).toBeCloseTo(4.0, 6);
    expect(value(getRegularizer('l2'))).toBeCloseTo(0.3, 6);
    expect(value(getRegularizer(serializeRegularizer(l1l2({ l1: 1, l2: 0 }))))).toBeCloseTo(10, 6);
    w.dispose();
    expect(() => l1({ l1: -1 })).toThrow(/must be >= 0/);
  });
});
