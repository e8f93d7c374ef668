// The built `geoslo` command with the user's own figures (--costs, --demand), the least-cost
// objective and --criticality, run as a user runs it (npm test builds dist first). Fixtures are in
// test/fixtures/figures: a small scenario of the SG, MY and TH markets with four candidate regions
// (Singapore, Kuala Lumpur, Jakarta, Bangkok), and CSVs of costs and demand for it.

import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { backbone, CORRIDORS, markets } from '../src/index.js';

const root = resolve(import.meta.dirname, '..');
const cli = resolve(root, 'dist', 'cli.js');
/** Runs from the repository root, so fixture paths (and the paths errors name) are relative. */
const geoslo = (...args: string[]) => spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', cwd: root });
type Run = ReturnType<typeof geoslo>;

const FIXTURES = 'test/fixtures/figures';
const fixture = (name: string) => `${FIXTURES}/${name}`;
const SMALL = fixture('small-scenario.json');
const LEAST_COST = fixture('least-cost-scenario.json');
const CANDIDATES = ['ap-southeast-1', 'ap-southeast-3', 'ap-southeast-5', 'ap-southeast-7'];
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

interface FailureJson {
  kind: 'cable' | 'corridor' | 'site';
  id: string;
  name: string;
  marketsLost: string[];
  lostWeight: number;
  lostShare: number;
  syncBroken: string[];
  replicationBroken: string[];
  addedRttMs: number;
  worstAddedRttMs: number;
}
interface PlanJson {
  objective: string;
  status: string;
  cost: { total: number; unit: string } | null;
  regions: { id: string }[];
  coverage: { coveredWeight: number; totalWeight: number; share: number };
  markets: { id: string; country: string; weight: number; rttMs: number | null; sloMet: boolean }[];
  topology: unknown;
  criticality?: { failures: FailureJson[]; tried: { cable: number; corridor: number; site: number } };
}

function json(run: Run): PlanJson {
  expect(run.status, run.stderr).toBe(0);
  expect(run.stderr).toBe('');
  return JSON.parse(run.stdout) as PlanJson;
}

/** Every CLI failure: exit 1, one line on stderr matching `message`, nothing on stdout, no stack trace. */
function expectFailure(run: Run, message: RegExp): void {
  expect(run.status, run.stderr).toBe(1);
  expect(run.stdout).toBe('');
  expect(run.stderr.trimEnd().split('\n'), run.stderr).toHaveLength(1);
  expect(run.stderr).not.toMatch(/\s+at /);
  expect(run.stderr.trimEnd()).toMatch(message);
}

const ids = (plan: PlanJson) => plan.regions.map((r) => r.id);
const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);

// Population-weighted fewest-regions plan of the small scenario, with criticality: reused below.
let baselineRun: PlanJson | undefined;
const baseline = () => (baselineRun ??= json(geoslo('plan', SMALL, '--criticality', '--format', 'json')));

