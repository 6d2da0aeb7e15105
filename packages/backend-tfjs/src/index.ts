import { getBackend, registerBackend } from '@lamina/api';
import { createTfjsBackend, TfjsBackend } from './tfjs-backend';

export { TfjsBackend, createTfjsBackend, createTfjsBackendAsync, type TfjsBackendOptions } from './tfjs-backend';
export { ENGINES, chooseEngine, type EngineName, type EngineSpec } from './engines';
export { toTf, fromTf } from './interop';

/**
 * Importing the package registers 'tfjs' at priority 0, below backend-cpu's 1: tfjs is opt-in,
 * with setBackend('tfjs') or LAMINA_BACKEND=tfjs, so adding the package never changes results.
 */
registerBackend('tfjs', () => createTfjsBackend(), 0);

/**
 * Waits until the active tfjs backend's engine is initialised (the wasm engine compiles its
 * module asynchronously; cpu and tfjs-node are ready at once). Call once after setBackend('tfjs').
 */
export async function tfjsReady(): Promise<TfjsBackend> {
  const b = getBackend();
  if (!(b instanceof TfjsBackend)) {
    throw new Error(`tfjsReady: the active backend is '${b.name}', not 'tfjs'. Call setBackend('tfjs') first.`);
  }
  await b.ready;
  return b;
}
