// Two-tier planning and criticality as a user runs them in process, the kernel already initialised:
// the bundled model case (regional centres and national stations) planned to proven optimality,
// and every single cable, corridor and site failure ranked for it and for the default scenario.

import { readFileSync } from 'node:fs';
import { criticality } from '../../src/plan/criticality.js';
import { defaultScenario } from '../../src/plan/default-scenario.js';
import { plan } from '../../src/plan/plan.js';
import type { Scenario } from '../../src/plan/scenario.js';
import { measure, medianMs } from '../measure.js';
import { projectFile } from '../project-files.js';

export const MODEL_CASE_FILE = 'data/scenarios/overseas-vehicle-platform.json';

export interface TwoTierRow {
  readonly planMs: number;
  readonly status: string;
  readonly sites: number;
  readonly bound: number | null;
  /** Criticality of the model case: every single failure. */
  readonly modelCaseCriticalityMs: number;
  readonly defaultCriticalityMs: number;
  /** Failures tried per criticality run (cables + corridors + sites), model case then default. */
  readonly failuresTried: readonly [number, number];
}

export async function twoTierSuite(quick: boolean): Promise<TwoTierRow> {
  const modelCase = JSON.parse(readFileSync(projectFile(MODEL_CASE_FILE), 'utf8')) as Scenario;
  const modelPlan = plan(modelCase);
  const defaultPlan = plan(defaultScenario);
  const iterations = quick ? 3 : 9;
  const timings = await measure('two-tier', [
    { name: 'plan model case', run: () => plan(modelCase), iterations: iterations * 2 },
    { name: 'criticality model case', run: () => criticality(modelPlan), iterations },
    { name: 'criticality default', run: () => criticality(defaultPlan), iterations },
  ]);
  const tried = (ranked: ReturnType<typeof criticality>) => ranked.tried.cable + ranked.tried.corridor + ranked.tried.site;
  return {
    planMs: medianMs(timings, 'plan model case'),
    status: modelPlan.status,
    sites: modelPlan.chosen.length,
    bound: modelPlan.objective.bound,
    modelCaseCriticalityMs: medianMs(timings, 'criticality model case'),
    defaultCriticalityMs: medianMs(timings, 'criticality default'),
    failuresTried: [tried(criticality(modelPlan)), tried(criticality(defaultPlan))],
  };
}
