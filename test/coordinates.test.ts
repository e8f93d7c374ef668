import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../src/errors.js';
import { toLonLat } from '../src/geo/coordinates.js';
import { fibreLowerBoundMs, greatCircleKm } from '../src/geo/great-circle.js';

describe('toLonLat(point) normalises [lon, lat], GeoJSON Points and Point Features', () => {
  it('accepts each form and returns [lon, lat]', () => {
    expect(toLonLat([103.82, 1.35], 'from')).toEqual([103.82, 1.35]);
    expect(toLonLat({ type: 'Point', coordinates: [-46.63, -23.55] }, 'from')).toEqual([-46.63, -23.55]);
    expect(toLonLat({ type: 'Feature', geometry: { type: 'Point', coordinates: [3.39, 6.45, 12] }, properties: {} }, 'from')).toEqual([3.39, 6.45]);
  });

  it('says a latitude beyond 90 looks like [lat, lon] and gives the swapped pair', () => {
    expect(() => toLonLat([1.35, 103.82], 'from')).toThrow(
      'from[1] (latitude) is 103.82, beyond +-90 degrees: this looks like [lat, lon]; geoslo takes [lon, lat], so pass [103.82, 1.35].',
    );
  });

  it('rejects out-of-range longitudes, non-numbers and malformed GeoJSON, naming the field', () => {
    expect(() => toLonLat([181, 0], 'to')).toThrow(/to\[0\] \(longitude\) is 181, beyond \+-180/);
    expect(() => toLonLat([Number.NaN, 0], 'to')).toThrow(/to\[0\] \(longitude\) must be a finite number/);
    expect(() => toLonLat(['1', 2], 'to')).toThrow(InvalidArgumentError);
    expect(() => toLonLat({ type: 'Feature', geometry: { type: 'LineString', coordinates: [] } }, 'to')).toThrow(/without a Point geometry/);
    expect(() => toLonLat([1], 'to')).toThrow(/must be \[lon, lat\]/);
  });
});

describe('great-circle km and the fibre lower bound', () => {
  it('Singapore to London is about 10,850 km, so no RTT can be below about 106 ms', () => {
    const singapore = [103.8198, 1.3521] as const;
    const london = [-0.1278, 51.5074] as const;
    expect(greatCircleKm(singapore, london)).toBeGreaterThan(10_830);
    expect(greatCircleKm(singapore, london)).toBeLessThan(10_870);
    expect(fibreLowerBoundMs(singapore, london)).toBeCloseTo((2 * greatCircleKm(singapore, london) / 204_190) * 1000, 9);
  });
});
