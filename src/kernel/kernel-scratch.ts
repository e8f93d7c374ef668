// Per-call scratch blocks for the solver kernels: allocated (capacity checked), handed to a call,
// always freed; a kernel's out-of-memory status becomes a CapacityError.

import { CapacityError } from '../errors.js';
import { allocateBlocks, releaseBlocks, wasmBytesAvailable } from './memory.js';

const FIX = 'solve with kernel: "js", or a smaller problem.';

/** Runs `call` with blocks of these byte sizes (0 gives pointer 0), freeing them after. */
export function withScratch<T>(sizes: number[], call: (pointers: number[]) => T): T {
  const pointers = allocateBlocks('the solver scratch', sizes, FIX);
  try {
    return call(pointers);
  } finally {
    releaseBlocks(pointers);
  }
}

/** Passes a kernel's result through, throwing when it reports running out of memory (< 0). */
export function scratchChecked(value: number): number {
  if (value < 0) throw new CapacityError('the solver scratch', 0, wasmBytesAvailable(), FIX);
  return value;
}
