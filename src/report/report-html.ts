// A standalone HTML report of a plan: the map, the sweep chart, the market table, the gaps and the
// N-1 table, with its styles inline and no script or network access, so it opens offline.

import { type GapAnalysis, gapAnalysis, nMinusOne, type SiteFailure } from '../plan/gaps.js';
import { InvalidArgumentError, publicEntry } from '../errors.js';
import { checkPlan, type Plan } from '../plan/plan.js';
import { describe } from '../util/describe.js';
import { didYouMean } from '../util/suggest.js';
import type { Sweep } from '../plan/sweep.js';
import type { Criticality } from '../plan/criticality.js';
import { brokenLinks, failureLabel, harmful } from './criticality-table.js';
import { renderMapSvg } from './map-svg.js';
import { rttColumns } from './rtt-columns.js';
import { costDescription, counted, topologySummary, verdictCounts, whatIfDescription } from './verdicts.js';
import { renderSweepSvg } from './sweep-svg.js';

/** What {@link renderReportHtml} includes beyond the plan; analyses not given are run or left out. */
export interface ReportParts {
  /** @default gapAnalysis(plan) */
  readonly gaps?: GapAnalysis;
  /** @default nMinusOne(plan) */
  readonly failures?: readonly SiteFailure[];
  /** A sweep to chart; none by default. */
  readonly sweep?: Sweep;
  /** Single failures ranked by criticality(plan); none by default. */
  readonly criticality?: Criticality;
}

const escapeHtml = (text: string) => text.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&#39;' })[c] as string);
const ms = (value: number) => (Number.isFinite(value) ? value.toFixed(1) : 'unreachable');

function table(headers: string[], rows: (string | number | null)[][], id: string): string {
  const head = headers.map((h) => `<th>${escapeHtml(h)}</th>`).join('');
  const body = rows.map((row) => `<tr>${row.map((cell) => `<td>${escapeHtml(cell === null ? '-' : String(cell))}</td>`).join('')}</tr>`).join('');
  return `<table id="${id}"><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
}

const REPORT_PARTS = ['gaps', 'failures', 'sweep', 'criticality'];

function criticalitySection(result: Criticality): string {
  const hurting = result.failures.filter(harmful);
  const { tried } = result;
  const intro = `<p>Each of ${counted(tried.cable, 'cable system')}, ${counted(tried.corridor, 'corridor')} and ${counted(tried.site, 'site')} failed alone, the plan's sites kept and markets failing over; ` +
    `${hurting.length} failures matter, ${result.failures.length - hurting.length} change nothing that matters.</p>`;
  if (hurting.length === 0) return intro;
  return intro + table(
    ['kind', 'failure', 'demand losing SLO', 'markets losing SLO', 'links broken', 'mean added ms', 'worst added ms'],
    hurting.map((f) => [
      f.kind, failureLabel(f), `${(f.lostShare * 100).toFixed(1)}%`,
      f.marketsLost.length === 0 ? null : f.marketsLost.join(', '),
      brokenLinks(f).join(', ') || null,
      f.addedRttMs.toFixed(1), f.worstAddedRttMs.toFixed(1),
    ]),
    'criticality',
  );
}

/**
 * A standalone HTML report of a plan: the map, the sweep chart, the market table, the gaps and the
 * N-1 table, with its styles inline and no script or network access, so it opens offline.
 *
 * @param result - a plan made by {@link plan} or {@link whatIf}
 * @param parts - analyses already run (gaps, failures) and optional ones to include (sweep, criticality)
 * @throws {@link InvalidArgumentError} when `result` is not a plan or `parts` names an unknown part
 * @example
 * ```ts
 * import { writeFileSync } from 'node:fs';
 * import { criticality, plan, renderReportHtml } from 'geoslo';
 *
 * const result = plan({ markets: { countries: ['SG', 'ID', 'AE', 'MX'] } });
 * writeFileSync('plan.html', renderReportHtml(result, { criticality: criticality(result, { kinds: ['site'] }) }));
 * ```
 */
