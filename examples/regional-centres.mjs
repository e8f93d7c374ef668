// The bundled model case: a carmaker's overseas connected-vehicle platform as regional centres and
// national stations, priced with the user's own monthly figures and weighted by fleet size, then
// every single cable, corridor and site failure ranked against it.
// Run after `npm install`: node examples/regional-centres.mjs

import { readFileSync } from 'node:fs';
import { criticality, plan } from 'geoslo';

const scenario = JSON.parse(readFileSync(new URL('../data/scenarios/overseas-vehicle-platform.json', import.meta.url), 'utf8'));

// Illustrative figures only, in the user's own units: replace them with your quotes and fleet.
const monthlyCost = (site) => (site.startsWith('greenfield:') ? 40_000 : site.startsWith('cn-') ? 9_000 : 12_000);
const first = plan(scenario);
const costs = Object.fromEntries(first.scenario.candidates.map((c) => [c.id, monthlyCost(c.id)]));
const vehicles = { ID: 120_000, TH: 80_000, MY: 60_000, PH: 30_000, VN: 25_000, SG: 15_000, AE: 40_000, SA: 70_000, MX: 90_000, BR: 110_000, CL: 20_000, CO: 25_000 };

const result = plan({
  ...scenario,
  weights: { countries: vehicles },
  candidates: { ...scenario.candidates, costs, costUnit: 'USD per month (illustrative)' },
  objective: { type: 'least-cost' },
});

console.log(`${result.status}: ${result.explanation}`);
console.log(`cost ${result.cost.total} ${result.cost.unit}`);
for (const centre of result.topology.centres) {
  const stations = centre.stations.map((s) => `${s.country} station ${s.id} (sync ${s.syncRttMs.toFixed(1)} ms)`);
  console.log(`centre ${centre.id}: ${centre.countries.join(' ')}${stations.length > 0 ? `; ${stations.join('; ')}` : ''}`);
}
console.log(`worst centre-to-centre replication RTT: ${result.topology.replicationRttMs.toFixed(1)} ms`);

const worst = criticality(result).failures.slice(0, 5);
for (const failure of worst) {
  console.log(`${failure.kind} ${failure.id}: ${(failure.lostShare * 100).toFixed(1)}% of vehicles lose their SLO; ${failure.syncBroken.length} sync link(s) broken`);
}
