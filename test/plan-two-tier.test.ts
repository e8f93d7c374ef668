import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../src/errors.js';
import { fibreLowerBoundMs } from '../src/geo/great-circle.js';
import { criticality } from '../src/plan/criticality.js';
import { parseCostsCsv, parseDemandCsv } from '../src/plan/costs-and-demand.js';
import { defaultScenario } from '../src/plan/default-scenario.js';
import { nMinusOne } from '../src/plan/gaps.js';
import { plan } from '../src/plan/plan.js';
import type { Scenario } from '../src/plan/scenario.js';
import { whatIf } from '../src/plan/what-if.js';
import { sweep } from '../src/plan/sweep.js';
import { bundledWorld } from '../src/world/world.js';

const MODEL_CASE = JSON.parse(readFileSync(new URL('../data/scenarios/overseas-vehicle-platform.json', import.meta.url), 'utf8')) as Scenario;
const regionCountry = (id: string) => bundledWorld.regions.find((r) => r.id === id)?.country ?? null;

describe('two-tier plans: regional centres and national stations', () => {
  const result = plan(MODEL_CASE);
  const topology = result.topology!;

  it('proves the bundled model case optimal and builds every part of it', () => {
    expect(result.status).toBe('optimal');
    expect(result.objective.bound).toBe(result.objective.value);
    expect(topology.unbuilt).toEqual([]);
    expect(result.coverage.markets.missed).toBe(0);
    expect(result.objective.value).toBe(result.chosen.length);
  });

  it('gives every country one centre and each residency country a station in it that syncs within the SLO', () => {
    const countries = topology.centres.flatMap((c) => c.countries).sort();
    expect(countries).toEqual([...new Set(result.scenario.markets.map((m) => m.country as string))].sort());
    const stations = topology.centres.flatMap((c) => c.stations);
    expect(stations.map((s) => s.country).sort()).toEqual(['ID', 'SA']);
    for (const station of stations) {
      const site = result.scenario.candidates.find((c) => c.id === station.id)!;
      expect(site.country).toBe(station.country);
      expect(station.syncRttMs).toBeLessThanOrEqual(topology.syncSloMs);
    }
    expect(topology.replicationRttMs).not.toBeNull();
    expect(topology.replicationRttMs!).toBeLessThanOrEqual(topology.replicationSloMs!);
    expect(topology.replicationRttMs).toBe(Math.max(...topology.replication.map((r) => r.rttMs)));
    expect(topology.replication).toHaveLength((topology.centres.length * (topology.centres.length - 1)) / 2);
  });

  it('serves resident markets from their station, the others from their country centre, never from mainland China', () => {
    for (const outcome of result.markets) {
      const centre = topology.centres.find((c) => c.countries.includes(outcome.market.country as string))!;
      const station = centre.stations.find((s) => s.country === outcome.market.country);
      expect(outcome.servingTier).toBe(outcome.market.inCountry ? 'station' : 'centre');
      expect(outcome.servedBy).toBe(outcome.market.inCountry ? station?.id : centre.id);
      expect(result.scenario.candidates.find((c) => c.id === outcome.servedBy)!.country).not.toBe('CN');
    }
    expect(result.chosen.every((site) => site.country !== 'CN')).toBe(true);
  });

  it('keeps every market within its SLO tier and sites within the sync and replication SLOs', () => {
    for (const outcome of result.markets) expect(outcome.rttMs).toBeLessThanOrEqual(outcome.market.sloMs);
    expect(result.markets.filter((o) => o.market.tier === 'real-time').every((o) => o.market.sloMs === 50)).toBe(true);
  });

  it('explains a residency country with no in-country candidate instead of relaxing residency', () => {
    const noVietnam = plan({ ...MODEL_CASE, constraints: { ...MODEL_CASE.constraints, residency: { countries: ['ID', 'SA', 'VN'] } } });
    expect(noVietnam.status).toBe('infeasible');
    expect(noVietnam.topology!.unbuilt).toEqual([expect.objectContaining({ country: 'VN', part: 'station', reason: expect.stringMatching(/no candidate is in VN/) })]);
    expect(noVietnam.explanation).toMatch(/VN station: .*add an in-country site/);
    for (const outcome of noVietnam.markets.filter((o) => o.market.country === 'VN')) {
      expect(outcome.servedBy).toBeNull();
      expect(outcome.verdict).toBe('missed');
    }
  });

  it('explains a station no centre can reach within the sync SLO', () => {
    const tight = plan({
      markets: { countries: ['SG', 'ID'] }, constraints: { residency: { countries: ['ID'] }, required: ['ap-southeast-1'] },
      candidates: { regions: ['ap-southeast-1', 'ap-southeast-5'] },
      topology: { type: 'regional-centres', syncSloMs: 12, replicationSloMs: 12 },
    });
    expect(tight.topology!.centres.map((c) => c.id)).toEqual(['ap-southeast-1']);
    expect(tight.topology!.unbuilt).toEqual([expect.objectContaining({ country: 'ID', part: 'station', reason: expect.stringMatching(/sync SLO of 12 ms.*ap-southeast-5 to ap-southeast-1 at \d+\.\d ms/) })]);
    expect(tight.status).toBe('infeasible');
  });

  it('meets a sync SLO below the fibre bound to every other site only by a station on its centre\'s own site', () => {
    const jakartaSingapore = fibreLowerBoundMs(
      bundledWorld.regions.find((r) => r.id === 'ap-southeast-5')!.coordinates, bundledWorld.regions.find((r) => r.id === 'ap-southeast-1')!.coordinates,
    );
    const scenario = { markets: { countries: ['SG', 'ID'] }, constraints: { residency: { countries: ['ID'] } }, candidates: { regions: ['ap-southeast-1', 'ap-southeast-5'] } };
    const colocated = plan({ ...scenario, topology: { type: 'regional-centres', syncSloMs: jakartaSingapore - 0.5 } });
    const jakarta = colocated.topology!.centres.find((c) => c.id === 'ap-southeast-5')!;
    expect(jakarta.countries).toContain('ID');
    expect(jakarta.stations).toEqual([{ id: 'ap-southeast-5', country: 'ID', syncRttMs: 0 }]);
    expect(colocated.status).toBe('optimal');
    expect(() => plan({ ...scenario, topology: { type: 'regional-centres', syncSloMs: 60, replicationSloMs: jakartaSingapore - 0.5 } }))
      .toThrow(/scenario\.topology\.replicationSloMs is \d+(\.\d+)? ms, below the fibre bound between any two sites that could be centres .*ap-southeast-1 to ap-southeast-5/);
  });

  it('checks the topology block like every scenario field', () => {
    const bad: [unknown, RegExp][] = [
      [{ type: 'regional-centers', syncSloMs: 50 }, /scenario\.topology\.type must be one of "regional-centres".*Did you mean "regional-centres"/],
      [{ type: 'regional-centres' }, /scenario\.topology\.syncSloMs must be a number > 0; it is missing\./],
      [{ type: 'regional-centres', syncSloMs: 50, replication: 100 }, /scenario\.topology\.replication is not a scenario field.*Did you mean "replicationSloMs"/],
    ];
    for (const [topology, message] of bad) expect(() => plan({ ...MODEL_CASE, topology } as Scenario)).toThrow(message);
    expect(() => plan({ ...MODEL_CASE, objective: { type: 'least-mean-latency', k: 3 } })).toThrow(/scenario\.objective\.type is "least-mean-latency", but a two-tier plan optimises/);
    expect(() => plan({ ...MODEL_CASE, redundancy: 2 })).toThrow(/scenario\.redundancy is 2/);
  });

  it('re-evaluates a failed centre as the hierarchy fails over, in whatIf, N-1 and criticality alike', () => {
    const singapore = whatIf(MODEL_CASE, { removeRegions: ['ap-southeast-1'] });
    const lost = singapore.reevaluated.markets.filter((o, i) => result.markets[i].sloMet && !o.sloMet).map((o) => o.market.id);
    const failure = nMinusOne(result).find((f) => f.site === 'ap-southeast-1')!;
    expect(failure.breaks).toEqual(lost);
    expect(lost).toContain('ph-manila');
    // Indonesia's station can sync with no other centre within 60 ms: the link breaks, its markets stay served.
    expect(lost.some((id) => id.startsWith('id-'))).toBe(false);
    const ranked = criticality(result, { kinds: ['site'] }).failures.find((f) => f.id === 'ap-southeast-1')!;
    expect(ranked.marketsLost).toEqual(lost);
    expect(ranked.syncBroken).toEqual(['ID: ap-southeast-5']);
    for (const outcome of singapore.reevaluated.markets.filter((o) => o.market.country === 'ID')) expect(outcome.servedBy).toBe('ap-southeast-5');
    // The station itself failing takes its markets with it.
    expect(criticality(result, { kinds: ['site'] }).failures.find((f) => f.id === 'ap-southeast-5')!.marketsLost.every((id) => id.startsWith('id-'))).toBe(true);
  });

  it('drops a failed required region from the centres it must keep', () => {
    const required = { ...MODEL_CASE, constraints: { ...MODEL_CASE.constraints, required: ['ap-southeast-1'] } };
    const failed = plan(required, { removeRegions: ['ap-southeast-1'] });
    expect(failed.chosen.map((c) => c.id)).not.toContain('ap-southeast-1');
    expect(failed.coverage.share).toBeGreaterThan(0.9);
  });

  it('says a search that ran out of time found a feasible plan, not an infeasible one', () => {
    const stopped = plan(MODEL_CASE, { timeLimitMs: 1 });
    expect(['feasible', 'optimal']).toContain(stopped.status);
    expect(stopped.objective.bound!).toBeLessThanOrEqual(stopped.objective.value);
    expect(stopped.objective.value).toBe(stopped.chosen.length);
  });

  it('names the reason a residency country gets no station: no candidate, or candidates ruled out', () => {
    const excluded = plan({ ...MODEL_CASE, constraints: { ...MODEL_CASE.constraints, excluded: ['ap-southeast-5'] } });
    expect(excluded.topology!.unbuilt).toEqual([expect.objectContaining({ country: 'ID', reason: expect.stringMatching(/its candidates there \(ap-southeast-5\) are excluded, failed or ruled out/) })]);
  });

  it('keeps a market without a country in a group of its own, even when its id looks like a country code', () => {
    const result = plan({
      markets: ['id-jakarta', { id: 'ID', coordinates: [-46.6, -23.5] }], constraints: { residency: { countries: ['ID'] } },
      candidates: { regions: ['ap-southeast-5', 'us-east-1'] }, slo: { defaultMs: 200 },
      topology: { type: 'regional-centres', syncSloMs: 300 },
    });
    const custom = result.markets.find((o) => o.market.id === 'ID')!;
    expect(custom.servingTier).toBe('centre');
    expect(result.topology!.centres.flatMap((c) => c.countries).filter((label) => label === 'ID')).toHaveLength(2);
  });

  it('refuses a k sweep of a two-tier scenario, naming the SLO sweep instead', () => {
    expect(() => sweep(MODEL_CASE, { k: { from: 1, to: 3 } })).toThrow(/range\.k cannot sweep a two-tier scenario.*Sweep the SLO instead/);
    const steps = sweep(MODEL_CASE, { sloMs: { from: 90, to: 110, step: 20 } }).points;
    expect(steps.map((p) => p.status)).toEqual(['optimal', 'optimal']);
  });
});

