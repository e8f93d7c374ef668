// latencyMatrix for every bundled market x the 29 operating regions, per network, in one kernel
// call (the backbone: one run per market; the internet: one run per exchange hub and per market
// that may go direct, in the same call), against the same matrix built pair by pair with
// estimateRtt; and the 90th-percentile matrix, which scales the same pass. A quick run times pair by
// pair on every tenth market and scales the time to all of them (the pairs cost alike).

import { estimateRtt, latencyMatrix } from '../../src/latency/estimate.js';
import { type Network, NETWORKS } from '../../src/latency/network.js';
import { isOperating, regions } from '../../src/world/regions.js';
import { markets } from '../../src/world/markets.js';
import { measure, medianMs } from '../measure.js';

export interface LatencyMatrixRow {
  network: Network;
  markets: number;
  regions: number;
  onePassMs: number;
  quantile90Ms: number;
  pairByPairMs: number;
  /** Markets timed pair by pair (all of them in a full run); the time is scaled to every market. */
  pairByPairMarkets: number;
}

export async function latencyMatrixSuite(quick: boolean): Promise<LatencyMatrixRow[]> {
  const from = markets.map((m) => m.id);
  const to = regions.filter(isOperating).map((r) => r.id);
  const rows: LatencyMatrixRow[] = [];
  for (const network of NETWORKS) {
    const onePass = latencyMatrix(from, to, { network });
    const rowsTimed = from.flatMap((_, r) => (!quick || r % 10 === 0 ? [r] : []));
    const pairByPair = () => {
      const data = new Float64Array(rowsTimed.length * to.length);
      rowsTimed.forEach((r, k) => to.forEach((t, c) => {
        data[k * to.length + c] = estimateRtt(from[r], t, { network });
      }));
      return data;
    };
    const check = pairByPair();
    if (check.some((value, i) => Math.abs(value - onePass.data[rowsTimed[Math.floor(i / to.length)] * to.length + (i % to.length)]) > 1e-9)) {
      throw new Error(`latencyMatrix and estimateRtt disagree (${network})`);
    }
    const timings = await measure(`latency matrix, ${network}`, [
      { name: 'one pass', run: () => latencyMatrix(from, to, { network }), iterations: quick ? 10 : 30 },
      { name: 'quantile 0.9', run: () => latencyMatrix(from, to, { network, quantile: 0.9 }), iterations: quick ? 10 : 30 },
      { name: 'pair by pair', run: pairByPair, iterations: quick ? 2 : 5 },
    ]);
    rows.push({
      network, markets: from.length, regions: to.length,
      onePassMs: medianMs(timings, 'one pass'), quantile90Ms: medianMs(timings, 'quantile 0.9'),
      pairByPairMs: medianMs(timings, 'pair by pair') * (from.length / rowsTimed.length), pairByPairMarkets: rowsTimed.length,
    });
  }
  return rows;
}
