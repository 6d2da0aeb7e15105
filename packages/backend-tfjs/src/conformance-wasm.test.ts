import '@lamina/api'; // installs the Tensor method chain the suite uses
import { runConformanceSuite } from '@lamina/api/testing';
import { createTfjsBackendAsync, type TfjsBackend } from './tfjs-backend';

// The wasm engine compiles its module asynchronously; the suite's factory is synchronous.
let backend: TfjsBackend;
beforeAll(async () => {
  backend = await createTfjsBackendAsync({ engine: 'wasm' });
});

runConformanceSuite('tfjs (wasm engine)', () => backend);