describe('geoslo plan --costs and the least-cost objective', () => {
  it('the small scenario without costs: one region (Singapore), no cost', () => {
    const plan = baseline();
    expect(plan.objective).toBe('fewest-regions');
    expect(ids(plan)).toEqual(['ap-southeast-1']);
    expect(plan.cost).toBeNull();
    expect(plan.coverage.share).toBe(1);
  });

  it('least-cost picks the region the costs make cheap (Kuala Lumpur), not fewest-regions\' Singapore, and reports its cost', () => {
    const plan = json(geoslo('plan', LEAST_COST, '--costs', fixture('costs.csv'), '--format', 'json'));
    expect(plan.objective).toBe('least-cost');
    expect(plan.status).toBe('optimal');
    expect(ids(plan)).toEqual(['ap-southeast-3']);
    expect(ids(plan)).not.toEqual(ids(baseline()));
    expect(plan.cost).toEqual({ total: 120.5, unit: 'per month' });
    expect(plan.coverage.share).toBe(1);

    const table = geoslo('plan', LEAST_COST, '--costs', fixture('costs.csv'));
    expect(table.status, table.stderr).toBe(0);
    expect(table.stdout).toMatch(/^objective least-cost, redundancy 1: optimal, objective 120\.50 with bound 120\.50$/m);
    expect(table.stdout).toMatch(/^regions \(1\): ap-southeast-3 Malaysia \(Kuala Lumpur\)$/m);
    expect(table.stdout).toMatch(/^cost: 120\.5 per month$/m);
  });

  it('least-cost opens two cheap regions where fewest-regions opens one dear one (--slo 42)', () => {
    // At 42 ms only Singapore covers every market alone; Kuala Lumpur (100) + Bangkok (150) cover them together.
    const fewest = json(geoslo('plan', SMALL, '--slo', '42', '--costs', fixture('costs-two-cheap.csv'), '--format', 'json'));
    expect(ids(fewest)).toEqual(['ap-southeast-1']);
    expect(fewest.cost).toEqual({ total: 10000, unit: 'per month' });
    const cheapest = json(geoslo('plan', LEAST_COST, '--slo', '42', '--costs', fixture('costs-two-cheap.csv'), '--format', 'json'));
    expect(ids(cheapest).sort()).toEqual(['ap-southeast-3', 'ap-southeast-7']);
    expect(cheapest.cost).toEqual({ total: 250, unit: 'per month' });
    expect(cheapest.coverage.share).toBe(1);
    expect(cheapest.markets.every((m) => m.sloMet && m.rttMs !== null && m.rttMs <= 42)).toBe(true);
  });

  it('least-cost without costs is an error', () => {
    expectFailure(geoslo('plan', LEAST_COST), /^geoslo\/plan: scenario\.objective\.type is "least-cost", but the scenario gives no costs/);
  });

  it('names the file, line and column of a bad costs row, and the file for missing candidates', () => {
    const cases: [string, RegExp][] = [
      ['costs-unknown-site.csv', /^geoslo\/plan: --costs test\/fixtures\/figures\/costs-unknown-site\.csv line 3, column site "ap-southeast-l" is not a candidate of this scenario\. Did you mean "ap-southeast-1"\?$/],
      ['costs-negative.csv', /^geoslo\/plan: --costs test\/fixtures\/figures\/costs-negative\.csv line 4, column cost must be a number >= 0; got "-5"\.$/],
      ['costs-repeated.csv', /^geoslo\/plan: --costs test\/fixtures\/figures\/costs-repeated\.csv line 4, column site repeats "ap-southeast-1"/],
      ['costs-no-site-column.csv', /^geoslo\/plan: --costs test\/fixtures\/figures\/costs-no-site-column\.csv must have a header with site and cost; it has region, cost\.$/],
      ['costs-missing-candidate.csv', /^geoslo\/plan: --costs test\/fixtures\/figures\/costs-missing-candidate\.csv has no cost for 1 candidate\(s\): ap-southeast-5\./],
    ];
    for (const [file, message] of cases) expectFailure(geoslo('plan', LEAST_COST, '--costs', fixture(file)), message);
    expectFailure(geoslo('plan', SMALL, '--costs', fixture('no-such.csv')), /cannot read costs file "test\/fixtures\/figures\/no-such\.csv": no such file/);
  });
});

describe('geoslo plan --demand', () => {
  it('a country with all the weight: its markets share it by population, the others get 0, and the plan moves to that country', () => {
    const plan = json(geoslo('plan', SMALL, '--demand', fixture('demand-by-country.csv'), '--criticality', '--format', 'json'));
    const thai = markets.filter((m) => m.country === 'TH');
    const population = sum(thai.map((m) => m.population));
    expect(plan.markets).toHaveLength(10);
    for (const market of plan.markets) {
      const bundled = markets.find((m) => m.id === market.id);
      expect(bundled, market.id).toBeDefined();
      const expected = market.country === 'TH' ? (1000 * (bundled?.population ?? 0)) / population : 0;
      expect(market.weight, market.id).toBeCloseTo(expected, 9);
    }
    expect(sum(plan.markets.filter((m) => m.country === 'TH').map((m) => m.weight))).toBeCloseTo(1000, 9);
    expect(plan.coverage.totalWeight).toBeCloseTo(1000, 9);
    // Ties among single regions break by demand-weighted RTT: Bangkok now, Singapore by population.
    expect(ids(plan)).toEqual(['ap-southeast-7']);
    expect(ids(baseline())).toEqual(['ap-southeast-1']);
    // Criticality weighs what is lost by the same demand.
    const worst = plan.criticality?.failures[0];
    expect(worst).toMatchObject({ kind: 'site', id: 'ap-southeast-7', lostShare: 1 });
    expect(worst?.lostWeight).toBeCloseTo(1000, 9);
  });

  it('weights per market are taken as given', () => {
    const plan = json(geoslo('plan', SMALL, '--demand', fixture('demand-by-market.csv'), '--format', 'json'));
    const weights = Object.fromEntries(plan.markets.map((m) => [m.id, m.weight]));
    expect(weights).toEqual({
      'th-bangkok': 5, 'th-chiang-mai': 0, 'th-chon-buri': 0, 'th-songkhla': 0, 'my-kuala-lumpur': 0,
      'my-johor-bahru': 0, 'my-ipoh': 0, 'my-kuching': 0, 'my-kota-kinabalu': 2.5, 'sg-singapore': 0,
    });
    expect(plan.coverage.totalWeight).toBe(7.5);
  });

  it('names the file, line and column of a bad demand row, and the file for markets left without weight', () => {
    expectFailure(geoslo('plan', SMALL, '--demand', fixture('demand-bad-number.csv')),
      /^geoslo\/plan: --demand test\/fixtures\/figures\/demand-bad-number\.csv line 3, column weight must be a number >= 0; got "lots"\.$/);
    expectFailure(geoslo('plan', SMALL, '--demand', fixture('demand-market-typo.csv')),
      /^geoslo\/plan: --demand test\/fixtures\/figures\/demand-market-typo\.csv line 3, column market "my-kuala-lumpr" is not a market of this scenario\. Did you mean "my-kuala-lumpur"\?$/);
    expectFailure(geoslo('plan', SMALL, '--demand', fixture('demand-missing-country.csv')),
      /^geoslo\/plan: --demand test\/fixtures\/figures\/demand-missing-country\.csv gives no weight for 1 market\(s\): sg-singapore\./);
  });
});

