import { getBackend, registeredBackends, setBackend } from '@lamina/api';
import { CpuBackend, createCpuBackend, gemm } from './index';

describe('@lamina/backend-cpu entry point', () => {
  test('importing the package registers the cpu backend', () => {
    expect(registeredBackends()).toContain('cpu');
    const be = setBackend('cpu');
    expect(be).toBeInstanceOf(CpuBackend);
    expect(be.name).toBe('cpu');
    expect(getBackend()).toBe(be);
  });
  test('exports the factory and the gemm seam', () => {
    expect(createCpuBackend()).toBeInstanceOf(CpuBackend);
    expect(typeof gemm).toBe('function');
  });
});
