// All-pairs shortest paths on a dense f32 matrix, in place, blocked for cache (Venkataraman et al.,
// "A blocked all-pairs shortest-paths algorithm", 2003). The matrix side must be a multiple of
// FLOYD_WARSHALL_BLOCK; callers pad with isolated nodes. Two builds of the same blocking: v128 SIMD
// and scalar, so the benchmark can show what the vector code earns.

export const FLOYD_WARSHALL_BLOCK: i32 = 64;
const BLOCK = <usize>FLOYD_WARSHALL_BLOCK;
const ACCUMULATED_COLUMNS: usize = 32; // 8 v128 registers hold a run of 32 floats of one row

// C = min(C, A (min,+) B) with k outermost, as Floyd-Warshall requires when C is A or B itself.
@inline function relaxSequentialSimd(c: usize, a: usize, b: usize, stride: usize): void {
  for (let k: usize = 0; k < BLOCK; k++) {
    const bRow = b + k * stride;
    for (let i: usize = 0; i < BLOCK; i++) {
      const aik = load<f32>(a + i * stride + (k << 2));
      if (aik == Infinity) continue;
      const splat = f32x4.splat(aik);
      const cRow = c + i * stride;
      for (let j: usize = 0; j < BLOCK << 2; j += 16) {
        v128.store(cRow + j, f32x4.pmin(v128.load(cRow + j), f32x4.add(splat, v128.load(bRow + j))));
      }
    }
  }
}

// C = min(C, A (min,+) B) for blocks that alias neither A nor B: any order is exact, so each run of
// 32 floats of a C row stays in registers across the whole k loop.
@inline function relaxIndependentSimd(c: usize, a: usize, b: usize, stride: usize): void {
  for (let i: usize = 0; i < BLOCK; i++) {
    const cRow = c + i * stride;
    const aRow = a + i * stride;
    for (let column: usize = 0; column < BLOCK; column += ACCUMULATED_COLUMNS) {
      const offset = column << 2;
      let c0 = v128.load(cRow + offset);
      let c1 = v128.load(cRow + offset, 16);
      let c2 = v128.load(cRow + offset, 32);
      let c3 = v128.load(cRow + offset, 48);
      let c4 = v128.load(cRow + offset, 64);
      let c5 = v128.load(cRow + offset, 80);
      let c6 = v128.load(cRow + offset, 96);
      let c7 = v128.load(cRow + offset, 112);
      for (let k: usize = 0; k < BLOCK; k++) {
        const aik = load<f32>(aRow + (k << 2));
        if (aik == Infinity) continue;
        const splat = f32x4.splat(aik);
        const bRow = b + k * stride + offset;
        c0 = f32x4.pmin(c0, f32x4.add(splat, v128.load(bRow)));
        c1 = f32x4.pmin(c1, f32x4.add(splat, v128.load(bRow, 16)));
        c2 = f32x4.pmin(c2, f32x4.add(splat, v128.load(bRow, 32)));
        c3 = f32x4.pmin(c3, f32x4.add(splat, v128.load(bRow, 48)));
        c4 = f32x4.pmin(c4, f32x4.add(splat, v128.load(bRow, 64)));
        c5 = f32x4.pmin(c5, f32x4.add(splat, v128.load(bRow, 80)));
        c6 = f32x4.pmin(c6, f32x4.add(splat, v128.load(bRow, 96)));
        c7 = f32x4.pmin(c7, f32x4.add(splat, v128.load(bRow, 112)));
      }
      v128.store(cRow + offset, c0);
      v128.store(cRow + offset, c1, 16);
      v128.store(cRow + offset, c2, 32);
      v128.store(cRow + offset, c3, 48);
      v128.store(cRow + offset, c4, 64);
      v128.store(cRow + offset, c5, 80);
      v128.store(cRow + offset, c6, 96);
      v128.store(cRow + offset, c7, 112);
    }
  }
}

@inline function relaxSequentialScalar(c: usize, a: usize, b: usize, stride: usize): void {
  for (let k: usize = 0; k < BLOCK; k++) {
    const bRow = b + k * stride;
    for (let i: usize = 0; i < BLOCK; i++) {
      const aik = load<f32>(a + i * stride + (k << 2));
      if (aik == Infinity) continue;
      const cRow = c + i * stride;
      for (let j: usize = 0; j < BLOCK << 2; j += 4) {
        const candidate = aik + load<f32>(bRow + j);
        const current = load<f32>(cRow + j);
        store<f32>(cRow + j, select<f32>(candidate, current, candidate < current));
      }
    }
  }
}

@inline function relaxIndependentScalar(c: usize, a: usize, b: usize, stride: usize): void {
  for (let i: usize = 0; i < BLOCK; i++) {
    const cRow = c + i * stride;
    for (let k: usize = 0; k < BLOCK; k++) {
      const aik = load<f32>(a + i * stride + (k << 2));
      if (aik == Infinity) continue;
      const bRow = b + k * stride;
      for (let j: usize = 0; j < BLOCK << 2; j += 4) {
        const candidate = aik + load<f32>(bRow + j);
        const current = load<f32>(cRow + j);
        store<f32>(cRow + j, select<f32>(candidate, current, candidate < current));
      }
    }
  }
}

// The three phases per diagonal block K: K itself, then its row and column of blocks, then the
// rest, each reading only blocks already final for K.
@inline function blockedFloydWarshall(matrix: usize, size: i32, simd: bool): void {
  const n = <usize>size;
  const stride = n << 2;
  const blocks = n / BLOCK;
  for (let kb: usize = 0; kb < blocks; kb++) {
    const diagonal = matrix + kb * BLOCK * stride + ((kb * BLOCK) << 2);
    if (simd) relaxSequentialSimd(diagonal, diagonal, diagonal, stride);
    else relaxSequentialScalar(diagonal, diagonal, diagonal, stride);
    for (let jb: usize = 0; jb < blocks; jb++) {
      if (jb == kb) continue;
      const rowBlock = matrix + kb * BLOCK * stride + ((jb * BLOCK) << 2);
      const columnBlock = matrix + jb * BLOCK * stride + ((kb * BLOCK) << 2);
      if (simd) {
        relaxSequentialSimd(rowBlock, diagonal, rowBlock, stride);
        relaxSequentialSimd(columnBlock, columnBlock, diagonal, stride);
      } else {
        relaxSequentialScalar(rowBlock, diagonal, rowBlock, stride);
        relaxSequentialScalar(columnBlock, columnBlock, diagonal, stride);
      }
    }
    for (let ib: usize = 0; ib < blocks; ib++) {
      if (ib == kb) continue;
      const columnBlock = matrix + ib * BLOCK * stride + ((kb * BLOCK) << 2);
      for (let jb: usize = 0; jb < blocks; jb++) {
        if (jb == kb) continue;
        const target = matrix + ib * BLOCK * stride + ((jb * BLOCK) << 2);
        const rowBlock = matrix + kb * BLOCK * stride + ((jb * BLOCK) << 2);
        if (simd) relaxIndependentSimd(target, columnBlock, rowBlock, stride);
        else relaxIndependentScalar(target, columnBlock, rowBlock, stride);
      }
    }
  }
}

/** All-pairs shortest paths in place; `size` is a multiple of FLOYD_WARSHALL_BLOCK. */
export function floydWarshallSimd(matrix: usize, size: i32): void {
  blockedFloydWarshall(matrix, size, true);
}

/** The same computation without vector instructions (the benchmark's scalar reference). */
export function floydWarshallScalar(matrix: usize, size: i32): void {
  blockedFloydWarshall(matrix, size, false);
}
