// A what-if as text: the baseline regions under the failure or cut, market by market where
// anything changed, beside the coverage of the plan made again for it (printed above this).

import type { WhatIfReport } from '../plan/what-if.js';
import { formatTextTable } from './text-table.js';

const ms = (value: number) => (Number.isFinite(value) ? value.toFixed(1) : 'unreachable');
const percent = (share: number) => `${(share * 100).toFixed(1)}%`;

export function whatIfTable(report: WhatIfReport): string {
  const lines = [
    `What changed: the baseline regions (${report.baseline.chosen.map((c) => c.id).join(', ')}) under this what-if cover ` +
      `${percent(report.reevaluated.coverage.share)} of demand within SLO (baseline ${percent(report.baseline.coverage.share)}); ` +
      `re-planned: ${percent(report.replanned.coverage.share)} with ${report.replanned.chosen.map((c) => c.id).join(', ')}.`,
  ];
  if (report.changes.length === 0) {
    lines.push('No market changes serving region, RTT or SLO verdict.');
    return lines.join('\n');
  }
  lines.push(formatTextTable(
    [{ header: 'market' }, { header: 'served by' }, { header: 'RTT ms', numeric: true }, { header: 'SLO' }, { header: 'now served by' }, { header: 'now RTT ms', numeric: true }, { header: 'now SLO' }],
    report.changes.map((c) => [c.market, c.before.servedBy, ms(c.before.rttMs), c.before.verdict, c.after.servedBy, ms(c.after.rttMs), c.after.verdict]),
  ));
  return lines.join('\n');
}
