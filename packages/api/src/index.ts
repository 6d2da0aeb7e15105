// Public surface of @lamina/api.
export * from './backend/types';
export * from './backend/kernels';
export * from './backend/backend';
export { registerBackend, registeredBackends, setBackend, getBackend } from './backend/registry';
