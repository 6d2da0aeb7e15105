import * as os from 'os';
import * as path from 'path';

/**
 * Where downloads are kept: `override`, else $LAMINA_DATASETS_DIR, else
 * $XDG_CACHE_HOME/lamina/datasets, else ~/.cache/lamina/datasets.
 */
export function datasetsCacheDir(override?: string): string {
  if (override !== undefined) return path.resolve(override);
  const fromEnv = process.env.LAMINA_DATASETS_DIR;
  if (fromEnv !== undefined && fromEnv !== '') return path.resolve(fromEnv);
  const cacheHome = process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
  return path.join(cacheHome, 'lamina', 'datasets');
}

/** A base URL that replaces each file's canonical location: `override`, else $LAMINA_DATASETS_MIRROR. */
export function datasetsMirror(override?: string): string | undefined {
  const base = override ?? process.env.LAMINA_DATASETS_MIRROR;
  return base === undefined || base === '' ? undefined : base.replace(/\/+$/, '');
}
