import { DownloadOptions, RemoteFile, fetchVerified } from '../download/fetch-verified';
import { parseCifarRecords } from '../io/cifar-binary';
import { readTarGzEntries } from '../io/tar-entries';
import { TrainTestData } from '../types';

// The "binary version" tarballs from https://www.cs.toronto.edu/~kriz/cifar.html: same images
// and order as the python-pickle tarballs Keras uses, without pickle. SHA-256 as pinned by
// several public loaders (e.g. torchvision-style ones) for these exact URLs.
export const CIFAR10_ARCHIVE: RemoteFile = {
  name: 'cifar-10-binary.tar.gz',
  url: 'https://www.cs.toronto.edu/~kriz/cifar-10-binary.tar.gz',
  sha256: 'c4a38c50a1bc5f3a1c5537f2155ab9d68f9f25eb1ed8d9ddda3db29a59bca1dd',
  bytes: 170052171,
};

export const CIFAR100_ARCHIVE: RemoteFile = {
  name: 'cifar-100-binary.tar.gz',
  url: 'https://www.cs.toronto.edu/~kriz/cifar-100-binary.tar.gz',
  sha256: '58a81ae192c23a4be8b1804d68e518ed807d710a4eb253b1f2a199162a40d8ec',
};

export interface CifarData extends TrainTestData {
  /** Label names, read from the archive's meta file. */
  classNames: string[];
}

function namesFrom(buf: Buffer | undefined): string[] {
  return buf === undefined
    ? []
    : buf
        .toString('utf8')
        .split(/\r?\n/)
        .map((s) => s.trim())
        .filter((s) => s !== '');
}

function required(entries: Map<string, Buffer>, name: string, archive: string): Buffer {
  const buf = entries.get(name);
  if (buf === undefined) {
    throw new Error(`cifar: ${archive} has no member ${name}; it is not the CIFAR binary-version archive (delete it to download again).`);
  }
  return buf;
}

/**
 * CIFAR-10 loader over an archive (the pinned one by default; tests pass their own).
 * Shapes as keras.datasets.cifar10: train.x uint8 [50000, 32, 32, 3], train.y uint8 [50000, 1],
 * test.x uint8 [10000, 32, 32, 3], test.y uint8 [10000, 1].
 */
export function cifar10Loader(archive: RemoteFile = CIFAR10_ARCHIVE) {
  return {
    archive,
    async load(options: DownloadOptions = {}): Promise<CifarData> {
      const file = await fetchVerified('cifar10', archive, options);
      const dir = 'cifar-10-batches-bin/';
      const entries = await readTarGzEntries(file, (n) => n.startsWith(dir));
      const train = [1, 2, 3, 4, 5].map((i) => required(entries, `${dir}data_batch_${i}.bin`, file));
      const test = required(entries, `${dir}test_batch.bin`, file);
      return {
        train: parseCifarRecords(train, 1, 0, file),
        test: parseCifarRecords([test], 1, 0, file),
        classNames: namesFrom(entries.get(`${dir}batches.meta.txt`)),
      };
    },
  };
}

export interface Cifar100LoadOptions extends DownloadOptions {
  /** 'fine' (100 classes, default) or 'coarse' (20 superclasses), as Keras's label_mode. */
  labelMode?: 'fine' | 'coarse';
}

/**
 * CIFAR-100 loader. Shapes as keras.datasets.cifar100: train.x uint8 [50000, 32, 32, 3],
 * train.y uint8 [50000, 1], test.x uint8 [10000, 32, 32, 3], test.y uint8 [10000, 1].
 */
export function cifar100Loader(archive: RemoteFile = CIFAR100_ARCHIVE) {
  return {
    archive,
    async load(options: Cifar100LoadOptions = {}): Promise<CifarData> {
      const mode = options.labelMode ?? 'fine';
      if (mode !== 'fine' && mode !== 'coarse') throw new Error(`cifar100: labelMode must be 'fine' or 'coarse', got '${String(mode)}'.`);
      const file = await fetchVerified('cifar100', archive, options);
      const dir = 'cifar-100-binary/';
      const entries = await readTarGzEntries(file, (n) => n.startsWith(dir));
      const labelIndex = mode === 'coarse' ? 0 : 1;
      return {
        train: parseCifarRecords([required(entries, `${dir}train.bin`, file)], 2, labelIndex, file),
        test: parseCifarRecords([required(entries, `${dir}test.bin`, file)], 2, labelIndex, file),
        classNames: namesFrom(entries.get(`${dir}${mode}_label_names.txt`)),
      };
    },
  };
}

/** CIFAR-10, downloaded on first use (163 MB) and cached. */
export const cifar10 = cifar10Loader();
/** CIFAR-100, downloaded on first use (161 MB) and cached. */
export const cifar100 = cifar100Loader();
