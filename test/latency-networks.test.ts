import { describe, expect, it } from 'vitest';
import {
  estimateRtt, fibreLowerBoundMs, InvalidArgumentError, isOperating, latencyMatrix, markets, regions, routeBetween,
} from '../src/index.js';

const operating = regions.filter(isOperating).map((r) => r.id);

describe('network: "internet" (a user over the public internet)', () => {
  it('is never below the fibre lower bound, for every market to every operating region', () => {
    const matrix = latencyMatrix(markets.map((m) => m.id), operating, { network: 'internet' });
    expect(matrix.network).toBe('internet');
    markets.forEach((market, r) => {
      operating.forEach((id, c) => {
        const region = regions.find((x) => x.id === id);
        expect(matrix.data[r * matrix.cols + c]).toBeGreaterThanOrEqual(fibreLowerBoundMs(market.coordinates, region!.coordinates) - 1e-9);
      });
    });
  });

  it('equals estimateRtt pair by pair', () => {
    const from = ['th-bangkok', 'eg-cairo', 'cl-santiago', [103.85, 1.29] as [number, number]];
    const to = ['ap-southeast-1', 'me-central-1', 'vn-ho-chi-minh-city'];
    const matrix = latencyMatrix(from, to, { network: 'internet' });
    from.forEach((a, r) => to.forEach((b, c) => {
      expect(matrix.data[r * matrix.cols + c]).toBeCloseTo(estimateRtt(a, b, { network: 'internet' }), 9);
    }));
  });

  it('sends neighbours without a shared exchange hub through a distant one, where the backbone goes direct', () => {
    for (const [a, b] of [['th-bangkok', 'vn-ho-chi-minh-city'], ['eg-cairo', 'ae-dubai'], ['ar-buenos-aires', 'cl-santiago']]) {
      const internet = routeBetween(a, b, { network: 'internet' });
      expect(internet?.exchangeHub, `${a}-${b}`).not.toBeNull();
      expect(estimateRtt(a, b, { network: 'internet' }), `${a}-${b}`).toBeGreaterThan(estimateRtt(a, b) * 1.5);
    }
    expect(routeBetween('eg-cairo', 'ae-dubai', { network: 'internet' })?.exchangeHub).toMatch(/^(de|nl|gb|fr)-/);
  });

  it('keeps a route inside one country on that country\'s networks', () => {
    const route = routeBetween('br-sao-paulo', [-43.2, -22.9], { network: 'internet' });
    expect(route?.exchangeHub).toBeNull();
    expect(route?.explanation).toMatch(/inside one country/);
  });

  it("passes mainland China's gateways, and says so", () => {
    const route = routeBetween('cn-shanghai', 'ap-southeast-1', { network: 'internet' });
    expect(route?.gatewayCountries).toEqual(['CN']);
    expect(route?.explanation).toMatch(/mainland China's international gateways/);
    const slower = estimateRtt('cn-shanghai', 'ap-southeast-1', { network: 'internet', parameters: { gatewayMs: 200 } });
    expect(slower).toBeGreaterThan(estimateRtt('cn-shanghai', 'ap-southeast-1', { network: 'internet' }));
  });

  it('takes an end\'s country from a Point Feature, and checks it', () => {
    const point = (country: unknown) => ({ type: 'Feature', geometry: { type: 'Point', coordinates: [101.69, 3.14] }, properties: { country } }) as never;
    expect(estimateRtt(point('MY'), 'ap-southeast-1', { network: 'internet' })).toBeGreaterThan(0);
    expect(() => estimateRtt(point('Malaysia'), 'ap-southeast-1', { network: 'internet' })).toThrow(/from\.properties\.country must be an ISO 3166-1 alpha-2 code/);
  });

  it('explains a route in the model\'s terms: hub, cables, what the figure includes', () => {
    const route = routeBetween('th-bangkok', 'vn-ho-chi-minh-city', { network: 'internet' });
    expect(route?.network).toBe('internet');
    expect(route?.explanation).toMatch(/exchange hub/);
    expect(route?.explanation).toMatch(/no last mile/);
    expect(route?.links.length).toBeGreaterThan(0);
  });
});

describe('quantiles', () => {
  it('gives the median by default and at 0.5, and grows with the quantile', () => {
    for (const network of ['backbone', 'internet'] as const) {
      const median = estimateRtt('id-jakarta', 'ap-southeast-1', { network });
      expect(estimateRtt('id-jakarta', 'ap-southeast-1', { network, quantile: 0.5 })).toBeCloseTo(median, 9);
      const q = [0.05, 0.1, 0.25, 0.75, 0.9, 0.99].map((quantile) => estimateRtt('id-jakarta', 'ap-southeast-1', { network, quantile }));
      expect(q[0]).toBeLessThanOrEqual(median);
      expect(q[4]).toBeGreaterThan(median);
      for (let i = 1; i < q.length; i++) expect(q[i]).toBeGreaterThanOrEqual(q[i - 1]);
    }
  });

  it('never goes below the fibre bound, however low the quantile', () => {
    for (const network of ['backbone', 'internet'] as const) {
      // Points, not ids: some market ids (cn-shanghai) are also region ids, which resolve to the region.
      const matrix = latencyMatrix(markets.map((m) => m.coordinates), operating, { network, quantile: 0.01 });
      markets.forEach((market, r) => operating.forEach((id, c) => {
        const region = regions.find((x) => x.id === id);
        expect(matrix.data[r * matrix.cols + c]).toBeGreaterThanOrEqual(fibreLowerBoundMs(market.coordinates, region!.coordinates) - 1e-9);
      }));
    }
  });

  it('gives a matrix of any quantile, equal to estimateRtt pair by pair', () => {
    const matrix = latencyMatrix(['id-jakarta', 'mx-mexico-city'], ['ap-southeast-1', 'us-east-1'], { network: 'internet', quantile: 0.9 });
    expect(matrix.quantile).toBe(0.9);
    expect(matrix.data[1]).toBeCloseTo(estimateRtt('id-jakarta', 'us-east-1', { network: 'internet', quantile: 0.9 }), 9);
  });
});

describe('bad options name the field and the allowed values', () => {
  it('rejects an unknown network', () => {
    expect(() => estimateRtt('id-jakarta', 'ap-southeast-1', { network: 'wifi' as never })).toThrow(InvalidArgumentError);
    expect(() => estimateRtt('id-jakarta', 'ap-southeast-1', { network: 'wifi' as never })).toThrow(/options\.network must be one of "backbone", "internet"; got "wifi"/);
    expect(() => latencyMatrix(['id-jakarta'], ['ap-southeast-1'], { network: 3 as never })).toThrow(/latencyMatrix: options\.network must be one of/);
  });

  it('rejects a quantile outside (0, 1), and a quantile on a route', () => {
    for (const quantile of [0, 1, -0.1, 1.5, Number.NaN, '0.9']) {
      expect(() => estimateRtt('id-jakarta', 'ap-southeast-1', { quantile: quantile as never })).toThrow(/options\.quantile must be a number strictly between 0 and 1/);
    }
    expect(() => routeBetween('id-jakarta', 'ap-southeast-1', { quantile: 0.9 } as never)).toThrow(/routeBetween: options\.quantile is not an option of routeBetween/);
  });

  it('rejects an unknown option, suggesting the closest', () => {
    expect(() => estimateRtt('id-jakarta', 'ap-southeast-1', { netwrok: 'internet' } as never)).toThrow(/options\.netwrok is not an option\. Did you mean "network"\?/);
  });

  it('rejects parameters of the other network, naming them', () => {
    expect(() => estimateRtt('id-jakarta', 'ap-southeast-1', { parameters: { gatewayMs: 5 } as never })).toThrow(/options\.parameters\.gatewayMs is not a backbone model parameter/);
    expect(() => estimateRtt('id-jakarta', 'ap-southeast-1', { network: 'internet', parameters: { regionalTransitMs: { asia: 1 } } as never })).toThrow(
      /options\.parameters\.regionalTransitMs\.asia is not a key of regionalTransitMs/,
    );
  });
});
