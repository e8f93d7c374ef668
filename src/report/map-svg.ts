// The plan on a world map, as a standalone SVG: land from the bundled Natural Earth outline
// (world-atlas, 1:110m), chosen sites as squares, markets as dots sized by demand and coloured by
// SLO met or missed, and each market's great-circle arc to the site serving it. A two-tier plan
// shows its regional centres as larger squares, national stations as diamonds, each station's
// sync link to its centre dashed and the centres' replication links dotted.

import { geoGraticule10, geoNaturalEarth1, geoPath } from 'd3-geo';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import land110m from 'world-atlas/land-110m.json';
import { InvalidArgumentError, publicEntry } from '../errors.js';
import { checkPlan, type Plan } from '../plan/plan.js';
import { describe } from '../util/describe.js';
import { didYouMean } from '../util/suggest.js';
import { rttColumns } from './rtt-columns.js';
import { rttText, siteRoles, syncLinks } from './verdicts.js';

/** Size and title of {@link renderMapSvg}'s map. */
export interface MapOptions {
  /** Width in pixels, from 200 to 20,000. @default 1200 */
  readonly width?: number;
  /** Height in pixels, from 200 to 20,000. @default 620 */
  readonly height?: number;
  /** The title drawn at the top left. @default the scenario's name */
  readonly title?: string;
}

export const MAP_COLOURS = {
  met: '#1a9850', missed: '#d73027', local: '#f59e0b', site: '#1f3a93', station: '#7b3294', replication: '#5b6b8c', land: '#e8e4da', water: '#f4f8fb',
} as const;

const escapeXml = (text: string) => text.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c] as string);

const MAP_OPTIONS = ['width', 'height', 'title'];
/** Pixels: below this nothing legible fits; above it the SVG is a mistake, not a map. */
const MAP_SIZE_PX = { min: 200, max: 20_000 };
/** Legend entries per row, and the spacing of entries and rows (px). */
const LEGEND = { perRow: 4, entryPx: 150, rowPx: 18 };
const SYNC_STROKE = `stroke="${MAP_COLOURS.station}" stroke-width="1.5" stroke-dasharray="5 3"`;
const REPLICATION_STROKE = `stroke="${MAP_COLOURS.replication}" stroke-width="1" stroke-dasharray="1 3" stroke-linecap="round"`;

const square = (colour: string) => `<rect width="12" height="12" fill="${colour}"/>`;

const diamond = (x: number, y: number, halfPx: number) => `${x.toFixed(1)},${(y - halfPx).toFixed(1)} ${(x + halfPx).toFixed(1)},${y.toFixed(1)} ${x.toFixed(1)},${(y + halfPx).toFixed(1)} ${(x - halfPx).toFixed(1)},${y.toFixed(1)}`;

function checkMapOptions(options: unknown): MapOptions {
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw new InvalidArgumentError('options', `must be an object such as { width: 1200 }; got ${describe(options)}.`);
  }
  for (const [name, value] of Object.entries(options)) {
    if (!MAP_OPTIONS.includes(name)) throw new InvalidArgumentError(`options.${name}`, `is not an option.${didYouMean(name, MAP_OPTIONS)} Options: ${MAP_OPTIONS.join(', ')}.`);
    if (name === 'title' && typeof value !== 'string') throw new InvalidArgumentError('options.title', `must be a string; got ${describe(value)}.`);
    if (name !== 'title' && !(typeof value === 'number' && Number.isFinite(value) && value >= MAP_SIZE_PX.min && value <= MAP_SIZE_PX.max)) {
      throw new InvalidArgumentError(`options.${name}`, `must be a number of pixels from ${MAP_SIZE_PX.min} to ${MAP_SIZE_PX.max}; got ${describe(value)}.`);
    }
  }
  return options as MapOptions;
}

/**
 * The plan on a world map, as a standalone SVG: chosen sites as squares, markets as dots sized by
 * demand and coloured by SLO met or missed, and each market's arc to the site serving it (a
 * two-tier plan adds its centres, stations, sync and replication links).
 *
 * @param result - a plan made by {@link plan} or {@link whatIf}
 * @param options - width and height in pixels, and a title
 * @throws {@link InvalidArgumentError} when `result` is not a plan or an option is malformed
 * @example
 * ```ts
 * import { writeFileSync } from 'node:fs';
 * import { plan, renderMapSvg } from 'geoslo';
 *
 * const result = plan({ markets: { countries: ['SG', 'ID', 'AE', 'MX'] } });
 * writeFileSync('plan.svg', renderMapSvg(result, { width: 1600, height: 800, title: 'Four markets' }));
 * ```
 */
