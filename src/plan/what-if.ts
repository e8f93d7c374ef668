// What a failure or a cable cut does to a plan: the baseline's regions re-evaluated under the
// what-if (what users would see until they act), the plan made again for it (what they could do),
// and, market by market, what changed between the baseline and the re-evaluation.

import { publicEntry } from '../errors.js';
import type { WhatIf } from '../latency/what-if.js';
import { bundledWorld } from '../world/world.js';
import { bundledGreenfield } from './greenfield.js';
import { checkPlanOptions, coverageOf, type MarketOutcome, type Verdict, outcomesFor, type Plan, type PlanOptions, planResolved, priceScenario } from './plan.js';
import { resolveScenario, type Scenario } from './scenario.js';
import { reevaluate } from './criticality.js';

/**
 * A market's outcome at one moment: what serves it, how fast, and its verdict.
 * @inline
 */
export interface MarketView {
  /** The site serving it, or null when none reaches it. */
  readonly servedBy: string | null;
  /** RTT to that site as the SLO judges it, in ms. */
  readonly rttMs: number;
  /** Whether the RTT is within the market's SLO. */
  readonly sloMet: boolean;
  /** Met, missed, or served by a national station. */
  readonly verdict: Verdict;
}

/** A market whose outcome the what-if changed. */
export interface MarketChange {
  /** The market id. */
  readonly market: string;
  /** In the baseline plan. */
  readonly before: MarketView;
  /** With the baseline's regions under the what-if. */
  readonly after: MarketView;
}

/** What a what-if does to a plan: the baseline, the baseline under it, the re-plan, and what changed. */
export interface WhatIfReport {
  /** The plan without the what-if. */
  readonly baseline: Plan;
  /** The baseline's regions, less any failed, under the what-if. */
  readonly reevaluated: {
    /** Every market's outcome, in scenario order. */
    readonly markets: readonly MarketOutcome[];
    /** Demand weight within its SLO, and how many markets got each verdict. */
    readonly coverage: Plan['coverage'];
  };
  /** The plan made again under the what-if. */
  readonly replanned: Plan;
  /** Markets whose serving region, SLO verdict or RTT (by more than 0.5 ms) changed on re-evaluation. */
  readonly changes: readonly MarketChange[];
}

const view = (o: MarketOutcome): MarketView => ({ servedBy: o.servedBy, rttMs: o.rttMs, sloMet: o.sloMet, verdict: o.verdict });

/**
 * Plans the scenario, then applies the what-if (cable or corridor cuts, nodes removed, regions
 * failed): the baseline's regions re-evaluated under it (what users see until someone acts), the
 * plan made again for it (what could be done), and the markets that changed.
 *
 * @param scenarioInput - the scenario, as for {@link plan}
 * @param cuts - what to cut or fail
 * @param options - world and timeLimitMs, as for {@link plan}
 * @throws {@link InvalidArgumentError} for a bad scenario field, an unknown cable, corridor, node or region, or a bad option
 * @example
 * ```ts
 * import { whatIf } from 'geoslo';
 *
 * const report = whatIf({ markets: { countries: ['SG', 'AE', 'SA', 'EG'] } }, { cutCorridors: ['red-sea'] });
 * report.reevaluated.coverage.share; // coverage with the baseline's regions under the cut
 * report.replanned.chosen.map((site) => site.id); // the regions a re-plan would choose
 * report.changes.map((change) => `${change.market}: ${change.before.rttMs.toFixed(0)} -> ${change.after.rttMs.toFixed(0)} ms`);
 * ```
 */
export function whatIf(scenarioInput: Scenario, cuts: WhatIf, options: Omit<PlanOptions, keyof WhatIf> = {}): WhatIfReport {
  return publicEntry('whatIf', () => {
    checkPlanOptions(cuts);
    checkPlanOptions(options);
    const world = options.world ?? bundledWorld;
    const scenario = resolveScenario(scenarioInput, world, bundledGreenfield(world));
    const baseline = planResolved(scenario, options);
    const stressed = { ...options, ...cuts };
    const pricing = priceScenario(scenario, stressed);
    const failed = new Set(cuts.removeRegions ?? []);
    const kept = baseline.chosen.filter((site) => !failed.has(site.id)).map((site) => scenario.candidates.indexOf(site));
    // A two-tier plan re-evaluates as a hierarchy: countries fail over to their other centres.
    const markets = baseline.topology === null ? outcomesFor(scenario, pricing, kept) : reevaluate(baseline, stressed, failed).markets;
    const changes = markets.flatMap((after, i): MarketChange[] => {
      const before = baseline.markets[i];
      const sameRtt = before.rttMs === after.rttMs || Math.abs(before.rttMs - after.rttMs) <= 0.5;
      const moved = before.servedBy !== after.servedBy || before.verdict !== after.verdict || !sameRtt;
      return moved ? [{ market: after.market.id, before: view(before), after: view(after) }] : [];
    });
    return { baseline, reevaluated: { markets, coverage: coverageOf(markets) }, replanned: planResolved(scenario, stressed), changes };
  });
}
