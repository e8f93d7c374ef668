// Time limits at scale: every objective on 20,000 demands x 2,000 candidates (random points in a
// square, integer ms; coverage objectives at a 150 ms SLO). Each runs once with a 1 ms limit, which measures what comes before any
// search can stop (checking and copying the matrix, the first answer), and once with a 3 s limit;
// the target is that the second stays within 110% of the limit plus that first-answer time.

import { type PlacementProblem, solvePlacement } from '../../src/index.js';
import { seededRandom } from '../../src/util/seeded-random.js';

export interface TimeLimitRow {
  objective: string;
  demands: number;
  candidates: number;
  limitMs: number;
  firstAnswerMs: number;
  elapsedMs: number;
  status: string;
  stoppedAtTimeLimit: boolean;
  withinLimit: boolean;
}

const DEMANDS = 20_000;
const CANDIDATES = 2_000;
const LIMIT_MS = 3_000;

function squareInstance(): { rows: number; cols: number; data: Float64Array } {
  const random = seededRandom(12);
  const point = () => [random(), random()];
  const demands = Array.from({ length: DEMANDS }, point);
  const sites = Array.from({ length: CANDIDATES }, point);
  const data = new Float64Array(DEMANDS * CANDIDATES);
  for (let i = 0; i < DEMANDS; i++) {
    for (let j = 0; j < CANDIDATES; j++) data[i * CANDIDATES + j] = Math.round(1000 * Math.hypot(demands[i][0] - sites[j][0], demands[i][1] - sites[j][1]));
  }
  return { rows: DEMANDS, cols: CANDIDATES, data };
}

function timed(problem: PlacementProblem): { ms: number; status: string; stopped: boolean } {
  const started = performance.now();
  const result = solvePlacement(problem);
  return { ms: performance.now() - started, status: result.status, stopped: result.statistics.stoppedAtTimeLimit };
}

export function timeLimitSuite(): TimeLimitRow[] {
  const latencyMs = squareInstance();
  const problems: PlacementProblem[] = [
    { latencyMs, objective: 'p-median', k: 20 },
    { latencyMs, objective: 'p-center', k: 20 },
    { latencyMs, objective: 'max-coverage', k: 20, sloMs: 150 },
    { latencyMs, objective: 'set-cover', sloMs: 150 },
  ];
  return problems.map((problem) => {
    const { objective } = problem;
    // The limited run goes first, so that it, not the first-answer run, pays for warming up.
    const limited = timed({ ...problem, timeLimitMs: LIMIT_MS });
    const first = timed({ ...problem, timeLimitMs: 1 });
    return {
      objective, demands: DEMANDS, candidates: CANDIDATES, limitMs: LIMIT_MS, firstAnswerMs: first.ms, elapsedMs: limited.ms,
      status: limited.status, stoppedAtTimeLimit: limited.stopped, withinLimit: limited.ms <= LIMIT_MS * 1.1 + first.ms,
    };
  });
}
