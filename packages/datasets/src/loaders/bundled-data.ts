import * as fs from 'fs';
import * as path from 'path';

/** The package's data/ folder: two levels up from this file in both src/loaders and dist/loaders. */
export const BUNDLED_DATA_DIR = path.join(__dirname, '..', '..', 'data');

/** Path of a bundled file, with a clear error when the package was installed without data/. */
export function bundledFile(dataset: string, name: string): string {
  const file = path.join(BUNDLED_DATA_DIR, dataset, name);
  if (!fs.existsSync(file)) {
    throw new Error(
      `@lamina/datasets: the bundled file ${file} is missing. The package's data/ folder should ship with it; ` +
        'reinstall @lamina/datasets (and check that "data" is in its package.json "files").',
    );
  }
  return file;
}

/** Lines of a bundled text file, without blank ones. */
export function bundledLines(dataset: string, name: string): string[] {
  return fs
    .readFileSync(bundledFile(dataset, name), 'utf8')
    .split(/\r?\n/)
    .filter((l) => l.trim() !== '');
}
