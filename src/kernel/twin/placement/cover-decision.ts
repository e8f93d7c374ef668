// "Can at most k sites cover these demands?" decided exactly by branching on demands: take the
// uncovered demand with the fewest sites able to cover it, and try each such site in turn
// (excluding it from the later siblings, whose subtrees then cannot repeat it). A node is pruned
// when the open sites plus a set of uncovered demands that no single site covers two of (each
// needs a site of its own) exceed k. The p-center search asks this once per radius.

export interface CoverDecisionInput {
  readonly demandCount: number;
  readonly candidateCount: number;
  /** Demands each candidate covers: coverDemands[coverStart[j] .. coverStart[j + 1]). */
  readonly coverStart: Int32Array;
  readonly coverDemands: Int32Array;
  /** 1 for demands that must be covered. */
  readonly needed: Uint8Array;
  /** Sites that are open from the start (they count toward k). */
  readonly fixed: Uint8Array;
  /** Sites that may be opened. */
  readonly allowed: Uint8Array;
  readonly k: number;
}

export type CoverDecision = { readonly feasible: true; readonly sites: Int32Array } | { readonly feasible: false } | { readonly feasible: null };

/**
 * Searches at most `nodeBudget` nodes; { feasible: null } when the budget runs out first (the
 * caller may try again with a larger one). Deterministic: the kernel twin visits the same nodes.
 */
export function decideCover(input: CoverDecisionInput, nodeBudget: number): CoverDecision {
  const { demandCount: n, candidateCount: m, coverStart, coverDemands, needed, fixed, allowed, k } = input;
  // Demand -> covering candidates, the transpose of the cover lists.
  const byDemandStart = new Int32Array(n + 1);
  for (const i of coverDemands) byDemandStart[i + 1]++;
  for (let i = 0; i < n; i++) byDemandStart[i + 1] += byDemandStart[i];
  const byDemand = new Int32Array(coverDemands.length);
  const fill = byDemandStart.slice(0, n);
  for (let j = 0; j < m; j++) for (let t = coverStart[j]; t < coverStart[j + 1]; t++) byDemand[fill[coverDemands[t]]++] = j;

  const coveredBy = new Int32Array(n); // open sites covering each demand
  const excluded = new Uint8Array(m);
  const open: number[] = [];
  const marked = new Uint8Array(m);
  let uncovered = 0;
  const openSite = (j: number, sign: 1 | -1) => {
    for (let t = coverStart[j]; t < coverStart[j + 1]; t++) {
      const i = coverDemands[t];
      if (!needed[i]) continue;
      if (sign === 1 && coveredBy[i]++ === 0) uncovered--;
      if (sign === -1 && --coveredBy[i] === 0) uncovered++;
    }
  };
  for (let i = 0; i < n; i++) if (needed[i]) uncovered++;
  for (let j = 0; j < m; j++) {
    if (fixed[j]) {
      open.push(j);
      openSite(j, 1);
    }
  }
  if (open.length > k) return { feasible: false };
  let aborted = false;
  let nodes = 0;

  const available = (j: number) => allowed[j] && !excluded[j] && !fixed[j];
  const coverOptions = (i: number) => {
    let count = 0;
    for (let t = byDemandStart[i]; t < byDemandStart[i + 1]; t++) if (available(byDemand[t])) count++;
    return count;
  };

  const search = (): boolean => {
    if (uncovered === 0) return true;
    if (open.length >= k) return false;
    if (++nodes > nodeBudget) {
      aborted = true;
      return false;
    }
    // Branch demand: the uncovered one with the fewest ways to be covered.
    let branchDemand = -1;
    let fewest = Infinity;
    const order: number[] = [];
    for (let i = 0; i < n; i++) {
      if (!needed[i] || coveredBy[i] > 0) continue;
      const options = coverOptions(i);
      if (options === 0) return false;
      order.push(i);
      if (options < fewest) {
        fewest = options;
        branchDemand = i;
      }
    }
    // Independent uncovered demands each need their own site; try the most constrained first.
    const optionsOf = new Map(order.map((i) => [i, coverOptions(i)]));
    order.sort((a, b) => (optionsOf.get(a) as number) - (optionsOf.get(b) as number) || a - b);
    let independent = 0;
    const touched: number[] = [];
    for (const i of order) {
      let free = true;
      for (let t = byDemandStart[i]; t < byDemandStart[i + 1] && free; t++) if (marked[byDemand[t]]) free = false;
      if (!free) continue;
      independent++;
      for (let t = byDemandStart[i]; t < byDemandStart[i + 1]; t++) {
        marked[byDemand[t]] = 1;
        touched.push(byDemand[t]);
      }
    }
    for (const j of touched) marked[j] = 0;
    if (open.length + independent > k) return false;

    // Try the sites covering the branch demand, those covering the most uncovered demands first.
    const options: { site: number; gain: number }[] = [];
    for (let t = byDemandStart[branchDemand]; t < byDemandStart[branchDemand + 1]; t++) {
      const j = byDemand[t];
      if (!available(j)) continue;
      let gain = 0;
      for (let s = coverStart[j]; s < coverStart[j + 1]; s++) if (needed[coverDemands[s]] && coveredBy[coverDemands[s]] === 0) gain++;
      options.push({ site: j, gain });
    }
    options.sort((a, b) => b.gain - a.gain || a.site - b.site);
    const excludedHere: number[] = [];
    let found = false;
    for (const { site } of options) {
      open.push(site);
      openSite(site, 1);
      found = search();
      if (found || aborted) break;
      openSite(site, -1);
      open.pop();
      excluded[site] = 1;
      excludedHere.push(site);
    }
    for (const j of excludedHere) excluded[j] = 0;
    return found;
  };

  const found = search();
  if (found) return { feasible: true, sites: Int32Array.from(open).sort() };
  return aborted ? { feasible: null } : { feasible: false };
}
