// The two networks a round trip can take: a provider's private backbone between its own sites, or
// a user's path over the public internet to a site. Each has its own model and fitted parameters.

import { InvalidArgumentError } from '../errors.js';
import { describe } from '../util/describe.js';

/** The networks a round trip can take. */
export const NETWORKS = Object.freeze(['backbone', 'internet'] as const);

/**
 * 'backbone': a provider's private network between its own sites; 'internet': a user's path over
 * the public internet to a site.
 */
export type Network = (typeof NETWORKS)[number];

/** What each network's figures include, for reports that must say what an RTT is. */
export const NETWORK_DESCRIPTIONS: Readonly<Record<Network, string>> = Object.freeze({
  backbone: "provider backbone: site to site over the provider's private network",
  internet: 'public internet: a user in the market to the site, from a hosting data centre in the metro (no last mile)',
});

export function resolveNetwork(value: unknown, field: string, fallback: Network): Network {
  if (value === undefined) return fallback;
  if (!NETWORKS.includes(value as Network)) {
    throw new InvalidArgumentError(field, `must be one of ${NETWORKS.map((n) => `"${n}"`).join(', ')}; got ${describe(value)}.`);
  }
  return value as Network;
}
