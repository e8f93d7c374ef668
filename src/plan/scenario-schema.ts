// The scenario format, written once: this valibot schema checks a scenario's structure (fields,
// types, allowed values, number ranges), and the JSON Schema editors use to complete and check
// scenario files (data/scenario.schema.json, shipped as geoslo/scenario.schema.json) is generated
// from it. Messages read as the rest of geoslo's: the JSON path, what is allowed there, what was
// given, and the closest allowed name. What the structure cannot say (ids that must exist, countries
// that must have markets, rules that contradict each other) is checked when the scenario is resolved.

import * as v from 'valibot';
import { InvalidArgumentError } from '../errors.js';
import { NETWORKS } from '../latency/network.js';
import { describe } from '../util/describe.js';
import { didYouMean } from '../util/suggest.js';
import { REGION_STATUSES } from '../world/regions.js';
import { TOPOLOGY_TYPES } from './topology.js';

/**
 * What a plan optimises: 'fewest-regions' the fewest sites keeping every market within its SLO;
 * 'least-cost' the least total cost doing so (needs candidates.costs); 'least-mean-latency' the
 * least demand-weighted RTT with k sites; 'least-worst-latency' the least worst RTT with k sites;
 * 'most-covered' the most demand weight within its SLO with k sites.
 */
export type PlanObjective = 'fewest-regions' | 'least-cost' | 'least-mean-latency' | 'least-worst-latency' | 'most-covered';
/** Every plan objective. */
export const PLAN_OBJECTIVES: readonly PlanObjective[] = ['fewest-regions', 'least-cost', 'least-mean-latency', 'least-worst-latency', 'most-covered'];

type Issue = v.BaseIssue<unknown>;

const got = (issue: Issue) => `got ${describe(issue.input)}.`;

/** An object that allows only `entries`: an unknown key names the keys allowed there. */
function object<const Entries extends v.ObjectEntries>(entries: Entries) {
  const keys = Object.keys(entries);
  // Arrays are objects to valibot (and have no unknown keys): refuse them first.
  const notArray = v.check((input: unknown) => !Array.isArray(input), (issue: Issue) => `must be an object; ${got(issue)}`);
  return v.pipe(v.unknown(), notArray, v.strictObject(entries, (issue: Issue) => {
    if (issue.expected === 'never' && typeof issue.input === 'string') {
      return `is not a scenario field; allowed here: ${keys.join(', ')}.${didYouMean(issue.input, keys)}`;
    }
    if (issue.expected === 'Object') return `must be an object; ${got(issue)}`;
    // A missing field: say what it must be, as its own check would.
    const key = issue.expected?.replace(/^"|"$/g, '') ?? '';
    const missing = key in entries ? v.safeParse(entries[key], undefined) : null;
    return missing !== null && !missing.success ? `${missing.issues[0].message.replace(/; got undefined\.$/, '')}; it is missing.` : 'is missing.';
  }));
}

const oneOf = <const T extends readonly string[]>(values: T) =>
  v.picklist(values, (issue: Issue) => `must be one of ${values.map((x) => `"${x}"`).join(', ')}; ${got(issue)}${typeof issue.input === 'string' ? didYouMean(issue.input, values) : ''}`);

