// The world a latency model and a planner run on: regions, markets and backbone together. The
// bundled one (the cable systems in service in 2025) is the default; worldAsOf gives the same world
// for another year, and callers may supply their own (validated by the parse functions).

import { InvalidArgumentError, publicEntry } from '../errors.js';
import { backbone, backboneInService, backboneOfAllYears, BUNDLED_YEAR } from './backbone.js';
import { bundledInternetFacts } from './internet-facts.js';
import { markets } from './markets.js';
import type { Backbone, InternetFacts, Market, Region } from './records.js';
import { regions } from './regions.js';

/** Everything the latency models and the planner run on; pass one as `options.world`. */
export interface World {
  /** Candidate cloud regions. */
  readonly regions: readonly Region[];
  /** Metro markets with their populations. */
  readonly markets: readonly Market[];
  /** Metros and landings joined by cable segments and terrestrial routes. */
  readonly backbone: Backbone;
  /** Exchange hubs and gateway countries of the public internet over this backbone. */
  readonly internet: InternetFacts;
}

// The bundled nodes are the same in every year, so one set of internet facts serves every world.
const internet = bundledInternetFacts(backbone);

/**
 * The bundled world: regions, markets and the cable systems in service in 2025. The default of
 * every call that takes `options.world`.
 */
export const bundledWorld: World = Object.freeze({ regions, markets, backbone, internet });

/** Years worldAsOf accepts: from the first transoceanic fibre-optic cable (TAT-8, 1988) to 2100. */
export const WORLD_YEARS = Object.freeze({
  /** The earliest year: TAT-8, the first transoceanic fibre-optic cable, entered service. */
  min: 1988,
  /** The latest year. */
  max: 2100,
});

// One world per year, so that a model built on it (and its packed graphs) is reused.
const worldsByYear = new Map<number, World>([[BUNDLED_YEAR, bundledWorld]]);

/**
 * The bundled world with the cable systems in service in `year`: those ready for service in or
 * before that year and not retired before it. Systems whose ready-for-service year is unknown are
 * kept in every year, as they are in the bundled world. Regions, markets, nodes and terrestrial
 * routes are the bundled ones whatever the year. `worldAsOf(2025)` is `bundledWorld` itself.
 *
 * @param year - a calendar year, an integer from 1988 to 2100
 * @returns a frozen World to pass as `options.world` (estimateRtt, latencyMatrix, plan, ...)
 * @throws {@link InvalidArgumentError} when `year` is not an integer from 1988 to 2100
 * @example
 * ```ts
 * import { estimateRtt, worldAsOf } from 'geoslo';
 *
 * const rtt2026 = estimateRtt('ap-southeast-1', 'eu-central-1', { world: worldAsOf(2026) });
 * ```
 */
export function worldAsOf(year: number): World {
  return publicEntry('worldAsOf', () => {
    if (typeof year !== 'number' || !Number.isInteger(year) || year < WORLD_YEARS.min || year > WORLD_YEARS.max) {
      throw new InvalidArgumentError('year', `must be an integer year from ${WORLD_YEARS.min} to ${WORLD_YEARS.max}; got ${JSON.stringify(year)}.`);
    }
    let world = worldsByYear.get(year);
    if (!world) {
      world = Object.freeze({ regions, markets, backbone: backboneInService(backboneOfAllYears, year), internet });
      worldsByYear.set(year, world);
    }
    return world;
  });
}