describe('geoslo sweep --costs / --demand', () => {
  it('least-cost by SLO: two regions while no single one covers, then Kuala Lumpur alone at its cost', () => {
    const run = geoslo('sweep', LEAST_COST, '--slo', '40:100:20', '--costs', fixture('costs.csv'), '--format', 'json');
    expect(run.status, run.stderr).toBe(0);
    const result = JSON.parse(run.stdout) as { objective: string; points: { value: number; regions: string[]; cost: number | null; coverage: number }[] };
    expect(result.objective).toBe('least-cost');
    expect(result.points.map((p) => p.value)).toEqual([40, 60, 80, 100]);
    expect(result.points.map((p) => p.cost)).toEqual([7120.5, 120.5, 120.5, 120.5]);
    expect(result.points.map((p) => [...p.regions].sort())).toEqual([['ap-southeast-3', 'ap-southeast-7'], ['ap-southeast-3'], ['ap-southeast-3'], ['ap-southeast-3']]);
    expect(result.points.every((p) => p.coverage === 1)).toBe(true);
  });

  it('costs and demand apply to every step, and the table gains a cost column', () => {
    const run = geoslo('sweep', SMALL, '--k', '1:2', '--costs', fixture('costs.csv'), '--demand', fixture('demand-by-country.csv'));
    expect(run.status, run.stderr).toBe(0);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines[1]).toMatch(/^k\s+status\s+regions\s+coverage\s+mean RTT ms\s+worst RTT ms\s+cost\s+chosen$/);
    // k = 1 under Thai demand: Bangkok, at its cost of 7000.
    expect(lines[3]).toMatch(/^1\s+optimal\s+1\s+100\.0%\s+[\d.]+\s+[\d.]+\s+7000\s+ap-southeast-7$/);
  });

  it('names the file and row of a bad figure as sweep', () => {
    expectFailure(geoslo('sweep', SMALL, '--k', '1:2', '--costs', fixture('costs-unknown-site.csv')),
      /^geoslo\/sweep: --costs test\/fixtures\/figures\/costs-unknown-site\.csv line 3, column site "ap-southeast-l" is not a candidate of this scenario\. Did you mean "ap-southeast-1"\?$/);
    expectFailure(geoslo('sweep', SMALL, '--k', '1:2', '--costs', fixture('costs-missing-candidate.csv')),
      /^geoslo\/sweep: --costs test\/fixtures\/figures\/costs-missing-candidate\.csv has no cost for 1 candidate\(s\): ap-southeast-5\./);
    expectFailure(geoslo('sweep', SMALL, '--k', '1:2', '--demand', fixture('demand-bad-number.csv')),
      /^geoslo\/sweep: --demand test\/fixtures\/figures\/demand-bad-number\.csv line 3, column weight must be a number >= 0; got "lots"\.$/);
  });
});

