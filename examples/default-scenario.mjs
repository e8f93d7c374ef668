// Plan the bundled connected-vehicle scenario and write the HTML report and the GeoJSON layer.
// Run after `npm install`: node examples/default-scenario.mjs

import { mkdirSync, writeFileSync } from 'node:fs';
import { defaultScenario, gapAnalysis, plan, renderReportHtml, sweep, toFeatureCollection } from 'geoslo';

const result = plan(defaultScenario);
console.log(`${result.scenario.name}: ${result.status}`);
console.log(`regions: ${result.chosen.map((site) => site.id).join(', ')}`);
console.log(`demand within SLO: ${(result.coverage.share * 100).toFixed(1)}%`);

const gaps = gapAnalysis(result);
if (gaps.bestGreenfield) console.log(`best greenfield site for the markets missed: ${gaps.bestGreenfield.site.name}`);

mkdirSync('out', { recursive: true });
writeFileSync('out/default-plan.html', renderReportHtml(result, { sweep: sweep(defaultScenario, { k: { from: 1, to: 8 } }) }));
writeFileSync('out/default-plan.geojson', JSON.stringify(toFeatureCollection(result)));
console.log('wrote out/default-plan.html and out/default-plan.geojson');
