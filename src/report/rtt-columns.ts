// The RTT columns every plan report shows: the median, and the quantile SLOs are judged on when the
// scenario sets a confidence, each labelled so a reader knows which figure is which.

import type { LatencyBasis, MarketOutcome } from '../plan/plan.js';

export interface RttColumn {
  readonly header: string;
  readonly value: (outcome: MarketOutcome) => number;
}

/** "p90" for a confidence of 0.9. */
export function percentileLabel(confidence: number): string {
  return `p${Number((confidence * 100).toFixed(1))}`;
}

export function rttColumns(basis: LatencyBasis): RttColumn[] {
  const median: RttColumn = { header: 'p50 ms', value: (o) => o.medianRttMs };
  if (basis.confidence === null) return [median];
  return [median, { header: `${percentileLabel(basis.confidence)} ms`, value: (o) => o.rttMs }];
}
