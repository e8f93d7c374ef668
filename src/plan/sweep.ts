// Sweeps: the same scenario planned for k = 1..K regions, or for a range of SLOs, one point per
// step with its coverage, mean and worst RTT and optimality: the trade-off curve a planner wants.

import { InvalidArgumentError, publicEntry } from '../errors.js';
import { describe } from '../util/describe.js';
import { checkPlanOptions, type Plan, plan, type PlanOptions } from './plan.js';
import type { Scenario } from './scenario.js';

/** What a sweep varies: k from `from` to `to`, or the default SLO from `from` to `to` ms by `step`. At most 200 steps. */
export type SweepRange = {
  /** Sweep the number of regions. */
  readonly k: {
    /** The first k, a positive integer. */
    readonly from: number;
    /** The last k, at least `from`. */
    readonly to: number;
  };
} | {
  /** Sweep the default SLO (tiers keep theirs). */
  readonly sloMs: {
    /** The first SLO in ms, > 0. */
    readonly from: number;
    /** The last SLO in ms, at least `from`. */
    readonly to: number;
    /** Ms between steps, > 0. */
    readonly step: number;
  };
};

/** One step of a sweep: the plan's regions, coverage, RTTs and cost at one value. */
export interface SweepPoint {
  /** The k or the SLO (ms) of this step. */
  readonly value: number;
  /** The plan's status at this step. */
  readonly status: Plan['status'];
  /** The chosen site ids. */
  readonly regions: readonly string[];
  /** Demand weight within its SLO, of all demand weight. */
  readonly coverage: number;
  /** Demand-weighted mean RTT over the markets served. */
  readonly meanRttMs: number;
  /** Worst RTT over the markets served, in ms. */
  readonly worstRttMs: number;
  /** The chosen sites' total cost, when the scenario gives costs; else null. */
  readonly cost: number | null;
}

/** A trade-off curve: one plan per step of k or of the SLO. */
export interface Sweep {
  /** What was varied. */
  readonly parameter: 'k' | 'sloMs';
  /** The plan objective every step used. */
  readonly objective: string;
  /** One point per step, in order. */
  readonly points: readonly SweepPoint[];
}

const MAX_STEPS = 200;

function summarise(value: number, result: Plan): SweepPoint {
  let weight = 0;
  let weighted = 0;
  let worst = 0;
  for (const outcome of result.markets) {
    if (outcome.verdict === 'national station' || !Number.isFinite(outcome.rttMs)) continue;
    weight += outcome.market.weight;
    weighted += outcome.market.weight * outcome.rttMs;
    worst = Math.max(worst, outcome.rttMs);
  }
  return {
    value, status: result.status, regions: result.chosen.map((c) => c.id), coverage: result.coverage.share,
    meanRttMs: weight === 0 ? Number.NaN : weighted / weight, worstRttMs: worst, cost: result.cost?.total ?? null,
  };
}

function checkStepCount(count: number): void {
  if (count > MAX_STEPS) {
    const shown = count >= 1e9 ? `about ${count.toExponential(0)}` : String(count);
    throw new InvalidArgumentError('range', `has ${shown} steps; at most ${MAX_STEPS} are allowed (widen the step or narrow the range).`);
  }
}

function bounds(from: unknown, to: unknown, field: string, integer: boolean): [number, number] {
  const ok = (v: unknown) => typeof v === 'number' && Number.isFinite(v) && v > 0 && (!integer || Number.isInteger(v));
  if (!ok(from)) throw new InvalidArgumentError(`${field}.from`, `must be a ${integer ? 'positive integer' : 'number > 0'}; got ${describe(from)}.`);
  if (!ok(to) || (to as number) < (from as number)) throw new InvalidArgumentError(`${field}.to`, `must be a ${integer ? 'positive integer' : 'number'} >= ${field}.from; got ${describe(to)}.`);
  return [from as number, to as number];
}

