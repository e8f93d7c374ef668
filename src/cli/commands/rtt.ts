// `geoslo rtt --pairs FILE.csv [--network backbone|internet] [--quantile Q]`: reads rows with
// from_lon,from_lat,to_lon,to_lat (other columns are kept), models every pair in one kernel pass
// and writes the rows back with rtt_ms and the network and quantile it is for. Any bad row fails
// the whole run with its line and column before anything is written.

import { complaintOf, InvalidArgumentError } from '../../errors.js';
import { checkLonLat, type LonLat } from '../../geo/coordinates.js';
import { latencyMatrix } from '../../latency/estimate.js';
import type { Network } from '../../latency/network.js';
import type { WhatIf } from '../../latency/what-if.js';
import { CsvSyntaxError, formatCsv, parseCsv } from '../../util/csv.js';
import { readTextFile } from '../output.js';

const REQUIRED = ['from_lon', 'from_lat', 'to_lon', 'to_lat'] as const;

function cellNumber(cells: string[], column: number, line: number, name: string): number {
  const text = (cells[column] ?? '').trim();
  const value = text === '' ? Number.NaN : Number(text);
  if (!Number.isFinite(value)) {
    throw new InvalidArgumentError(`line ${line}, column ${name}`, `must be a number of degrees; got "${cells[column] ?? ''}".`);
  }
  return value;
}

export interface RttRequest extends WhatIf {
  readonly network: Network;
  readonly quantile: number;
}

export function rttCsv(pairsFile: string, request: RttRequest): string {
  let table;
  try {
    table = parseCsv(readTextFile(pairsFile, 'pairs file'));
  } catch (error) {
    if (error instanceof CsvSyntaxError) throw new InvalidArgumentError(`--pairs ${pairsFile}`, error.message);
    throw error;
  }
  const columns = REQUIRED.map((name) => table.header.indexOf(name));
  const missing = REQUIRED.filter((_, i) => columns[i] === -1);
  if (missing.length > 0) {
    throw new InvalidArgumentError(`--pairs ${pairsFile}`, `has no column ${missing.join(', ')}; the header must name from_lon,from_lat,to_lon,to_lat.`);
  }
  const added = ['rtt_ms', 'network', 'quantile'];
  const clash = added.find((name) => table.header.includes(name));
  if (clash !== undefined) {
    throw new InvalidArgumentError(`--pairs ${pairsFile}`, `already has a ${clash} column; remove it, the command adds ${added.join(', ')}.`);
  }
  const pointKey = (point: LonLat) => `${point[0]},${point[1]}`;
  const unique = { from: new Map<string, { point: LonLat; line: number }>(), to: new Map<string, { point: LonLat; line: number }>() };
  const pairs = table.rows.map(({ line, cells }) => {
    if (cells.length !== table.header.length) {
      throw new InvalidArgumentError(`line ${line}`, `has ${cells.length} fields but the header has ${table.header.length}.`);
    }
    const [fromLon, fromLat, toLon, toLat] = columns.map((column, i) => cellNumber(cells, column, line, REQUIRED[i]));
    const from = checkLonLat(fromLon, fromLat, `line ${line}, columns from_lon,from_lat`);
    const to = checkLonLat(toLon, toLat, `line ${line}, columns to_lon,to_lat`);
    if (!unique.from.has(pointKey(from))) unique.from.set(pointKey(from), { point: from, line });
    if (!unique.to.has(pointKey(to))) unique.to.set(pointKey(to), { point: to, line });
    return { from: pointKey(from), to: pointKey(to), cells };
  });

  const fromKeys = [...unique.from.keys()];
  const toKeys = [...unique.to.keys()];
  let matrix;
  try {
    matrix = latencyMatrix(fromKeys.map((k) => (unique.from.get(k) as { point: LonLat }).point), toKeys.map((k) => (unique.to.get(k) as { point: LonLat }).point), request);
  } catch (error) {
    // Point the user at the row holding an unreachable point rather than at an internal index.
    const match = error instanceof InvalidArgumentError ? /^(from|to)\[(\d+)\]/.exec(error.field) : null;
    if (!match || !(error instanceof InvalidArgumentError)) throw error;
    const side = match[1] as 'from' | 'to';
    const entry = unique[side].get((side === 'from' ? fromKeys : toKeys)[Number(match[2])]) as { line: number };
    throw new InvalidArgumentError(`line ${entry.line}, columns ${side}_lon,${side}_lat`, complaintOf(error));
  }
  const fromIndex = new Map(fromKeys.map((k, i) => [k, i]));
  const toIndex = new Map(toKeys.map((k, i) => [k, i]));
  const rows = pairs.map(({ from, to, cells }) => {
    const rttMs = matrix.data[(fromIndex.get(from) as number) * matrix.cols + (toIndex.get(to) as number)];
    return [...cells, Number.isFinite(rttMs) ? rttMs.toFixed(1) : 'unreachable', request.network, String(request.quantile)];
  });
  return formatCsv([...table.header, ...added], rows);
}
