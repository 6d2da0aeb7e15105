import * as crypto from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as tar from 'tar-stream';
import * as zlib from 'zlib';
import { filesUnder } from '../__tests__/cache-files';
import { LoopbackServer, startLoopbackServer } from '../__tests__/loopback-server';
import { RemoteFile } from '../download/fetch-verified';
import { encodeIdx } from '../io/idx';
import { BUNDLED_DATA_DIR } from './bundled-data';
import { CIFAR10_ARCHIVE, CIFAR100_ARCHIVE, cifar100Loader, cifar10Loader } from './cifar';
import { fashionMnist } from './fashion-mnist';
import { downloadedIdxLoader } from './idx-images';
import { IMDB_NPZ, imdbLoader } from './imdb';

const sha256 = (b: Buffer) => crypto.createHash('sha256').update(b).digest('hex');
const fixtures = path.join(__dirname, '__fixtures__');

async function tarGz(entries: Record<string, Buffer>): Promise<Buffer> {
  const pack = tar.pack();
  for (const [name, body] of Object.entries(entries)) pack.entry({ name, size: body.length }, body);
  pack.finalize();
  const chunks: Buffer[] = [];
  for await (const chunk of pack.pipe(zlib.createGzip())) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** `n` CIFAR binary records; record i has label(s) from `labels(i)` and red plane value i. */
function cifarRecords(n: number, labels: (i: number) => number[]): Buffer {
  const parts: Buffer[] = [];
  for (let i = 0; i < n; i++) {
    const px = Buffer.alloc(3072);
    px.fill(i % 256, 0, 1024);
    px.fill(50, 1024, 2048);
    px.fill(250, 2048);
    parts.push(Buffer.from(labels(i)), px);
  }
  return Buffer.concat(parts);
}

// Small IDX .gz files in the real format: 3 train and 2 test 4x4 images.
const idxFiles = {
  trainImages: zlib.gzipSync(encodeIdx({ data: Uint8Array.from({ length: 48 }, (_, i) => i), shape: [3, 4, 4] })),
  trainLabels: zlib.gzipSync(encodeIdx({ data: Uint8Array.of(9, 0, 3), shape: [3] })),
  testImages: zlib.gzipSync(encodeIdx({ data: new Uint8Array(32).fill(7), shape: [2, 4, 4] })),
  testLabels: zlib.gzipSync(encodeIdx({ data: Uint8Array.of(2, 1), shape: [2] })),
};

let server: LoopbackServer;
let cacheDir: string;
let cifar10Tgz: Buffer;
let cifar100Tgz: Buffer;

const cacheFiles = (): string[] => filesUnder(cacheDir);

beforeAll(async () => {
  cifar10Tgz = await tarGz({
    'cifar-10-batches-bin/batches.meta.txt': Buffer.from('airplane\nautomobile\n\n'),
    ...Object.fromEntries([1, 2, 3, 4, 5].map((b) => [`cifar-10-batches-bin/data_batch_${b}.bin`, cifarRecords(2, (i) => [b * 2 + i - 2])])),
    'cifar-10-batches-bin/test_batch.bin': cifarRecords(3, (i) => [9 - i]),
  });
  cifar100Tgz = await tarGz({
    'cifar-100-binary/train.bin': cifarRecords(4, (i) => [i, 50 + i]),
    'cifar-100-binary/test.bin': cifarRecords(1, () => [19, 99]),
    'cifar-100-binary/coarse_label_names.txt': Buffer.from('aquatic_mammals\nfish\n'),
    'cifar-100-binary/fine_label_names.txt': Buffer.from('apple\naquarium_fish\n'),
  });
  server = await startLoopbackServer({
    ...Object.fromEntries(
      Object.entries(idxFiles).map(([k, body]) => [`/mirror/${k}.gz`, { kind: 'file' as const, body }]),
    ),
    '/mirror/cifar-10-binary.tar.gz': { kind: 'file', body: cifar10Tgz },
    '/mirror/cifar-100-binary.tar.gz': { kind: 'file', body: cifar100Tgz },
    '/mirror/imdb.npz': { kind: 'file', body: fs.readFileSync(path.join(fixtures, 'tiny_imdb.npz')) },
    '/dropping/cifar-10-binary.tar.gz': { kind: 'drop', body: cifar10Tgz, sendBytes: Math.floor(cifar10Tgz.length / 2) },
  });
});
afterAll(() => server.close());
beforeEach(() => {
  cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lamina-loaders-'));
});
afterEach(() => fs.rmSync(cacheDir, { recursive: true, force: true }));

function testFile(name: string, body: Buffer): RemoteFile {
  return { name, url: `https://example.invalid/${name}`, sha256: sha256(body) };
}

describe('fashionMnist', () => {
  test('pinned files and hashes are the manifest ones', () => {
    const manifest = fs.readFileSync(path.join(BUNDLED_DATA_DIR, 'fashion_mnist', 'MANIFEST.md'), 'utf8');
    for (const f of Object.values(fashionMnist.files)) {
      expect(manifest).toContain(`| ${f.name} | ${f.bytes} | ${f.sha256} |`);
      expect(f.url).toBe(`https://storage.googleapis.com/tensorflow/tf-keras-datasets/${f.name}`);
    }
    expect(fashionMnist.classNames[9]).toBe('Ankle boot');
  });

  test('the IDX download loader fetches, verifies and parses the four files', async () => {
    const loader = downloadedIdxLoader('tiny_idx', {
      trainImages: testFile('trainImages.gz', idxFiles.trainImages),
      trainLabels: testFile('trainLabels.gz', idxFiles.trainLabels),
      testImages: testFile('testImages.gz', idxFiles.testImages),
      testLabels: testFile('testLabels.gz', idxFiles.testLabels),
    });
    const { train, test } = await loader.load({ cacheDir, mirror: `${server.baseUrl}/mirror` });
    expect(train.x.shape).toEqual([3, 4, 4]);
    expect(train.x.data[47]).toBe(47);
    expect(Array.from(train.y.data)).toEqual([9, 0, 3]);
    expect(test.x.shape).toEqual([2, 4, 4]);
    expect(Array.from(test.y.data)).toEqual([2, 1]);
    expect(cacheFiles()).toEqual(['testImages.gz', 'testLabels.gz', 'trainImages.gz', 'trainLabels.gz'].map((f) => path.join('tiny_idx', f)));
  });

  test('the real fashionMnist against a mirror without the files fails with the HTTP status and caches nothing', async () => {
    await expect(fashionMnist.load({ cacheDir, mirror: `${server.baseUrl}/nothing-here` })).rejects.toThrow(
      `from ${server.baseUrl}/nothing-here/train-images-idx3-ubyte.gz failed: the server answered HTTP 404`,
    );
    expect(cacheFiles()).toEqual([]);
  });
});

describe('cifar10 / cifar100 (binary-version tarballs)', () => {
  test('pinned archives', () => {
    expect(CIFAR10_ARCHIVE).toMatchObject({
      url: 'https://www.cs.toronto.edu/~kriz/cifar-10-binary.tar.gz',
      sha256: 'c4a38c50a1bc5f3a1c5537f2155ab9d68f9f25eb1ed8d9ddda3db29a59bca1dd',
    });
    expect(CIFAR100_ARCHIVE.sha256).toBe('58a81ae192c23a4be8b1804d68e518ed807d710a4eb253b1f2a199162a40d8ec');
  });

  test('cifar10: batches 1..5 in order, channels-last, labels [n, 1], class names', async () => {
    const loader = cifar10Loader({ ...CIFAR10_ARCHIVE, sha256: sha256(cifar10Tgz) });
    const data = await loader.load({ cacheDir, mirror: `${server.baseUrl}/mirror` });
    expect(data.train.x.shape).toEqual([10, 32, 32, 3]);
    expect(data.train.y.shape).toEqual([10, 1]);
    expect(Array.from(data.train.y.data)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(Array.from(data.train.x.data.subarray(3072, 3078))).toEqual([1, 50, 250, 1, 50, 250]);
    expect(data.test.x.shape).toEqual([3, 32, 32, 3]);
    expect(Array.from(data.test.y.data)).toEqual([9, 8, 7]);
    expect(data.classNames).toEqual(['airplane', 'automobile']);
  });

  test('cifar100: fine and coarse label modes', async () => {
    const loader = cifar100Loader({ ...CIFAR100_ARCHIVE, sha256: sha256(cifar100Tgz) });
    const options = { cacheDir, mirror: `${server.baseUrl}/mirror` };
    const fine = await loader.load(options);
    expect(fine.train.x.shape).toEqual([4, 32, 32, 3]);
    expect(Array.from(fine.train.y.data)).toEqual([50, 51, 52, 53]);
    expect(Array.from(fine.test.y.data)).toEqual([99]);
    expect(fine.classNames).toEqual(['apple', 'aquarium_fish']);
    const coarse = await loader.load({ ...options, labelMode: 'coarse' });
    expect(Array.from(coarse.train.y.data)).toEqual([0, 1, 2, 3]);
    expect(coarse.classNames).toEqual(['aquatic_mammals', 'fish']);
  });

  test('a tarball dropped mid-download leaves the cache clean, and a later good download works', async () => {
    const loader = cifar10Loader({ ...CIFAR10_ARCHIVE, sha256: sha256(cifar10Tgz) });
    await expect(loader.load({ cacheDir, mirror: `${server.baseUrl}/dropping` })).rejects.toThrow(
      `the connection was dropped after ${Math.floor(cifar10Tgz.length / 2)} of ${cifar10Tgz.length} bytes`,
    );
    expect(cacheFiles()).toEqual([]);
    await loader.load({ cacheDir, mirror: `${server.baseUrl}/mirror` });
    expect(cacheFiles()).toEqual([path.join('cifar10', 'cifar-10-binary.tar.gz')]);
  });

  test('a cached archive with the right hash but wrong contents names the missing member', async () => {
    const wrong = await tarGz({ 'something/else.bin': Buffer.from('x') });
    const dir = path.join(cacheDir, 'cifar10');
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'cifar-10-binary.tar.gz'), wrong);
    const loader = cifar10Loader({ ...CIFAR10_ARCHIVE, sha256: sha256(wrong) });
    await expect(loader.load({ cacheDir })).rejects.toThrow('has no member cifar-10-batches-bin/data_batch_1.bin');
  });
});

