import { describe, expect, it } from 'vitest';
import { estimateRtt, InvalidArgumentError, plan, renderReportHtml, toFeatureCollection } from '../src/index.js';

const markets = ['id-jakarta', 'th-bangkok', 'vn-ho-chi-minh-city'];
const base = { markets, slo: { defaultMs: 60 }, objective: { type: 'least-mean-latency', k: 1 }, candidates: { regions: ['ap-southeast-1', 'ap-southeast-3'] } } as const;

describe('plan() prices market-to-site RTT over the scenario network', () => {
  it('defaults to the public internet, and takes the backbone for users on a private line', () => {
    const internet = plan(base);
    expect(internet.latency.network).toBe('internet');
    const backbone = plan({ ...base, network: 'backbone' });
    const served = (p: typeof internet, id: string) => p.markets.find((m) => m.market.id === id)!;
    const site = served(internet, 'th-bangkok').servedBy!;
    expect(served(internet, 'th-bangkok').medianRttMs).toBeCloseTo(estimateRtt('th-bangkok', site, { network: 'internet' }), 6);
    expect(served(backbone, 'th-bangkok').medianRttMs).toBeCloseTo(estimateRtt('th-bangkok', served(backbone, 'th-bangkok').servedBy!), 6);
  });

  it('judges SLOs on the confidence quantile, and reports the median beside it', () => {
    const median = plan(base);
    const confident = plan({ ...base, slo: { defaultMs: 60, confidence: 0.9 } });
    expect(confident.latency.confidence).toBe(0.9);
    for (const outcome of confident.markets) {
      expect(outcome.rttMs).toBeGreaterThanOrEqual(outcome.medianRttMs);
      expect(outcome.sloMet).toBe(outcome.rttMs <= outcome.market.sloMs);
    }
    expect(confident.coverage.share).toBeLessThanOrEqual(median.coverage.share);
    expect(confident.latency.description).toMatch(/judged on the 90th percentile/);
  });

  it('adds last-mile access per tier and per market, most specific first', () => {
    const scenario = {
      ...base,
      markets: ['id-jakarta', 'th-bangkok', { id: 'fleet-depot', country: 'MY', coordinates: [101.69, 3.14] as [number, number], accessMs: 40 }],
      slo: { defaultMs: 200, accessMs: 10, tiers: [{ name: 'cellular', sloMs: 200, accessMs: 25, markets: ['th-bangkok'] }] },
    };
    const result = plan(scenario);
    const access = Object.fromEntries(result.scenario.markets.map((m) => [m.id, m.accessMs]));
    expect(access).toEqual({ 'id-jakarta': 10, 'th-bangkok': 25, 'fleet-depot': 40 });
    const jakarta = result.markets.find((m) => m.market.id === 'id-jakarta')!;
    expect(jakarta.medianRttMs).toBeCloseTo(estimateRtt('id-jakarta', jakarta.servedBy!, { network: 'internet' }) + 10, 6);
    expect(result.latency.description).toMatch(/last-mile access/);
  });

  it('says in every output which network and quantile its RTTs are', () => {
    const result = plan({ ...base, slo: { defaultMs: 60, confidence: 0.9 } });
    const market = toFeatureCollection(result).features.find((f) => f.properties.role === 'market')!;
    expect(market.properties).toMatchObject({ network: 'internet', confidence: 0.9 });
    expect(market.properties.medianRttMs).toBeLessThanOrEqual(market.properties.rttMs as number);
    const html = renderReportHtml(result);
    expect(html).toMatch(/<th>p50 ms<\/th><th>p90 ms<\/th>/);
    expect(html).toMatch(/public internet/);
  });

  it('rejects a bad network, confidence or access with the scenario path and the values allowed', () => {
    expect(() => plan({ ...base, network: 'lan' } as never)).toThrow(InvalidArgumentError);
    expect(() => plan({ ...base, network: 'lan' } as never)).toThrow(/scenario\.network must be one of "backbone", "internet"; got "lan"/);
    for (const confidence of [0, 1, 1.5, -0.2, Number.NaN, '0.9']) {
      expect(() => plan({ ...base, slo: { defaultMs: 60, confidence } } as never)).toThrow(/scenario\.slo\.confidence must be a number strictly between 0 and 1/);
    }
    expect(() => plan({ ...base, slo: { defaultMs: 60, accessMs: -5 } })).toThrow(/scenario\.slo\.accessMs must be a finite number of milliseconds >= 0; got -5/);
    expect(() => plan({ ...base, slo: { defaultMs: 60, accessMs: Infinity } })).toThrow(/scenario\.slo\.accessMs must be a finite number/);
    expect(() => plan({ ...base, slo: { defaultMs: 60, tiers: [{ name: 't', sloMs: 50, accessMs: Number.NaN, markets: ['id-jakarta'] }] } })).toThrow(
      /scenario\.slo\.tiers\[0\]\.accessMs must be a finite number of milliseconds >= 0/,
    );
    expect(() => plan({ ...base, markets: [{ id: 'x', coordinates: [101.69, 3.14], accessMs: -1 }] })).toThrow(/scenario\.markets\[0\]\.accessMs must be/);
  });
});
