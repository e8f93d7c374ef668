// `geoslo sweep [scenario.json] --k FROM:TO | --slo FROM:TO:STEP`: one plan per step, as a table or
// JSON; progress goes to standard error when it is a terminal.

import { InvalidArgumentError } from '../../errors.js';
import { defaultScenario } from '../../plan/default-scenario.js';
import type { Scenario } from '../../plan/scenario.js';
import { sweep, type SweepRange } from '../../plan/sweep.js';
import { formatTextTable } from '../../report/text-table.js';
import { readScenarioFile } from './plan.js';
import { type FigureFiles, loadFigureFiles, namingRows } from '../figure-files.js';

function parseRange(text: string, flag: string, parts: number): number[] {
  const values = text.split(':').map(Number);
  if (values.length !== parts || values.some((v) => !Number.isFinite(v))) {
    throw new InvalidArgumentError(flag, `must be ${parts === 2 ? 'FROM:TO, e.g. 1:29' : 'FROM:TO:STEP, e.g. 60:200:20'}; got "${text}".`);
  }
  return values;
}

export function sweepCommand(scenarioFile: string | undefined, flags: { k?: string; slo?: string; format?: string; fail?: readonly string[]; cut?: readonly string[]; cutCorridor?: readonly string[] } & FigureFiles): string {
  if ((flags.k === undefined) === (flags.slo === undefined)) {
    throw new InvalidArgumentError('--k/--slo', 'give exactly one: --k FROM:TO (regions) or --slo FROM:TO:STEP (milliseconds).');
  }
  const format = flags.format ?? 'table';
  if (format !== 'table' && format !== 'json') throw new InvalidArgumentError('--format', `must be table or json; got "${format}".`);
  let range: SweepRange;
  if (flags.k !== undefined) {
    const [from, to] = parseRange(flags.k, '--k', 2);
    range = { k: { from, to } };
  } else {
    const [from, to, step] = parseRange(flags.slo as string, '--slo', 3);
    range = { sloMs: { from, to, step } };
  }
  const scenario = structuredClone(scenarioFile === undefined ? defaultScenario : readScenarioFile(scenarioFile)) as Record<string, unknown>;
  const loaded = loadFigureFiles(scenario, flags);
  const progress = process.stderr.isTTY
    ? (done: number, total: number) => process.stderr.write(`\rsweep: step ${done} of ${total}${done === total ? '\n' : ''}`)
    : undefined;
  const result = namingRows(loaded, () => sweep(scenario as Scenario, range, { removeRegions: flags.fail, cutCables: flags.cut, cutCorridors: flags.cutCorridor }, progress));
  if (format === 'json') return `${JSON.stringify(result, null, 2)}\n`;
  const costed = result.points.some((p) => p.cost !== null);
  return `${result.objective} by ${result.parameter === 'k' ? 'number of regions' : 'SLO (ms)'}\n${formatTextTable(
    [{ header: result.parameter === 'k' ? 'k' : 'SLO ms', numeric: true }, { header: 'status' }, { header: 'regions', numeric: true },
      { header: 'coverage', numeric: true }, { header: 'mean RTT ms', numeric: true }, { header: 'worst RTT ms', numeric: true },
      ...(costed ? [{ header: 'cost', numeric: true }] : []), { header: 'chosen' }],
    result.points.map((p) => [p.value, p.status, p.regions.length, `${(p.coverage * 100).toFixed(1)}%`, p.meanRttMs.toFixed(1), p.worstRttMs.toFixed(1),
      ...(costed ? [p.cost === null ? null : Number(p.cost.toFixed(2))] : []), p.regions.join(' ')]),
  )}`;
}
