import * as crypto from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { filesUnder } from '../__tests__/cache-files';
import { LoopbackServer, startLoopbackServer } from '../__tests__/loopback-server';
import { datasetsCacheDir, datasetsMirror } from './cache-dir';
import { DownloadError, RemoteFile, fetchVerified } from './fetch-verified';

const body = crypto.randomBytes(200_000);
const sha = crypto.createHash('sha256').update(body).digest('hex');

let server: LoopbackServer;
let cacheDir: string;

const cacheFiles = (): string[] => filesUnder(cacheDir);

function remote(route: string, name = 'blob.bin', hash = sha): RemoteFile {
  return { name, url: `${server.baseUrl}${route}`, sha256: hash, bytes: body.length };
}

beforeAll(async () => {
  server = await startLoopbackServer({
    '/good/blob.bin': { kind: 'file', body },
    '/drop/blob.bin': { kind: 'drop', body, sendBytes: 70_000 },
    '/wrong/blob.bin': { kind: 'file', body: Buffer.from('<html>captive portal</html>') },
    '/stall/blob.bin': { kind: 'stall', body, sendBytes: 1000 },
    '/missing/blob.bin': { kind: 'status', status: 404 },
    '/error/blob.bin': { kind: 'status', status: 503 },
    '/moved/blob.bin': { kind: 'redirect', location: '/good/blob.bin' },
  });
});
afterAll(() => server.close());
beforeEach(() => {
  cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lamina-dl-'));
});
afterEach(() => fs.rmSync(cacheDir, { recursive: true, force: true }));

