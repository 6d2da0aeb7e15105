import * as fs from 'fs';
import * as path from 'path';
import { parseCifarRecords } from './cifar-binary';
import { encodeIdx, parseIdx } from './idx';
import { readNpy } from './npy';
import { unpickle } from './pickle';
import { readZip } from './zip-archive';

const fixtures = path.join(__dirname, '..', 'loaders', '__fixtures__');
const expected = JSON.parse(fs.readFileSync(path.join(fixtures, 'tiny_imdb_expected.json'), 'utf8'));

describe('IDX', () => {
  test('uint8, int32 and float32 round-trip with big-endian headers', () => {
    const img = encodeIdx({ data: Uint8Array.of(1, 2, 3, 4, 5, 6), shape: [1, 2, 3] });
    expect(Array.from(img.subarray(0, 8))).toEqual([0, 0, 8, 3, 0, 0, 0, 1]);
    const back = parseIdx(img, 'img');
    expect(back.shape).toEqual([1, 2, 3]);
    expect(Array.from(back.data)).toEqual([1, 2, 3, 4, 5, 6]);
    const ints = parseIdx(encodeIdx({ data: Int32Array.of(-5, 70000), shape: [2] }), 'ints');
    expect(ints.data).toBeInstanceOf(Int32Array);
    expect(Array.from(ints.data)).toEqual([-5, 70000]);
    const floats = parseIdx(encodeIdx({ data: Float32Array.of(0.5, -2), shape: [2] }), 'f');
    expect(Array.from(floats.data)).toEqual([0.5, -2]);
  });

  test('truncated or foreign files are clear errors', () => {
    const img = encodeIdx({ data: new Uint8Array(10), shape: [10] });
    expect(() => parseIdx(img.subarray(0, 12), 'cut.idx')).toThrow(
      'parseIdx: cut.idx has shape [10], which needs 18 bytes, but it holds 12; the file is truncated or corrupt',
    );
    expect(() => parseIdx(Buffer.from('PK\x03\x04'), 'x.zip')).toThrow('parseIdx: x.zip is not an IDX file');
  });
});

describe('npz / npy / pickle (fixtures written by numpy)', () => {
  test.each(['tiny_imdb.npz', 'tiny_imdb_compressed.npz'])('%s: object arrays of lists and int64 labels', (name) => {
    const members = readZip(fs.readFileSync(path.join(fixtures, name)), name);
    expect([...members.keys()].sort()).toEqual(['x_test.npy', 'x_train.npy', 'y_test.npy', 'y_train.npy']);
    const x = readNpy(members.get('x_train.npy')!, 'x_train');
    expect(x.descr).toBe('|O');
    expect(x.shape).toEqual([12]);
    expect(x.values).toEqual(expected.raw.x_train);
    const y = readNpy(members.get('y_test.npy')!, 'y_test');
    expect(y.descr).toBe('<i8');
    expect(Array.from(y.values as ArrayLike<number>)).toEqual(expected.raw.y_test);
  });

  test('a protocol-2 pickle (as Python 2 era files) reads the same', () => {
    const x = readNpy(fs.readFileSync(path.join(fixtures, 'tiny_x_train_protocol2.npy')), 'p2');
    expect(x.values).toEqual(expected.raw.x_train);
  });

  test('the unpickler never calls code: a global stays an inert record', () => {
    // pickle.dumps(os.system) in protocol 2: \x80\x02cposix\nsystem\nq\x00.
    const evil = Buffer.from('\x80\x02cposix\nsystem\nq\x00(X\x02\x00\x00\x00lstq\x01Rq\x02.', 'latin1');
    const obj = unpickle(evil, 'evil');
    expect(obj).toMatchObject({ callable: { module: 'posix', name: 'system' }, args: ['ls'] });
    expect(() => unpickle(Buffer.from('\x80\x02\xff', 'latin1'), 'odd')).toThrow('unpickle: odd: unsupported pickle opcode 0xff');
    expect(() => readNpy(Buffer.from('nope'), 'n.npy')).toThrow('readNpy: n.npy is not a .npy file');
  });
});

describe('CIFAR binary records', () => {
  test('planar RGB becomes channels-last; labels picked by index', () => {
    const rec = (labels: number[], base: number) => {
      const px = new Uint8Array(3072);
      for (let p = 0; p < 1024; p++) {
        px[p] = (base + p) % 256; // R plane
        px[1024 + p] = 100; // G plane
        px[2048 + p] = 200; // B plane
      }
      return Buffer.concat([Buffer.from(labels), px]);
    };
    const file = Buffer.concat([rec([3, 17], 0), rec([1, 99], 5)]);
    const fine = parseCifarRecords([file], 2, 1, 'test');
    expect(fine.x.shape).toEqual([2, 32, 32, 3]);
    expect(fine.y.shape).toEqual([2, 1]);
    expect(Array.from(fine.y.data)).toEqual([17, 99]);
    expect(Array.from(fine.x.data.slice(0, 6))).toEqual([0, 100, 200, 1, 100, 200]);
    expect(Array.from(fine.x.data.slice(3072, 3075))).toEqual([5, 100, 200]);
    expect(Array.from(parseCifarRecords([file], 2, 0, 'test').y.data)).toEqual([3, 1]);
    expect(() => parseCifarRecords([file.subarray(1)], 2, 0, 'cut')).toThrow('is not a whole number of 3074-byte records');
  });
});