const list = <Item extends v.GenericSchema>(item: Item) => v.array(item, (issue: Issue) => `must be an array; ${got(issue)}`);
const name = v.pipe(v.string((issue: Issue) => `must be a non-empty string; ${got(issue)}`), v.nonEmpty((issue: Issue) => `must be a non-empty string; ${got(issue)}`));
const names = list(name);
const finite = (what: string) => v.pipe(v.number((issue: Issue) => `must be ${what}; ${got(issue)}`), v.finite((issue: Issue) => `must be ${what}; ${got(issue)}`));
/** A number > 0 (an SLO, a weight). */
const positive = v.pipe(finite('a number > 0'), v.gtValue(0, (issue: Issue) => `must be a number > 0; ${got(issue)}`));
const positiveInteger = v.pipe(finite('a positive integer'), v.integer((issue: Issue) => `must be a positive integer; ${got(issue)}`), v.minValue(1, (issue: Issue) => `must be a positive integer; ${got(issue)}`));
const milliseconds = v.pipe(finite('a finite number of milliseconds >= 0'), v.minValue(0, (issue: Issue) => `must be a finite number of milliseconds >= 0; ${got(issue)}`));
const figure = (what: string) => v.pipe(finite(`a ${what} >= 0`), v.minValue(0, (issue: Issue) => `must be a ${what} >= 0; ${got(issue)}`));
const fraction = v.pipe(
  v.number((issue: Issue) => `must be a number strictly between 0 and 1, such as 0.9 (the 90th percentile); ${got(issue)}`),
  v.gtValue(0, (issue: Issue) => `must be a number strictly between 0 and 1, such as 0.9 (the 90th percentile); ${got(issue)}`),
  v.ltValue(1, (issue: Issue) => `must be a number strictly between 0 and 1, such as 0.9 (the 90th percentile); ${got(issue)}`),
);
const country = v.pipe(
  v.string((issue: Issue) => `must be an ISO 3166-1 alpha-2 code such as "ID"; ${got(issue)}`),
  v.regex(/^[A-Za-z]{2}$/, (issue: Issue) => `must be an ISO 3166-1 alpha-2 code such as "ID"; ${got(issue)}`),
);
const countries = list(country);
const degrees = finite('a finite number of degrees');
const coordinates = v.strictTuple([degrees, degrees], (issue: Issue) => (issue.expected === 'never'
  ? 'must be [lon, lat] (longitude first), exactly two numbers; it has more.'
  : `must be [lon, lat] (longitude first); ${got(issue)}`));

/**
 * A market or greenfield site of the user's own: `{ id, name?, country?, coordinates: [lon, lat],
 * weight?, accessMs? }` (weight and access apply to markets).
 * @example
 * ```ts
 * import * as v from 'valibot';
 * import { pointSchema } from 'geoslo';
 * v.parse(pointSchema, { id: 'plant', country: 'MX', coordinates: [-100.3, 25.7] });
 * ```
 */
export const pointSchema = object({
  id: name,
  name: v.optional(v.string()),
  country: v.optional(country),
  coordinates,
  weight: v.optional(positive),
  accessMs: v.optional(milliseconds),
});

const selector = { markets: v.optional(names), countries: v.optional(countries), tiers: v.optional(names) };

/** An SLO tier: `{ name, sloMs, accessMs?, markets?, countries? }`. */
export const tierSchema = object({ name, sloMs: positive, accessMs: v.optional(milliseconds), markets: v.optional(names), countries: v.optional(countries) });
/** A two-tier topology: `{ type: 'regional-centres', syncSloMs, replicationSloMs? }`. */
export const topologySchema = object({ type: oneOf(TOPOLOGY_TYPES), syncSloMs: positive, replicationSloMs: v.optional(positive) });
/** A data-zone rule: markets by `markets`, `countries` or `tiers`, and `servedFrom` or `neverFrom` countries. */
export const dataZoneSchema = object({ name: v.optional(name), ...selector, servedFrom: v.optional(countries), neverFrom: v.optional(countries) });
/** Demand weights of the user's own, per country or per market. */
export const demandSchema = object({ countries: v.optional(v.record(v.string(), figure('demand weight'))), markets: v.optional(v.record(v.string(), figure('demand weight'))) });

/**
 * The scenario format as a valibot schema: what plan() checks a scenario's structure against, and
 * what data/scenario.schema.json (geoslo/scenario.schema.json) is generated from.
 * @example
 * ```ts
 * import * as v from 'valibot';
 * import { scenarioSchema } from 'geoslo';
 * v.is(scenarioSchema, { slo: { defaultMs: 80 } }); // true
 * ```
 */
