// Gap analysis and N-1: what a plan cannot do and what would break. For every market missing its
// SLO, the best RTT any candidate could give it; the one greenfield site that would bring the most
// of the missed demand within SLO; and, per chosen site, the markets that would miss their SLO if
// that site failed (no other chosen site within their SLO).

import type { World } from '../world/world.js';
import { bundledGreenfield } from './greenfield.js';
import { reevaluate } from './criticality.js';
import { checkPlan, optionsOf, type Plan, priceSites } from './plan.js';
import type { PlanCandidate } from './scenario.js';

export interface MissedMarket {
  readonly market: string;
  readonly rttMs: number;
  readonly sloMs: number;
  /** The best RTT any candidate of the scenario may give it, chosen or not. */
  readonly bestAchievableMs: number;
  readonly bestCandidate: string | null;
}

export interface GreenfieldFix {
  readonly site: PlanCandidate;
  /** Missed markets the site would serve within their SLO, and their weight. */
  readonly markets: readonly string[];
  readonly weight: number;
  /** Share of the missed demand weight it fixes. */
  readonly share: number;
}

export interface GapAnalysis {
  readonly missed: readonly MissedMarket[];
  readonly missedWeight: number;
  /** The greenfield site fixing the most missed demand, or null when none fixes any. */
  readonly bestGreenfield: GreenfieldFix | null;
}

/** Gap analysis of a plan, priced as the plan was: its world, network, quantile, access and what-if. */
export function gapAnalysis(result: Plan): GapAnalysis {
  checkPlan(result, 'gapAnalysis');
  const { scenario, rttMs } = result;
  const options = optionsOf(result);
  const world = options.world as World;
  const missedOutcomes = result.markets.filter((outcome) => outcome.verdict === 'missed');
  const missed = missedOutcomes.map((outcome): MissedMarket => {
    const i = scenario.markets.indexOf(outcome.market);
    let best = Infinity;
    let bestCandidate: string | null = null;
    scenario.candidates.forEach((candidate, j) => {
      const value = rttMs.data[i * rttMs.cols + j];
      if (value < best) {
        best = value;
        bestCandidate = candidate.id;
      }
    });
    return { market: outcome.market.id, rttMs: outcome.rttMs, sloMs: outcome.market.sloMs, bestAchievableMs: best, bestCandidate };
  });
  const missedWeight = missedOutcomes.reduce((sum, o) => sum + o.market.weight, 0);
  const sites = [...bundledGreenfield(world).values()];
  if (missedOutcomes.length === 0 || sites.length === 0) return { missed, missedWeight, bestGreenfield: null };
  const { latency } = priceSites(scenario, sites, options, new Set());
  let bestGreenfield: GreenfieldFix | null = null;
  sites.forEach((site, j) => {
    const fixed = missedOutcomes.filter((outcome) => latency[scenario.markets.indexOf(outcome.market)][j] <= outcome.market.sloMs);
    const weight = fixed.reduce((sum, o) => sum + o.market.weight, 0);
    if (weight > 0 && (bestGreenfield === null || weight > bestGreenfield.weight)) {
      bestGreenfield = { site, markets: fixed.map((o) => o.market.id), weight, share: weight / missedWeight };
    }
  });
  return { missed, missedWeight, bestGreenfield };
}

export interface SiteFailure {
  readonly site: string;
  /** Markets within SLO now that no other chosen site serves within their SLO. */
  readonly breaks: readonly string[];
  readonly weight: number;
}

/** For each chosen site: the markets that would miss their SLO if it alone failed. */
export function nMinusOne(result: Plan): SiteFailure[] {
  checkPlan(result, 'nMinusOne');
  if (result.topology !== null) {
    // In a two-tier plan a failed site's countries fail over to their other centres, not to any site.
    const options = optionsOf(result);
    return result.chosen.map((site): SiteFailure => {
      const after = reevaluate(result, options, new Set([...(options.removeRegions ?? []), site.id])).markets;
      const breaks = result.markets.filter((before, i) => before.sloMet && !after[i].sloMet);
      return { site: site.id, breaks: breaks.map((o) => o.market.id), weight: breaks.reduce((sum, o) => sum + o.market.weight, 0) };
    });
  }
  const { scenario, rttMs } = result;
  const chosenIndex = result.chosen.map((site) => scenario.candidates.indexOf(site));
  return result.chosen.map((site, s): SiteFailure => {
    const breaks = result.markets.filter((outcome, i) => {
      if (outcome.verdict !== 'met') return false;
      return !chosenIndex.some((j, t) => t !== s && rttMs.data[i * rttMs.cols + j] <= outcome.market.sloMs);
    });
    return { site: site.id, breaks: breaks.map((o) => o.market.id), weight: breaks.reduce((sum, o) => sum + o.market.weight, 0) };
  });
}
