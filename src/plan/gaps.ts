// Gap analysis and N-1: what a plan cannot do and what would break. For every market missing its
// SLO, the best RTT any candidate could give it; the one greenfield site that would bring the most
// of the missed demand within SLO; and, per chosen site, the markets that would miss their SLO if
// that site failed (no other chosen site within their SLO).

import { publicEntry } from '../errors.js';
import type { World } from '../world/world.js';
import { bundledGreenfield } from './greenfield.js';
import { reevaluate } from './criticality.js';
import { checkPlan, optionsOf, type Plan, priceSites } from './plan.js';
import type { PlanCandidate } from './scenario.js';

/** A market that misses its SLO, and the best any candidate could do for it. */
export interface MissedMarket {
  /** The market id. */
  readonly market: string;
  /** Its RTT in the plan, as the SLO judges it. */
  readonly rttMs: number;
  /** Its SLO in ms. */
  readonly sloMs: number;
  /** The best RTT any candidate of the scenario may give it, chosen or not. */
  readonly bestAchievableMs: number;
  /** The candidate that gives it, or null when none reaches the market. */
  readonly bestCandidate: string | null;
}

/** The bundled greenfield site that would bring the most missed demand within its SLO. */
export interface GreenfieldFix {
  /** The greenfield site. */
  readonly site: PlanCandidate;
  /** Missed markets the site would serve within their SLO, and their weight. */
  readonly markets: readonly string[];
  /** Demand weight of those markets. */
  readonly weight: number;
  /** Share of the missed demand weight it fixes. */
  readonly share: number;
}

/** What a plan cannot do: the markets missing their SLO, and the greenfield site that helps most. */
export interface GapAnalysis {
  /** Markets whose verdict is 'missed', in scenario order. */
  readonly missed: readonly MissedMarket[];
  /** Their demand weight. */
  readonly missedWeight: number;
  /** The greenfield site fixing the most missed demand, or null when none fixes any. */
  readonly bestGreenfield: GreenfieldFix | null;
}

/**
 * Gap analysis of a plan, priced as the plan was: its world, network, quantile, access and what-if.
 * For every market missing its SLO, the best RTT any candidate could give it; and the one bundled
 * greenfield site that would bring the most of the missed demand within its SLO.
 *
 * @param result - a plan made by {@link plan} or {@link whatIf}
 * @throws {@link InvalidArgumentError} when `result` is not a plan
 * @example
 * ```ts
 * import { gapAnalysis, plan } from 'geoslo';
 *
 * const gaps = gapAnalysis(plan({ markets: { countries: ['BR', 'CL', 'AR'] }, slo: { defaultMs: 40 } }));
 * gaps.missed.map((m) => `${m.market}: best ${m.bestAchievableMs.toFixed(0)} ms from ${m.bestCandidate}`);
 * gaps.bestGreenfield?.site.id; // the greenfield site that would fix the most missed demand
 * ```
 */
export function gapAnalysis(result: Plan): GapAnalysis {
  return publicEntry('gapAnalysis', () => {
    checkPlan(result);
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
  });
}

/** What one chosen site's failure would break. */
export interface SiteFailure {
  /** The chosen site's id. */
  readonly site: string;
  /** Markets within SLO now that no other chosen site serves within their SLO. */
  readonly breaks: readonly string[];
  /** Their demand weight. */
  readonly weight: number;
}

/**
 * For each chosen site: the markets that would miss their SLO if it alone failed. In a two-tier
 * plan the failed site's countries fail over to their other centres.
 *
 * @param result - a plan made by {@link plan} or {@link whatIf}
 * @throws {@link InvalidArgumentError} when `result` is not a plan
 * @example
 * ```ts
 * import { nMinusOne, plan } from 'geoslo';
 *
 * for (const failure of nMinusOne(plan({ markets: { countries: ['SG', 'ID', 'TH', 'AE'] } }))) {
 *   console.log(`${failure.site} down: ${failure.breaks.join(', ') || 'nothing breaks'}`);
 * }
 * ```
 */
export function nMinusOne(result: Plan): SiteFailure[] {
  return publicEntry('nMinusOne', () => {
    checkPlan(result);
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
  });
}
