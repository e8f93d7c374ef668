// Tolerance helpers in one place: f64 sums along different equal-length paths may differ in the
// last bits, and the f32 Floyd-Warshall carries f32 rounding.

import { expect } from 'vitest';

export const F64_RELATIVE = 1e-9;
export const F32_RELATIVE = 2e-6;

export function expectClose(actual: number, expected: number, relative: number, where: string): void {
  if (actual === expected) return;
  if (!Number.isFinite(expected) || !Number.isFinite(actual)) {
    expect(actual, where).toBe(expected);
    return;
  }
  const scale = Math.max(1, Math.abs(expected));
  expect(Math.abs(actual - expected) / scale, `${where}: ${actual} vs ${expected}`).toBeLessThanOrEqual(relative);
}

export function expectLengthsClose(actual: Record<string, number>, expected: Record<string, number>, relative: number, where: string): void {
  expect(Object.keys(actual).sort(), `${where}: reachable nodes`).toEqual(Object.keys(expected).sort());
  for (const [node, length] of Object.entries(expected)) expectClose(actual[node], length, relative, `${where} -> ${node}`);
}
