// How an error message shows a value the caller passed: strings quoted, scalars as they are, and
// only the kind of an array or object, so a message never dumps a large structure.

/** `"abc"`, `42`, `null`, `an array`, `a function`. */
export function describe(value: unknown): string {
  if (typeof value === 'string') return `"${value}"`;
  if (typeof value === 'number' || typeof value === 'boolean' || value === null || value === undefined) return String(value);
  if (Array.isArray(value)) return 'an array';
  return `a ${typeof value}`;
}