/**
 * Plans `scenario` once per step. A k sweep keeps the scenario's objective when it takes k and
 * otherwise maximises coverage; an SLO sweep varies the default SLO (tiers keep theirs).
 * `onStep` reports progress (step index, step count).
 *
 * @param scenario - the scenario to plan at every step
 * @param range - `{ k: { from, to } }` or `{ sloMs: { from, to, step } }`, at most 200 steps
 * @param options - world, timeLimitMs (per step) and what-if cuts, as for {@link plan}
 * @param onStep - called after each step with (steps done, step count)
 * @throws {@link InvalidArgumentError} for a malformed range, more than 200 steps, a k sweep of a
 *   two-tier scenario, or a bad scenario or option
 * @example
 * ```ts
 * import { renderSweepSvg, sweep } from 'geoslo';
 *
 * const curve = sweep({ markets: { countries: ['SG', 'ID', 'AE', 'MX', 'BR'] } }, { k: { from: 1, to: 5 } });
 * curve.points.map((point) => `k=${point.value}: ${(point.coverage * 100).toFixed(0)}% within SLO`);
 * const svg = renderSweepSvg(curve);
 * ```
 */
export function sweep(scenario: Scenario, range: SweepRange, options: PlanOptions = {}, onStep?: (done: number, total: number) => void): Sweep {
  return publicEntry('sweep', () => {
    if (typeof scenario !== 'object' || scenario === null || Array.isArray(scenario)) {
      throw new InvalidArgumentError('scenario', `must be a scenario object; got ${describe(scenario)}.`);
    }
    checkPlanOptions(options);
    if (onStep !== undefined && typeof onStep !== 'function') throw new InvalidArgumentError('onStep', `must be a function; got ${describe(onStep)}.`);
    const base = scenario as Record<string, unknown>;
    if (typeof range !== 'object' || range === null || (!('k' in range) && !('sloMs' in range))) {
      throw new InvalidArgumentError('range', 'must be { k: { from, to } } or { sloMs: { from, to, step } }.');
    }
    const steps: { value: number; scenario: Record<string, unknown> }[] = [];
    let objective: string;
    let parameter: 'k' | 'sloMs';
    if ('k' in range) {
      parameter = 'k';
      const [from, to] = bounds(range.k?.from, range.k?.to, 'range.k', true);
      checkStepCount(to - from + 1);
      if (base.topology !== undefined) {
        throw new InvalidArgumentError('range.k', 'cannot sweep a two-tier scenario: it opens as many centres and stations as its SLOs need. Sweep the SLO instead ({ sloMs: { from, to, step } }, or --slo FROM:TO:STEP).');
      }
      const current = (base.objective ?? {}) as { type?: string };
      // Objectives that count or price their own sites take no k: a k sweep maximises coverage instead.
      objective = current.type !== undefined && current.type !== 'fewest-regions' && current.type !== 'least-cost' ? current.type : 'most-covered';
      for (let k = from; k <= to; k++) steps.push({ value: k, scenario: { ...base, objective: { type: objective, k } } });
    } else {
      parameter = 'sloMs';
      const [from, to] = bounds(range.sloMs?.from, range.sloMs?.to, 'range.sloMs', false);
      const step = range.sloMs.step;
      if (typeof step !== 'number' || !Number.isFinite(step) || step <= 0) throw new InvalidArgumentError('range.sloMs.step', `must be a number > 0; got ${describe(step)}.`);
      // Counted before any step is built: a tiny step must fail at once, not loop or fill memory.
      checkStepCount(Math.floor((to - from) / step + 1e-9) + 1);
      objective = ((base.objective ?? { type: 'fewest-regions' }) as { type: string }).type;
      for (let sloMs = from; sloMs <= to + 1e-9; sloMs += step) {
        steps.push({ value: Number(sloMs.toFixed(6)), scenario: { ...base, slo: { ...(base.slo as object | undefined), defaultMs: sloMs } } });
      }
    }
    const points = steps.map((s, i) => {
      const point = summarise(s.value, plan(s.scenario, options));
      onStep?.(i + 1, steps.length);
      return point;
    });
    return { parameter, objective, points };
  });
}
