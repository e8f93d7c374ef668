// The default-sized placement problem: 200 bundled markets x the 29 operating regions, weighted by
// population, every objective solved with the wasm kernel; the target is proven optimality in
// under 50 ms each after init.

import { isOperating, latencyMatrix, markets, regions, solvePlacement, type PlacementProblem } from '../../src/index.js';
import { measure, medianMs } from '../measure.js';

export interface PlacementRow {
  objective: string;
  settings: string;
  status: string;
  medianMs: number;
}

export async function placementSuite(quick: boolean): Promise<PlacementRow[]> {
  const demandMarkets = markets.slice(0, 200);
  const latencyMs = latencyMatrix(demandMarkets.map((m) => m.id), regions.filter(isOperating).map((r) => r.id));
  const weights = demandMarkets.map((m) => m.population);
  const problems: [string, PlacementProblem][] = [
    ['k = 5', { latencyMs, weights, objective: 'p-median', k: 5 }],
    ['k = 5', { latencyMs, weights, objective: 'p-center', k: 5 }],
    ['k = 5, SLO 100 ms', { latencyMs, weights, objective: 'max-coverage', k: 5, sloMs: 100 }],
    ['SLO 150 ms', { latencyMs, weights, objective: 'set-cover', sloMs: 150 }],
    ['SLO 250 ms, 2 sites each', { latencyMs, weights, objective: 'set-cover', sloMs: 250, coverTimes: 2 }],
  ];
  const rows: PlacementRow[] = [];
  for (const [settings, problem] of problems) {
    const result = solvePlacement(problem);
    const timings = await measure(`placement ${problem.objective}`, [{ name: 'solve', run: () => solvePlacement(problem), iterations: quick ? 10 : 30 }]);
    rows.push({ objective: problem.objective, settings, status: result.status, medianMs: medianMs(timings, 'solve') });
  }
  return rows;
}
