import { describe, expect, it } from 'vitest';
import { plan } from '../src/plan/plan.js';

const ASIA_TO_AMERICAS = { markets: { countries: ['ID', 'TH', 'SG', 'AE', 'MX', 'BR'] }, slo: { defaultMs: 100 } };

describe('plan(scenario)', () => {
  it('chooses the fewest regions, serves each market from its nearest chosen one, and explains what it cannot serve', () => {
    const result = plan(ASIA_TO_AMERICAS);
    expect(result.chosen.length).toBeGreaterThan(0);
    for (const outcome of result.markets) {
      if (outcome.servedBy === null) continue;
      const servedRtt = outcome.rttMs;
      expect(outcome.sloMet).toBe(servedRtt <= outcome.market.sloMs);
      if (outcome.backup !== null) expect(outcome.backupRttMs).toBeGreaterThanOrEqual(servedRtt);
    }
    const missed = result.markets.filter((m) => !m.sloMet);
    if (result.status === 'infeasible') {
      expect(missed.length).toBeGreaterThan(0);
      expect(result.explanation).toMatch(/market\(s\) missed: not within their SLO of any allowed site: .*br-/);
    }
    expect(result.coverage.share).toBeCloseTo(result.coverage.coveredWeight / result.coverage.totalWeight, 12);
  });

  it('honours required and excluded regions', () => {
    const result = plan({ ...ASIA_TO_AMERICAS, objective: { type: 'least-mean-latency', k: 3 }, constraints: { required: ['eu-central-1'], excluded: ['ap-southeast-1'] } });
    const ids = result.chosen.map((c) => c.id);
    expect(ids).toContain('eu-central-1');
    expect(ids).not.toContain('ap-southeast-1');
    expect(ids).toHaveLength(3);
  });

  it('keeps in-country markets on in-country sites, or flags a national station when there is none within the SLO', () => {
    const result = plan({ ...ASIA_TO_AMERICAS, constraints: { residency: { countries: ['TH', 'BR'] } } });
    for (const outcome of result.markets.filter((m) => m.market.country === 'TH')) {
      expect(outcome.nationalStation).toBe(false);
      expect(outcome.servedBy).toBe('ap-southeast-7');
    }
    for (const outcome of result.markets.filter((m) => m.market.country === 'BR')) expect(outcome.nationalStation).toBe(true);
  });

  it('re-plans around a failed region', () => {
    const before = plan({ ...ASIA_TO_AMERICAS, objective: { type: 'least-mean-latency', k: 4 } });
    const failed = before.chosen[0].id;
    const after = plan({ ...ASIA_TO_AMERICAS, objective: { type: 'least-mean-latency', k: 4 } }, { removeRegions: [failed] });
    expect(after.chosen.map((c) => c.id)).not.toContain(failed);
    expect(after.objective.value).toBeGreaterThanOrEqual(before.objective.value);
  });
});

describe('gap analysis and N-1', () => {
  it('gives each missed market its best achievable RTT, and the greenfield site fixing the most missed demand', async () => {
    const { gapAnalysis } = await import('../src/plan/gaps.js');
    const result = plan(ASIA_TO_AMERICAS);
    const gaps = gapAnalysis(result);
    expect(gaps.missed.length).toBe(result.markets.filter((m) => !m.sloMet).length);
    for (const missed of gaps.missed) {
      expect(missed.bestAchievableMs).toBeLessThanOrEqual(missed.rttMs);
      expect(missed.bestAchievableMs).toBeGreaterThan(missed.sloMs);
    }
    // Brazil misses 100 ms from every region: a Sao Paulo site serves the most of it.
    expect(gaps.bestGreenfield?.site.id).toBe('greenfield:br-sao-paulo');
    expect(gaps.bestGreenfield?.markets).toContain('br-rio-de-janeiro');
    expect(gaps.bestGreenfield?.share).toBeGreaterThan(0.5);
  });

  it('lists, per chosen region, the markets its failure would push past their SLO', async () => {
    const { nMinusOne } = await import('../src/plan/gaps.js');
    const result = plan(ASIA_TO_AMERICAS);
    const failures = nMinusOne(result);
    expect(failures.map((f) => f.site)).toEqual(result.chosen.map((c) => c.id));
    for (const failure of failures) {
      for (const id of failure.breaks) {
        const outcome = result.markets.find((m) => m.market.id === id)!;
        expect(outcome.sloMet).toBe(true);
        expect(outcome.sitesWithinSlo).toBe(1);
        expect(outcome.servedBy).toBe(failure.site);
      }
    }
    const redundant = nMinusOne(plan({ ...ASIA_TO_AMERICAS, markets: { countries: ['ID', 'TH', 'SG'] }, redundancy: 2 }));
    expect(redundant.every((f) => f.breaks.length === 0)).toBe(true);
  });
});

