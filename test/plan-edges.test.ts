import { describe, expect, it } from 'vitest';
import { gapAnalysis, InvalidArgumentError, plan, renderReportHtml, whatIf } from '../src/index.js';
import { planJson } from '../src/report/plan-json.js';
import { nMinusOne } from '../src/plan/gaps.js';

const scenario = { markets: { countries: ['ID', 'TH', 'SG'] }, slo: { defaultMs: 60 } };

describe('the planner refuses what would silently change nothing', () => {
  it('a failed region must be a candidate: a typo suggests the closest, a closed region says so', () => {
    expect(() => whatIf(scenario, { removeRegions: ['ap-southeast-l'] })).toThrow(InvalidArgumentError);
    expect(() => whatIf(scenario, { removeRegions: ['ap-southeast-l'] })).toThrow(/options\.removeRegions\[0\] is "ap-southeast-l", which is not a region\. Did you mean "ap-southeast-1"\?/);
    expect(() => whatIf(scenario, { removeRegions: ['ap-south-1'] })).toThrow(/"ap-south-1", which is not a candidate of this scenario \(its status is closed\)/);
    expect(() => plan(scenario, { removeRegions: 'ap-southeast-1' as never })).toThrow(/options\.removeRegions must be an array of region ids/);
  });

  it('country codes must name a country that the rule can apply to', () => {
    expect(() => plan({ markets: { countries: ['ID', 'XX'] } })).toThrow(/scenario\.markets\.countries\[1\] must be an ISO 3166-1 alpha-2 code/);
    expect(() => plan({ markets: { countries: ['ID', 'AQ'] } })).toThrow(/scenario\.markets\.countries\[1\] is "AQ", which has no bundled market/);
    expect(() => plan({ ...scenario, slo: { defaultMs: 60, tiers: [{ name: 'rt', sloMs: 30, countries: ['SF'] }] } })).toThrow(
      /scenario\.slo\.tiers\[0\]\.countries\[0\] must be an ISO 3166-1 alpha-2 code/,
    );
    expect(() => plan({ ...scenario, slo: { defaultMs: 60, tiers: [{ name: 'rt', sloMs: 30, countries: ['SE'] }] } })).toThrow(
      /scenario\.slo\.tiers\[0\]\.countries\[0\] is "SE", which has no market in this scenario, so the rule would apply to nothing\. Did you mean "SG"\?/,
    );
    expect(() => plan({ ...scenario, constraints: { residency: { countries: ['IN'] } } })).toThrow(
      /scenario\.constraints\.residency\.countries\[0\] is "IN", which has no market in this scenario.*Did you mean "ID"\?/,
    );
  });

  it('backup regions are for the fewest-regions objective only', () => {
    expect(() => plan({ ...scenario, objective: { type: 'least-mean-latency', k: 2 }, redundancy: 2 })).toThrow(
      /scenario\.redundancy is 2, but backup regions apply to the "fewest-regions" objective only/,
    );
    expect(plan({ ...scenario, objective: { type: 'least-mean-latency', k: 2 }, redundancy: 1 }).chosen).toHaveLength(2);
  });

  it('with backup regions, ties still go to the least demand-weighted RTT', () => {
    const result = plan({ markets: { countries: ['ID'] }, redundancy: 2 });
    expect(result.chosen.map((c) => c.id)).toEqual(['ap-southeast-1', 'ap-southeast-5']);
    expect(result.markets.every((m) => m.sitesWithinSlo >= 2)).toBe(true);
    expect(() => plan({ markets: { countries: ['ID'] }, objective: { type: 'most-covered', k: 1 }, redundancy: 5 })).toThrow(/scenario\.redundancy is 5/);
  });

  it('gap analysis and reports of a stressed plan use its cuts, and say what was cut or failed', () => {
    const stressedScenario = { markets: { countries: ['SG', 'AE', 'EG', 'DE', 'IN'] }, slo: { defaultMs: 120 } };
    const result = plan(stressedScenario, { cutCorridors: ['red-sea'], removeRegions: ['me-east-1'] });
    expect(result.whatIf).toMatchObject({ cutCorridors: ['red-sea'], removeRegions: ['me-east-1'] });
    const gaps = gapAnalysis(result);
    expect(gaps.missed.map((m) => m.market).sort()).toEqual(result.markets.filter((m) => m.verdict === 'missed').map((m) => m.market.id).sort());
    for (const missed of gaps.missed) expect(missed.rttMs).toBe(result.markets.find((m) => m.market.id === missed.market)!.rttMs);
    const json = planJson(result, gaps, nMinusOne(result)) as { whatIf: { cutCorridors: string[] } };
    expect(json.whatIf.cutCorridors).toEqual(['red-sea']);
    expect(renderReportHtml(result)).toMatch(/What-if:<\/strong> regions failed: me-east-1; corridors cut: red-sea/);
  });

  it('one verdict per market, counted the same way in the plan and its reports', () => {
    const result = plan({ markets: { countries: ['ID', 'TH', 'BR'] }, slo: { defaultMs: 60 } });
    const counts = { met: 0, missed: 0, 'national station': 0 };
    for (const m of result.markets) counts[m.verdict]++;
    expect(result.coverage.markets).toEqual(counts);
    expect(renderReportHtml(result)).toContain(`${counts.met} met, ${counts.missed} missed, 0 by national station, of ${result.markets.length} markets`);
  });
});

