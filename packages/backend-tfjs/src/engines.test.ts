import { chooseEngine, engineSpec, ENGINES } from './engines';

/** Engine choice: best installed first, by name on request, and a clear error when missing. */

describe('tfjs engine selection', () => {
  const saved = process.env.LAMINA_TFJS_ENGINE;
  afterEach(() => {
    if (saved === undefined) delete process.env.LAMINA_TFJS_ENGINE;
    else process.env.LAMINA_TFJS_ENGINE = saved;
  });

  test('engines are ranked node-gpu > node > wasm > cpu', () => {
    expect(ENGINES.map((e) => e.name)).toEqual(['node-gpu', 'node', 'wasm', 'cpu']);
  });

  test('without a request the best installed engine wins (here: wasm; tfjs-node is not installed)', () => {
    delete process.env.LAMINA_TFJS_ENGINE;
    expect(chooseEngine().name).toBe('wasm');
  });

  test('an option or LAMINA_TFJS_ENGINE picks an engine by name', () => {
    expect(chooseEngine('cpu').pkg).toBe('@tensorflow/tfjs-backend-cpu');
    process.env.LAMINA_TFJS_ENGINE = 'cpu';
    expect(chooseEngine().name).toBe('cpu');
  });

  test('asking for an engine that is not installed says how to install it', () => {
    expect(() => chooseEngine('node-gpu')).toThrow(/@tensorflow\/tfjs-node-gpu is not installed.*npm install @tensorflow\/tfjs-node-gpu@4\.22\.0.*CUDA 11\.2.*cuDNN 8\.1/);
    process.env.LAMINA_TFJS_ENGINE = 'node';
    expect(() => chooseEngine()).toThrow(/requested \(LAMINA_TFJS_ENGINE\).*npm install @tensorflow\/tfjs-node@4\.22\.0/);
  });

  test('an unknown engine name lists the known ones', () => {
    expect(() => engineSpec('webgpu')).toThrow(/Unknown tfjs engine 'webgpu'.*'node-gpu', 'node', 'wasm', 'cpu'/);
  });
});
