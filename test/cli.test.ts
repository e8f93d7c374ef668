// The built `geoslo` command, run as a user runs it (npm test builds dist first).

import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { estimateRtt, regions } from '../src/index.js';
import { parseCsv } from '../src/util/csv.js';

const cli = resolve(import.meta.dirname, '..', 'dist', 'cli.js');
const scratch = mkdtempSync(join(tmpdir(), 'geoslo-cli-'));
const geoslo = (...args: string[]) => spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8' });

function pairsFile(name: string, text: string): string {
  const file = join(scratch, name);
  writeFileSync(file, text);
  return file;
}

describe('geoslo rtt --pairs FILE.csv', () => {
  it('writes every row back with rtt_ms, keeping the other columns', () => {
    const file = pairsFile('ok.csv', 'name,from_lon,from_lat,to_lon,to_lat\n"Jakarta, ID",106.8456,-6.2088,103.8198,1.3521\nSao Paulo,-46.633,-23.55,-99.1332,19.4326\n');
    const run = geoslo('rtt', '--pairs', file);
    expect(run.status, run.stderr).toBe(0);
    const table = parseCsv(run.stdout);
    expect(table.header).toEqual(['name', 'from_lon', 'from_lat', 'to_lon', 'to_lat', 'rtt_ms', 'network', 'quantile']);
    expect(table.rows.map((r) => r.cells[0])).toEqual(['Jakarta, ID', 'Sao Paulo']);
    expect(Number(table.rows[0].cells[5])).toBeCloseTo(estimateRtt([106.8456, -6.2088], [103.8198, 1.3521]), 1);
    expect(table.rows[0].cells.slice(6)).toEqual(['backbone', '0.5']);
  });

  it('models the public internet at a quantile with --network and --quantile, and says so in each row', () => {
    const file = pairsFile('internet.csv', 'from_lon,from_lat,to_lon,to_lat\n106.8456,-6.2088,103.8198,1.3521\n');
    const run = geoslo('rtt', '--pairs', file, '--network', 'internet', '--quantile', '0.9');
    expect(run.status, run.stderr).toBe(0);
    const row = parseCsv(run.stdout).rows[0].cells;
    expect(Number(row[4])).toBeCloseTo(estimateRtt([106.8456, -6.2088], [103.8198, 1.3521], { network: 'internet', quantile: 0.9 }), 1);
    expect(row.slice(5)).toEqual(['internet', '0.9']);
  });

  it('names a bad --network or --quantile flag and the values allowed', () => {
    const file = pairsFile('flags.csv', 'from_lon,from_lat,to_lon,to_lat\n106.8456,-6.2088,103.8198,1.3521\n');
    const network = geoslo('rtt', '--pairs', file, '--network', 'wifi');
    expect(network.status).toBe(1);
    expect(network.stderr).toMatch(/geoslo\/rtt: --network must be one of "backbone", "internet"; got "wifi"/);
    for (const quantile of ['1', '0', 'abc', '']) {
      const run = geoslo('rtt', '--pairs', file, '--quantile', quantile);
      expect(run.status).toBe(1);
      expect(run.stderr).toMatch(/geoslo\/rtt: --quantile must be a number strictly between 0 and 1/);
    }
  });

  it('fails on a swapped coordinate with the line and columns, and writes nothing', () => {
    const file = pairsFile('swapped.csv', 'from_lon,from_lat,to_lon,to_lat\n106.8,-6.2,103.8,1.35\n106.8,-6.2,1.35,103.8\n');
    const out = join(scratch, 'never.csv');
    const run = geoslo('rtt', '--pairs', file, '--out', out);
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/geoslo\/rtt: line 3, columns to_lon,to_lat\[1\] \(latitude\) is 103\.8.*looks like \[lat, lon\]/);
    expect(existsSync(out)).toBe(false);
  });

  it('fails on a malformed number, a missing column and a point beyond the backbone, naming each', () => {
    expect(geoslo('rtt', '--pairs', pairsFile('nan.csv', 'from_lon,from_lat,to_lon,to_lat\n1,x,2,3\n')).stderr).toMatch(/line 2, column from_lat must be a number of degrees; got "x"/);
    expect(geoslo('rtt', '--pairs', pairsFile('cols.csv', 'lon,lat\n1,2\n')).stderr).toMatch(/has no column from_lon, from_lat, to_lon, to_lat/);
    const far = geoslo('rtt', '--pairs', pairsFile('far.csv', 'from_lon,from_lat,to_lon,to_lat\n103.8,1.35,106.8,-6.2\n-140,-45,103.8,1.35\n'));
    expect(far.status).toBe(1);
    expect(far.stderr).toMatch(/line 3, columns from_lon,from_lat .*km from the nearest backbone node/);
    expect(geoslo('rtt', '--pairs', join(scratch, 'missing.csv')).status).toBe(1);
  });

  it('applies what-if cuts', () => {
    const file = pairsFile('cut.csv', 'from_lon,from_lat,to_lon,to_lat\n103.8198,1.3521,8.6821,50.1109\n');
    const normal = Number(parseCsv(geoslo('rtt', '--pairs', file).stdout).rows[0].cells[4]);
    const cut = Number(parseCsv(geoslo('rtt', '--pairs', file, '--cut-corridor', 'red-sea').stdout).rows[0].cells[4]);
    expect(cut).toBeGreaterThan(normal);
  });
});

