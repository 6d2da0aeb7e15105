/** Find 'GlorotUniform' from 'glorotUniform', 'glorot_uniform' or 'GlorotUniform' (also for regularizers, constraints). */
export function lookupByName<T>(table: Record<string, T>, name: string, where: string, what: string): T {
  const canon = (s: string): string => s.replace(/_/g, '').toLowerCase();
  const key = Object.keys(table).find((k) => canon(k) === canon(name));
  if (key === undefined) {
    throw new Error(`${where}: unknown ${what} '${name}'; expected one of ${Object.keys(table).map((k) => `'${k[0]!.toLowerCase()}${k.slice(1)}'`).join(', ')}.`);
  }
  return table[key]!;
}
