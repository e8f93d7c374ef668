import { describe, expect, it } from 'vitest';
import { nearestOfSet } from '../src/kernel/nearest-of-set.js';
import { nearestOfSetTwin } from '../src/kernel/twin/nearest-of-set.js';
import { randomInt, seededRandom } from '../src/util/seeded-random.js';

describe('nearest of a set (min-plus reduction over open columns)', () => {
  it.each([1, 2, 3, 4, 5, 6])('wasm and twin agree, ties to the earliest column in the set (seed %i)', (seed) => {
    const random = seededRandom(seed);
    const rows = 1 + randomInt(random, 300);
    const columns = 1 + randomInt(random, 40);
    const matrix = Float64Array.from({ length: rows * columns }, () => (random() < 0.05 ? Infinity : randomInt(random, 12)));
    const set = Int32Array.from(new Set(Array.from({ length: 1 + randomInt(random, columns) }, () => randomInt(random, columns))));
    const fromWasm = nearestOfSet(matrix, rows, set, 'wasm');
    const fromTwin = nearestOfSetTwin(matrix, rows, set);
    expect(fromWasm.valueMs).toEqual(fromTwin.valueMs);
    expect(fromWasm.column).toEqual(fromTwin.column);
    for (let i = 0; i < rows; i++) {
      const values = Array.from(set, (c) => matrix[c * rows + i]);
      const best = Math.min(...values);
      expect(fromWasm.valueMs[i]).toBe(best);
      expect(fromWasm.column[i]).toBe(best === Infinity ? -1 : set[values.indexOf(best)]);
    }
  });

  it('gives +Infinity and -1 for an empty set', () => {
    const result = nearestOfSet(new Float64Array(10).fill(1), 5, new Int32Array(0), 'wasm');
    expect(Array.from(result.valueMs)).toEqual(Array(5).fill(Infinity));
    expect(Array.from(result.column)).toEqual(Array(5).fill(-1));
  });
});
