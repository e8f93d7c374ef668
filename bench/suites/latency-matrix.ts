// latencyMatrix for every bundled market x the 29 operating regions in one multi-source kernel
// pass, against the same matrix built pair by pair with estimateRtt (each pair its own run).

import { estimateRtt, latencyMatrix } from '../../src/latency/estimate.js';
import { isOperating, regions } from '../../src/world/regions.js';
import { markets } from '../../src/world/markets.js';
import { measure, medianMs } from '../measure.js';

export interface LatencyMatrixRow {
  markets: number;
  regions: number;
  onePassMs: number;
  pairByPairMs: number;
}

export async function latencyMatrixSuite(quick: boolean): Promise<LatencyMatrixRow> {
  const from = markets.map((m) => m.id);
  const to = regions.filter(isOperating).map((r) => r.id);
  const onePass = latencyMatrix(from, to);
  const pairByPair = () => {
    const data = new Float64Array(from.length * to.length);
    from.forEach((f, r) => to.forEach((t, c) => {
      data[r * to.length + c] = estimateRtt(f, t);
    }));
    return data;
  };
  const check = pairByPair();
  if (check.some((value, i) => value !== onePass.data[i])) throw new Error('latencyMatrix and estimateRtt disagree');
  const timings = await measure('latency matrix', [
    { name: 'one pass', run: () => latencyMatrix(from, to), iterations: quick ? 10 : 30 },
    { name: 'pair by pair', run: pairByPair, iterations: quick ? 2 : 5 },
  ]);
  return { markets: from.length, regions: to.length, onePassMs: medianMs(timings, 'one pass'), pairByPairMs: medianMs(timings, 'pair by pair') };
}