const FAILURE_KEYS = ['addedRttMs', 'id', 'kind', 'lostShare', 'lostWeight', 'marketsLost', 'name', 'replicationBroken', 'syncBroken', 'worstAddedRttMs'];

/** The documented order: demand lost, then links broken, then added RTT, each worst first. */
function expectRanked(failures: readonly FailureJson[]): void {
  for (let i = 1; i < failures.length; i++) {
    const [a, b] = [failures[i - 1], failures[i]];
    const where = `${a.kind} ${a.id} before ${b.kind} ${b.id}`;
    expect(a.lostWeight, where).toBeGreaterThanOrEqual(b.lostWeight);
    if (a.lostWeight !== b.lostWeight) continue;
    const brokenA = a.syncBroken.length + a.replicationBroken.length;
    const brokenB = b.syncBroken.length + b.replicationBroken.length;
    expect(brokenA, where).toBeGreaterThanOrEqual(brokenB);
    if (brokenA === brokenB) expect(a.addedRttMs, where).toBeGreaterThanOrEqual(b.addedRttMs);
  }
}

/** Each failure's lost weight and share agree with the weights of the markets it lists. */
function expectConsistent(plan: PlanJson): void {
  const weight = new Map(plan.markets.map((m) => [m.id, m.weight]));
  for (const failure of plan.criticality?.failures ?? []) {
    expect(Object.keys(failure).sort(), failure.id).toEqual(FAILURE_KEYS);
    expect(failure.lostWeight, failure.id).toBeCloseTo(sum(failure.marketsLost.map((id) => weight.get(id) ?? Number.NaN)), 6);
    expect(failure.lostShare, failure.id).toBeCloseTo(failure.lostWeight / plan.coverage.totalWeight, 12);
  }
}

const harmful = (f: FailureJson) => f.lostWeight > 0 || f.syncBroken.length > 0 || f.replicationBroken.length > 0 || f.addedRttMs >= 0.5;

describe('geoslo plan --criticality', () => {
  it('JSON: every cable, corridor and chosen site tried once, ranked worst first', () => {
    const plan = baseline();
    const result = plan.criticality;
    expect(result).toBeDefined();
    const { failures, tried } = result as NonNullable<PlanJson['criticality']>;
    expect(tried).toEqual({ cable: backbone.cables.length, corridor: CORRIDORS.length, site: plan.regions.length });
    expect(tried.site).toBe(1);
    expect(failures).toHaveLength(tried.cable + tried.corridor + tried.site);
    expect(new Set(failures.map((f) => `${f.kind}:${f.id}`)).size).toBe(failures.length);
    expect(failures.filter((f) => f.kind === 'site').map((f) => f.id)).toEqual(ids(plan));
    expectRanked(failures);
    expectConsistent(plan);
    // The one site lost: every market loses its SLO, all the demand.
    expect(failures[0]).toMatchObject({ kind: 'site', id: 'ap-southeast-1', name: 'Singapore', lostShare: 1 });
    expect(failures[0].marketsLost).toHaveLength(plan.markets.length);
    expect(failures[0].lostWeight).toBe(plan.coverage.totalWeight);
  });

  it('table: ends with the single-failures section, counting what JSON ranks as mattering', () => {
    const run = geoslo('plan', SMALL, '--criticality');
    expect(run.status, run.stderr).toBe(0);
    const at = run.stdout.indexOf('Single failures (');
    expect(at).toBeGreaterThan(run.stdout.indexOf('If one region fails (N-1):'));
    const section = run.stdout.slice(at).trimEnd().split('\n');
    const failures = baseline().criticality?.failures ?? [];
    const matter = failures.filter(harmful).length;
    expect(section[0]).toBe(
      `Single failures (${backbone.cables.length} cables, ${CORRIDORS.length} corridors, 1 site), worst first; ` +
        `the plan's sites stay and markets fail over: ${matter} matter, ${failures.length - matter} change nothing that matters.`,
    );
    expect(section[1]).toMatch(/^RTT: /);
    expect(section[2]).toMatch(/^kind\s+failure\s+demand lost\s+markets losing SLO\s+links broken\s+mean \+ms\s+worst \+ms$/);
    // Header, rule, then one row per failure that matters, worst first, and nothing after.
    expect(section).toHaveLength(4 + matter);
    expect(section[4]).toMatch(/^site\s+ap-southeast-1 \(Singapore\)\s+100\.0%\s+10: /);
    expect(section.slice(4).map((line) => line.split(/\s+/)[0])).toEqual(failures.filter(harmful).map((f) => f.kind));
  });

  it('html has the criticality section only when asked', () => {
    const asked = geoslo('plan', SMALL, '--criticality', '--format', 'html');
    expect(asked.status, asked.stderr).toBe(0);
    expect(asked.stdout).toMatch(/<section id="criticality-section">/);
    const plain = geoslo('plan', SMALL, '--format', 'html');
    expect(plain.status, plain.stderr).toBe(0);
    expect(plain.stdout).not.toMatch(/criticality-section/);
  });

  it('--format geojson --criticality is an error naming --criticality', () => {
    expectFailure(geoslo('plan', SMALL, '--format', 'geojson', '--criticality'), /^geoslo\/plan: --criticality .*--format table, json or html/);
  });

  it('with what-ifs: ranks the re-planned sites and does not try again what is already cut or failed', () => {
    const plan = json(geoslo('plan', SMALL, '--fail', 'ap-southeast-1', '--cut', 'sjc', '--cut-corridor', 'malacca', '--criticality', '--format', 'json'));
    expect(ids(plan)).not.toContain('ap-southeast-1');
    const { failures, tried } = plan.criticality as NonNullable<PlanJson['criticality']>;
    expect(tried).toEqual({ cable: backbone.cables.length - 1, corridor: CORRIDORS.length - 1, site: plan.regions.length });
    expect(failures.map((f) => f.id)).not.toContain('ap-southeast-1');
    expect(failures.map((f) => f.id)).not.toContain('sjc');
    expect(failures.map((f) => f.id)).not.toContain('malacca');
    expect(failures.filter((f) => f.kind === 'site').map((f) => f.id).sort()).toEqual(ids(plan).sort());
    expectRanked(failures);
    expectConsistent(plan);
  });
});