describe('sweeps check their size before building anything', () => {
  it('refuses a k range or an SLO step too fine at once, and bad arguments by name', async () => {
    const { sweep } = await import('../src/index.js');
    expect(() => sweep(scenario, { k: { from: 1, to: 1e6 } })).toThrow(/range has 1000000 steps; at most 200/);
    expect(() => sweep(scenario, { sloMs: { from: 1, to: 2, step: 1e-300 } })).toThrow(/range has about 1e\+300 steps; at most 200/);
    expect(() => sweep(null as never, { k: { from: 1, to: 2 } })).toThrow(/sweep: scenario must be a scenario object; got null/);
    expect(() => sweep(scenario, { k: { from: 1, to: 2 } }, null as never)).toThrow(/sweep: options must be an object/);
  });
});

describe('options objects are checked', () => {
  it('plan, whatIf and sweep name a bad options object, an unknown option and a bad time limit', async () => {
    const { sweep } = await import('../src/index.js');
    expect(() => plan(scenario, null as never)).toThrow(/plan: options must be an object/);
    expect(() => plan(scenario, { cutCorridor: ['red-sea'] } as never)).toThrow(/plan: options\.cutCorridor is not an option\. Did you mean "cutCorridors"\?/);
    expect(() => plan(scenario, { timeLimitMs: -1 })).toThrow(/plan: options\.timeLimitMs must be a finite number of milliseconds > 0; got -1/);
    expect(() => whatIf(scenario, null as never)).toThrow(/whatIf: options must be an object/);
    expect(() => whatIf(scenario, {}, null as never)).toThrow(/whatIf: options must be an object/);
    expect(() => sweep(scenario, { k: { from: 1, to: 2 } }, { removeRegion: [] } as never)).toThrow(/sweep: options\.removeRegion is not an option/);
  });
});

describe('errors name what the user wrote, not the matrices inside', () => {
  it('a custom market far from the backbone is named by its id; no candidates is said plainly', () => {
    expect(() => plan({ markets: [{ id: 'mid-pacific', coordinates: [-140, -45] }] })).toThrow(/plan: scenario\.markets \("mid-pacific"\) \(-140,-45\) is \d+ km from the nearest backbone node/);
    expect(() => plan({ ...scenario, candidates: { regions: [] } })).toThrow(/scenario\.candidates selects no candidate site/);
  });
});

describe('ties in the least-worst-latency objective', () => {
  it('among site sets with the optimal worst RTT, takes the least demand-weighted RTT', () => {
    const base = { markets: { countries: ['ID', 'TH', 'AE', 'BR', 'MX'] }, slo: { defaultMs: 200 }, objective: { type: 'least-worst-latency', k: 2 } } as const;
    const result = plan(base);
    const worst = Math.max(...result.markets.map((m) => m.rttMs));
    const weighted = result.markets.reduce((sum, m) => sum + m.market.weight * m.rttMs, 0);
    // No other 2-region set of the candidates with the same worst RTT has a lower weighted RTT.
    const ids = result.scenario.candidates.map((c) => c.id);
    const rtt = (i: number, j: number) => result.rttMs.data[i * result.rttMs.cols + j];
    for (let a = 0; a < ids.length; a++) for (let b = a + 1; b < ids.length; b++) {
      const rows = result.markets.map((_, i) => Math.min(rtt(i, a), rtt(i, b)));
      if (Math.max(...rows) > worst + 1e-9) continue;
      expect(rows.reduce((sum, value, i) => sum + result.markets[i].market.weight * value, 0)).toBeGreaterThanOrEqual(weighted - 1e-6 * weighted);
    }
  });
});
