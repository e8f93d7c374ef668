import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BaselineError, type Comparable, compareRuns, DEFAULT_OUT, parseBenchArguments, readBaseline, SUITE_VERSION } from '../bench/compare.js';

const machine = { cpu: 'Test CPU @ 2.0GHz', cores: 2, node: 'v20.20.2' };
const run = (ratios: Record<string, number>, overrides: Partial<Comparable> = {}): Comparable => ({ suiteVersion: SUITE_VERSION, mode: 'quick', machine, ratios, ...overrides });

describe('benchmark arguments', () => {
  it('defaults to a quick-less run written to an untracked path', () => {
    expect(parseBenchArguments([])).toEqual({ quick: false, out: DEFAULT_OUT, compare: null, tolerance: 0.25 });
    expect(DEFAULT_OUT.startsWith('out/')).toBe(true);
    expect(parseBenchArguments(['--quick', '--out', 'x.json', '--compare', 'base.json', '--tolerance', '0.1'])).toEqual({ quick: true, out: 'x.json', compare: 'base.json', tolerance: 0.1 });
  });

  it('refuses unknown options, missing values and a tolerance outside (0, 1)', () => {
    expect(() => parseBenchArguments(['--quik'])).toThrow(/unknown option "--quik"; the benchmark takes --quick/);
    expect(() => parseBenchArguments(['--out'])).toThrow(/--out needs a value/);
    expect(() => parseBenchArguments(['--compare', '--quick'])).toThrow(/--compare needs a value/);
    expect(() => parseBenchArguments(['--tolerance', '25'])).toThrow(/--tolerance must be a fraction between 0 and 1.*got "25"/);
  });
});

describe('reading a baseline', () => {
  const folder = mkdtempSync(join(tmpdir(), 'geoslo-baseline-'));
  const file = (name: string, content: string) => {
    const path = join(folder, name);
    writeFileSync(path, content);
    return path;
  };

  it('reads a report this suite wrote', () => {
    const path = file('good.json', JSON.stringify({ ...run({ a: 2 }), date: 'x' }));
    expect(readBaseline(path).ratios).toEqual({ a: 2 });
  });

  it('names the file and the fault of a bad baseline, never passing silently', () => {
    const cases: [string, RegExp][] = [
      [join(folder, 'missing.json'), /cannot read it \(ENOENT\)/],
      [file('broken.json', '{"ratios": '), /is not valid JSON/],
      [file('other.json', JSON.stringify({ results: [] })), /has no "ratios" object; it is not a benchmark report from this suite/],
      [file('old.json', JSON.stringify({ ...run({ a: 2 }), suiteVersion: 1 })), /is from suite version 1, this is version \d+/],
      [file('nan.json', JSON.stringify(run({ a: -1 }))), /ratio "a" is -1, not a number > 0/],
      [file('bare.json', JSON.stringify({ suiteVersion: SUITE_VERSION, ratios: {} })), /has no "machine" or "mode"/],
    ];
    for (const [path, message] of cases) {
      expect(() => readBaseline(path)).toThrow(BaselineError);
      expect(() => readBaseline(path)).toThrow(message);
    }
  });
});

describe('comparing runs', () => {
  it('flags a ratio that falls past the tolerance, and only that', () => {
    const result = compareRuns(run({ kept: 1.8, fell: 1.49, rose: 40 }), run({ kept: 2, fell: 2, rose: 30 }), 0.25);
    expect(result.regressions.map((r) => r.name)).toEqual(['fell']);
    expect(result.rows.find((r) => r.name === 'kept')).toMatchObject({ regressed: false, change: expect.closeTo(-0.1, 9) });
    expect(result.rows.find((r) => r.name === 'rose')!.change).toBeCloseTo(1 / 3, 9);
    expect(result.warnings).toEqual([]);
  });

  it('warns about another machine, Node major, mode or a ratio this run did not measure', () => {
    const result = compareRuns(run({ a: 1 }), run({ a: 1, b: 2 }, { mode: 'full', machine: { cpu: 'Other', cores: 8, node: 'v22.1.0' } }), 0.25);
    expect(result.warnings).toHaveLength(4);
    expect(result.warnings.join('\n')).toMatch(/8 x Other.*2 x Test CPU[\s\S]*Node v22\.1\.0[\s\S]*full run[\s\S]*did not measure b/);
    expect(result.regressions).toEqual([]);
  });
});
