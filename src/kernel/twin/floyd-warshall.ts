// TypeScript twin of assembly/floyd-warshall.ts: the textbook k-i-j triple loop on a row-major f32
// matrix, in place. It is the reference the blocked kernels are tested against and the baseline
// they are benchmarked against; sums are rounded to f32 as the kernel's are.

export function floydWarshallTwin(matrix: Float32Array, size: number): void {
  for (let k = 0; k < size; k++) {
    const kRow = k * size;
    for (let i = 0; i < size; i++) {
      const iRow = i * size;
      const viaK = matrix[iRow + k];
      if (viaK === Infinity) continue;
      for (let j = 0; j < size; j++) {
        const candidate = Math.fround(viaK + matrix[kRow + j]);
        if (candidate < matrix[iRow + j]) matrix[iRow + j] = candidate;
      }
    }
  }
}
