// Criticality as text: the single failures that hurt the plan, worst first, and how many of the
// rest changed nothing that matters.

import type { Criticality, FailureImpact } from '../plan/criticality.js';
import { formatTextTable } from './text-table.js';
import { counted } from './verdicts.js';

/** Failures that cost demand its SLO, break a sync or replication link, or add RTT worth reading (0.5 ms or more). */
export function harmful(failure: FailureImpact): boolean {
  return failure.lostWeight > 0 || failure.syncBroken.length > 0 || failure.replicationBroken.length > 0 || failure.addedRttMs >= 0.5;
}

/** How a failure is named in reports: the id, with the cable's or site's name when it differs. */
export function failureLabel(failure: FailureImpact): string {
  return failure.kind === 'corridor' || failure.name === failure.id ? failure.id : `${failure.id} (${failure.name})`;
}

/** The sync and replication links a failure breaks, each prefixed with its kind. */
export function brokenLinks(failure: FailureImpact): string[] {
  return [...failure.syncBroken.map((link) => `sync ${link}`), ...failure.replicationBroken.map((link) => `replication ${link}`)];
}

/** "3: a, b, c" for lists that may be long. */
export function listed(items: readonly string[], shown = 4): string {
  if (items.length === 0) return '-';
  return `${items.length}: ${items.slice(0, shown).join(', ')}${items.length > shown ? ', ...' : ''}`;
}

export function criticalityTable(result: Criticality): string {
  const { tried } = result;
  const hurting = result.failures.filter(harmful);
  const lines = [
    `Single failures (${counted(tried.cable, 'cable')}, ${counted(tried.corridor, 'corridor')}, ${counted(tried.site, 'site')}), worst first; ` +
      `the plan's sites stay and markets fail over: ${hurting.length} matter, ${result.failures.length - hurting.length} change nothing that matters.`,
    `RTT: ${result.latency.description}`,
  ];
  if (hurting.length === 0) return `${lines.join('\n')}\n`;
  lines.push(formatTextTable(
    [{ header: 'kind' }, { header: 'failure' }, { header: 'demand lost', numeric: true }, { header: 'markets losing SLO' },
      { header: 'links broken' }, { header: 'mean +ms', numeric: true }, { header: 'worst +ms', numeric: true }],
    hurting.map((f) => [
      f.kind, failureLabel(f), `${(f.lostShare * 100).toFixed(1)}%`, listed(f.marketsLost), listed(brokenLinks(f), 2),
      f.addedRttMs.toFixed(1), f.worstAddedRttMs.toFixed(1),
    ]),
  ));
  return lines.join('\n');
}