describe('plan GeoJSON', () => {
  it('has the chosen sites, every market, and an assignment line per served market with rttMs, sloMs and sloMet', async () => {
    const { planFeatureCollection } = await import('../src/report/plan-geojson.js');
    const result = plan(ASIA_TO_AMERICAS);
    const collection = planFeatureCollection(result);
    const byRole = (role: string) => collection.features.filter((f) => f.properties.role === role);
    expect(byRole('site')).toHaveLength(result.chosen.length);
    expect(byRole('market')).toHaveLength(result.markets.length);
    expect(byRole('assignment')).toHaveLength(result.markets.filter((m) => m.servedBy !== null && !m.nationalStation).length);
    const jakarta = byRole('assignment').find((f) => f.properties.market === 'id-jakarta')!;
    expect(jakarta.properties).toMatchObject({ sloMs: 100, sloMet: true });
    expect(jakarta.geometry.type).toBe('LineString');
    expect(typeof jakarta.properties.rttMs).toBe('number');
  });
});

describe('fewest regions, then the closest', () => {
  it('among covers of the least count, picks the one with the least weighted RTT', () => {
    expect(plan({ markets: ['id-jakarta'] }).chosen.map((c) => c.id)).toEqual(['ap-southeast-5']);
    expect(plan({ markets: ['th-bangkok', 'mx-mexico-city'] }).chosen.map((c) => c.id).sort()).toEqual(['ap-southeast-7', 'na-south-1']);
  });
});

describe('whatIf', () => {
  it('re-evaluates the baseline regions under a failure, re-plans, and lists what changed per market', async () => {
    const { whatIf } = await import('../src/plan/what-if.js');
    const baseline = plan(ASIA_TO_AMERICAS);
    const failed = baseline.chosen[0].id;
    const report = whatIf(ASIA_TO_AMERICAS, { removeRegions: [failed] });
    expect(report.baseline.chosen.map((c) => c.id)).toEqual(baseline.chosen.map((c) => c.id));
    expect(report.replanned.chosen.map((c) => c.id)).not.toContain(failed);
    const movedOff = baseline.markets.filter((m) => m.servedBy === failed).map((m) => m.market.id);
    expect(movedOff.length).toBeGreaterThan(0);
    for (const id of movedOff) expect(report.changes.map((c) => c.market)).toContain(id);
    for (const change of report.changes) expect(change.after.servedBy).not.toBe(failed);
    expect(report.reevaluated.coverage.share).toBeLessThanOrEqual(report.baseline.coverage.share);
  });

  it('reports no change for a cut no route uses', async () => {
    const { whatIf } = await import('../src/plan/what-if.js');
    const report = whatIf({ markets: ['th-bangkok'], slo: { defaultMs: 100 } }, { cutCables: ['Tannat'] });
    expect(report.changes).toEqual([]);
  });
});

describe('most covered, then the closest', () => {
  it('regions beyond saturation lower the mean RTT instead of being the first in the list', async () => {
    const { sweep } = await import('../src/plan/sweep.js');
    const result = sweep(ASIA_TO_AMERICAS, { k: { from: 3, to: 6 } });
    const saturated = result.points.filter((p) => p.coverage === result.points[result.points.length - 1].coverage);
    for (let i = 1; i < saturated.length; i++) expect(saturated[i].meanRttMs).toBeLessThanOrEqual(saturated[i - 1].meanRttMs + 1e-9);
  });
});
