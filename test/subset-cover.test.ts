import { describe, expect, it } from 'vitest';
import { subsetCover } from '../src/placement/subset-cover.js';

// Candidate-major latencies: row j holds candidate j's latency to demands 0..3.
const latency = Float64Array.from([
  1, 1, 9, 9, // 0 covers {0, 1}
  1, 9, 9, 9, // 1 covers {0}: dominated by 0
  1, 1, 9, 9, // 2 covers {0, 1}: a duplicate of 0
  9, 9, 1, 9, // 3 covers {2}
  9, 9, 9, 1, // 4 covers {3}
]);

describe('subsetCover', () => {
  it('keeps one column per distinct undominated cover set, with the lowest candidate index', () => {
    const reduced = subsetCover(latency, 4, 5, 2, [0, 1, 2, 3], new Uint8Array(5), new Uint8Array(5).fill(1), 3);
    expect(reduced.kind).toBe('decide');
    if (reduced.kind !== 'decide') return;
    expect(Array.from(reduced.siteOf)).toEqual([0, 3, 4]);
    expect(reduced.input.demandCount).toBe(4);
    expect(reduced.input.k).toBe(3);
  });

  it('only looks at the sampled demands', () => {
    const reduced = subsetCover(latency, 4, 5, 2, [0], new Uint8Array(5), new Uint8Array(5).fill(1), 1);
    if (reduced.kind !== 'decide') throw new Error(reduced.kind);
    // Over demand 0 alone candidates 0, 1 and 2 cover the same set.
    expect(Array.from(reduced.siteOf)).toEqual([0]);
  });

  it('drops what fixed sites cover and takes them off k', () => {
    const fixed = Uint8Array.from([0, 0, 0, 1, 0]);
    const reduced = subsetCover(latency, 4, 5, 2, [2, 3], fixed, new Uint8Array(5).fill(1), 2);
    if (reduced.kind !== 'decide') throw new Error(reduced.kind);
    expect(reduced.input.demandCount).toBe(1);
    expect(reduced.input.k).toBe(1);
    expect(Array.from(reduced.siteOf)).toEqual([4]);
    expect(subsetCover(latency, 4, 5, 2, [2], fixed, new Uint8Array(5).fill(1), 2).kind).toBe('covered');
  });

  it('says impossible when a sampled demand has no allowed site within the radius or the fixed sites exceed k', () => {
    const allowed = Uint8Array.from([1, 1, 1, 1, 0]);
    expect(subsetCover(latency, 4, 5, 2, [3], new Uint8Array(5), allowed, 2).kind).toBe('impossible');
    expect(subsetCover(latency, 4, 5, 2, [0], Uint8Array.from([1, 1, 0, 0, 0]), new Uint8Array(5).fill(1), 1).kind).toBe('impossible');
  });
});
