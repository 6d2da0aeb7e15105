/** 'categorical_crossentropy', 'categoricalCrossentropy' and 'CategoricalCrossentropy' all become one key. */
export function nameKey(name: string): string {
  return name.replace(/[_\-\s]/g, '').toLowerCase();
}

/** The error for a name that is not in a registry, listing what is. */
export function unknownName(kind: string, given: string, known: string[]): Error {
  return new Error(`Unknown ${kind} '${given}'. Known ${kind}s: ${known.join(', ')}. Pass one of these names or a ${kind} object.`);
}
