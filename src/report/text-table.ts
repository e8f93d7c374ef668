// Plain-text tables for terminals: each column as wide as its widest cell, numeric columns
// right-aligned, a rule under the header. No colour, so output pastes cleanly into tickets.

export type Cell = string | number | null;

export interface Column {
  readonly header: string;
  /** Right-align (numbers). @default false */
  readonly numeric?: boolean;
}

export function formatTextTable(columns: readonly Column[], rows: readonly (readonly Cell[])[]): string {
  const text = rows.map((row) => row.map((cell) => (cell === null ? '-' : String(cell))));
  const widths = columns.map((column, c) => Math.max(column.header.length, ...text.map((row) => row[c].length)));
  const render = (cells: readonly string[]) =>
    cells.map((cell, c) => (columns[c].numeric ? cell.padStart(widths[c]) : cell.padEnd(widths[c]))).join('  ').trimEnd();
  return [render(columns.map((c) => c.header)), widths.map((w) => '-'.repeat(w)).join('  '), ...text.map(render)].join('\n') + '\n';
}
