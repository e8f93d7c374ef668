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
    expect(run.stderr).toMatch(/scenario\.objective\.type must be one of "fewest-regions", "least-cost", "least-mean-latency", "least-worst-latency", "most-covered"; got "cheapest"/);
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

  it('names a mistyped --fail, --cut or --cut-corridor as typed, with the closest valid id, and writes nothing', () => {
    const typo = geoslo('plan', '--fail', 'ap-southeast-l');
    expect(typo.status).toBe(1);
    expect(typo.stdout).toBe('');
    expect(typo.stderr).toMatch(/^geoslo\/plan: --fail ap-southeast-l is "ap-southeast-l", which is not a region\. Did you mean "ap-southeast-1"\?/);
    expect(geoslo('plan', '--fail', 'ap-south-1').stderr).toMatch(/--fail ap-south-1 is "ap-south-1", which is not a candidate of this scenario \(its status is closed\)/);
    expect(geoslo('plan', '--cut', 'sea-me-we-9').stderr).toMatch(/geoslo\/plan: --cut sea-me-we-9 is "sea-me-we-9", which is not a cable/);
    expect(geoslo('plan', '--cut-corridor', 'red sea').stderr).toMatch(/geoslo\/plan: --cut-corridor red sea is "red sea", which is not a corridor/);
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

describe('every CLI failure is one line, a non-zero exit and no file written', () => {
  const inScratch = (...args: string[]) => spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', cwd: scratch });
  const oneLine = (stderr: string) => expect(stderr.trimEnd().split('\n')).toHaveLength(1);

  it('suggests the command meant, and refuses options of another command', () => {
    const typo = geoslo('plna');
    expect(typo.status).toBe(2);
    expect(typo.stderr).toMatch(/unknown command "plna"\. Did you mean "plan"\?/);
    oneLine(typo.stderr);
    const foreign = geoslo('regions', '--k', '3');
    expect(foreign.status).toBe(2);
    expect(foreign.stderr).toMatch(/--k is not an option of regions; regions takes only --out/);
    expect(geoslo('rtt', '--pairs', 'x.csv', '--confidence', '0.9').stderr).toMatch(/--confidence is not an option of rtt/);
    expect(geoslo('regions', 'extra').stderr).toMatch(/regions takes no argument; got "extra"/);
  });

  it('names the file and the reason for any file-system failure, and leaves nothing behind', () => {
    const file = join(scratch, 'a-file');
    writeFileSync(file, 'x');
    const cases: [string[], RegExp][] = [
      [['plan', '--out', join(scratch, 'missing', 'plan.txt')], /cannot write ".*plan\.txt": the folder ".*missing" does not exist/],
      [['regions', '--out', join(file, 'x.txt')], /cannot write ".*x\.txt": a part of the path is a file, not a folder/],
      [['regions', '--out', join(scratch, 'n'.repeat(300))], /the name is too long for the file system/],
      [['regions', '--out', scratch], /it is a folder; name a file/],
      [['plan', join(scratch, 'nowhere.json')], /cannot read scenario file ".*nowhere\.json": no such file/],
      [['plan', scratch], /cannot read scenario file ".*": it is a folder; name a file/],
      [['rtt', '--pairs', join(scratch, 'nowhere.csv')], /cannot read pairs file ".*nowhere\.csv": no such file/],
    ];
    for (const [args, message] of cases) {
      const run = geoslo(...args);
      expect(run.status, args.join(' ')).toBe(1);
      expect(run.stderr).toMatch(message);
      oneLine(run.stderr);
      expect(run.stderr).not.toMatch(/\s+at /);
    }
    // The default plan writes out/ files only when its --out can be written too.
    const failed = inScratch('plan', '--out', join('missing', 'plan.txt'));
    expect(failed.status).toBe(1);
    expect(existsSync(join(scratch, 'out'))).toBe(false);
  });

  it('refuses a scenario file that is not one JSON object', () => {
    for (const [name, text] of [['null.json', 'null'], ['list.json', '[]'], ['number.json', '3']]) {
      const path = join(scratch, name);
      writeFileSync(path, text);
      const run = geoslo('plan', path);
      expect(run.status).toBe(1);
      expect(run.stderr).toMatch(/must hold one JSON object, a scenario/);
    }
  });

  it('takes a cable by its short name and lists the cables and corridors what-ifs take', () => {
    expect(geoslo('plan', '--cut', 'SJC', '--format', 'json').status).toBe(0);
    expect(geoslo('cables').stdout).toMatch(/^sjc\s+South-East Asia Japan Cable \(SJC\)/m);
    expect(geoslo('corridors').stdout).toMatch(/^red-sea\s+\d+\s+/m);
    expect(geoslo('plan', '--cut', 'NONSENSE').stderr).toMatch(/--cut NONSENSE is "NONSENSE", which is not a cable of the backbone\. geoslo cables lists them\./);
  });
});
