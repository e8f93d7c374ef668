// The plan as terminal tables: a summary, a two-tier plan's centres and stations against their sync
// and replication SLOs, every market against its SLO, what no region can serve and the greenfield
// site that would help most, and what each chosen region's failure would break.

import type { GapAnalysis, SiteFailure } from '../plan/gaps.js';
import type { Plan } from '../plan/plan.js';
import type { PlanTopology } from '../plan/two-tier.js';
import { rttColumns } from './rtt-columns.js';
import { costDescription, rttText, verdictCounts, whatIfDescription, worstReplication } from './verdicts.js';
import { formatTextTable } from './text-table.js';

const ms = (value: number) => (Number.isFinite(value) ? value.toFixed(1) : 'unreachable');
const percent = (share: number) => `${(share * 100).toFixed(1)}%`;
const withinSlo = (rttMs: number, sloMs: number) => `${rttMs <= sloMs ? 'within' : 'beyond'} ${sloMs} ms`;

/** Centres with the countries they host, stations with their sync RTT, the worst replication pair, and what was not built. */
function topologyLines(topology: PlanTopology): string[] {
  const lines = [`Topology: regional centres and national stations (sync SLO ${topology.syncSloMs} ms, ${topology.replicationSloMs === null ? 'no replication limit' : `replication SLO ${topology.replicationSloMs} ms`}, both over the backbone)`];
  lines.push(formatTextTable(
    [{ header: 'centre' }, { header: 'countries' }],
    topology.centres.map((centre) => [centre.id, centre.countries.join(', ')]),
  ));
  const stations = topology.centres.flatMap((centre) => centre.stations.map((station) => [
    station.id, station.country, centre.id, ms(station.syncRttMs), withinSlo(station.syncRttMs, topology.syncSloMs),
  ]));
  if (stations.length > 0) {
    lines.push(formatTextTable([{ header: 'station' }, { header: 'country' }, { header: 'centre' }, { header: 'sync ms', numeric: true }, { header: 'sync SLO' }], stations));
  }
  const worst = worstReplication(topology);
  if (worst === null) {
    lines.push('replication: none (fewer than two centres)');
  } else {
    const limit = topology.replicationSloMs === null ? 'no limit' : withinSlo(worst.rttMs, topology.replicationSloMs);
    lines.push(`replication: worst ${rttText(worst.rttMs)} (${worst.from} to ${worst.to}), ${limit}`);
  }
  for (const part of topology.unbuilt) lines.push(`not built: ${part.country} ${part.part}: ${part.reason}`);
  lines.push('');
  return lines;
}

/**
 * The plan as terminal tables: a summary, a two-tier plan's centres and stations, every market
 * against its SLO, what no region can serve with the greenfield site that would help most, and
 * what each chosen region's failure would break. What `geoslo plan` prints.
 *
 * @param result - a plan made by {@link plan} or {@link whatIf}
 * @param gaps - `gapAnalysis(result)`
 * @param failures - `nMinusOne(result)`
 * @example
 * ```ts
 * import { gapAnalysis, nMinusOne, plan, planTable } from 'geoslo';
 *
 * const result = plan({ markets: { countries: ['SG', 'ID', 'AE', 'MX'] } });
 * console.log(planTable(result, gapAnalysis(result), nMinusOne(result)));
 * ```
 */
export function planTable(result: Plan, gaps: GapAnalysis, failures: readonly SiteFailure[]): string {
  const { scenario } = result;
  const lines: string[] = [];
  lines.push(`${scenario.name}`);
  lines.push(`objective ${scenario.objective}${scenario.k === null ? '' : ` (k = ${scenario.k})`}, redundancy ${scenario.redundancy}: ${result.status}` +
    (result.objective.bound === null ? '' : `, objective ${result.objective.value.toFixed(2)} with bound ${result.objective.bound.toFixed(2)}`));
  lines.push(`${result.topology === null ? 'regions' : 'sites'} (${result.chosen.length}): ${result.chosen.map((c) => `${c.id} ${c.name}`).join(', ')}`);
  const cost = costDescription(result);
  if (cost !== null) lines.push(`cost: ${cost}`);
  lines.push(`coverage: ${percent(result.coverage.share)} of demand weight within its SLO (${verdictCounts(result)})`);
  lines.push(`RTT: ${result.latency.description}`);
  const stress = whatIfDescription(result);
  if (stress !== null) lines.push(`what-if: ${stress}`);
  if (result.explanation) lines.push(result.explanation);
  lines.push('');
  if (result.topology !== null) lines.push(...topologyLines(result.topology));
  const rtt = rttColumns(result.latency);
  lines.push(formatTextTable(
    [{ header: 'market' }, { header: 'country' }, { header: 'tier' }, { header: 'SLO ms', numeric: true }, { header: 'served by' }, { header: 'served as' },
      ...rtt.map((column) => ({ header: column.header, numeric: true })), { header: 'SLO' }, { header: 'backup' }, { header: 'backup ms', numeric: true }],
    result.markets.map((o) => [
      o.market.id, o.market.country, o.market.tier, o.market.sloMs, o.servedBy, o.servingTier, ...rtt.map((column) => ms(column.value(o))),
      o.verdict, o.backup, o.backup === null ? null : ms(o.backupRttMs),
    ]),
  ));
  if (gaps.missed.length > 0) {
    lines.push(`Markets that missed their SLO (${gaps.missed.length}), with the best RTT any candidate gives:`);
    lines.push(formatTextTable(
      [{ header: 'market' }, { header: 'SLO ms', numeric: true }, { header: 'planned ms', numeric: true }, { header: 'best ms', numeric: true }, { header: 'from' }],
      gaps.missed.map((m) => [m.market, m.sloMs, ms(m.rttMs), ms(m.bestAchievableMs), m.bestCandidate]),
    ));
    if (gaps.bestGreenfield) {
      const fix = gaps.bestGreenfield;
      lines.push(`Best greenfield site: ${fix.site.name} would serve ${fix.markets.length} of them within SLO (${percent(fix.share)} of the missed demand): ${fix.markets.join(', ')}`);
      lines.push('');
    }
  }
  lines.push('If one region fails (N-1):');
  lines.push(formatTextTable(
    [{ header: 'region' }, { header: 'markets that would miss their SLO' }],
    failures.map((f) => [f.site, f.breaks.length === 0 ? 'none' : `${f.breaks.length}: ${f.breaks.slice(0, 6).join(', ')}${f.breaks.length > 6 ? ', ...' : ''}`]),
  ));
  return lines.join('\n');
}