describe('imdb', () => {
  const expected = JSON.parse(fs.readFileSync(path.join(fixtures, 'tiny_imdb_expected.json'), 'utf8'));
  const npz = fs.readFileSync(path.join(fixtures, 'tiny_imdb.npz'));
  const loader = imdbLoader({ ...IMDB_NPZ, sha256: sha256(npz) });
  const seqs = (xs: Int32Array[]) => xs.map((x) => Array.from(x));

  test("the pinned npz hash is the manifest's", () => {
    const manifest = fs.readFileSync(path.join(BUNDLED_DATA_DIR, 'imdb', 'MANIFEST.md'), 'utf8');
    expect(manifest).toContain(`sha256 ${IMDB_NPZ.sha256}`);
  });

  test("defaults reproduce Keras's load_data (shuffle seed 113, start 1, oov 2, index_from 3)", async () => {
    const data = await loader.load({ cacheDir, mirror: `${server.baseUrl}/mirror` });
    expect(seqs(data.train.x)).toEqual(expected.defaults.x_train);
    expect(Array.from(data.train.y.data)).toEqual(expected.defaults.y_train);
    expect(seqs(data.test.x)).toEqual(expected.defaults.x_test);
    expect(Array.from(data.test.y.data)).toEqual(expected.defaults.y_test);
    expect(data.train.y.data).toBeInstanceOf(Int32Array);
  });

  test('numWords, skipTop, maxLen, oovChar null, indexFrom, startChar null behave as Keras', async () => {
    const options = { cacheDir, mirror: `${server.baseUrl}/mirror` };
    const a = await loader.load({ ...options, numWords: 20, skipTop: 2, maxLen: 8 });
    expect(seqs(a.train.x)).toEqual(expected.numWords20_skipTop2_maxLen8.x_train);
    expect(Array.from(a.train.y.data)).toEqual(expected.numWords20_skipTop2_maxLen8.y_train);
    expect(seqs(a.test.x)).toEqual(expected.numWords20_skipTop2_maxLen8.x_test);
    const b = await loader.load({ ...options, numWords: 15, oovChar: null, indexFrom: 0, startChar: null });
    expect(seqs(b.train.x)).toEqual(expected.noOov_indexFrom0_noStart.x_train);
    expect(seqs(b.test.x)).toEqual(expected.noOov_indexFrom0_noStart.x_test);
    await expect(loader.load({ ...options, maxLen: 2 })).rejects.toThrow('no review is shorter than maxLen=2');
  });
});
