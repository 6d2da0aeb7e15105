import * as tf from '@tensorflow/tfjs-core';
import { getBackend, ones, setBackend, tensor, zeros } from '@lamina/api';
import { fromTf, tfjsReady, toTf } from './index';
import { createTfjsBackend, createTfjsBackendAsync, TfjsBackend } from './tfjs-backend';

/** Storage, ownership, registration and interop of the tfjs backend. */

describe('TfjsBackend storage and ownership', () => {
  let be: TfjsBackend;
  beforeAll(async () => {
    be = await createTfjsBackendAsync({ engine: 'wasm' });
  });

  test('write stores a copy; bool is stored as 0/1; each handle owns one tf.Tensor, disposed once', () => {
    const tensors = tf.memory().numTensors;
    const values = new Float32Array([1, 2, 3]);
    const id = be.write(values, [3], 'float32');
    values[0] = 99;
    expect(Array.from(be.readSync({ dataId: id, shape: [3], dtype: 'float32' }))).toEqual([1, 2, 3]);
    const b = be.write(new Uint8Array([0, 2, 255]), [3], 'bool');
    expect(be.readSync({ dataId: b, shape: [3], dtype: 'bool' })).toEqual(new Uint8Array([0, 1, 1]));
    expect(be.numHandles()).toBe(2);
    expect(tf.memory().numTensors).toBe(tensors + 2);
    be.dispose(id);
    be.dispose(b);
    expect(be.numHandles()).toBe(0);
    expect(tf.memory().numTensors).toBe(tensors);
    expect(() => be.dispose(id)).toThrow(/already disposed/);
    expect(() => be.readSync({ dataId: id, shape: [3], dtype: 'float32' })).toThrow(/already disposed/);
  });

  test('read resolves the same values as readSync, typed by dtype', async () => {
    const id = be.write(new Int32Array([4, -5]), [2], 'int32');
    await expect(be.read({ dataId: id, shape: [2], dtype: 'int32' })).resolves.toEqual(new Int32Array([4, -5]));
    be.dispose(id);
  });

  test('handles of another backend are refused', () => {
    const other = createTfjsBackend({ engine: 'cpu' });
    const id = other.write(new Float32Array([1]), [1], 'float32');
    expect(() => be.dispose(id)).toThrow(/does not belong to this tfjs backend/);
    other.dispose(id);
  });

  test('a kernel whose tfjs result disagrees with the api shape fails loudly and leaks nothing', () => {
    const x = be.write(new Float32Array(6), [2, 3], 'float32');
    const tensors = tf.memory().numTensors;
    expect(() => be.kernels.unary([{ dataId: x, shape: [2, 3], dtype: 'float32' }], { op: 'exp' }, { shape: [4], dtype: 'float32' }))
      .toThrow(/unary\(exp\): tfjs produced shape \[2, 3\], but the api expects \[4\]/);
    expect(tf.memory().numTensors).toBe(tensors);
    expect(be.numHandles()).toBe(1);
    be.dispose(x);
  });
});

describe('registration and interop', () => {
  test("'tfjs' is registered on import and opted into with setBackend; tfjsReady waits for wasm", async () => {
    process.env.LAMINA_TFJS_ENGINE = 'wasm';
    setBackend('tfjs');
    const be = await tfjsReady();
    delete process.env.LAMINA_TFJS_ENGINE;
    expect(getBackend()).toBe(be);
    expect(be.engine.name).toBe('wasm');
    expect(be.onGpu()).toBe(false);
  });

  test('toTf and fromTf share the tf.Tensor data on the tfjs backend and leak nothing', () => {
    const tensors = tf.memory().numTensors;
    const a = tensor([1, 2, 3, 4], [2, 2]);
    const t = toTf(a);
    expect(t.shape).toEqual([2, 2]);
    expect(Array.from(t.dataSync())).toEqual([1, 2, 3, 4]);
    const backend = getBackend() as TfjsBackend;
    expect(t.dataId).toBe(backend.tensorOf(a).dataId); // same buffer, a second reference
    const back = fromTf(tf.mul(t, 2));
    expect(back.dtype).toBe('float32');
    expect(Array.from(back.dataSync())).toEqual([2, 4, 6, 8]);
    a.dispose();
    expect(Array.from(t.dataSync())).toEqual([1, 2, 3, 4]); // t is owned separately
    t.dispose();
    back.dispose();
    tf.disposeVariables();
    expect(tf.memory().numTensors).toBe(tensors + 1); // the tf.mul result passed to fromTf stays the caller's
  });

  test('fromTf refuses dtypes Lamina does not have', () => {
    const s = tf.tensor(['a'], [1], 'string');
    expect(() => fromTf(s)).toThrow(/no string tensors/);
    s.dispose();
  });

  test('toTf copies from another backend', async () => {
    const { createCpuBackend } = await import('@lamina/backend-cpu');
    setBackend(createCpuBackend());
    const a = ones([3]);
    const t = toTf(a);
    expect(Array.from(t.dataSync())).toEqual([1, 1, 1]);
    t.dispose();
    a.dispose();
    const z = fromTf(tf.zeros([2]));
    expect(z.backend.name).toBe('cpu');
    z.dispose();
    void zeros;
  });
});
