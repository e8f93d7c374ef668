// A fast subset of the OR-Library p-median instances through the public API: graphology graph ->
// shortestPath.matrix -> solvePlacement must reach and prove the published optima.

import { describe, expect, it } from 'vitest';
import { shortestPath, solvePlacement } from '../src/index.js';
import { loadOrLib } from '../bench/orlib.js';

describe.each(['pmed1', 'pmed2', 'pmed3', 'pmed4', 'pmed5'])('OR-Library %s', (name) => {
  const instance = loadOrLib(name);
  const latencyMs = shortestPath.matrix(instance.graph);

  it('reads the instance with the last-edge convention into a 100-vertex all-pairs matrix', () => {
    expect(latencyMs).toMatchObject({ rows: instance.vertexCount, cols: instance.vertexCount });
  });

  it('p-median: the published optimum, proven', () => {
    const result = solvePlacement({ latencyMs, objective: 'p-median', k: instance.p });
    expect(result).toMatchObject({ status: 'optimal', objective: instance.pMedianOptimum, lowerBound: instance.pMedianOptimum });
    expect(result.sites).toHaveLength(instance.p);
  });

  it('p-center: the published optimum, proven', () => {
    const result = solvePlacement({ latencyMs, objective: 'p-center', k: instance.p });
    expect(result).toMatchObject({ status: 'optimal', objective: instance.pCenterOptimum, lowerBound: instance.pCenterOptimum });
  });
});
