// Command-line values that are numbers in a range, checked with errors that name the flag as the
// user typed it and quote what they gave.

import { InvalidArgumentError } from '../errors.js';

/** A number strictly between 0 and 1, such as a quantile or a confidence. */
export function fractionFlag(value: string, command: string, flag: string): number {
  const number = value.trim() === '' ? Number.NaN : Number(value);
  if (!(number > 0 && number < 1)) {
    throw new InvalidArgumentError(command, flag, `must be a number strictly between 0 and 1, such as 0.9; got "${value}".`);
  }
  return number;
}
