// Timing through tinybench with explicit iteration counts: its defaults (64 iterations, 1 s
// minimum) would run a multi-second task for minutes. We report medians; ratios are what we track.

import { Bench } from 'tinybench';

export interface Measured {
  readonly name: string;
  readonly medianMs: number;
  readonly samples: number;
}

export interface TaskSpec {
  readonly name: string;
  readonly run: () => unknown;
  readonly iterations: number;
  readonly warmupIterations?: number;
}

/** Runs the tasks one after another in one Bench and returns each task's median latency. */
export async function measure(group: string, tasks: readonly TaskSpec[]): Promise<Map<string, Measured>> {
  const results = new Map<string, Measured>();
  for (const task of tasks) {
    const bench = new Bench({
      name: `${group}: ${task.name}`,
      time: 0,
      iterations: task.iterations,
      warmup: (task.warmupIterations ?? 1) > 0,
      warmupTime: 0,
      warmupIterations: task.warmupIterations ?? 1,
    });
    bench.add(task.name, task.run);
    await bench.run();
    const result = bench.tasks[0].result;
    if (result.state !== 'completed') {
      throw new Error(`${group}: ${task.name} did not complete (${result.state}${'error' in result ? `: ${result.error.message}` : ''})`);
    }
    results.set(task.name, { name: task.name, medianMs: result.latency.p50, samples: result.latency.samplesCount });
  }
  return results;
}

export function medianMs(results: Map<string, Measured>, name: string): number {
  const measured = results.get(name);
  if (!measured) throw new Error(`no measurement named ${name}`);
  return measured.medianMs;
}
