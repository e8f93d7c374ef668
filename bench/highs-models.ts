// The four placement objectives as mixed-integer programs in CPLEX LP format for HiGHS, the
// independent check on solvePlacement: y_j opens candidate j, x_ij assigns demand i to it.

import highsLoader from 'highs';

export interface MilpProblem {
  readonly latencyMs: readonly (readonly number[])[];
  readonly objective: 'p-median' | 'p-center' | 'max-coverage' | 'set-cover';
  readonly weights?: readonly number[];
  readonly costs?: readonly number[];
  readonly k?: number;
  readonly sloMs?: number;
  readonly coverTimes?: number;
  readonly fixed?: readonly number[];
  readonly forbidden?: readonly number[];
}

function lines(terms: string[], perLine = 12): string {
  const out: string[] = [];
  for (let t = 0; t < terms.length; t += perLine) out.push(`  ${terms.slice(t, t + perLine).join(' ')}`);
  return out.join('\n');
}

function signed(coefficient: number, variable: string, first: boolean): string {
  if (first) return `${coefficient} ${variable}`;
  return coefficient < 0 ? `- ${-coefficient} ${variable}` : `+ ${coefficient} ${variable}`;
}

export function milpText(problem: MilpProblem): string {
  const { latencyMs, objective } = problem;
  const demands = latencyMs.length;
  const candidates = latencyMs[0].length;
  const weights = problem.weights ?? Array(demands).fill(1);
  const costs = problem.costs ?? Array(candidates).fill(1);
  const sloMs = problem.sloMs ?? Infinity;
  const y = (j: number) => `y${j}`;
  const x = (i: number, j: number) => `x${i}_${j}`;
  const reachable = (i: number, j: number) => Number.isFinite(latencyMs[i][j]);
  const covers = (i: number, j: number) => latencyMs[i][j] <= sloMs;
  const rows: string[] = [];
  const binaries = Array.from({ length: candidates }, (_, j) => y(j));
  const bounds: string[] = [];
  let goal: string;
  const assignment = () => {
    for (let i = 0; i < demands; i++) {
      const terms = Array.from({ length: candidates }, (_, j) => j).filter((j) => reachable(i, j)).map((j, t) => signed(1, x(i, j), t === 0));
      rows.push(` assign${i}:\n${lines(terms)} = 1`);
      for (let j = 0; j < candidates; j++) if (reachable(i, j)) rows.push(` link${i}_${j}: ${x(i, j)} - ${y(j)} <= 0`);
    }
  };
  const budget = () => rows.push(` budget:\n${lines(binaries.map((v, t) => signed(1, v, t === 0)))} = ${problem.k}`);
  switch (objective) {
    case 'p-median': {
      const terms: string[] = [];
      for (let i = 0; i < demands; i++) for (let j = 0; j < candidates; j++) if (reachable(i, j)) terms.push(signed(weights[i] * latencyMs[i][j], x(i, j), terms.length === 0));
      goal = `Minimize\n obj:\n${lines(terms)}`;
      assignment();
      budget();
      break;
    }
    case 'p-center': {
      goal = 'Minimize\n obj: z';
      assignment();
      budget();
      for (let i = 0; i < demands; i++) {
        if (weights[i] === 0) continue;
        const terms = Array.from({ length: candidates }, (_, j) => j).filter((j) => reachable(i, j)).map((j, t) => signed(latencyMs[i][j], x(i, j), t === 0));
        rows.push(` radius${i}:\n${lines([...terms, '- 1 z'])} <= 0`);
      }
      break;
    }
    case 'set-cover': {
      goal = `Minimize\n obj:\n${lines(binaries.map((v, j) => signed(costs[j], v, j === 0)))}`;
      for (let i = 0; i < demands; i++) {
        if (weights[i] === 0) continue;
        const terms = Array.from({ length: candidates }, (_, j) => j).filter((j) => covers(i, j)).map((j, t) => signed(1, y(j), t === 0));
        rows.push(` cover${i}:\n${lines(terms.length > 0 ? terms : ['0 y0'])} >= ${problem.coverTimes ?? 1}`);
      }
      break;
    }
    case 'max-coverage': {
      goal = `Maximize\n obj:\n${lines(Array.from({ length: demands }, (_, i) => signed(weights[i], `z${i}`, i === 0)))}`;
      for (let i = 0; i < demands; i++) {
        const terms = Array.from({ length: candidates }, (_, j) => j).filter((j) => covers(i, j)).map((j) => signed(-1, y(j), false));
        rows.push(` covered${i}: z${i} ${terms.join(' ')} <= 0`);
        bounds.push(` 0 <= z${i} <= 1`);
      }
      budget();
      break;
    }
  }
  for (const j of problem.fixed ?? []) bounds.push(` ${y(j)} = 1`);
  for (const j of problem.forbidden ?? []) bounds.push(` ${y(j)} = 0`);
  return `${goal}\nSubject To\n${rows.join('\n')}\nBounds\n${bounds.join('\n')}\nBinary\n${lines(binaries)}\nEnd\n`;
}

export interface MilpOutcome {
  readonly status: string;
  readonly objective: number;
  readonly seconds: number;
}

let solver: Awaited<ReturnType<typeof highsLoader>> | null = null;

/** Solves the MILP with HiGHS to a zero gap, within `timeLimitSeconds`. */
export async function solveWithHighs(problem: MilpProblem, timeLimitSeconds = 60): Promise<MilpOutcome> {
  solver ??= await highsLoader();
  const text = milpText(problem);
  const started = performance.now();
  const solution = solver.solve(text, { output_flag: false, mip_rel_gap: 0, time_limit: timeLimitSeconds });
  return { status: solution.Status, objective: solution.ObjectiveValue, seconds: (performance.now() - started) / 1000 };
}
