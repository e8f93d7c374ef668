// The global backbone (data/backbone.json): metros and cable landings joined by named submarine
// cable segments and terrestrial routes. A cable's published length is spread over its segments
// in proportion to their great-circle lengths; a cable with no published length gets the median
// slack of those with one. A terrestrial route is great circle times its stated route factor.
// The file holds systems of every year; the bundled backbone is the one in service in 2025.

import Graph from 'graphology';
import backboneJson from '../../data/backbone.json';
import { publicEntry } from '../errors.js';
import { greatCircleKm } from '../geo/great-circle.js';
import { CORRIDORS } from './corridors.js';
import { FieldReader } from './parse.js';
import type { Backbone, BackboneLink, BackboneNode, BackboneNodeKind, Cable, CableSegment, TerrestrialRoute } from './records.js';

const NODE_KINDS: readonly BackboneNodeKind[] = ['metro', 'landing'];

/**
 * Checks a backbone (the shape of data/backbone.json) field by field and assembles its links:
 * a cable's published length is spread over its segments, a terrestrial route is great circle
 * times its route factor (default `defaults.terrestrialRouteFactor`, else 1.3). Every cable is kept,
 * whatever its year.
 *
 * @param json - an object with `nodes`, `cables`, `terrestrial` and optional `defaults`
 * @param functionName - the name errors are attributed to, e.g. your loader's
 * @param path - the JSON path errors name for the object (default `'backbone'`)
 * @throws {@link InvalidArgumentError} naming the path of the first bad field, an unknown node id or a repeated id
 * @example
 * ```ts
 * import { backboneGraph, parseBackbone } from 'geoslo';
 *
 * const backbone = parseBackbone({
 *   nodes: [
 *     { id: 'sg-singapore', name: 'Singapore', kind: 'metro', country: 'SG', coordinates: [103.82, 1.35] },
 *     { id: 'my-kuala-lumpur', name: 'Kuala Lumpur', kind: 'metro', country: 'MY', coordinates: [101.69, 3.14] },
 *   ],
 *   cables: [],
 *   terrestrial: [{ id: 'sg-singapore--my-kuala-lumpur', from: 'sg-singapore', to: 'my-kuala-lumpur', source: 'own survey' }],
 * }, 'loadOwnBackbone');
 * backboneGraph(backbone).size; // 1 link
 * ```
 */
export function parseBackbone(json: unknown, functionName: string, path = 'backbone'): Backbone {
  return publicEntry(functionName, () => {
    const read = new FieldReader();
    const root = read.object(json, path);
    const defaults = read.object(root.defaults ?? {}, `${path}.defaults`);
    const defaultRouteFactor = read.number(defaults.terrestrialRouteFactor ?? 1.3, `${path}.defaults.terrestrialRouteFactor`, { min: 1 });

    const nodes = read.array(root.nodes, `${path}.nodes`).map((entry, i): BackboneNode => {
      const at = `${path}.nodes[${i}]`;
      const record = read.object(entry, at);
      return Object.freeze({
        id: read.string(record.id, `${at}.id`),
        name: read.string(record.name, `${at}.name`),
        kind: read.oneOf(record.kind, `${at}.kind`, NODE_KINDS),
        country: read.country(record.country, `${at}.country`),
        coordinates: read.lonLat(record.coordinates, `${at}.coordinates`),
      });
    });
    const nodeById = read.uniqueIds(nodes, `${path}.nodes`);
    const nodeRef = (value: unknown, at: string): string => {
      const id = read.string(value, at);
      if (!nodeById.has(id)) read.fail(at, `is "${id}", which is not a node id in ${path}.nodes.`);
      return id;
    };

    const cables = read.array(root.cables, `${path}.cables`).map((entry, i): Cable => {
      const at = `${path}.cables[${i}]`;
      const record = read.object(entry, at);
      if (record.corridors !== undefined) read.fail(`${at}.corridors`, 'is derived from the segments; give each segment its own "corridors" instead.');
      const segments = read.array(record.segments, `${at}.segments`).map((segment, s) => parseSegment(read, segment, `${at}.segments[${s}]`, nodeRef));
      if (segments.length === 0) read.fail(`${at}.segments`, 'must hold at least one segment.');
      const readyForService = read.nullableNumber(record.readyForService, `${at}.readyForService`, { integer: true });
      const retired = read.nullableNumber(record.retired, `${at}.retired`, { integer: true });
      if (retired !== null && readyForService !== null && retired < readyForService) {
        read.fail(`${at}.retired`, `is ${retired}, before the system's readyForService year ${readyForService}.`);
      }
      return Object.freeze({
        id: read.string(record.id, `${at}.id`),
        name: read.string(record.name, `${at}.name`),
        readyForService,
        retired,
        lengthKm: read.nullableNumber(record.lengthKm, `${at}.lengthKm`, { min: 1 }),
        corridors: Object.freeze([...new Set(segments.flatMap((segment) => segment.corridors))]),
        segments: Object.freeze(segments),
        source: read.string(record.source, `${at}.source`),
      });
    });
    read.uniqueIds(cables, `${path}.cables`);

    const terrestrial = read.array(root.terrestrial, `${path}.terrestrial`).map((entry, i): TerrestrialRoute => {
      const at = `${path}.terrestrial[${i}]`;
      const record = read.object(entry, at);
      const note = read.optionalString(record.note, `${at}.note`);
      return Object.freeze({
        id: read.string(record.id, `${at}.id`),
        from: nodeRef(record.from, `${at}.from`),
        to: nodeRef(record.to, `${at}.to`),
        routeFactor: record.routeFactor === undefined ? defaultRouteFactor : read.number(record.routeFactor, `${at}.routeFactor`, { min: 1 }),
        source: read.string(record.source, `${at}.source`),
        ...(note === undefined ? {} : { note }),
      });
    });
    read.uniqueIds(terrestrial, `${path}.terrestrial`);

    return assembleBackbone(Object.freeze(nodes), Object.freeze(cables), Object.freeze(terrestrial));
  });
}