export function renderReportHtml(result: Plan, parts: ReportParts = {}): string {
  return publicEntry('renderReportHtml', () => {
    checkPlan(result);
    if (typeof parts !== 'object' || parts === null || Array.isArray(parts)) {
      throw new InvalidArgumentError('parts', `must be an object such as { sweep }; got ${describe(parts)}.`);
    }
    for (const name of Object.keys(parts)) {
      if (!REPORT_PARTS.includes(name)) throw new InvalidArgumentError(`parts.${name}`, `is not a report part.${didYouMean(name, REPORT_PARTS)} Parts: ${REPORT_PARTS.join(', ')}.`);
    }
    const { scenario } = result;
    const gaps = parts.gaps ?? gapAnalysis(result);
    const failures = parts.failures ?? nMinusOne(result);
    const { sweep } = parts;
    const topology = topologySummary(result);
    const cost = costDescription(result);
    const rtt = rttColumns(result.latency);
    const marketRows = result.markets.map((o) => [
      o.market.id, o.market.name, o.market.country, o.market.tier, o.market.sloMs, o.servedBy, o.servingTier, ...rtt.map((column) => ms(column.value(o))),
      o.verdict, o.backup, o.backup === null ? null : ms(o.backupRttMs),
    ]);
    const gapSection = gaps.missed.length === 0 ? '<p>Every market is served within its SLO.</p>'
      : table(['market', 'SLO ms', 'planned ms', 'best achievable ms', 'from'], gaps.missed.map((m) => [m.market, m.sloMs, ms(m.rttMs), ms(m.bestAchievableMs), m.bestCandidate]), 'gaps') +
        (gaps.bestGreenfield
          ? `<p class="fix">Best greenfield site: <strong>${escapeHtml(gaps.bestGreenfield.site.name)}</strong> would serve ${gaps.bestGreenfield.markets.length} of these markets within SLO (${(gaps.bestGreenfield.share * 100).toFixed(1)}% of the missed demand).</p>`
          : '');
    return `<!doctype html>
  <html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(scenario.name)}</title>
  <style>
  body { font: 14px/1.45 system-ui, sans-serif; margin: 24px auto; max-width: 1240px; color: #222; padding: 0 16px; }
  h1 { font-size: 22px; margin: 0 0 4px; } h2 { font-size: 17px; margin: 28px 0 8px; }
  .summary { color: #444; } .status { font-weight: 600; }
  table { border-collapse: collapse; width: 100%; font-size: 12.5px; } th, td { border-bottom: 1px solid #e5e5e5; padding: 3px 6px; text-align: left; }
  th { background: #f6f6f6; position: sticky; top: 0; } svg { max-width: 100%; height: auto; }
  </style></head>
  <body>
  <h1>${escapeHtml(scenario.name)}</h1>
  <p class="summary">Objective <strong>${escapeHtml(scenario.objective)}</strong>${scenario.k === null ? '' : ` with k = ${scenario.k}`}, redundancy ${scenario.redundancy}:
  <span class="status">${result.status}</span>. ${result.chosen.length} regions: ${result.chosen.map((c) => escapeHtml(`${c.id} (${c.name})`)).join(', ')}.
  ${(result.coverage.share * 100).toFixed(1)}% of demand weight within its SLO (${verdictCounts(result)}).
  ${escapeHtml(result.explanation)}</p>
  <p class="summary">${escapeHtml(result.latency.description)}</p>
  ${topology === null ? '' : `<p class="summary" id="topology"><strong>Topology:</strong> ${escapeHtml(topology)}. Sync and replication RTTs are over the provider backbone.</p>`}
  ${cost === null ? '' : `<p class="summary" id="cost"><strong>Cost:</strong> ${escapeHtml(cost)}.</p>`}
  ${whatIfDescription(result) === null ? '' : `<p class="summary" id="what-if"><strong>What-if:</strong> ${escapeHtml(whatIfDescription(result) as string)}.</p>`}
  <section id="map">${renderMapSvg(result)}</section>
  ${sweep ? `<h2>Trade-off by ${sweep.parameter === 'k' ? 'number of regions' : 'SLO'}</h2><section id="sweep">${renderSweepSvg(sweep)}</section>` : ''}
  <h2>Markets</h2>
  ${table(['market', 'name', 'country', 'tier', 'SLO ms', 'served by', 'served as', ...rtt.map((column) => column.header), 'SLO', 'backup', 'backup ms'], marketRows, 'markets')}
  <h2>Markets that missed their SLO</h2>
  ${gapSection}
  <h2>If one region fails (N-1)</h2>
  ${table(['region', 'markets that would miss their SLO', 'demand weight'], failures.map((f) => [f.site, f.breaks.length === 0 ? 'none' : f.breaks.join(', '), f.weight]), 'n-minus-one')}
  ${parts.criticality ? `<h2>Criticality: every single cable, corridor and site failure</h2>\n<section id="criticality-section">${criticalitySection(parts.criticality)}</section>` : ''}
  <p class="summary" id="rtt-basis">${escapeHtml(result.latency.description)} Round-trip times are modelled by geoslo over its backbone of submarine cables and land routes; coordinates [lon, lat].</p>
  </body></html>
  `;
  });
}
