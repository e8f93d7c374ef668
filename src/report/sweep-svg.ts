// A sweep as a small SVG chart: coverage (% of demand within SLO, left axis) and demand-weighted
// mean RTT (ms, right axis) against k or the SLO.

import type { Sweep } from '../plan/sweep.js';

/**
 * A sweep as a small standalone SVG chart: coverage (% of demand within SLO, left axis) and
 * demand-weighted mean RTT (ms, right axis) against k or the SLO. Steps with no market served are
 * left out; with none left the SVG is empty.
 *
 * @param result - a sweep made by {@link sweep}
 * @param width - in pixels (default 640)
 * @param height - in pixels (default 300)
 * @example
 * ```ts
 * import { writeFileSync } from 'node:fs';
 * import { renderSweepSvg, sweep } from 'geoslo';
 *
 * const curve = sweep({ markets: { countries: ['SG', 'ID', 'AE', 'MX'] } }, { sloMs: { from: 40, to: 120, step: 20 } });
 * writeFileSync('sweep.svg', renderSweepSvg(curve, 800, 360));
 * ```
 */
export function renderSweepSvg(result: Sweep, width = 640, height = 300): string {
  const margin = { left: 56, right: 56, top: 30, bottom: 44 };
  const points = result.points.filter((p) => Number.isFinite(p.meanRttMs));
  if (points.length === 0) return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"></svg>`;
  const xs = points.map((p) => p.value);
  const xMin = Math.min(...xs);
  const xMax = Math.max(...xs, xMin + 1);
  const meanMax = Math.max(...points.map((p) => p.meanRttMs)) * 1.1;
  const x = (value: number) => margin.left + ((value - xMin) / (xMax - xMin)) * (width - margin.left - margin.right);
  const yShare = (share: number) => height - margin.bottom - share * (height - margin.top - margin.bottom);
  const yMs = (ms: number) => height - margin.bottom - (ms / meanMax) * (height - margin.top - margin.bottom);
  const line = (toY: (p: (typeof points)[number]) => number) => points.map((p, i) => `${i === 0 ? 'M' : 'L'}${x(p.value).toFixed(1)},${toY(p).toFixed(1)}`).join('');
  const ticks = points.map((p) => `<text x="${x(p.value).toFixed(1)}" y="${height - margin.bottom + 16}" font-size="10" text-anchor="middle" fill="#555">${p.value}</text>`).join('');
  const grid = [0, 0.25, 0.5, 0.75, 1].map((s) => `<line x1="${margin.left}" x2="${width - margin.right}" y1="${yShare(s)}" y2="${yShare(s)}" stroke="#eee"/>` +
    `<text x="${margin.left - 6}" y="${yShare(s) + 4}" font-size="10" text-anchor="end" fill="#1a9850">${Math.round(s * 100)}%</text>` +
    `<text x="${width - margin.right + 6}" y="${yShare(s) + 4}" font-size="10" fill="#1f3a93">${Math.round(s * meanMax)}</text>`).join('');
  const label = result.parameter === 'k' ? 'regions (k)' : 'SLO (ms)';
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" font-family="system-ui, sans-serif">` +
    `${grid}<path class="coverage" d="${line((p) => yShare(p.coverage))}" fill="none" stroke="#1a9850" stroke-width="2"/>` +
    `<path class="mean" d="${line((p) => yMs(p.meanRttMs))}" fill="none" stroke="#1f3a93" stroke-width="2" stroke-dasharray="5,3"/>${ticks}` +
    `<text x="${width / 2}" y="${height - 8}" font-size="11" text-anchor="middle" fill="#333">${label}</text>` +
    `<text x="${margin.left}" y="18" font-size="11" fill="#1a9850">coverage of demand within SLO</text>` +
    `<text x="${width - margin.right}" y="18" font-size="11" text-anchor="end" fill="#1f3a93">mean RTT, ms (dashed)</text></svg>`;
}
