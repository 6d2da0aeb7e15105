import { registerBackend } from '@lamina/api';
import { createCpuBackend } from './cpu-backend';

export { CpuBackend, createCpuBackend } from './cpu-backend';
export { gemm } from './kernels/gemm';
export type { Gemm } from './kernels/gemm';

// Importing the package makes 'cpu' available to getBackend()/setBackend('cpu').
registerBackend('cpu', createCpuBackend, 1);
