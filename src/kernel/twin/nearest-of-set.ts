// TypeScript twin of assembly/nearest.ts: per demand row, the smallest latency over a set of open
// columns of a candidate-major matrix, and the column giving it (earliest in the set on ties).

export interface NearestOfSet {
  readonly valueMs: Float64Array;
  /** The column that gives valueMs, or -1 when the set is empty. */
  readonly column: Int32Array;
}

export function nearestOfSetTwin(candidateMajor: Float64Array, rowCount: number, setColumns: Int32Array): NearestOfSet {
  const valueMs = new Float64Array(rowCount).fill(Infinity);
  const column = new Int32Array(rowCount).fill(-1);
  for (const c of setColumns) {
    const base = c * rowCount;
    for (let i = 0; i < rowCount; i++) {
      const value = candidateMajor[base + i];
      if (value < valueMs[i]) {
        valueMs[i] = value;
        column[i] = c;
      }
    }
  }
  return { valueMs, column };
}
