// "Can k sites cover these few demands within r?" posed as small as it can be. Over a subset of
// the demands most candidates cover the same demands as another, or fewer: only the distinct,
// undominated cover sets can matter to a decision, so the exact search branches over those (often
// a few dozen among thousands of candidates). Demands the fixed sites cover are dropped, and the
// fixed sites' count comes off k.

import type { CoverDecisionInput } from '../kernel/twin/placement/cover-decision.js';

export type SubsetCover =
  | { readonly kind: 'decide'; readonly input: CoverDecisionInput; /** Candidate index of each reduced column. */ readonly siteOf: Int32Array }
  /** The fixed sites alone cover the subset. */
  | { readonly kind: 'covered' }
  /** Some demand of the subset no allowed site covers, or the fixed sites alone exceed k. */
  | { readonly kind: 'impossible' };

/** Dominance is checked pairwise: above this many distinct cover sets only duplicates are merged. */
const MAX_DOMINANCE_COLUMNS = 4000;

export function subsetCover(
  candidateMajor: Float64Array, demandCount: number, candidateCount: number, radius: number, subset: readonly number[],
  fixed: Uint8Array, allowed: Uint8Array, k: number,
): SubsetCover {
  const n = demandCount;
  let fixedCount = 0;
  for (let j = 0; j < candidateCount; j++) if (fixed[j]) fixedCount++;
  if (fixedCount > k) return { kind: 'impossible' };
  const rows = subset.filter((i) => {
    for (let j = 0; j < candidateCount; j++) if (fixed[j] && candidateMajor[j * n + i] <= radius) return false;
    return true;
  });
  if (rows.length === 0) return { kind: 'covered' };
  const words = Math.ceil(rows.length / 32);
  // Each allowed, unfixed candidate's cover of the rows as a bitset; duplicates merged by key.
  const columns: { site: number; bits: Uint32Array; count: number }[] = [];
  const seen = new Set<string>();
  const rowCovered = new Uint8Array(rows.length);
  for (let j = 0; j < candidateCount; j++) {
    if (!allowed[j] || fixed[j]) continue;
    const bits = new Uint32Array(words);
    let count = 0;
    for (let r = 0; r < rows.length; r++) {
      if (candidateMajor[j * n + rows[r]] <= radius) {
        bits[r >>> 5] |= 1 << (r & 31);
        count++;
        rowCovered[r] = 1;
      }
    }
    if (count === 0) continue;
    const key = bits.join(',');
    if (seen.has(key)) continue;
    seen.add(key);
    columns.push({ site: j, bits, count });
  }
  if (rowCovered.includes(0)) return { kind: 'impossible' };
  // Largest sets first, so a set can only be dominated by one kept before it.
  columns.sort((a, b) => b.count - a.count || a.site - b.site);
  const isSubsetOf = (column: (typeof columns)[number], other: (typeof columns)[number]) =>
    other.count > column.count && column.bits.every((word, w) => (word & ~other.bits[w]) === 0);
  let kept = columns;
  if (columns.length <= MAX_DOMINANCE_COLUMNS) {
    kept = [];
    for (const column of columns) if (!kept.some((other) => isSubsetOf(column, other))) kept.push(column);
  }
  kept.sort((a, b) => a.site - b.site);
  const coverStart = new Int32Array(kept.length + 1);
  const demands: number[] = [];
  kept.forEach((column, c) => {
    for (let r = 0; r < rows.length; r++) if (column.bits[r >>> 5] & (1 << (r & 31))) demands.push(r);
    coverStart[c + 1] = demands.length;
  });
  const input: CoverDecisionInput = {
    demandCount: rows.length, candidateCount: kept.length, coverStart, coverDemands: Int32Array.from(demands),
    needed: new Uint8Array(rows.length).fill(1), fixed: new Uint8Array(kept.length), allowed: new Uint8Array(kept.length).fill(1), k: k - fixedCount,
  };
  return { kind: 'decide', input, siteOf: Int32Array.from(kept, (column) => column.site) };
}
