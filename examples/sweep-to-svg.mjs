// The trade-off curve: plan the default scenario for k = 1..12 regions and draw coverage and mean
// RTT against k as an SVG chart. Run after `npm install`: node examples/sweep-to-svg.mjs

import { mkdirSync, writeFileSync } from 'node:fs';
import { defaultScenario, renderSweepSvg, sweep } from 'geoslo';

const result = sweep(defaultScenario, { k: { from: 1, to: 12 } });
for (const point of result.points) {
  console.log(`k=${String(point.value).padStart(2)} ${point.status.padEnd(8)} coverage ${(point.coverage * 100).toFixed(1).padStart(5)}%  mean ${point.meanRttMs.toFixed(1)} ms`);
}
mkdirSync('out', { recursive: true });
writeFileSync('out/sweep.svg', renderSweepSvg(result));
console.log('wrote out/sweep.svg');
