import { z, type ZodTypeAny } from 'zod';

/** Parse with zod and turn the first issues into one message: where, field, expected vs given, fix. */
export function parseArgs<S extends ZodTypeAny>(schema: S, value: unknown, where: string): z.infer<S> {
  const r = schema.safeParse(value ?? {});
  if (r.success) return r.data;
  const lines = r.error.issues.slice(0, 3).map((i) => {
    const field = i.path.length ? `'${i.path.join('.')}'` : 'the arguments';
    const given = describe(i.path.reduce<unknown>((v, k) => (v as Record<string | number, unknown> | undefined)?.[k], value));
    return `${field}: ${i.message} (given ${given})`;
  });
  throw new Error(`${where}: invalid arguments. ${lines.join('; ')}. Check the option names and types against the docs.`);
}

function describe(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (typeof v === 'string') return `'${v}'`;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return `an array of ${v.length}`;
  return typeof v;
}

const isFn = (v: unknown): boolean => typeof v === 'function';
const isObj = (v: unknown): boolean => typeof v === 'object' && v !== null;
export const fnOrObject = z.custom<object>((v) => isFn(v) || isObj(v), 'expected a function or an object');

export const identifier = z.union([z.string(), fnOrObject]);
