import type { KernelName, TensorInfo } from '@lamina/api';
import { KERNEL_CASES } from './__tests__/kernel-cases';
import { backend, tensor } from './__tests__/helpers';
import { createCpuBackend } from './cpu-backend';

describe('CpuBackend storage', () => {
  test('write copies its input and converts to the dtype', () => {
    const be = backend();
    const src = new Float32Array([1.7, -2.2, 0, 3]);
    const id = be.write(src, [2, 2], 'float32');
    src[0] = 99;
    expect(Array.from(be.readSync({ dataId: id, shape: [2, 2], dtype: 'float32' }))).toEqual([Math.fround(1.7), Math.fround(-2.2), 0, 3]);

    const asInt = be.write(new Float32Array([1.7, -2.7, 3]), [3], 'int32');
    const ints = be.readSync({ dataId: asInt, shape: [3], dtype: 'int32' });
    expect(ints).toBeInstanceOf(Int32Array);
    expect(Array.from(ints)).toEqual([1, -2, 3]);

    const asBool = be.write(new Float32Array([0, 2, -0.5]), [3], 'bool');
    const bools = be.readSync({ dataId: asBool, shape: [3], dtype: 'bool' });
    expect(bools).toBeInstanceOf(Uint8Array);
    expect(Array.from(bools)).toEqual([0, 1, 1]);
  });

  test('write rejects a length that does not fill the shape', () => {
    expect(() => backend().write(new Float32Array(5), [2, 3], 'float32')).toThrow(/5 values do not fill shape \[2, 3\] \(6 elements\)/);
  });

  test('read resolves to a copy of the values; readSync returns them as stored', async () => {
    const be = backend();
    const t = tensor(be, [1, 2, 3], [3], 'int32');
    const copy = await be.read(t);
    expect(copy).toBeInstanceOf(Int32Array);
    expect(Array.from(copy)).toEqual([1, 2, 3]);
    copy[0] = 42;
    expect(Array.from(be.readSync(t))).toEqual([1, 2, 3]);
  });

  test('a kernel result of another array type is stored as out.dtype', () => {
    const be = backend();
    const x = tensor(be, [1.5, -2.5, 3.5, 0], [1, 2, 2, 1]);
    const conv = { batch: 1, inHeight: 2, inWidth: 2, inChannels: 1, outHeight: 1, outWidth: 1, outChannels: 1, filterHeight: 2, filterWidth: 2,
      strideHeight: 1, strideWidth: 1, dilationHeight: 1, dilationWidth: 1, pad: { top: 0, bottom: 0, left: 0, right: 0 }, channelMultiplier: 1 };
    const id = be.kernels.maxPool([x], { conv }, { shape: [1, 1, 1, 1], dtype: 'int32' });
    const got = be.readSync({ dataId: id, shape: [1, 1, 1, 1], dtype: 'int32' });
    expect(got).toBeInstanceOf(Int32Array);
    expect(Array.from(got)).toEqual([3]);
  });

  test('numHandles counts live handles exactly; dispose brings it back', () => {
    const be = backend();
    expect(be.numHandles()).toBe(0);
    const a = tensor(be, [1, 2, 3, 4], [2, 2]);
    const b = tensor(be, [5, 6, 7, 8], [2, 2]);
    expect(be.numHandles()).toBe(2);
    const sum = be.kernels.binary([a, b], { op: 'add' }, { shape: [2, 2], dtype: 'float32' });
    expect(be.numHandles()).toBe(3);
    be.dispose(a.dataId);
    be.dispose(sum);
    expect(be.numHandles()).toBe(1);
    be.dispose(b.dataId);
    expect(be.numHandles()).toBe(0);
  });

  test('double dispose, foreign handles and reads after dispose throw clear errors', () => {
    const be = backend();
    const t = tensor(be, [1], [1]);
    be.dispose(t.dataId);
    expect(() => be.dispose(t.dataId)).toThrow(/already disposed/);
    expect(be.numHandles()).toBe(0);
    expect(() => be.readSync(t)).toThrow(/already disposed/);
    expect(() => be.dispose({})).toThrow(/does not belong to this cpu backend/);
    const other = createCpuBackend();
    const foreign = tensor(other, [1], [1]);
    expect(() => be.dispose(foreign.dataId)).toThrow(/does not belong/);
    expect(other.numHandles()).toBe(1);
  });

  test('reshape is a new handle over shared data; each is disposed on its own', () => {
    const be = backend();
    const x = tensor(be, [1, 2, 3, 4, 5, 6], [2, 3]);
    const r = be.kernels.reshape([x], { shape: [3, 2] }, { shape: [3, 2], dtype: 'float32' });
    expect(r).not.toBe(x.dataId);
    expect(be.numHandles()).toBe(2);
    be.dispose(x.dataId);
    expect(Array.from(be.readSync({ dataId: r, shape: [3, 2], dtype: 'float32' }))).toEqual([1, 2, 3, 4, 5, 6]);
    be.dispose(r);
    expect(be.numHandles()).toBe(0);
    const y = tensor(be, [1, 2], [2]);
    expect(() => be.kernels.reshape([y], { shape: [3] }, { shape: [3], dtype: 'float32' })).toThrow(/2 elements.*\[3\] has 3/);
  });

  test('a kernel whose output disagrees with out.shape is rejected, not stored', () => {
    const be = backend();
    const a = tensor(be, [1, 2], [2]);
    expect(() => be.kernels.unary([a], { op: 'neg' }, { shape: [3], dtype: 'float32' })).toThrow(/unary\(neg\): produced 2 elements/);
    expect(be.numHandles()).toBe(1);
  });
});

describe('every kernel', () => {
  const names = Object.keys(createCpuBackend().kernels) as KernelName[];

  test('has a case here (the table below covers the whole contract)', () => {
    expect(names.sort()).toEqual(Object.keys(KERNEL_CASES).sort());
  });

  test.each(names)('%s returns one new handle and leaves the inputs intact', (name) => {
    const be = backend();
    const { inputs, attrs, out } = KERNEL_CASES[name](be);
    const snapshot = inputs.map((t: TensorInfo) => be.readSync(t).slice());
    const before = be.numHandles();
    const id = (be.kernels[name] as (i: unknown, a: unknown, o: unknown) => object)(inputs, attrs, out);
    expect(be.numHandles()).toBe(before + 1);
    expect(be.readSync({ dataId: id, ...out }).length).toBe(out.shape.reduce((a, b) => a * b, 1));
    inputs.forEach((t: TensorInfo, i: number) => expect(be.readSync(t)).toEqual(snapshot[i]));
    be.dispose(id);
    for (const t of inputs) be.dispose(t.dataId);
    expect(be.numHandles()).toBe(0);
  });

  test('fused.matMulBiasAct returns one new handle', () => {
    const be = backend();
    const a = tensor(be, [1, 2, 3, 4], [2, 2]);
    const b = tensor(be, [1, 0, 0, 1], [2, 2]);
    const id = be.fused.matMulBiasAct!(a, b, null, 'linear', { shape: [2, 2], dtype: 'float32' });
    expect(be.numHandles()).toBe(3);
    be.dispose(id);
    expect(be.numHandles()).toBe(2);
  });
});
