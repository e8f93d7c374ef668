// Data zones: where each market's data may be served from. Rules select markets (by id, country or
// SLO tier; no selector means every market) and say either "only from sites in these countries"
// (EU to EU, GCC to GCC) or "never from sites in these countries" (overseas data never in mainland
// China). Rules combine: a market may use a site only if every rule selecting it allows the site.
// Residency (data in the market's own country) is the one-country case, kept apart because
// two-tier plans serve it with a national station.

import { didYouMean } from '../util/suggest.js';
import type * as v from 'valibot';
import type { Reader } from './scenario-reader.js';
import type { dataZoneSchema, DeepReadonly } from './scenario-schema.js';

/**
 * One rule as a scenario writes it under `constraints.dataZones`: which markets (by `markets`,
 * `countries`, `tiers`; none: every market) and exactly one of `servedFrom` (only sites in these
 * countries) or `neverFrom` (never sites in these countries).
 */
export type DataZoneRule = DeepReadonly<v.InferOutput<typeof dataZoneSchema>>;

/** Where one market may be served from: null `servedFrom` allows every country not in `neverFrom`. */
export interface MarketZone {
  /** The only countries it may be served from, or null for any. */
  readonly servedFrom: readonly string[] | null;
  /** Countries it may never be served from. */
  readonly neverFrom: readonly string[];
  /** The scenario paths of the rules that apply, to name them when they leave no site. */
  readonly rules: readonly string[];
}

export const OPEN_ZONE: MarketZone = Object.freeze({ servedFrom: null, neverFrom: Object.freeze([]), rules: Object.freeze([]) });

/** Whether a zone allows a site in `country` (a site of unknown country is allowed only by an open zone). */
export function zoneAllows(zone: MarketZone, country: string | null): boolean {
  if (zone.servedFrom === null && zone.neverFrom.length === 0) return true;
  if (country === null) return false;
  return (zone.servedFrom === null || zone.servedFrom.includes(country)) && !zone.neverFrom.includes(country);
}

/** Which markets a rule is about: by id, country or SLO tier. */
type Selector = { readonly markets?: readonly string[]; readonly countries?: readonly string[]; readonly tiers?: readonly string[] };

/** A scenario market as the selectors see it. */
export interface ZonedMarket {
  readonly id: string;
  readonly country: string | null;
  readonly tier: string;
}

/** Which markets a rule's `markets`, `countries` and `tiers` select (none given: all). */
export function readSelector(read: Reader, rule: Selector, path: string, markets: readonly ZonedMarket[]): boolean[] {
  // An empty list would select every market, the opposite of what it says: leave the key out instead.
  for (const key of ['markets', 'countries', 'tiers'] as const) {
    if (rule[key]?.length === 0) read.fail(`${path}.${key}`, 'is empty; name at least one, or leave it out to select every market.');
  }
  const ids = markets.map((m) => m.id);
  const countries = [...new Set(markets.flatMap((m) => (m.country === null ? [] : [m.country])))].sort();
  const tiers = [...new Set(markets.map((m) => m.tier))].sort();
  const byId = (rule.markets ?? []).map((id, i) => {
    if (!ids.includes(id)) read.fail(`${path}.markets[${i}]`, `is "${id}", which is not a market of this scenario.${didYouMean(id, ids)}`);
    return id;
  });
  const byCountry = (rule.countries ?? []).map((c, i) => read.countryAmong(c, `${path}.countries[${i}]`, countries, 'market in this scenario'));
  const byTier = (rule.tiers ?? []).map((name, i) => {
    if (!tiers.includes(name)) read.fail(`${path}.tiers[${i}]`, `is "${name}", which is not an SLO tier of this scenario's markets (tiers: ${tiers.join(', ')}).${didYouMean(name, tiers)}`);
    return name;
  });
  const all = byId.length === 0 && byCountry.length === 0 && byTier.length === 0;
  return markets.map((m) => all || byId.includes(m.id) || (m.country !== null && byCountry.includes(m.country)) || byTier.includes(m.tier));
}

/**
 * Reads `constraints.dataZones` and `constraints.excludedCountries` into one zone per market.
 * `excludedCountries` is the shorthand for a rule over every market that never uses those countries.
 */
export function readDataZones(
  read: Reader, constraints: { readonly dataZones?: readonly DataZoneRule[]; readonly excludedCountries?: readonly string[] }, markets: readonly ZonedMarket[],
): MarketZone[] {
  const servedFrom: (Set<string> | null)[] = markets.map(() => null);
  const neverFrom = markets.map(() => new Set<string>());
  const rules: string[][] = markets.map(() => []);
  const apply = (selected: readonly boolean[], path: string, only: readonly string[] | null, never: readonly string[]) => {
    selected.forEach((yes, i) => {
      if (!yes) return;
      rules[i].push(path);
      for (const country of never) neverFrom[i].add(country);
      if (only === null) return;
      const current = servedFrom[i];
      servedFrom[i] = new Set(current === null ? only : only.filter((c) => current.has(c)));
    });
  };
  const countries = (value: readonly string[], path: string) => {
    const list = value.map((c, i) => read.country(c, `${path}[${i}]`));
    if (list.length === 0) read.fail(path, 'is empty; name at least one ISO country code.');
    return list;
  };
  (constraints.dataZones ?? []).forEach((rule, r) => {
    const path = `scenario.constraints.dataZones[${r}]`;
    if ((rule.servedFrom === undefined) === (rule.neverFrom === undefined)) {
      read.fail(path, 'must have exactly one of servedFrom (only sites in these countries) or neverFrom (never sites in these countries).');
    }
    const only = rule.servedFrom === undefined ? null : countries(rule.servedFrom, `${path}.servedFrom`);
    const never = rule.neverFrom === undefined ? [] : countries(rule.neverFrom, `${path}.neverFrom`);
    const label = rule.name === undefined ? path : `${path} ("${rule.name}")`;
    apply(readSelector(read, rule, path, markets), label, only, never);
  });
  if (constraints.excludedCountries !== undefined) {
    const path = 'scenario.constraints.excludedCountries';
    apply(markets.map(() => true), path, null, countries(constraints.excludedCountries, path));
  }
  return markets.map((_, i) => {
    const only = servedFrom[i];
    if (only === null && neverFrom[i].size === 0) return OPEN_ZONE;
    return Object.freeze({
      servedFrom: only === null ? null : Object.freeze([...only].sort()),
      neverFrom: Object.freeze([...neverFrom[i]].sort()),
      rules: Object.freeze(rules[i]),
    });
  });
}
