import * as crypto from 'crypto';
import * as fs from 'fs';
import * as http from 'http';
import * as https from 'https';
import * as path from 'path';
import { Transform } from 'stream';
import { pipeline } from 'stream/promises';
import { datasetsCacheDir, datasetsMirror } from './cache-dir';
import { sha256OfFile } from './sha256';

/** One file of a downloadable dataset, pinned by its SHA-256. */
export interface RemoteFile {
  /** File name in the cache and on a mirror. */
  name: string;
  /** Canonical URL. */
  url: string;
  sha256: string;
  /** Expected size in bytes, for messages. */
  bytes?: number;
}

export interface DownloadOptions {
  /** Cache folder (default: $LAMINA_DATASETS_DIR or ~/.cache/lamina/datasets). */
  cacheDir?: string;
  /** Base URL to fetch `<base>/<file name>` from instead of the canonical URL ($LAMINA_DATASETS_MIRROR). */
  mirror?: string;
  /** Give up when no bytes arrive for this long (default 60 s). */
  timeoutMs?: number;
}

/** A failed download or verification; says what, where and how to fix it. */
export class DownloadError extends Error {
  constructor(
    message: string,
    readonly url: string,
    readonly expectedSha256: string,
    readonly actualSha256?: string,
  ) {
    super(message);
    this.name = 'DownloadError';
  }
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

function request(url: string, timeoutMs: number, redirectsLeft: number): Promise<http.IncomingMessage> {
  return new Promise((resolve, reject) => {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      reject(new Error(`invalid URL`));
      return;
    }
    const client = parsed.protocol === 'https:' ? https : parsed.protocol === 'http:' ? http : null;
    if (client === null) {
      reject(new Error(`unsupported protocol ${parsed.protocol} (use http or https)`));
      return;
    }
    const req = client.get(parsed, { timeout: timeoutMs }, (res) => {
      const status = res.statusCode ?? 0;
      if (REDIRECTS.has(status) && res.headers.location !== undefined) {
        res.resume();
        if (redirectsLeft === 0) reject(new Error('too many redirects'));
        else resolve(request(new URL(res.headers.location, parsed).toString(), timeoutMs, redirectsLeft - 1));
        return;
      }
      if (status !== 200) {
        res.resume();
        reject(new Error(`the server answered HTTP ${status}${res.statusMessage ? ` ${res.statusMessage}` : ''}`));
        return;
      }
      resolve(res);
    });
    req.on('timeout', () => req.destroy(new Error(`no data for ${timeoutMs} ms`)));
    req.on('error', (error) => reject(new Error(describeNetworkError(error))));
  });
}

function describeNetworkError(error: unknown): string {
  const e = error as NodeJS.ErrnoException;
  if (e.code === 'ECONNREFUSED') return 'the connection was refused (is the server up? is there a network?)';
  if (e.code === 'ENOTFOUND' || e.code === 'EAI_AGAIN') return `the host name could not be resolved (${e.code}; no network or DNS?)`;
  if (e.code === 'ECONNRESET' || e.message === 'aborted') return 'the connection was dropped';
  return e.message;
}

/** Streams `url` to `tmp`, hashing as it goes. Returns the hex SHA-256 and the byte count. */
async function downloadTo(url: string, tmp: string, timeoutMs: number): Promise<{ sha256: string; bytes: number }> {
  const res = await request(url, timeoutMs, 5);
  const declared = res.headers['content-length'] === undefined ? undefined : Number(res.headers['content-length']);
  const hash = crypto.createHash('sha256');
  let bytes = 0;
  const meter = new Transform({
    transform(chunk: Buffer, _enc, done) {
      hash.update(chunk);
      bytes += chunk.length;
      done(null, chunk);
    },
  });
  res.setTimeout(timeoutMs, () => res.destroy(new Error(`no data for ${timeoutMs} ms`)));
  try {
    await pipeline(res, meter, fs.createWriteStream(tmp));
  } catch (error) {
    const got = declared === undefined ? `${bytes} bytes` : `${bytes} of ${declared} bytes`;
    throw new Error(`${describeNetworkError(error)} after ${got}`);
  }
  if (!res.complete || (declared !== undefined && bytes !== declared)) {
    throw new Error(`the connection closed early, after ${bytes}${declared === undefined ? '' : ` of ${declared}`} bytes`);
  }
  return { sha256: hash.digest('hex'), bytes };
}

function fixAdvice(file: RemoteFile, dest: string): string {
  return (
    `To fix: check your network and try again; or download ${file.url} yourself, check that its SHA-256 is ` +
    `${file.sha256}, and save it as ${dest}; or set LAMINA_DATASETS_MIRROR (or the mirror option) to a server ` +
    `that serves ${file.name}.`
  );
}

/**
 * Returns the path of `file` in the cache, downloading it first if needed. The download goes
 * to a temporary file that is renamed into place only once its SHA-256 matches, so a failed
 * or wrong download never lands in the cache. A cached file is re-hashed on every call, and a
 * corrupt one is removed and fetched again.
 */
export async function fetchVerified(dataset: string, file: RemoteFile, options: DownloadOptions = {}): Promise<string> {
  const dir = path.join(datasetsCacheDir(options.cacheDir), dataset);
  const dest = path.join(dir, file.name);
  const expected = file.sha256.toLowerCase();
  let note = '';
  if (fs.existsSync(dest)) {
    const cached = await sha256OfFile(dest);
    if (cached === expected) return dest;
    await fs.promises.rm(dest, { force: true });
    note = ` (The cached copy at ${dest} had SHA-256 ${cached}, not the expected one, so it was removed.)`;
  }
  const mirror = datasetsMirror(options.mirror);
  const url = mirror === undefined ? file.url : `${mirror}/${file.name}`;
  await fs.promises.mkdir(dir, { recursive: true });
  const tmp = `${dest}.download-${process.pid}-${crypto.randomBytes(4).toString('hex')}`;
  try {
    let got: { sha256: string; bytes: number };
    try {
      got = await downloadTo(url, tmp, options.timeoutMs ?? 60_000);
    } catch (error) {
      throw new DownloadError(
        `Downloading ${file.name} for ${dataset} from ${url} failed: ${(error as Error).message}. ` +
          `Expected SHA-256 ${expected}. Nothing was saved to the cache (${dir}).${note} ${fixAdvice(file, dest)}`,
        url,
        expected,
      );
    }
    if (got.sha256 !== expected) {
      throw new DownloadError(
        `Downloaded ${file.name} for ${dataset} from ${url}, but its SHA-256 is ${got.sha256} (${got.bytes} bytes), ` +
          `not the expected ${expected}${file.bytes === undefined ? '' : ` (${file.bytes} bytes)`}. The file was discarded ` +
          `and nothing was saved to the cache (${dir}); the server (or a proxy) sent different bytes.${note} ${fixAdvice(file, dest)}`,
        url,
        expected,
        got.sha256,
      );
    }
    await fs.promises.rename(tmp, dest);
    return dest;
  } finally {
    await fs.promises.rm(tmp, { force: true });
  }
}

/** fetchVerified for several files of one dataset, in order. */
export async function fetchAllVerified(dataset: string, files: RemoteFile[], options: DownloadOptions = {}): Promise<string[]> {
  const paths: string[] = [];
  for (const f of files) paths.push(await fetchVerified(dataset, f, options));
  return paths;
}
