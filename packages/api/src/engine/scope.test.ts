import '@lamina/backend-cpu';
import { getBackend, registerBackend, registeredBackends, setBackend } from '../backend/registry';
import * as ops from '../ops';
import { tensor } from '../tensor/create';
import { dispose, keep, memory, tidy } from './scope';

describe('tidy / keep / dispose', () => {
  test('tidy frees intermediates, returns nested results, respects keep', () => {
    const start = memory();
    let kept: ReturnType<typeof tensor> | undefined;
    const out = tidy(() => {
      const a = tensor([1, 2]);
      kept = keep(a.mul(2));
      return { sum: a.add(1), list: [a.sub(1)] };
    });
    expect(memory().numTensors).toBe(start.numTensors + 3);
    expect(memory().numDataHandles).toBe(start.numDataHandles + 3);
    dispose([out.sum, out.list[0]!, kept!]);
    expect(memory()).toEqual(start);
  });

  test('nested tidy moves results to the parent scope', () => {
    const start = memory().numTensors;
    const r = tidy(() => {
      const inner = tidy(() => tensor([1]).add(1));
      return inner.add(1);
    });
    expect(r.scalarValue()).toBe(3);
    r.dispose();
    expect(memory().numTensors).toBe(start);
  });

  test('tidy refuses async functions', () => {
    expect(() => tidy((async () => tensor([1])) as never)).toThrow(/cannot take an async function/);
  });

  test('a failing op inside tidy leaks nothing', () => {
    const start = memory().numTensors;
    expect(() => tidy(() => ops.add(tensor([1, 2]).mul(3), tensor([1, 2, 3])))).toThrow(/cannot be broadcast/);
    expect(memory().numTensors).toBe(start);
  });
});

describe('backend registry', () => {
  test('the cpu backend is found without being chosen, and unknown names list the known ones', () => {
    expect(getBackend().name).toBe('cpu');
    expect(registeredBackends()).toContain('cpu');
    expect(() => setBackend('gpu9000')).toThrow(/Registered backends: 'cpu'/);
    registerBackend('cpu', () => getBackend()); // re-registering the active one is ignored
    expect(getBackend().name).toBe('cpu');
  });
});
