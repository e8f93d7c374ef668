// A page that imports geoslo as a bundler would, plans a small scenario in the browser and shows
// the map and the summary. Build it with `node examples/browser/build.mjs`, then open index.html
// (straight from disk: the bundle is a classic script, which file:// pages may load).

import { init, plan, renderMapSvg } from 'geoslo';

async function main() {
  await init();
  const result = plan({
    name: 'Planned in the browser',
    markets: { countries: ['ID', 'TH', 'SG', 'AE', 'MX', 'BR'] },
    slo: { defaultMs: 100 },
  });
  document.querySelector('#summary').textContent =
    `${result.chosen.length} regions (${result.chosen.map((site) => site.id).join(', ')}), ` +
    `${(result.coverage.share * 100).toFixed(1)}% of demand within its SLO.`;
  document.querySelector('#map').innerHTML = renderMapSvg(result, { width: 960, height: 500 });
}

main().catch((error) => {
  document.querySelector('#summary').textContent = `geoslo failed: ${error.message}`;
});
