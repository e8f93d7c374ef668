// A cable cut: what happens to a plan when every Red Sea cable system is cut, market by market,
// and what the re-plan would choose instead. Run after `npm install`: node examples/cable-cut.mjs

import { routeBetween, whatIf } from 'geoslo';

const scenario = { markets: { countries: ['SG', 'MY', 'AE', 'SA', 'EG', 'TR'] }, slo: { defaultMs: 120 } };
const report = whatIf(scenario, { cutCorridors: ['red-sea'] });

console.log(`baseline: ${report.baseline.chosen.map((s) => s.id).join(', ')}, ${(report.baseline.coverage.share * 100).toFixed(1)}% within SLO`);
console.log(`same regions after the cut: ${(report.reevaluated.coverage.share * 100).toFixed(1)}%`);
console.log(`re-planned: ${report.replanned.chosen.map((s) => s.id).join(', ')}, ${(report.replanned.coverage.share * 100).toFixed(1)}%`);
for (const change of report.changes) {
  const rtt = (value) => (Number.isFinite(value) ? `${value.toFixed(1)} ms` : 'unreachable');
  console.log(`  ${change.market.padEnd(16)} ${rtt(change.before.rttMs)} -> ${rtt(change.after.rttMs)}`);
}

const before = routeBetween('ap-southeast-1', 'eu-central-1');
const after = routeBetween('ap-southeast-1', 'eu-central-1', { cutCorridors: ['red-sea'] });
console.log(`Singapore-Frankfurt: ${before.rttMs.toFixed(1)} ms via ${[...new Set(before.links.map((l) => l.name))].slice(0, 3).join(', ')}`);
console.log(`after the cut: ${after.rttMs.toFixed(1)} ms via ${[...new Set(after.links.map((l) => l.name))].slice(0, 3).join(', ')}`);