describe('fetchVerified', () => {
  test('downloads, verifies, caches; the second call does not hit the server', async () => {
    const file = await fetchVerified('demo', remote('/good/blob.bin'), { cacheDir });
    expect(file).toBe(path.join(cacheDir, 'demo', 'blob.bin'));
    expect(fs.readFileSync(file).equals(body)).toBe(true);
    expect(cacheFiles()).toEqual([path.join('demo', 'blob.bin')]);
    const hitsBefore = server.hits.get('/good/blob.bin');
    await fetchVerified('demo', remote('/good/blob.bin'), { cacheDir });
    expect(server.hits.get('/good/blob.bin')).toBe(hitsBefore);
  });

  test('follows redirects', async () => {
    const file = await fetchVerified('demo', remote('/moved/blob.bin'), { cacheDir });
    expect(fs.readFileSync(file).equals(body)).toBe(true);
  });

  test('a connection dropped mid-body is a clear error and leaves the cache clean', async () => {
    const error = await fetchVerified('demo', remote('/drop/blob.bin'), { cacheDir }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DownloadError);
    const message = (error as Error).message;
    expect(message).toContain(`from ${server.baseUrl}/drop/blob.bin failed`);
    expect(message).toMatch(/the connection (was dropped|closed early)/);
    expect(message).toContain('of 200000 bytes');
    expect(message).toContain(`Expected SHA-256 ${sha}`);
    expect(message).toContain('To fix:');
    expect(cacheFiles()).toEqual([]);
  });

  test('wrong bytes: the error names the URL, expected and actual hashes; nothing is cached', async () => {
    const error = (await fetchVerified('demo', remote('/wrong/blob.bin'), { cacheDir }).catch((e: unknown) => e)) as DownloadError;
    const actual = crypto.createHash('sha256').update('<html>captive portal</html>').digest('hex');
    expect(error).toBeInstanceOf(DownloadError);
    expect(error.url).toBe(`${server.baseUrl}/wrong/blob.bin`);
    expect(error.expectedSha256).toBe(sha);
    expect(error.actualSha256).toBe(actual);
    expect(error.message).toContain(`its SHA-256 is ${actual} (27 bytes), not the expected ${sha} (200000 bytes)`);
    expect(cacheFiles()).toEqual([]);
  });

  test('a server that stops sending times out with a clear error', async () => {
    await expect(fetchVerified('demo', remote('/stall/blob.bin'), { cacheDir, timeoutMs: 300 })).rejects.toThrow(
      'failed: no data for 300 ms after 1000 of 200000 bytes',
    );
    expect(cacheFiles()).toEqual([]);
  });

  test('HTTP errors are reported with their status', async () => {
    await expect(fetchVerified('demo', remote('/missing/blob.bin'), { cacheDir })).rejects.toThrow('the server answered HTTP 404 Not Found');
    await expect(fetchVerified('demo', remote('/error/blob.bin'), { cacheDir })).rejects.toThrow('HTTP 503');
    expect(cacheFiles()).toEqual([]);
  });

  test('no server listening (no network) is a clear error', async () => {
    const gone = await startLoopbackServer({});
    const url = gone.baseUrl;
    await gone.close();
    const file: RemoteFile = { name: 'blob.bin', url: `${url}/blob.bin`, sha256: sha };
    await expect(fetchVerified('demo', file, { cacheDir })).rejects.toThrow(
      `from ${url}/blob.bin failed: the connection was refused (is the server up? is there a network?)`,
    );
    expect(cacheFiles()).toEqual([]);
  });

  test('a corrupted cached file is detected, removed and downloaded again', async () => {
    const file = await fetchVerified('demo', remote('/good/blob.bin'), { cacheDir });
    fs.writeFileSync(file, Buffer.concat([body.subarray(0, 1000), Buffer.from('x')]));
    const hitsBefore = server.hits.get('/good/blob.bin') ?? 0;
    await fetchVerified('demo', remote('/good/blob.bin'), { cacheDir });
    expect(server.hits.get('/good/blob.bin')).toBe(hitsBefore + 1);
    expect(fs.readFileSync(file).equals(body)).toBe(true);
    // If the re-download fails too, the error says the cached copy was bad and is gone.
    fs.writeFileSync(file, 'corrupt');
    const error = (await fetchVerified('demo', remote('/drop/blob.bin'), { cacheDir }).catch((e: unknown) => e)) as Error;
    expect(error.message).toContain(`The cached copy at ${file} had SHA-256`);
    expect(cacheFiles()).toEqual([]);
  });

  test('the mirror option and LAMINA_DATASETS_MIRROR replace the origin', async () => {
    const canonical: RemoteFile = { name: 'blob.bin', url: 'https://example.invalid/never/blob.bin', sha256: sha };
    const file = await fetchVerified('demo', canonical, { cacheDir, mirror: `${server.baseUrl}/good/` });
    expect(fs.readFileSync(file).equals(body)).toBe(true);
    fs.rmSync(file);
    process.env.LAMINA_DATASETS_MIRROR = `${server.baseUrl}/good`;
    try {
      await fetchVerified('demo', canonical, { cacheDir });
    } finally {
      delete process.env.LAMINA_DATASETS_MIRROR;
    }
    expect(cacheFiles()).toEqual([path.join('demo', 'blob.bin')]);
  });
});

describe('cache folder', () => {
  test('LAMINA_DATASETS_DIR overrides the default ~/.cache/lamina/datasets', () => {
    const saved = { dir: process.env.LAMINA_DATASETS_DIR, xdg: process.env.XDG_CACHE_HOME };
    try {
      delete process.env.XDG_CACHE_HOME;
      delete process.env.LAMINA_DATASETS_DIR;
      expect(datasetsCacheDir()).toBe(path.join(os.homedir(), '.cache', 'lamina', 'datasets'));
      process.env.LAMINA_DATASETS_DIR = '/tmp/lamina-elsewhere';
      expect(datasetsCacheDir()).toBe('/tmp/lamina-elsewhere');
      expect(datasetsCacheDir('/opt/x')).toBe('/opt/x');
      expect(datasetsMirror('http://127.0.0.1:1/m///')).toBe('http://127.0.0.1:1/m');
    } finally {
      if (saved.dir === undefined) delete process.env.LAMINA_DATASETS_DIR;
      else process.env.LAMINA_DATASETS_DIR = saved.dir;
      if (saved.xdg !== undefined) process.env.XDG_CACHE_HOME = saved.xdg;
    }
  });
});
