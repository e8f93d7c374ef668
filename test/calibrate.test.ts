import { describe, expect, it } from 'vitest';
import { calibrate, estimateRtt, InvalidArgumentError, markets, type RttMeasurement } from '../src/index.js';
import { randomInt, seededRandom } from '../src/util/seeded-random.js';

describe('calibrate(measurements)', () => {
  it('recovers the RTTs of a model it is fitted to, starting from other parameters', () => {
    const truth = { submarineStretch: 1.12, terrestrialStretch: 1.1, accessStretch: 1.8, hopMs: 3, baseMs: 1.5 };
    const random = seededRandom(8);
    const measurements: RttMeasurement[] = Array.from({ length: 80 }, () => {
      const from = markets[randomInt(random, markets.length)].id;
      const to = markets[randomInt(random, markets.length)].id;
      return { from, to, rttMs: estimateRtt(from, to, { parameters: truth }) };
    }).filter((m) => m.from !== m.to);
    const start = { submarineStretch: 1.0, terrestrialStretch: 1.3, accessStretch: 1.2, hopMs: 1, baseMs: 3 };
    const { parameters, residuals } = calibrate(measurements, { initial: start, maxEvaluations: 1500 });
    expect(residuals.medianApe).toBeLessThan(0.01);
    expect(residuals.p90Ape).toBeLessThan(0.03);
    expect(parameters.submarineStretch).toBeCloseTo(truth.submarineStretch, 1);
    expect(residuals.worst).toHaveLength(10);
    expect(residuals.count).toBe(measurements.length);
  });

  it('rejects an empty list and a measurement without a positive rttMs, naming it', () => {
    expect(() => calibrate([])).toThrow(/calibrate: measurements must be a non-empty array/);
    expect(() => calibrate([{ from: 'id-jakarta', to: 'ap-southeast-1', rttMs: 0 }])).toThrow(InvalidArgumentError);
    expect(() => calibrate([{ from: 'id-jakarta', to: 'ap-southeast-1', rttMs: 12 }, { from: [1.3, 103.8], to: 'ap-southeast-1', rttMs: 5 }])).toThrow(
      /measurements\[1\]\.from\[1\] \(latitude\) is 103\.8/,
    );
  });

  it('reports a measurement faster than light in fibre by its row and leaves it out of the fit', () => {
    const measurements: RttMeasurement[] = [
      { from: 'id-jakarta', to: 'ap-southeast-1', rttMs: estimateRtt('id-jakarta', 'ap-southeast-1') },
      { from: 'br-sao-paulo', to: 'ap-southeast-1', rttMs: 50, label: 'impossible' },
      { from: 'mx-mexico-city', to: 'us-east-1', rttMs: estimateRtt('mx-mexico-city', 'us-east-1') },
    ];
    const { rejected, residuals } = calibrate(measurements, { maxEvaluations: 30 });
    expect(rejected).toHaveLength(1);
    expect(rejected[0]).toMatchObject({ index: 1, label: 'impossible', rttMs: 50 });
    expect(rejected[0].fibreLowerBoundMs).toBeGreaterThan(150);
    expect(residuals.count).toBe(2);
  });

  it('fits either network and checks its options', () => {
    const measurements: RttMeasurement[] = ['th-bangkok', 'vn-ho-chi-minh-city', 'eg-cairo'].map((from) => ({
      from, to: 'ap-southeast-1', rttMs: estimateRtt(from, 'ap-southeast-1', { network: 'internet' }),
    }));
    const result = calibrate(measurements, { network: 'internet', maxEvaluations: 40 });
    expect(result.network).toBe('internet');
    expect(result.parameters).toHaveProperty('regionalTransitMs');
    expect(() => calibrate(measurements, { network: 'cable' as never })).toThrow(/calibrate: options\.network must be one of "backbone", "internet"/);
    expect(() => calibrate(measurements, { initial: { hopMs: -1 } })).toThrow(/calibrate: options\.initial\.hopMs must be a finite number >= 0/);
    expect(() => calibrate(measurements, { maxEvaluations: 0 })).toThrow(/options\.maxEvaluations must be a positive integer/);
  });
});
