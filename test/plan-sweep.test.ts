import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../src/index.js';
import { defaultScenario } from '../src/plan/default-scenario.js';
import { sweep } from '../src/plan/sweep.js';

describe('sweep', () => {
  it('k = 1..29 on the default scenario: every step proven optimal, coverage never falling', () => {
    const steps: number[] = [];
    const result = sweep(defaultScenario, { k: { from: 1, to: 29 } }, {}, (done) => steps.push(done));
    expect(result).toMatchObject({ parameter: 'k', objective: 'most-covered' });
    expect(result.points).toHaveLength(29);
    expect(steps).toEqual(Array.from({ length: 29 }, (_, i) => i + 1));
    result.points.forEach((point, i) => {
      expect(point.status).toBe('optimal');
      expect(point.regions).toHaveLength(i + 1);
      if (i > 0) expect(point.coverage).toBeGreaterThanOrEqual(result.points[i - 1].coverage);
    });
  });

  it('an SLO sweep needs no more regions as the SLO loosens, and covers no less', () => {
    const result = sweep(defaultScenario, { sloMs: { from: 60, to: 180, step: 40 } });
    expect(result.points.map((p) => p.value)).toEqual([60, 100, 140, 180]);
    for (let i = 1; i < result.points.length; i++) expect(result.points[i].coverage).toBeGreaterThanOrEqual(result.points[i - 1].coverage);
  });

  it('rejects malformed ranges', () => {
    expect(() => sweep(defaultScenario, { k: { from: 0, to: 3 } })).toThrow(InvalidArgumentError);
    expect(() => sweep(defaultScenario, { k: { from: 5, to: 3 } })).toThrow(/range\.k\.to must be a positive integer >= range\.k\.from/);
    expect(() => sweep(defaultScenario, { sloMs: { from: 50, to: 100, step: 0 } })).toThrow(/range\.sloMs\.step must be a number > 0/);
    expect(() => sweep(defaultScenario, {} as never)).toThrow(/range must be \{ k: \{ from, to \} \} or \{ sloMs/);
  });
});
