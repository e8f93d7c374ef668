// `geoslo plan [scenario.json]`: plans the scenario (the bundled default without one), applies the
// command-line overrides and what-if cuts, and renders the plan as a table or JSON.

import { InvalidArgumentError } from '../../errors.js';
import { resolveNetwork } from '../../latency/network.js';
import { fractionFlag } from '../flags.js';
import { readTextFile } from '../output.js';
import { defaultScenario } from '../../plan/default-scenario.js';
import { gapAnalysis, nMinusOne } from '../../plan/gaps.js';
import { plan } from '../../plan/plan.js';
import { whatIf as whatIfReport } from '../../plan/what-if.js';
import { whatIfTable } from '../../report/what-if-table.js';
import type { Scenario } from '../../plan/scenario.js';
import { planFeatureCollection } from '../../report/plan-geojson.js';
import { planJson } from '../../report/plan-json.js';
import { planTable } from '../../report/plan-table.js';
import { renderReportHtml } from '../../report/report-html.js';
import { sweep } from '../../plan/sweep.js';
import { criticality } from '../../plan/criticality.js';
import { criticalityTable } from '../../report/criticality-table.js';
import { loadFigureFiles, namingRows } from '../figure-files.js';

export interface PlanFlags {
  readonly slo?: string;
  readonly k?: string;
  readonly objective?: string;
  readonly fail?: readonly string[];
  readonly cut?: readonly string[];
  readonly cutCorridor?: readonly string[];
  readonly format?: string;
  readonly network?: string;
  readonly confidence?: string;
  /** Rank every single cable, corridor and site failure (table, json and html). */
  readonly criticality?: boolean;
  readonly costs?: string;
  readonly demand?: string;
}

const FORMATS = ['table', 'json', 'geojson', 'html'] as const;
/** The k range of the trade-off chart in HTML reports. */
const REPORT_SWEEP_MAX_K = 15;

function readScenario(file: string | undefined): Record<string, unknown> {
  return file === undefined ? (structuredClone(defaultScenario) as Record<string, unknown>) : readScenarioFile(file);
}

export function readScenarioFile(file: string): Record<string, unknown> {
  const text = readTextFile(file, 'scenario file');
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new InvalidArgumentError(file, `is not valid JSON (${(error as Error).message}).`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new InvalidArgumentError(file, `must hold one JSON object, a scenario; it holds ${parsed === null ? 'null' : Array.isArray(parsed) ? 'an array' : `a ${typeof parsed}`}.`);
  }
  return parsed as Record<string, unknown>;
}

function numberFlag(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  const number = Number(value);
  if (!Number.isFinite(number) || number <= 0) throw new InvalidArgumentError(flag, `must be a number > 0; got "${value}".`);
  return number;
}

export interface PlanOutput {
  /** What goes to standard output (or --out). */
  readonly text: string;
  /** Extra files the default run writes: out/plan.html and out/plan.geojson. */
  readonly files: readonly { readonly path: string; readonly content: string }[];
}

export function planCommand(scenarioFile: string | undefined, flags: PlanFlags): PlanOutput {
  const format = flags.format ?? 'table';
  if (!FORMATS.includes(format as (typeof FORMATS)[number])) {
    throw new InvalidArgumentError('--format', `must be one of ${FORMATS.join(', ')}; got "${format}".`);
  }
  if (flags.criticality && format === 'geojson') {
    throw new InvalidArgumentError('--criticality', 'ranks failures in the table, json and html formats; GeoJSON has no place for it. Use --format table, json or html.');
  }
  const scenario = readScenario(scenarioFile);
  const loaded = loadFigureFiles(scenario, flags);
  const sloMs = numberFlag(flags.slo, '--slo');
  const k = numberFlag(flags.k, '--k');
  const confidence = flags.confidence === undefined ? undefined : fractionFlag(flags.confidence, '--confidence');
  if (flags.network !== undefined) scenario.network = resolveNetwork(flags.network, '--network', 'internet');
  if (sloMs !== undefined) scenario.slo = { ...(scenario.slo as object | undefined), defaultMs: sloMs };
  if (confidence !== undefined) scenario.slo = { defaultMs: 100, ...(scenario.slo as object | undefined), confidence };
  if (flags.objective !== undefined || k !== undefined) {
    const objective = (scenario.objective ?? {}) as Record<string, unknown>;
    scenario.objective = { ...objective, ...(flags.objective === undefined ? {} : { type: flags.objective }), ...(k === undefined ? {} : { k }) };
  }
  const whatIf = { removeRegions: flags.fail, cutCables: flags.cut, cutCorridors: flags.cutCorridor };
  const stressed = [flags.fail, flags.cut, flags.cutCorridor].some((list) => list !== undefined && list.length > 0);
  const report = stressed ? namingRows(loaded, () => whatIfReport(scenario as Scenario, whatIf)) : null;
  const result = report?.replanned ?? namingRows(loaded, () => plan(scenario as Scenario, whatIf));
  const ranked = flags.criticality ? criticality(result) : undefined;
  const gaps = gapAnalysis(result);
  const failures = nMinusOne(result);
  const html = () => {
    const maxK = Math.min(result.scenario.candidates.length, REPORT_SWEEP_MAX_K);
    // A two-tier plan opens as many sites as its SLOs need: a k sweep does not apply to it.
    const trade = result.topology === null ? { sweep: sweep(scenario as Scenario, { k: { from: 1, to: maxK } }, whatIf) } : {};
    return renderReportHtml(result, { gaps, failures, ...trade, ...(ranked === undefined ? {} : { criticality: ranked }) });
  };
  const geojson = () => `${JSON.stringify(planFeatureCollection(result))}\n`;
  switch (format) {
    case 'geojson':
      return { text: geojson(), files: [] };
    case 'json': {
      const json = { ...planJson(result, gaps, failures), ...(ranked === undefined ? {} : { criticality: ranked }) };
      const changes = report === null ? {} : { whatIf: { baselineRegions: report.baseline.chosen.map((c) => c.id), reevaluatedCoverage: report.reevaluated.coverage, changes: report.changes } };
      return { text: `${JSON.stringify({ ...json, ...changes }, null, 2)}\n`, files: [] };
    }
    case 'html':
      return { text: html(), files: [] };
    default: {
      // The default run (no scenario file) also leaves a report and a map layer to open.
      const files = scenarioFile === undefined ? [{ path: 'out/plan.html', content: html() }, { path: 'out/plan.geojson', content: geojson() }] : [];
      const written = files.length === 0 ? '' : `\nWrote ${files.map((f) => f.path).join(' and ')}.`;
      const changes = (report === null ? '' : `\n${whatIfTable(report)}`) + (ranked === undefined ? '' : `\n${criticalityTable(ranked)}`);
      return { text: `${planTable(result, gaps, failures)}${changes}${written}\n`, files };
    }
  }
}
