// "Nearest of a set": for every demand row, the smallest latency over a set of open candidate
// columns and which column gives it, a min-plus reduction over a candidate-major f64 matrix
// (column c's rowCount latencies are contiguous). Placement evaluates every solution this way.

/**
 * bestValue[i] = min over s of matrix[setColumns[s] * rowCount + i]; bestColumn[i] = the column
 * giving it (the earliest in setColumns on ties), or -1 with +Infinity when the set is empty.
 */
export function nearestOfSet(
  matrix: usize, rowCount: i32, setColumns: usize, setCount: i32,
  bestValue: usize, bestColumn: usize,
): void {
  const rows = <usize>rowCount;
  const vectorRows = rows & ~(<usize>3);
  for (let i: usize = 0; i < rows; i++) {
    store<f64>(bestValue + (i << 3), Infinity);
    store<i32>(bestColumn + (i << 2), -1);
  }
  for (let s = 0; s < setCount; s++) {
    const column = load<i32>(setColumns + (<usize>s << 2));
    const values = matrix + ((<usize>column * rows) << 3);
    const columnSplat = i32x4.splat(column);
    for (let i: usize = 0; i < vectorRows; i += 4) {
      const low = v128.load(values + (i << 3));
      const high = v128.load(values + (i << 3), 16);
      const bestLow = v128.load(bestValue + (i << 3));
      const bestHigh = v128.load(bestValue + (i << 3), 16);
      const betterLow = f64x2.lt(low, bestLow);
      const betterHigh = f64x2.lt(high, bestHigh);
      v128.store(bestValue + (i << 3), v128.bitselect(low, bestLow, betterLow));
      v128.store(bestValue + (i << 3), v128.bitselect(high, bestHigh, betterHigh), 16);
      // Each 64-bit lane mask is all ones or all zeros: its low halves make the i32x4 mask.
      const better = v128.shuffle<i32>(betterLow, betterHigh, 0, 2, 4, 6);
      const columns = v128.load(bestColumn + (i << 2));
      v128.store(bestColumn + (i << 2), v128.bitselect(columnSplat, columns, better));
    }
    for (let i = vectorRows; i < rows; i++) {
      const value = load<f64>(values + (i << 3));
      if (value < load<f64>(bestValue + (i << 3))) {
        store<f64>(bestValue + (i << 3), value);
        store<i32>(bestColumn + (i << 2), column);
      }
    }
  }
}
