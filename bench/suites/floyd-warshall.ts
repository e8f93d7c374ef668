// Floyd-Warshall on complete random f32 matrices: hand-written SIMD wasm, the same blocking in
// scalar wasm, and the TypeScript twin, reported as min-plus updates (n^3) per second.

import { floydWarshall, type FloydWarshallKernel } from '../../src/kernel/floyd-warshall.js';
import { seededRandom } from '../../src/util/seeded-random.js';
import { measure, medianMs } from '../measure.js';

export interface FloydWarshallRow {
  size: number;
  simdMs: number;
  scalarMs: number;
  twinMs: number;
  simdUpdatesPerSecond: number;
}

function randomCompleteMatrix(size: number, seed: number): Float32Array {
  const random = seededRandom(seed);
  const matrix = Float32Array.from({ length: size * size }, () => 1 + Math.floor(random() * 1000));
  for (let i = 0; i < size; i++) matrix[i * size + i] = 0;
  return matrix;
}

export async function floydWarshallSuite(quick: boolean, log: (line: string) => void): Promise<FloydWarshallRow[]> {
  const rows: FloydWarshallRow[] = [];
  // A quick run stops at 512: n = 1024 alone takes the TS twin seconds per solve.
  for (const size of quick ? [256, 512] : [256, 512, 1024]) {
    log(`  n = ${size}: timing...`);
    const input = randomCompleteMatrix(size, size);
    const solve = (kernel: FloydWarshallKernel) => () => {
      const matrix = input.slice();
      floydWarshall(matrix, size, kernel);
      return matrix;
    };
    const simd = solve('wasm-simd')();
    for (const kernel of ['wasm-scalar', 'js'] as const) {
      const other = solve(kernel)();
      if (other.some((value, i) => value !== simd[i])) throw new Error(`Floyd-Warshall ${kernel} disagrees with SIMD at n = ${size}`);
    }
    const iterations = quick ? (size >= 1024 ? 2 : 4) : (size >= 1024 ? 5 : 10);
    const timings = await measure(`floyd-warshall ${size}`, [
      { name: 'simd', run: solve('wasm-simd'), iterations },
      { name: 'scalar', run: solve('wasm-scalar'), iterations },
      { name: 'twin', run: solve('js'), iterations: size >= 1024 ? Math.min(iterations, 3) : iterations },
    ]);
    const simdMs = medianMs(timings, 'simd');
    rows.push({
      size,
      simdMs,
      scalarMs: medianMs(timings, 'scalar'),
      twinMs: medianMs(timings, 'twin'),
      simdUpdatesPerSecond: size ** 3 / (simdMs / 1000),
    });
  }
  return rows;
}
