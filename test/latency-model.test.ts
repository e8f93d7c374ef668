import { describe, expect, it } from 'vitest';
import {
  backbone, defaultLatencyParameters, estimateRtt, fibreLowerBoundMs, InvalidArgumentError, isOperating, latencyMatrix, markets,
  regions, routeBetween,
} from '../src/index.js';
import { randomInt, seededRandom } from '../src/util/seeded-random.js';

const operating = regions.filter(isOperating).map((r) => r.id);
const cablesIn = (corridor: string) => new Set(backbone.cables.filter((c) => c.corridors.includes(corridor)).map((c) => c.id));

describe('estimateRtt(from, to) models the median round trip in ms', () => {
  it('is never below the fibre lower bound, for every market to every operating region', () => {
    const matrix = latencyMatrix(markets.map((m) => m.id), operating);
    markets.forEach((market, r) => {
      operating.forEach((regionId, c) => {
        const region = regions.find((x) => x.id === regionId)!;
        expect(matrix.data[r * matrix.cols + c]).toBeGreaterThanOrEqual(fibreLowerBoundMs(market.coordinates, region.coordinates));
      });
    });
  });

  it('is never below the fibre lower bound for random points near land, and is symmetric', () => {
    const random = seededRandom(3);
    const anchors = markets.map((m) => m.coordinates);
    for (let i = 0; i < 60; i++) {
      const jitter = (p: readonly [number, number]) => [p[0] + random() - 0.5, p[1] + random() - 0.5] as [number, number];
      const a = jitter(anchors[randomInt(random, anchors.length)]);
      const b = jitter(anchors[randomInt(random, anchors.length)]);
      const rttMs = estimateRtt(a, b);
      expect(rttMs).toBeGreaterThanOrEqual(fibreLowerBoundMs(a, b));
      expect(estimateRtt(b, a)).toBeCloseTo(rttMs, 9);
    }
  });

  it('accepts ids, [lon, lat], GeoJSON Points and Point Features alike', () => {
    const singapore = regions.find((r) => r.id === 'ap-southeast-1')!.coordinates;
    const byId = estimateRtt('ap-southeast-1', 'id-jakarta');
    expect(estimateRtt([...singapore] as [number, number], 'id-jakarta')).toBe(byId);
    expect(estimateRtt({ type: 'Point', coordinates: [...singapore] }, 'id-jakarta')).toBe(byId);
    expect(estimateRtt({ type: 'Feature', geometry: { type: 'Point', coordinates: [...singapore] }, properties: null }, 'id-jakarta')).toBe(byId);
  });

  it('gives plausible figures: a region to itself costs the base overhead, Singapore-Frankfurt runs well over the bound', () => {
    expect(estimateRtt('ap-southeast-1', 'ap-southeast-1')).toBeCloseTo(defaultLatencyParameters.backbone.baseMs, 6);
    const rttMs = estimateRtt('ap-southeast-1', 'eu-central-1');
    expect(rttMs).toBeGreaterThan(140);
    expect(rttMs).toBeLessThan(200);
  });
});

describe('latencyMatrix(from[], to[])', () => {
  it('equals estimateRtt pair by pair, with labels', () => {
    const from = ['id-jakarta', 'br-sao-paulo', [100.5, 13.75] as [number, number]];
    const to = ['ap-southeast-1', 'na-south-1', 'me-east-1'];
    const matrix = latencyMatrix(from, to);
    expect(matrix).toMatchObject({ rows: 3, cols: 3, from: ['id-jakarta', 'br-sao-paulo', '100.5,13.75'], to });
    from.forEach((f, r) => to.forEach((t, c) => expect(matrix.data[r * 3 + c]).toBe(estimateRtt(f, t))));
  });
});