export const scenarioSchema = object({
  $schema: v.optional(v.string()),
  name: v.optional(v.string()),
  network: v.optional(oneOf(NETWORKS)),
  markets: v.optional(v.union(
    [list(v.union([name, pointSchema], (issue: Issue) => `must be a bundled market id or a point { id, coordinates }; ${got(issue)}`)), object({ countries })],
    (issue: Issue) => `must be a list of bundled market ids and points, or { countries: [...] }; ${got(issue)}`,
  )),
  weights: v.optional(v.union(
    [oneOf(['population', 'equal'] as const), demandSchema],
    (issue: Issue) => `must be "population", "equal" or { countries, markets } of demand weights; ${got(issue)}`,
  )),
  slo: v.optional(object({
    defaultMs: positive,
    confidence: v.optional(fraction),
    accessMs: v.optional(milliseconds),
    tiers: v.optional(list(tierSchema)),
  })),
  objective: v.optional(object({ type: oneOf(PLAN_OBJECTIVES), k: v.optional(positiveInteger) })),
  topology: v.optional(topologySchema),
  candidates: v.optional(object({
    statuses: v.optional(list(oneOf(REGION_STATUSES))),
    regions: v.optional(names),
    greenfield: v.optional(list(v.union([name, pointSchema], (issue: Issue) => `must be a bundled greenfield id or a point { id, coordinates }; ${got(issue)}`))),
    costs: v.optional(v.record(v.string(), figure('cost'))),
    costUnit: v.optional(name),
  })),
  constraints: v.optional(object({
    required: v.optional(names),
    excluded: v.optional(names),
    residency: v.optional(object(selector)),
    dataZones: v.optional(list(dataZoneSchema)),
    excludedCountries: v.optional(countries),
  })),
  redundancy: v.optional(positiveInteger),
});

type PathItem = NonNullable<Issue['path']>[number];

/**
 * Of a union's branches, the one the input meant (the branch that got further, else the one for
 * the input's kind), with the path from the scenario's root: a union's own message ("expected
 * string or object") tells the user less than its branch does.
 */
function specific(issue: Issue, path: readonly PathItem[]): { issue: Issue; path: readonly PathItem[] } {
  if (issue.type !== 'union' || issue.issues === undefined || issue.issues.length === 0) return { issue, path };
  const kind = (value: unknown) => (Array.isArray(value) ? 'array' : value === null ? 'null' : typeof value);
  const deeper = issue.issues.filter((sub) => (sub.path?.length ?? 0) > 0);
  const sameKind = issue.issues.filter((sub) => kind(sub.input) === kind(issue.input) && sub.type !== 'strict_object' && sub.type !== 'array');
  const chosen = (deeper.length > 0 ? deeper : sameKind)[0];
  // No branch fits the input's kind at all: the union's own message lists what would.
  if (chosen === undefined) return { issue, path };
  return specific(chosen, [...path, ...(chosen.path ?? [])]);
}

/** "scenario.slo.tiers[0].sloMs" for a path. */
function pathOf(path: readonly PathItem[]): string {
  return path.reduce((text, item) => (typeof item.key === 'number' ? `${text}[${item.key}]` : `${text}.${String(item.key)}`), 'scenario');
}

/** A type as a caller may pass it: every array and object readonly, so `as const` scenarios fit. */
export type DeepReadonly<T> = T extends (infer Item)[] ? readonly DeepReadonly<Item>[]
  : T extends readonly [infer A, infer B] ? readonly [DeepReadonly<A>, DeepReadonly<B>]
  : T extends object ? { readonly [K in keyof T]: DeepReadonly<T[K]> } : T;

/** Checks a scenario's structure, throwing the first problem as an InvalidArgumentError. */
export function checkScenarioShape(input: unknown): void {
  const result = v.safeParse(scenarioSchema, input);
  if (result.success) return;
  // A misspelt key also shows as its correct twin missing: name the misspelling, with its suggestion.
  const first = result.issues.find((issue) => issue.type === 'strict_object' && issue.expected === 'never') ?? result.issues[0];
  const { issue, path } = specific(first, first.path ?? []);
  // An extra tuple item is the tuple's fault, not the item's: name the tuple.
  const at = issue.type === 'strict_tuple' && issue.expected === 'never' ? path.slice(0, -1) : path;
  throw new InvalidArgumentError(pathOf(at), issue.message);
}
