// Command-line values that are numbers in a range, checked with errors that name the flag as the
// user typed it and quote what they gave.

import { complaintOf, InvalidArgumentError } from '../errors.js';

/** A number strictly between 0 and 1, such as a quantile or a confidence. */
export function fractionFlag(value: string, flag: string): number {
  const number = value.trim() === '' ? Number.NaN : Number(value);
  if (!(number > 0 && number < 1)) {
    throw new InvalidArgumentError(flag, `must be a number strictly between 0 and 1, such as 0.9; got "${value}".`);
  }
  return number;
}

/** API option fields and the flags that set them, for errors that must name what the user typed. */
const FLAG_OF_OPTION: readonly [RegExp, string][] = [
  [/^options\.removeRegions\[(\d+)\]/, '--fail'],
  [/^options\.cutCables\[(\d+)\]/, '--cut'],
  [/^options\.cutCorridors\[(\d+)\]/, '--cut-corridor'],
];

/**
 * Runs `action`; an error about an option the command set from a flag is rethrown naming the flag
 * and the value given (`--fail ap-southeast-l`), the message otherwise unchanged.
 */
export function namingFlags<T>(flags: Readonly<Record<string, readonly string[] | undefined>>, action: () => T): T {
  try {
    return action();
  } catch (error) {
    if (!(error instanceof InvalidArgumentError)) throw error;
    for (const [pattern, flag] of FLAG_OF_OPTION) {
      const match = pattern.exec(error.field);
      if (!match) continue;
      const value = flags[flag]?.[Number(match[1])];
      throw new InvalidArgumentError(value === undefined ? flag : `${flag} ${value}`, complaintOf(error));
    }
    throw error;
  }
}