function assembleBackbone(nodes: readonly BackboneNode[], cables: readonly Cable[], terrestrial: readonly TerrestrialRoute[]): Backbone {
  const nodeById = new Map(nodes.map((node) => [node.id, node]));
  const links = Object.freeze([...cableLinks(cables, nodeById), ...terrestrialLinks(terrestrial, nodeById)]);
  return Object.freeze({ nodes, cables, terrestrial, links });
}

/**
 * Whether a cable is in service at some time in `year`: ready for service by then (or of unknown
 * year: such systems are kept) and not retired before it.
 */
function inServiceIn(cable: Cable, year: number): boolean {
  return (cable.readyForService === null || cable.readyForService <= year) && (cable.retired === null || cable.retired >= year);
}

/** The backbone with only the cables in service in `year`; link lengths are recomputed for that set. */
export function backboneInService(world: Backbone, year: number): Backbone {
  const cables = world.cables.filter((cable) => inServiceIn(cable, year));
  return cables.length === world.cables.length ? world : assembleBackbone(world.nodes, Object.freeze(cables), world.terrestrial);
}

function parseSegment(read: FieldReader, value: unknown, at: string, nodeRef: (value: unknown, at: string) => string): CableSegment {
  if (Array.isArray(value)) read.fail(at, 'must be an object { "from", "to", "corridors" }; a [from, to] pair does not say which corridors the segment passes through.');
  const record = read.object(value, at);
  const corridors = read.array(record.corridors, `${at}.corridors`).map((corridor, k) => read.oneOf(corridor, `${at}.corridors[${k}]`, CORRIDORS));
  corridors.forEach((corridor, k) => {
    if (corridors.indexOf(corridor) !== k) read.fail(`${at}.corridors[${k}]`, `repeats "${corridor}"; name each corridor once.`);
  });
  return Object.freeze({
    from: nodeRef(record.from, `${at}.from`),
    to: nodeRef(record.to, `${at}.to`),
    corridors: Object.freeze(corridors),
  });
}

function segmentKm(nodeById: ReadonlyMap<string, BackboneNode>, from: string, to: string): number {
  return greatCircleKm((nodeById.get(from) as BackboneNode).coordinates, (nodeById.get(to) as BackboneNode).coordinates);
}

function cableLinks(cables: readonly Cable[], nodeById: ReadonlyMap<string, BackboneNode>): BackboneLink[] {
  const greatCircleTotal = (cable: Cable) => cable.segments.reduce((sum, { from, to }) => sum + segmentKm(nodeById, from, to), 0);
  // Slack = published length / great-circle length of the traced route, never below 1.
  const slackOf = (cable: Cable) => Math.max(1, (cable.lengthKm as number) / Math.max(greatCircleTotal(cable), 1));
  const knownSlacks = cables.filter((cable) => cable.lengthKm !== null).map(slackOf).sort((a, b) => a - b);
  const medianSlack = knownSlacks.length === 0 ? 1 : knownSlacks[Math.floor(knownSlacks.length / 2)];
  return cables.flatMap((cable) => {
    const slack = cable.lengthKm === null ? medianSlack : slackOf(cable);
    return cable.segments.map(({ from, to, corridors }, s): BackboneLink => Object.freeze({
      id: `${cable.id}#${s}`,
      kind: 'submarine',
      from,
      to,
      // At least 1 km, so two landings of one town are never joined at zero length.
      lengthKm: Math.max(segmentKm(nodeById, from, to), 1) * slack,
      cable: cable.id,
      name: cable.name,
      corridors,
    }));
  });
}

function terrestrialLinks(routes: readonly TerrestrialRoute[], nodeById: ReadonlyMap<string, BackboneNode>): BackboneLink[] {
  return routes.map((route): BackboneLink => Object.freeze({
    id: route.id,
    kind: 'terrestrial',
    from: route.from,
    to: route.to,
    lengthKm: Math.max(segmentKm(nodeById, route.from, route.to), 1) * route.routeFactor,
    cable: null,
    name: route.id,
    corridors: Object.freeze([]),
  }));
}

/** The year the bundled world describes: systems in service in it. */
export const BUNDLED_YEAR = 2025;

/** Every system in data/backbone.json, whatever its year. */
export const backboneOfAllYears: Backbone = parseBackbone(backboneJson, 'backbone');

/** The bundled backbone: the systems in service in 2025 (BUNDLED_YEAR). */
export const backbone: Backbone = backboneInService(backboneOfAllYears, BUNDLED_YEAR);

/**
 * The backbone as a graphology multigraph: node attributes `kind`, `name`, `country`,
 * `coordinates`; edge keys are link ids, with `kind`, `lengthKm`, `cable`, `name`, `corridors`.
 *
 * @param world - the backbone to convert (default the bundled backbone: systems in service in 2025)
 * @example
 * ```ts
 * import { backboneGraph } from 'geoslo';
 * import { path } from 'geoslo/shortest-path';
 *
 * const graph = backboneGraph();
 * path(graph, 'sg-singapore', 'fr-marseille', { getEdgeWeight: 'lengthKm' }); // the shortest route by km
 * ```
 */
export function backboneGraph(world: Backbone = backbone): Graph {
  const graph = new Graph({ type: 'undirected', multi: true, allowSelfLoops: false });
  for (const node of world.nodes) graph.addNode(node.id, { ...node });
  for (const link of world.links) {
    if (link.from === link.to) continue;
    graph.addEdgeWithKey(link.id, link.from, link.to, { ...link });
  }
  return graph;
}
