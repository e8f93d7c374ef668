// What a failure or a cable cut does to a plan: the baseline's regions re-evaluated under the
// what-if (what users would see until they act), the plan made again for it (what they could do),
// and, market by market, what changed between the baseline and the re-evaluation.

import type { WhatIf } from '../latency/what-if.js';
import { bundledWorld } from '../world/world.js';
import { bundledGreenfield } from './greenfield.js';
import { checkPlanOptions, coverageOf, type MarketOutcome, type Verdict, outcomesFor, type Plan, type PlanOptions, planResolved, priceScenario } from './plan.js';
import { resolveScenario, type Scenario } from './scenario.js';
import { reevaluate } from './criticality.js';

export interface MarketView {
  readonly servedBy: string | null;
  readonly rttMs: number;
  readonly sloMet: boolean;
  readonly verdict: Verdict;
}

export interface MarketChange {
  readonly market: string;
  readonly before: MarketView;
  readonly after: MarketView;
}

export interface WhatIfReport {
  readonly baseline: Plan;
  /** The baseline's regions, less any failed, under the what-if. */
  readonly reevaluated: { readonly markets: readonly MarketOutcome[]; readonly coverage: Plan['coverage'] };
  /** The plan made again under the what-if. */
  readonly replanned: Plan;
  /** Markets whose serving region, SLO verdict or RTT (by more than 0.5 ms) changed on re-evaluation. */
  readonly changes: readonly MarketChange[];
}

const view = (o: MarketOutcome): MarketView => ({ servedBy: o.servedBy, rttMs: o.rttMs, sloMet: o.sloMet, verdict: o.verdict });

export function whatIf(scenarioInput: Scenario, cuts: WhatIf, options: Omit<PlanOptions, keyof WhatIf> = {}): WhatIfReport {
  checkPlanOptions(cuts, 'whatIf');
  checkPlanOptions(options, 'whatIf');
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
}
