// Long runs and repeat runs: 10,000 plans leave kernel memory flat; a plan is byte-identical run
// after run, in another process and in worker threads.

import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { gapAnalysis, nMinusOne, plan, type Scenario } from '../src/index.js';
import { kernel } from '../src/kernel/wasm.js';
import { planJson } from '../src/report/plan-json.js';

const dist = resolve(import.meta.dirname, '..', 'dist', 'index.js');
const cli = resolve(import.meta.dirname, '..', 'dist', 'cli.js');

// Small scenarios that between them take every network, quantile, objective and what-if path.
const SCENARIOS: readonly { scenario: Scenario; options: Record<string, unknown> }[] = [
  { scenario: { markets: { countries: ['ID', 'TH'] }, slo: { defaultMs: 60 } }, options: {} },
  { scenario: { markets: { countries: ['ID', 'TH'] }, slo: { defaultMs: 60, confidence: 0.9 }, network: 'backbone' }, options: {} },
  { scenario: { markets: { countries: ['AE', 'EG'] }, slo: { defaultMs: 120 }, objective: { type: 'least-mean-latency', k: 2 } }, options: { cutCorridors: ['red-sea'] } },
  { scenario: { markets: { countries: ['MX', 'CO'] }, objective: { type: 'most-covered', k: 1 } }, options: { removeRegions: ['na-south-1'] } },
  { scenario: { markets: { countries: ['ID'] }, redundancy: 2 }, options: { cutCables: ['sjc'] } },
];

const serialised = (index: number) => {
  const { scenario, options } = SCENARIOS[index];
  const result = plan(scenario, options);
  return JSON.stringify(planJson(result, gapAnalysis(result), nMinusOne(result)));
};

describe('soak', () => {
  it('10,000 plans leave kernel memory flat after warm-up', () => {
    for (let i = 0; i < 50; i++) plan(SCENARIOS[i % SCENARIOS.length].scenario, SCENARIOS[i % SCENARIOS.length].options);
    const memoryBytes = kernel().memory.buffer.byteLength;
    const inUse = kernel().heapBytesInUse();
    for (let i = 0; i < 10_000; i++) plan(SCENARIOS[i % SCENARIOS.length].scenario, SCENARIOS[i % SCENARIOS.length].options);
    expect(kernel().memory.buffer.byteLength).toBe(memoryBytes);
    expect(kernel().heapBytesInUse()).toBe(inUse);
  }, 300_000);
});

describe('determinism', () => {
  it('gives byte-identical plans run after run', () => {
    SCENARIOS.forEach((_, index) => expect(serialised(index)).toBe(serialised(index)));
  });

  it('gives byte-identical output in separate processes', () => {
    const runs = [0, 1].map(() => spawnSync(process.execPath, [cli, 'plan', '--format', 'json', '--cut-corridor', 'red-sea'], { encoding: 'utf8' }));
    for (const run of runs) expect(run.status, run.stderr).toBe(0);
    expect(runs[0].stdout).toBe(runs[1].stdout);
    expect(runs[0].stdout.length).toBeGreaterThan(1000);
  });

  it('gives the same plans in worker threads as in the main thread', async () => {
    // Each worker loads the built package and plans every scenario, as a parallel caller would.
    const source = `
      const { parentPort, workerData } = require('node:worker_threads');
      import(workerData.dist).then(({ plan }) => {
        parentPort.postMessage(workerData.scenarios.map(({ scenario, options }) => {
          const result = plan(scenario, options);
          return { chosen: result.chosen.map((c) => c.id), rttMs: Array.from(result.rttMs.data), verdicts: result.markets.map((m) => m.verdict) };
        }));
      });`;
    const inWorker = () => new Promise<unknown>((done, fail) => {
      const worker = new Worker(source, { eval: true, workerData: { dist, scenarios: SCENARIOS } });
      worker.once('message', (message) => {
        done(message);
        void worker.terminate();
      });
      worker.once('error', fail);
    });
    const results = await Promise.all([inWorker(), inWorker(), inWorker()]);
    const { plan: planFromDist } = (await import(dist)) as { plan: typeof plan };
    const expected = SCENARIOS.map(({ scenario, options }) => {
      const result = planFromDist(scenario, options);
      return { chosen: result.chosen.map((c) => c.id), rttMs: Array.from(result.rttMs.data), verdicts: result.markets.map((m) => m.verdict) };
    });
    for (const result of results) expect(result).toEqual(expected);
    expect(expected.map((e) => e.chosen)).toEqual(SCENARIOS.map(({ scenario, options }) => plan(scenario, options).chosen.map((c) => c.id)));
  }, 120_000);
});