describe('the bundled two-tier scenario', () => {
  const SCENARIO = 'data/scenarios/overseas-vehicle-platform.json';

  it('plans as a table with its centres and stations', () => {
    const run = geoslo('plan', SCENARIO);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/^Overseas connected-vehicle platform/);
    expect(run.stdout).toMatch(/^coverage: 100\.0% of demand weight within its SLO/m);
    expect(run.stdout).toMatch(/^Topology: regional centres and national stations \(sync SLO 60 ms, replication SLO 350 ms/m);
    // Residency in ID and SA: each has a national station in the country.
    expect(run.stdout).toMatch(new RegExp(`^${escape('ap-southeast-5')}\\s+ID\\s+`, 'm'));
    expect(run.stdout).toMatch(new RegExp(`^${escape('me-central-1')}\\s+SA\\s+`, 'm'));
  });

  it('criticality of a two-tier plan: every site tried, a lost station breaks its sync', () => {
    const plan = json(geoslo('plan', SCENARIO, '--criticality', '--format', 'json'));
    expect(plan.topology).not.toBeNull();
    const { failures, tried } = plan.criticality as NonNullable<PlanJson['criticality']>;
    expect(tried).toEqual({ cable: backbone.cables.length, corridor: CORRIDORS.length, site: plan.regions.length });
    expect(failures.filter((f) => f.kind === 'site')).toHaveLength(plan.regions.length);
    expectRanked(failures);
    expectConsistent(plan);
    const station = failures.find((f) => f.kind === 'site' && f.id === 'ap-southeast-5');
    expect(station?.syncBroken).toEqual(['ID: ap-southeast-5']);
    // Indonesia's data must stay home: losing its only station loses every Indonesian market.
    expect([...(station?.marketsLost ?? [])].sort()).toEqual(plan.markets.filter((m) => m.country === 'ID').map((m) => m.id).sort());
  });
});

// The fixtures themselves: the good costs files price exactly the small scenarios' candidates.
it('the costs fixtures price exactly the candidates of both small scenarios', () => {
  const read = (name: string) => readFileSync(resolve(root, fixture(name)), 'utf8');
  for (const scenario of ['small-scenario.json', 'least-cost-scenario.json']) {
    expect((JSON.parse(read(scenario)) as { candidates: { regions: string[] } }).candidates.regions).toEqual(CANDIDATES);
  }
  for (const costs of ['costs.csv', 'costs-two-cheap.csv']) {
    expect(read(costs).trimEnd().split('\n').slice(1).map((line) => line.split(',')[0])).toEqual(CANDIDATES);
  }
});
