import * as fs from 'fs';
import * as path from 'path';

/** Every file under `dir`, relative and sorted (folders left out): what a cache holds. */
export function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return (fs.readdirSync(dir, { recursive: true }) as string[]).filter((p) => fs.statSync(path.join(dir, p)).isFile()).sort();
}
