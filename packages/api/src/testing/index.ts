// Test utilities for backends and packages built on the api (import '@lamina/api/testing').
import '../ops/chain'; // the suite calls chainable methods
export { runConformanceSuite } from './conformance';
export { gradCheck, randomValues, distinctValues, type GradCheckResult } from './gradcheck';
export { expectValues } from './expect';
export { conv2dRef, poolRef, matMulRef } from './reference';
