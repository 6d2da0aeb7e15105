// Every op as a function (the chainable methods in chain.ts call these).
export * from './elementwise';
export * from './reduce';
export * from './movement';
export * from './linalg';
export * from './conv';
export * from './activations';
export { cast, upcast } from './convert';
