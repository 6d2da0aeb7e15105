import { z } from 'zod';

/**
 * The one place zod issues become user-facing errors: each names the layer (or call), the
 * field, what was expected and what was given, so a bad option is fixed from the message.
 */
export function validateConfig<S extends z.ZodTypeAny>(where: string, schema: S, args: unknown): z.output<S> {
  const parsed = schema.safeParse(args ?? {});
  if (parsed.success) return parsed.data;
  const lines = parsed.error.issues.map((issue) => describeIssue(issue, args));
  const name = args && typeof args === 'object' && typeof (args as { name?: unknown }).name === 'string' ? ` '${(args as { name: string }).name}'` : '';
  throw new Error(`${where}${name}: invalid options:\n  - ${lines.join('\n  - ')}`);
}

function valueAt(obj: unknown, path: ReadonlyArray<string | number>): unknown {
  let v = obj;
  for (const p of path) v = v && typeof v === 'object' ? (v as Record<string | number, unknown>)[p] : undefined;
  return v;
}

function show(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (typeof v === 'string') return `the string "${v}"`;
  if (typeof v === 'function') return 'a function';
  try {
    const s = JSON.stringify(v);
    return s && s.length > 60 ? `${s.slice(0, 57)}...` : String(s);
  } catch {
    return String(v);
  }
}

function describeIssue(issue: z.ZodIssue, args: unknown): string {
  const field = issue.path.length ? `'${issue.path.join('.')}'` : 'the options';
  const given = show(valueAt(args, issue.path));
  switch (issue.code) {
    case 'unrecognized_keys':
      return `unknown option${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `'${k}'`).join(', ')} (check the spelling; options are camelCase as in tfjs-layers)`;
    case 'invalid_type':
      return `${field}: expected ${issue.expected}, got ${issue.received === 'undefined' ? 'nothing (it is required)' : given}`;
    case 'invalid_enum_value':
      return `${field}: expected one of ${issue.options.map((o) => `'${String(o)}'`).join(', ')}, got ${given}`;
    case 'invalid_literal':
      return `${field}: expected ${show(issue.expected)}, got ${given}`;
    case 'too_small':
      return `${field}: expected ${issue.type === 'array' ? 'at least ' + issue.minimum + ' entries' : `a value ${issue.inclusive ? '>=' : '>'} ${issue.minimum}`}, got ${given}`;
    case 'too_big':
      return `${field}: expected ${issue.type === 'array' ? 'at most ' + issue.maximum + ' entries' : `a value ${issue.inclusive ? '<=' : '<'} ${issue.maximum}`}, got ${given}`;
    case 'invalid_union':
      return `${field}: ${issue.message === 'Invalid input' ? 'does not match any accepted form' : issue.message}, got ${given}`;
    default:
      return `${field}: ${issue.message}, got ${given}`;
  }
}
