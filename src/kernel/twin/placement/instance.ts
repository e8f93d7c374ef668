// The numeric form every placement kernel reads: a candidate-major distance matrix with no
// infinities (an unreachable pair costs a penalty larger than any whole solution without one, so
// the arithmetic stays finite and exact comparisons stay meaningful), weights and site masks.

export interface PlacementInstance {
  readonly demandCount: number;
  readonly candidateCount: number;
  /** distance[j * demandCount + i], finite. */
  readonly distance: Float64Array;
  readonly weights: Float64Array;
  /** 1 where the candidate must be open. */
  readonly fixed: Uint8Array;
  /** 1 where the candidate may be open (not forbidden). */
  readonly allowed: Uint8Array;
  /** Sites to open, fixed ones included. */
  readonly k: number;
  /** The stand-in for +Infinity in `distance`. */
  readonly unreachableMs: number;
}

/** The penalty for an unreachable pair: more than every demand at the worst finite latency. */
export function unreachablePenalty(distances: Float64Array, weights: Float64Array): number {
  let maxFinite = 0;
  for (const d of distances) if (d !== Infinity && d > maxFinite) maxFinite = d;
  let total = 0;
  let minPositive = Infinity;
  for (const w of weights) {
    total += w;
    if (w > 0 && w < minPositive) minPositive = w;
  }
  if (minPositive === Infinity) return maxFinite + 1;
  return (maxFinite + 1) * (total / minPositive + 1) * 2;
}

/**
 * The distances with +Infinity replaced by the penalty (the same array when there is none). A plain
 * loop, not Float64Array.from with a mapper, which collects every value in a JavaScript array first
 * and fails on large matrices.
 */
export function withPenalty(distances: Float64Array, penaltyMs: number): Float64Array {
  // Most matrices reach everywhere: no copy is needed then.
  if (!distances.includes(Infinity)) return distances;
  const penalised = new Float64Array(distances.length);
  for (let c = 0; c < distances.length; c++) {
    const d = distances[c];
    penalised[c] = d === Infinity ? penaltyMs : d;
  }
  return penalised;
}
