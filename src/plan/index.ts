export { plan, type MarketOutcome, type Plan, type PlanOptions } from './plan.js';
export { PLAN_OBJECTIVES, type CustomPoint, type PlanCandidate, type PlanMarket, type PlanObjective, type ResolvedScenario, type Scenario, type SloTier } from './scenario.js';
export { gapAnalysis, nMinusOne, type GapAnalysis, type GreenfieldFix, type MissedMarket, type SiteFailure } from './gaps.js';
export { sweep, type Sweep, type SweepPoint, type SweepRange } from './sweep.js';
export { defaultScenario } from './default-scenario.js';
export { bundledGreenfield, GREENFIELD_MIN_DISTANCE_KM, GREENFIELD_MIN_POPULATION } from './greenfield.js';
export { whatIf, type MarketChange, type WhatIfReport } from './what-if.js';
