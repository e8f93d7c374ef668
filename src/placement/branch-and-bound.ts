// Depth-first branch and bound over which candidate sites are open, shared by every objective:
// each node fixes some sites open or closed, asks the objective for a relaxation bound (which also
// names the site to branch on and may offer a complete solution), prunes when the bound cannot
// beat the incumbent, and otherwise opens then closes the branching site. Minimises; maximising
// objectives negate.

import { CLOSED, FREE, OPEN } from '../kernel/twin/placement/site-status.js';

export interface NodeBound<State> {
  /** A valid lower bound on every completion of this node (Infinity when none is feasible). */
  readonly value: number;
  /** The free site to branch on; -1 when the node's sites are all decided or nothing is left to try. */
  readonly branch: number;
  /** A complete solution found while bounding, if any, with its cost. */
  readonly solution?: { readonly sites: Int32Array; readonly cost: number };
  /** Warm start for the children's bounds (e.g. Lagrange multipliers). */
  readonly state: State;
}

export interface BranchAndBoundProblem<State> {
  readonly candidateCount: number;
  /** Initial statuses: fixed sites OPEN, forbidden CLOSED, the rest FREE. */
  readonly status: Uint8Array;
  bound(status: Uint8Array, parent: State, depth: number): NodeBound<State>;
  readonly rootState: State;
  /** Round bounds up (integral data) before comparing with the incumbent. */
  readonly integral: boolean;
  /** Stop as soon as the incumbent's cost is at most this (a decision question answered). */
  readonly stopAtCost?: number;
}

export interface BranchAndBoundOutcome {
  readonly sites: Int32Array;
  readonly cost: number;
  /** True when the search finished: the incumbent is optimal (or, with stopAtCost, good enough). */
  readonly proven: boolean;
  /** Proven lower bound: the incumbent's cost when proven, the root bound otherwise. */
  readonly bound: number;
  readonly nodes: number;
}

export function branchAndBound<State>(
  problem: BranchAndBoundProblem<State>, incumbent: { sites: Int32Array; cost: number }, deadline: number,
): BranchAndBoundOutcome {
  const status = Uint8Array.from(problem.status);
  let bestSites = incumbent.sites;
  let bestCost = incumbent.cost;
  let nodes = 0;
  let aborted = false;
  let stopped = false;
  let rootBound = -Infinity;
  const tolerance = (value: number) => 1e-9 * Math.max(1, Math.abs(value));
  const provable = (value: number) => (problem.integral && Number.isFinite(value) ? Math.ceil(value - tolerance(value)) : value);
  const goodEnough = () => problem.stopAtCost !== undefined && bestCost <= problem.stopAtCost;

  const visit = (parent: State, depth: number): void => {
    if (aborted || stopped) return;
    if (performance.now() > deadline) {
      aborted = true;
      return;
    }
    nodes++;
    const node = problem.bound(status, parent, depth);
    if (depth === 0) rootBound = provable(node.value);
    if (node.solution && node.solution.cost < bestCost - tolerance(bestCost)) {
      bestCost = node.solution.cost;
      bestSites = node.solution.sites;
      if (goodEnough()) {
        stopped = true;
        return;
      }
    }
    if (provable(node.value) >= bestCost - tolerance(bestCost) || node.branch === -1) return;
    status[node.branch] = OPEN;
    visit(node.state, depth + 1);
    status[node.branch] = CLOSED;
    visit(node.state, depth + 1);
    status[node.branch] = FREE;
  };
  if (goodEnough()) return { sites: bestSites, cost: bestCost, proven: true, bound: -Infinity, nodes };
  visit(problem.rootState, 0);
  const proven = !aborted;
  return { sites: Int32Array.from(bestSites).sort(), cost: bestCost, proven, bound: proven && !stopped ? bestCost : rootBound, nodes };
}
