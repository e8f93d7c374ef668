import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../src/index.js';
import { bundledGreenfield } from '../src/plan/greenfield.js';
import { resolveScenario } from '../src/plan/scenario.js';
import { bundledWorld } from '../src/world/world.js';

const greenfield = bundledGreenfield(bundledWorld);
const resolve = (scenario: unknown) => resolveScenario(scenario, bundledWorld, greenfield);

describe('resolving a scenario', () => {
  it('defaults to every bundled market, population weights, a 100 ms SLO, fewest regions over the 29 operating regions', () => {
    const resolved = resolve({});
    expect(resolved.markets.length).toBe(bundledWorld.markets.length);
    expect(resolved.markets[0]).toMatchObject({ sloMs: 100, tier: 'default', inCountry: false, weight: bundledWorld.markets[0].population });
    expect(resolved.candidates).toHaveLength(29);
    expect(resolved).toMatchObject({ objective: 'fewest-regions', k: null, redundancy: 1, required: [], excluded: [] });
  });

  it('applies SLO tiers by market and by country, residency, custom points and greenfield sites', () => {
    const resolved = resolve({
      markets: ['id-jakarta', 'th-bangkok', 'br-sao-paulo', { id: 'plant', country: 'MX', coordinates: [-100.3, 25.7], weight: 5 }],
      weights: 'equal',
      slo: { defaultMs: 100, tiers: [{ name: 'tight', sloMs: 50, countries: ['TH'], markets: ['plant'] }] },
      constraints: { residency: { countries: ['ID'] }, required: ['ap-southeast-1'] },
      candidates: { greenfield: ['greenfield:br-sao-paulo', { id: 'edge-1', coordinates: [-70.6, -33.4] }] },
      objective: { type: 'least-mean-latency', k: 3 },
    });
    const byId = new Map(resolved.markets.map((m) => [m.id, m]));
    expect(byId.get('th-bangkok')).toMatchObject({ sloMs: 50, tier: 'tight', weight: 1 });
    expect(byId.get('plant')).toMatchObject({ sloMs: 50, weight: 5, country: 'MX', coordinates: [-100.3, 25.7] });
    expect(byId.get('id-jakarta')).toMatchObject({ sloMs: 100, inCountry: true });
    expect(resolved.candidates.map((c) => c.id)).toEqual(expect.arrayContaining(['greenfield:br-sao-paulo', 'edge-1']));
    expect(resolved).toMatchObject({ objective: 'least-mean-latency', k: 3, required: ['ap-southeast-1'] });
  });

  it('bundles greenfield metros without a region nearby, largest first', () => {
    expect(greenfield.has('greenfield:br-sao-paulo')).toBe(true);
    expect(greenfield.has('greenfield:ng-lagos')).toBe(true);
    expect(greenfield.has('greenfield:sg-singapore')).toBe(false);
  });
});

describe('a malformed scenario names the JSON path and the allowed values', () => {
  it.each([
    [{ objective: { type: 'fewest' } }, /scenario\.objective\.type must be one of "fewest-regions", "least-cost", "least-mean-latency", "least-worst-latency", "most-covered"; got "fewest"/],
    [{ objective: { type: 'most-covered' } }, /scenario\.objective\.k is required for "most-covered"/],
    [{ markets: ['id-jakrta'] }, /scenario\.markets\[0\] is "id-jakrta", which is not a bundled market id.*Did you mean "id-jakarta"\?/],
    [{ slo: { defaultMs: -5 } }, /scenario\.slo\.defaultMs must be a number > 0; got -5/],
    [{ slo: { defaultMs: 100, tiers: [{ name: 't', sloMs: 50, markets: ['xx'] }] } }, /scenario\.slo\.tiers\[0\]\.markets\[0\] is "xx"/],
    [{ constraints: { required: ['me-east-1'], excluded: ['me-east-1'] } }, /scenario\.constraints lists "me-east-1" as both required and excluded/],
    [{ constraints: { required: ['ap-southeast-2'] } }, /scenario\.constraints\.required\[0\] is "ap-southeast-2", which is not a candidate of this scenario/],
    [{ markets: [{ id: 'p', coordinates: [1.3, 103.8] }] }, /scenario\.markets\[0\]\.coordinates\[1\] \(latitude\) is 103\.8.*\[lat, lon\]/],
    [{ markets: [{ id: 'p', coordinates: [100, 13] }], constraints: { residency: { markets: ['p'] } } }, /scenario\.markets\[0\]\.country is missing, but "p" must keep its data in-country/],
    [{ redundancy: 1.5 }, /scenario\.redundancy must be a positive integer; got 1\.5/],
    [{ weights: 'gdp' }, /scenario\.weights must be one of "population", "equal"; got "gdp"/],
    [{ sloMs: 100 }, /scenario\.sloMs is not a scenario field; allowed here: .*slo/],
    [{ candidates: { statuses: ['live'] } }, /scenario\.candidates\.statuses\[0\] must be one of "open", "open-2025", "closed", "planned"/],
    [{ markets: ['id-jakarta', 'id-jakarta'] }, /scenario\.markets\[1\] repeats the market "id-jakarta"/],
  ])('%#', (scenario, message) => {
    expect(() => resolve(scenario)).toThrow(InvalidArgumentError);
    expect(() => resolve(scenario)).toThrow(message);
  });
});