describe('what-if', () => {
  it('cutting the Red Sea corridor slows Singapore-Frankfurt and routes it off those cables', () => {
    const before = routeBetween('ap-southeast-1', 'eu-central-1')!;
    const after = routeBetween('ap-southeast-1', 'eu-central-1', { cutCorridors: ['red-sea'] })!;
    const redSea = cablesIn('red-sea');
    expect(before.links.some((l) => l.cable !== null && redSea.has(l.cable))).toBe(true);
    expect(after.links.some((l) => l.cable !== null && redSea.has(l.cable))).toBe(false);
    expect(after.rttMs).toBeGreaterThan(before.rttMs + 10);
    expect(estimateRtt('ap-southeast-1', 'eu-central-1', { cutCorridors: ['red-sea'] })).toBeCloseTo(after.rttMs, 9);
  });

  it('cutting the trans-Pacific corridor sends Tokyo-Silicon Valley the long way round', () => {
    const before = estimateRtt('ap-northeast-1', 'us-west-1');
    const route = routeBetween('ap-northeast-1', 'us-west-1', { cutCorridors: ['trans-pacific'] })!;
    const pacific = cablesIn('trans-pacific');
    expect(route.links.some((l) => l.cable !== null && pacific.has(l.cable))).toBe(false);
    expect(route.rttMs).toBeGreaterThan(before * 1.8);
  });

  it('cutting one named cable, by id or by name, changes only routes that used it', () => {
    const route = routeBetween('ap-southeast-1', 'eu-central-1')!;
    const used = route.links.find((l) => l.kind === 'submarine')!;
    const cable = backbone.cables.find((c) => c.id === used.cable)!;
    expect(estimateRtt('ap-southeast-1', 'eu-central-1', { cutCables: [cable.name] })).toBeGreaterThanOrEqual(route.rttMs);
    expect(estimateRtt('ap-southeast-1', 'eu-central-1', { cutCables: [cable.id] })).toBe(estimateRtt('ap-southeast-1', 'eu-central-1', { cutCables: [cable.name] }));
    expect(estimateRtt('na-south-1', 'us-east-1', { cutCables: [cable.id] })).toBe(estimateRtt('na-south-1', 'us-east-1'));
  });

  it('a failed region is unreachable; removing a backbone node reroutes around it', () => {
    expect(estimateRtt('id-jakarta', 'ap-southeast-1', { removeRegions: ['ap-southeast-1'] })).toBe(Infinity);
    expect(routeBetween('id-jakarta', 'ap-southeast-1', { removeRegions: ['ap-southeast-1'] })).toBeNull();
    const route = routeBetween('ap-southeast-1', 'eu-central-1')!;
    const middle = route.nodes[Math.floor(route.nodes.length / 2)];
    const rerouted = routeBetween('ap-southeast-1', 'eu-central-1', { removeNodes: [middle] })!;
    expect(rerouted.nodes).not.toContain(middle);
  });
});

describe('bad input names the field and the fix', () => {
  it('says [lat, lon] was probably given', () => {
    expect(() => estimateRtt([1.35, 103.82], 'eu-central-1')).toThrow(/estimateRtt: from\[1\] \(latitude\) is 103\.82.*looks like \[lat, lon\]/);
  });

  it('suggests the closest known id', () => {
    expect(() => estimateRtt('ap-southeast-l', 'eu-central-1')).toThrow('geoslo/estimateRtt: from is "ap-southeast-l", which is neither a region id nor a market id. Did you mean "ap-southeast-1"?');
    expect(() => estimateRtt('sg', 'eu-central-1', { cutCables: ['sea-me-we-7'] })).toThrow(/cutCables\[0\] is "sea-me-we-7", which is not a cable of the backbone\. Did you mean "sea-me-we-\d"\?/);
    expect(() => latencyMatrix(['id-jakarta'], ['ap-southeast-1'], { cutCorridors: ['red sea'] })).toThrow(/cutCorridors\[0\] is "red sea", which is not a corridor\. Did you mean "red-sea"\? Use one of .*red-sea/);
  });

  it('refuses a point with no backbone node within reach', () => {
    expect(() => estimateRtt([-140, -45], 'us-west-1')).toThrow(InvalidArgumentError);
    expect(() => estimateRtt([-140, -45], 'us-west-1')).toThrow(/from \(-140,-45\) is \d+ km from the nearest backbone node; the model reaches points within 2500 km/);
  });

  it('rejects unknown parameters and out-of-range values', () => {
    expect(() => estimateRtt('id-jakarta', 'ap-southeast-1', { parameters: { hopMs: -1 } })).toThrow(/options\.parameters\.hopMs must be a finite number >= 0/);
    expect(() => estimateRtt('id-jakarta', 'ap-southeast-1', { parameters: { speed: 2 } as never })).toThrow(/options\.parameters\.speed is not a backbone model parameter/);
    expect(() => latencyMatrix('id-jakarta' as never, ['ap-southeast-1'])).toThrow(/latencyMatrix: from must be an array/);
  });
});
