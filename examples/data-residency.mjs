// Data residency: Indonesian, Thai and Brazilian users' data must stay in-country. Markets with an
// in-country region are served from it; the others need a local "national station".
// Run after `npm install`: node examples/data-residency.mjs

import { plan } from 'geoslo';

const result = plan({
  name: 'Residency in Indonesia, Thailand and Brazil',
  markets: { countries: ['ID', 'TH', 'BR', 'MY', 'SG'] },
  slo: { defaultMs: 80 },
  constraints: { residency: { countries: ['ID', 'TH', 'BR'] } },
});

for (const outcome of result.markets) {
  if (!outcome.market.inCountry) continue;
  const where = outcome.nationalStation ? 'national station (no in-country region within SLO)' : `${outcome.servedBy}, ${outcome.rttMs.toFixed(1)} ms`;
  console.log(`${outcome.market.id.padEnd(22)} ${where}`);
}
console.log(`regions: ${result.chosen.map((site) => site.id).join(', ')}`);