describe('geoslo regions / markets / usage', () => {
  it('prints the regions as a table with status', () => {
    const run = geoslo('regions');
    expect(run.status).toBe(0);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(regions.length + 2);
    expect(lines[0]).toMatch(/^id\s+name\s+country\s+lon\s+lat\s+status\s+zones$/);
    expect(run.stdout).toMatch(/ap-southeast-2\s+Australia \(Sydney\).*closed/);
  });

  it('prints the markets, and exits 2 with usage on an unknown command or option', () => {
    expect(geoslo('markets').stdout).toMatch(/br-sao-paulo\s+Sao Paulo\s+BR/);
    const unknown = geoslo('teleport');
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(/unknown command "teleport"/);
    expect(geoslo('rtt', '--pears', 'x').status).toBe(2);
  });
});

describe('geoslo plan', () => {
  it('plans the bundled default scenario as a table', () => {
    const run = geoslo('plan');
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^Connected-vehicle platform/);
    expect(run.stdout).toMatch(/regions \(\d+\): /);
    expect(run.stdout).toMatch(/If one region fails \(N-1\):/);
  });

  it('writes JSON, applies --k/--objective overrides and --fail', () => {
    const run = geoslo('plan', '--objective', 'least-mean-latency', '--k', '3', '--fail', 'ap-southeast-1', '--format', 'json');
    expect(run.status, run.stderr).toBe(0);
    const result = JSON.parse(run.stdout) as { regions: { id: string }[]; objective: string; markets: unknown[] };
    expect(result.objective).toBe('least-mean-latency');
    expect(result.regions).toHaveLength(3);
    expect(result.regions.map((r) => r.id)).not.toContain('ap-southeast-1');
  });

  it('names the JSON path of a bad scenario field and exits 1 without output', () => {
    const file = join(scratch, 'bad-scenario.json');
    writeFileSync(file, JSON.stringify({ objective: { type: 'cheapest' } }));
    const run = geoslo('plan', file);
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/scenario\.objective\.type must be one of "fewest-regions", "least-mean-latency", "least-worst-latency", "most-covered"; got "cheapest"/);
    writeFileSync(file, '{ not json');
    expect(geoslo('plan', file).stderr).toMatch(/is not valid JSON/);
  });

  it('takes --network and --confidence, and the output says what its RTTs are', () => {
    const run = geoslo('plan', '--network', 'backbone', '--confidence', '0.9', '--format', 'json');
    expect(run.status, run.stderr).toBe(0);
    const result = JSON.parse(run.stdout) as { latency: { network: string; confidence: number; description: string }; markets: { medianRttMs: number; rttMs: number }[] };
    expect(result.latency).toMatchObject({ network: 'backbone', confidence: 0.9 });
    expect(result.latency.description).toMatch(/90th percentile/);
    expect(result.markets.some((m) => m.rttMs > m.medianRttMs)).toBe(true);
    const table = geoslo('plan', '--confidence', '0.9');
    expect(table.stdout).toMatch(/RTT: Market-to-site RTT over the public internet/);
    expect(table.stdout).toMatch(/p50 ms +p90 ms/);
  });

  it('names a bad --network or --confidence flag', () => {
    expect(geoslo('plan', '--network', 'lan').stderr).toMatch(/geoslo\/plan: --network must be one of "backbone", "internet"; got "lan"/);
    expect(geoslo('plan', '--confidence', '90').stderr).toMatch(/geoslo\/plan: --confidence must be a number strictly between 0 and 1, such as 0\.9; got "90"/);
  });
});

describe('geoslo sweep', () => {
  it('prints one row per k, and refuses an ambiguous or malformed range', () => {
    const run = geoslo('sweep', '--k', '1:3');
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout.trimEnd().split('\n')).toHaveLength(6); // title, header, rule, three steps
    expect(run.stdout).toMatch(/^most-covered by number of regions/);
    expect(geoslo('sweep', '--k', '3').stderr).toMatch(/--k must be FROM:TO, e\.g\. 1:29; got "3"/);
    expect(geoslo('sweep', '--k', '1:2', '--slo', '50:60:10').status).toBe(1);
  });
});
