import { describe, expect, it } from 'vitest';
import { plan } from '../src/plan/plan.js';
import { MAP_COLOURS, renderMapSvg } from '../src/report/map-svg.js';

describe('renderMapSvg(plan)', () => {
  const result = plan({ markets: { countries: ['ID', 'TH', 'SG', 'MX', 'BR'] }, slo: { defaultMs: 100 } });
  const svg = renderMapSvg(result, { width: 800, height: 420 });

  it('is a standalone SVG with the land outline, a dot per market and a square per chosen region', () => {
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg).toMatch(/<path class="land" d="M[^"]{1000,}"/);
    expect(svg.match(/<circle class="market/g)).toHaveLength(result.markets.length);
    expect(svg.match(/<g class="site">/g)).toHaveLength(result.chosen.length);
  });

  it('colours markets by SLO met or missed', () => {
    const met = result.markets.filter((m) => m.sloMet).length;
    expect(svg.match(/<circle class="market met"[^>]*>/g) ?? []).toHaveLength(met);
    expect(svg.match(new RegExp(`class="market missed"[^>]*fill="${MAP_COLOURS.missed}"`, 'g')) ?? []).toHaveLength(result.markets.length - met);
  });
});
