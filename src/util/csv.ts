// RFC 4180 CSV: quoted fields may hold commas, quotes ("") and line breaks. Rows keep their
// 1-based line number so errors can point at the line a user sees in an editor.

export interface CsvTable {
  readonly header: string[];
  /** Data rows with the 1-based line each starts on. */
  readonly rows: { readonly line: number; readonly cells: string[] }[];
}

export class CsvSyntaxError extends Error {
  constructor(readonly line: number, message: string) {
    super(message);
  }
}

export function parseCsv(text: string): CsvTable {
  const records: { line: number; cells: string[] }[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let recordLine = 1;
  let atFieldStart = true;
  const endRecord = () => {
    cells.push(cell);
    if (!(cells.length === 1 && cells[0] === '')) records.push({ line: recordLine, cells });
    cells = [];
    cell = '';
    atFieldStart = true;
  };
  const body = text.startsWith('\ufeff') ? text.slice(1) : text;
  for (let i = 0; i < body.length; i++) {
    const char = body[i];
    if (quoted) {
      if (char === '"' && body[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (char === '"') {
        quoted = false;
      } else {
        if (char === '\n') line++;
        cell += char;
      }
      continue;
    }
    if (char === '"' && atFieldStart) {
      quoted = true;
      atFieldStart = false;
    } else if (char === ',') {
      cells.push(cell);
      cell = '';
      atFieldStart = true;
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && body[i + 1] === '\n') i++;
      endRecord();
      line++;
      recordLine = line;
    } else {
      cell += char;
      atFieldStart = false;
    }
  }
  if (quoted) throw new CsvSyntaxError(recordLine, `line ${recordLine}: a quoted field is never closed.`);
  if (cell !== '' || cells.length > 0) endRecord();
  const [header, ...rows] = records;
  return { header: header ? header.cells.map((h) => h.trim()) : [], rows };
}

function quoteCell(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function formatCsv(header: readonly string[], rows: readonly (readonly string[])[]): string {
  return [header, ...rows].map((row) => row.map(quoteCell).join(',')).join('\n') + '\n';
}