describe('data zones', () => {
  const gulf = { markets: { countries: ['AE', 'SA', 'QA', 'KW', 'EG'] }, slo: { defaultMs: 150 } };

  it('never serves a market from an excluded country, nor outside its zone', () => {
    const excluded = plan({ ...defaultScenario, constraints: { excludedCountries: ['CN'] } });
    expect(excluded.markets.every((o) => o.servedBy === null || regionCountry(o.servedBy) !== 'CN')).toBe(true);
    const zoned = plan({ ...gulf, constraints: { dataZones: [{ name: 'GCC', countries: ['AE', 'SA', 'QA', 'KW'], servedFrom: ['AE', 'SA', 'QA', 'KW', 'BH', 'OM'] }] } });
    for (const outcome of zoned.markets) {
      if (outcome.market.country === 'EG' || outcome.servedBy === null) continue;
      expect(['AE', 'SA']).toContain(regionCountry(outcome.servedBy));
      if (outcome.backup !== null) expect(['AE', 'SA']).toContain(regionCountry(outcome.backup));
    }
    expect(zoned.markets.find((o) => o.market.country === 'AE')!.market.zone.servedFrom).toEqual(['AE', 'BH', 'KW', 'OM', 'QA', 'SA']);
  });

  it('binds no one with an empty residency list', () => {
    expect(plan({ ...gulf, constraints: { residency: { countries: [] } } }).scenario.markets.some((m) => m.inCountry)).toBe(false);
    expect(plan({ ...gulf, constraints: { residency: { markets: [], countries: ['AE'] } } }).scenario.markets.filter((m) => m.inCountry).map((m) => m.country))
      .toEqual(['AE', 'AE', 'AE']);
  });

  it('applies rules by tier and combines them', () => {
    const result = plan({
      ...gulf, slo: { defaultMs: 150, tiers: [{ name: 'real-time', sloMs: 60, countries: ['AE'] }] },
      constraints: { dataZones: [{ tiers: ['real-time'], servedFrom: ['AE', 'SA'] }, { tiers: ['real-time'], neverFrom: ['SA'] }] },
    });
    for (const outcome of result.markets.filter((o) => o.market.tier === 'real-time')) {
      expect(outcome.market.zone).toMatchObject({ servedFrom: ['AE', 'SA'], neverFrom: ['SA'] });
      if (outcome.servedBy !== null) expect(regionCountry(outcome.servedBy)).toBe('AE');
    }
  });

  it('names the rule that leaves a market no candidate, and every malformed rule', () => {
    const bad: [unknown, RegExp][] = [
      [{ dataZones: [{ name: 'EU', countries: ['EG'], servedFrom: ['FR'] }] }, /scenario\.constraints\.dataZones\[0\] \("EU"\) leaves the market "eg-cairo" no candidate site: .*sites in FR/],
      [{ dataZones: [{ servedFrom: ['AE'] }, { neverFrom: ['AE'] }] }, /scenario\.constraints leaves the market "sa-riyadh" no candidate site: the rules .*dataZones\[0\], .*dataZones\[1\] allow sites in AE except AE/],
      [{ dataZones: [{ countries: ['AE'], servedFrom: ['AE'], neverFrom: ['SA'] }] }, /dataZones\[0\] must have exactly one of servedFrom .* or neverFrom/],
      [{ dataZones: [{ tiers: ['realtime'], neverFrom: ['CN'] }] }, /dataZones\[0\]\.tiers\[0\] is "realtime", which is not an SLO tier of this scenario's markets/],
      [{ dataZones: [{ countries: ['FR'], neverFrom: ['CN'] }] }, /dataZones\[0\]\.countries\[0\] is "FR", which has no market in this scenario/],
      [{ dataZones: [{ neverFrom: [] }] }, /dataZones\[0\]\.neverFrom is empty/],
      [{ excludedCountries: ['China'] }, /scenario\.constraints\.excludedCountries\[0\] must be an ISO 3166-1 alpha-2 code/],
      [{ dataZone: [] }, /scenario\.constraints\.dataZone is not a scenario field.*Did you mean "dataZones"/],
      [{ residency: { tier: ['default'] } }, /scenario\.constraints\.residency\.tier is not a scenario field.*Did you mean "tiers"/],
      [{ dataZones: [{ countries: [], neverFrom: ['SG'] }] }, /dataZones\[0\]\.countries is empty; name at least one, or leave it out to select every market/],
    ];
    for (const [constraints, message] of bad) {
      expect(() => plan({ ...gulf, constraints } as Scenario)).toThrow(InvalidArgumentError);
      expect(() => plan({ ...gulf, constraints } as Scenario)).toThrow(message);
    }
  });
});

describe('costs and demand', () => {
  const scenario = { markets: { countries: ['SG', 'MY', 'TH', 'ID'] }, slo: { defaultMs: 80 }, candidates: { regions: ['ap-southeast-1', 'ap-southeast-3', 'ap-southeast-5', 'ap-southeast-7'] } };
  const costs = { 'ap-southeast-1': 100, 'ap-southeast-3': 30, 'ap-southeast-5': 40, 'ap-southeast-7': 35 };

  it('finds the least-cost cover, as exhaustive enumeration does, and reports the cost', () => {
    const result = plan({ ...scenario, candidates: { ...scenario.candidates, costs, costUnit: 'USD per month' }, objective: { type: 'least-cost' } });
    const ids = Object.keys(costs) as (keyof typeof costs)[];
    const rtt = result.rttMs;
    let best = Infinity;
    for (let mask = 1; mask < 1 << ids.length; mask++) {
      const set = ids.map((_, j) => j).filter((j) => mask & (1 << j));
      const covers = result.scenario.markets.every((m, i) => set.some((j) => rtt.data[i * rtt.cols + j] <= m.sloMs));
      if (covers) best = Math.min(best, set.reduce((sum, j) => sum + costs[ids[j]], 0));
    }
    expect(result.cost).toEqual({ total: best, unit: 'USD per month' });
    expect(result.objective.value).toBe(best);
    expect(result.status).toBe('optimal');
  });

  it('requires a cost for every candidate and refuses negative ones', () => {
    expect(() => plan({ ...scenario, candidates: { ...scenario.candidates, costs: { 'ap-southeast-1': 1 } } }))
      .toThrow(/scenario\.candidates\.costs has no cost for 3 candidate\(s\): ap-southeast-3, ap-southeast-5, ap-southeast-7/);
    expect(() => plan({ ...scenario, candidates: { ...scenario.candidates, costs: { ...costs, 'ap-southeast-3': -5 } } }))
      .toThrow(/scenario\.candidates\.costs\.ap-southeast-3 must be a cost >= 0; got -5/);
    expect(() => plan({ ...scenario, candidates: { ...scenario.candidates, costs: { ...costs, 'ap-southeast-9': 5 } } }))
      .toThrow(/scenario\.candidates\.costs\.ap-southeast-9 is not a candidate of this scenario/);
    expect(() => plan({ ...scenario, objective: { type: 'least-cost' } })).toThrow(/"least-cost", but the scenario gives no costs/);
    expect(() => plan({ ...scenario, candidates: { ...scenario.candidates, costs }, objective: { type: 'least-cost', k: 1 } }))
      .toThrow(/scenario\.objective\.k does not apply to "least-cost": it opens as many sites as the SLOs need/);
  });

  it('shares a country demand figure over its markets by population, a market figure overriding', () => {
    const result = plan({ ...scenario, weights: { countries: { SG: 10, MY: 1000, TH: 0, ID: 50 }, markets: { 'my-kuala-lumpur': 7 } } });
    const byCountry = (code: string) => result.scenario.markets.filter((m) => m.country === code);
    expect(byCountry('MY').find((m) => m.id === 'my-kuala-lumpur')!.weight).toBe(7);
    expect(byCountry('MY').filter((m) => m.id !== 'my-kuala-lumpur').reduce((sum, m) => sum + m.weight, 0)).toBeCloseTo(1000, 9);
    expect(byCountry('ID').reduce((sum, m) => sum + m.weight, 0)).toBeCloseTo(50, 9);
    const population = (id: string) => bundledWorld.markets.find((m) => m.id === id)!.population;
    const [a, b] = byCountry('ID');
    expect(a.weight / b.weight).toBeCloseTo(population(a.id) / population(b.id), 9);
    expect(() => plan({ ...scenario, weights: { countries: { SG: 0, MY: 0, TH: 0, ID: 0 } } })).toThrow(/scenario\.weights gives every market a weight of 0/);
    expect(() => plan({ ...scenario, weights: { countries: { sg: 1 } } })).toThrow(/scenario\.weights\.countries\.sg must be an ISO 3166-1 alpha-2 code .*Did you mean "SG"\?/);
    expect(() => plan({ ...scenario, weights: { countries: { BR: 1 } } })).toThrow(/scenario\.weights\.countries\.BR is a country with no market in this scenario/);
    expect(() => plan({ ...scenario, weights: { countries: { SG: 10 } } })).toThrow(/scenario\.weights gives no weight for 18 market\(s\): id-jakarta, .*and 10 more\. Give their country or market a weight/);
  });

  it('reads costs and demand from CSV, naming the line of a bad row', () => {
    expect(parseCostsCsv('site,cost\nap-southeast-1,120\n"ap-southeast-3",80.5\n')).toEqual({ 'ap-southeast-1': 120, 'ap-southeast-3': 80.5 });
    expect(parseDemandCsv('country,weight\nSG,1200\nMY,300\n')).toEqual({ countries: { SG: 1200, MY: 300 } });
    expect(parseDemandCsv('market,weight\nsg-singapore,5\n')).toEqual({ markets: { 'sg-singapore': 5 } });
    expect(() => parseCostsCsv('site,cost\nap-southeast-1,120\nap-southeast-3,-1\n', 'costs.csv')).toThrow(/costs\.csv line 3, column cost must be a number >= 0; got "-1"/);
    expect(() => parseCostsCsv('site,cost\nap-southeast-1,1\nap-southeast-1,2\n', 'costs.csv')).toThrow(/costs\.csv line 3, column site repeats "ap-southeast-1"/);
    expect(() => parseDemandCsv('country,weight\nSG,0x10\n', 'fleet.csv')).toThrow(/fleet\.csv line 2, column weight must be a number >= 0; got "0x10"/);
    expect(() => parseDemandCsv('city,fleet\nx,1\n', 'fleet.csv')).toThrow(/fleet\.csv must have a header with country or market and weight; it has city, fleet/);
  });
});

describe('criticality(plan)', () => {
  const result = plan(defaultScenario);
  const ranked = criticality(result);

  it('tries every cable, corridor and chosen site, worst first', () => {
    expect(ranked.tried).toEqual({ cable: bundledWorld.backbone.cables.length, corridor: 18, site: result.chosen.length });
    expect(ranked.failures).toHaveLength(ranked.tried.cable + ranked.tried.corridor + ranked.tried.site);
    for (let i = 1; i < ranked.failures.length; i++) expect(ranked.failures[i].lostWeight).toBeLessThanOrEqual(ranked.failures[i - 1].lostWeight);
    expect(ranked.latency).toBe(result.latency);
  });

  it('agrees with N-1 on site failures and with whatIf on cuts', () => {
    for (const failure of nMinusOne(result)) {
      const site = ranked.failures.find((f) => f.kind === 'site' && f.id === failure.site)!;
      expect(site.marketsLost).toEqual(failure.breaks);
      expect(site.lostWeight).toBeCloseTo(failure.weight, 6);
    }
    const worstCut = ranked.failures.find((f) => f.kind === 'corridor' && f.lostWeight > 0)!;
    const report = whatIf(defaultScenario, { cutCorridors: [worstCut.id] });
    const lost = report.reevaluated.markets.filter((o, i) => report.baseline.markets[i].sloMet && !o.sloMet).map((o) => o.market.id);
    expect(worstCut.marketsLost).toEqual(lost);
  });

  it('checks its options', () => {
    expect(() => criticality(result, { kinds: ['cables'] } as never)).toThrow(/options\.kinds\[0\] must be one of cable, corridor, site; got "cables".*Did you mean "cable"/);
    expect(() => criticality(result, { kind: ['cable'] } as never)).toThrow(/options\.kind is not an option/);
    expect(criticality(result, { kinds: ['site'] }).tried).toEqual({ cable: 0, corridor: 0, site: result.chosen.length });
  });
});