export function renderMapSvg(result: Plan, options: MapOptions = {}): string {
  return publicEntry('renderMapSvg', () => {
    checkPlan(result);
    const checked = checkMapOptions(options);
    const width = checked.width ?? 1200;
    const height = checked.height ?? 620;
    const title = checked.title ?? result.scenario.name;
    const { topology } = result;
    // Markets' colours, then what the sites are: a two-tier plan has no plain regions or national-station markets.
    const siteLegend: [string, string][] = topology === null
      ? [[square(MAP_COLOURS.local), 'national station'], [square(MAP_COLOURS.site), 'chosen region']]
      : [[square(MAP_COLOURS.site), 'regional centre'], [`<polygon points="${diamond(6, 6, 6)}" fill="${MAP_COLOURS.station}"/>`, 'national station'],
        [`<line x1="0" y1="6" x2="28" y2="6" ${SYNC_STROKE}/>`, 'sync link'], [`<line x1="0" y1="6" x2="28" y2="6" ${REPLICATION_STROKE}/>`, 'replication link']];
    const legendItems: [string, string][] = [[square(MAP_COLOURS.met), 'met'], [square(MAP_COLOURS.missed), 'missed'], ...siteLegend];
    const legendRows = Math.ceil(legendItems.length / LEGEND.perRow);
    const projection = geoNaturalEarth1().fitExtent([[10, 40], [width - 10, height - 50 - LEGEND.rowPx * (legendRows - 1)]], { type: 'Sphere' });
    const path = geoPath(projection);
    const landTopology = land110m as unknown as Topology<{ land: GeometryCollection }>;
    const land = path(feature(landTopology, landTopology.objects.land)) ?? '';
    const sites = new Map(result.scenario.candidates.map((c) => [c.id, c]));
    const maxWeight = Math.max(1, ...result.markets.map((m) => m.market.weight));
    const colourOf = (met: boolean, local: boolean) => (local ? MAP_COLOURS.local : met ? MAP_COLOURS.met : MAP_COLOURS.missed);
    const rtt = rttColumns(result.latency);
    const arcs: string[] = [];
    const dots: string[] = [];
    for (const outcome of result.markets) {
      const colour = colourOf(outcome.sloMet, outcome.nationalStation);
      const site = outcome.servedBy === null || outcome.nationalStation ? undefined : sites.get(outcome.servedBy);
      if (site) {
        const d = path({ type: 'LineString', coordinates: [[...outcome.market.coordinates], [...site.coordinates]] });
        if (d) arcs.push(`<path d="${d}" stroke="${colour}" stroke-opacity="0.45" stroke-width="1" fill="none"/>`);
      }
      const point = projection([...outcome.market.coordinates] as [number, number]);
      if (!point) continue;
      const radius = 2 + 6 * Math.sqrt(outcome.market.weight / maxWeight);
      const figures = rtt.map((column) => {
        const value = column.value(outcome);
        return `${column.header.replace(' ms', '')} ${Number.isFinite(value) ? `${value.toFixed(0)} ms` : 'unreachable'}`;
      });
      const label = `${outcome.market.name}: ${outcome.verdict}, ${figures.join(', ')} (SLO ${outcome.market.sloMs} ms, ${result.latency.network})`;
      dots.push(`<circle class="market ${outcome.verdict === 'national station' ? 'national-station' : outcome.verdict}" cx="${point[0].toFixed(1)}" cy="${point[1].toFixed(1)}" r="${radius.toFixed(1)}" fill="${colour}" fill-opacity="0.8" stroke="#fff" stroke-width="0.5"><title>${escapeXml(label)}</title></circle>`);
    }
    const link = (className: string, from: string, to: string, stroke: string, tooltip: string) => {
      const d = path({ type: 'LineString', coordinates: [[...sites.get(from)!.coordinates], [...sites.get(to)!.coordinates]] });
      return d ? `<path class="${className}" d="${d}" ${stroke} fill="none"><title>${escapeXml(tooltip)}</title></path>` : '';
    };
    const links = topology === null ? [] : [
      ...topology.replication.map((pair) => link('replication', pair.from, pair.to, REPLICATION_STROKE,
        `Replication ${pair.from} - ${pair.to}: ${rttText(pair.rttMs)} over the backbone (${topology.replicationSloMs === null ? 'no limit' : `SLO ${topology.replicationSloMs} ms`})`)),
      ...syncLinks(topology).map((sync) => link('sync', sync.station, sync.centre, SYNC_STROKE,
        `Sync ${sync.country} station ${sync.station} - centre ${sync.centre}: ${rttText(sync.syncRttMs)} over the backbone (SLO ${topology.syncSloMs} ms)`)),
    ];
    const roles = siteRoles(result);
    const siteMarks = result.chosen.map((site) => {
      const point = projection([...site.coordinates] as [number, number]);
      if (!point) return '';
      const [x, y] = point;
      const { role, centreFor, stationFor } = roles.get(site.id)!;
      // A station's label goes to its left: its centre is often next door, labelled to the right.
      const mark = (shape: string, colour: string, labelOffsetPx: number) => `<g class="${role}">${shape}` +
        `<text x="${(x + labelOffsetPx).toFixed(1)}" y="${(y + 4).toFixed(1)}" font-size="11" fill="${colour}" font-weight="600"${labelOffsetPx < 0 ? ' text-anchor="end"' : ''}>${escapeXml(site.id)}</text></g>`;
      if (role === 'site' || topology === null) {
        return mark(`<rect x="${(x - 5).toFixed(1)}" y="${(y - 5).toFixed(1)}" width="10" height="10" fill="${MAP_COLOURS.site}" stroke="#fff" stroke-width="1.5"><title>${escapeXml(site.name)}</title></rect>`, MAP_COLOURS.site, 8);
      }
      if (role === 'centre') {
        const station = stationFor.length === 0 ? '' : `, and on the same site national station for ${stationFor.join(', ')}`;
        const tooltip = `${site.name} (${site.id}): regional centre for ${centreFor.join(', ')}${station}`;
        return mark(`<rect x="${(x - 7).toFixed(1)}" y="${(y - 7).toFixed(1)}" width="14" height="14" fill="${MAP_COLOURS.site}" stroke="#fff" stroke-width="1.5"><title>${escapeXml(tooltip)}</title></rect>`, MAP_COLOURS.site, 10);
      }
      const syncs = syncLinks(topology).filter((sync) => sync.station === site.id).map((sync) => `${sync.country} syncs with ${sync.centre} in ${rttText(sync.syncRttMs)}`);
      const tooltip = `${site.name} (${site.id}): national station for ${stationFor.join(', ')}; ${syncs.join('; ')} (SLO ${topology.syncSloMs} ms)`;
      return mark(`<polygon points="${diamond(x, y, 7)}" fill="${MAP_COLOURS.station}" stroke="#fff" stroke-width="1.5"><title>${escapeXml(tooltip)}</title></polygon>`, MAP_COLOURS.station, -10);
    }).join('');
    const legend = legendItems.map(([swatch, text], i) => {
      const rowFromBottom = legendRows - 1 - Math.floor(i / LEGEND.perRow);
      return `<g transform="translate(${20 + (i % LEGEND.perRow) * LEGEND.entryPx},${height - 22 - rowFromBottom * LEGEND.rowPx})">${swatch}<text x="${swatch.startsWith('<line') ? 34 : 18}" y="11" font-size="12" fill="#333">${text}</text></g>`;
    }).join('');
    const stationCount = topology === null ? 0 : topology.centres.reduce((sum, centre) => sum + centre.stations.length, 0);
    const sitesText = topology === null ? `${result.chosen.length} regions` : `${topology.centres.length} centres, ${stationCount} stations`;
    const summary = `${sitesText}, ${(result.coverage.share * 100).toFixed(1)}% of demand within SLO (${result.status})`;
    return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" font-family="system-ui, sans-serif">` +
      `<rect width="${width}" height="${height}" fill="#fff"/>` +
      `<path d="${path({ type: 'Sphere' }) ?? ''}" fill="${MAP_COLOURS.water}" stroke="#c9d6df"/>` +
      `<path d="${path(geoGraticule10()) ?? ''}" fill="none" stroke="#dde6ec" stroke-width="0.5"/>` +
      `<path class="land" d="${land}" fill="${MAP_COLOURS.land}" stroke="#c8c2b4" stroke-width="0.5"/>` +
      `<g class="arcs">${arcs.join('')}</g>${links.length === 0 ? '' : `<g class="links">${links.join('')}</g>`}<g class="markets">${dots.join('')}</g><g class="sites">${siteMarks}</g>` +
      `<text x="20" y="26" font-size="18" font-weight="600" fill="#222">${escapeXml(title)}</text>` +
      `<text x="${width - 20}" y="26" font-size="13" fill="#555" text-anchor="end">${escapeXml(summary)}</text><g class="legend">${legend}</g></svg>`;
  });
}
