// The typed records of the modelled world. Coordinates are [lon, lat]; ids are stable strings.

import type { LonLat } from '../geo/coordinates.js';

export type RegionStatus = 'open' | 'open-2025' | 'closed' | 'planned';

export interface Region {
  /** The provider's region id, e.g. `ap-southeast-1`. */
  readonly id: string;
  readonly name: string;
  readonly city: string;
  /** ISO 3166-1 alpha-2. */
  readonly country: string;
  readonly coordinates: LonLat;
  /** 'open' and 'open-2025' are the 29 operating in mid-2025. */
  readonly status: RegionStatus;
  /** Availability zones, or null where no current public source gives the count. */
  readonly zones: number | null;
  readonly note?: string;
  readonly source: string;
}

export interface Market {
  /** `<iso2>-<city>`, e.g. `id-jakarta`. */
  readonly id: string;
  readonly name: string;
  readonly country: string;
  readonly coordinates: LonLat;
  /** Metro population, the default demand weight. */
  readonly population: number;
  /** Key of the population source in data/markets.json. */
  readonly populationSource: string;
}

export type BackboneNodeKind = 'metro' | 'landing';

export interface BackboneNode {
  readonly id: string;
  readonly name: string;
  readonly kind: BackboneNodeKind;
  readonly country: string;
  readonly coordinates: LonLat;
}

/** One stretch of a cable between two of its landings (or an overland stretch the system owns). */
export interface CableSegment {
  readonly from: string;
  readonly to: string;
  /** The corridors this stretch passes through (names from CORRIDORS); empty for an overland stretch outside them. */
  readonly corridors: readonly string[];
}

export interface Cable {
  readonly id: string;
  readonly name: string;
  /** Year the system entered (or is to enter) service, or null where no source gives one. */
  readonly readyForService: number | null;
  /** Year the system was taken out of service, or null while it is in service. */
  readonly retired: number | null;
  /** Published total system length, or null where none is published. */
  readonly lengthKm: number | null;
  /** Every corridor any of its segments passes through, in order of first appearance. */
  readonly corridors: readonly string[];
  /** Consecutive landings along the route, trunk and branches. */
  readonly segments: readonly CableSegment[];
  readonly source: string;
}

export interface TerrestrialRoute {
  readonly id: string;
  readonly from: string;
  readonly to: string;
  /** Route km per great-circle km. */
  readonly routeFactor: number;
  readonly source: string;
  readonly note?: string;
}

export type LinkKind = 'submarine' | 'terrestrial';

/** One edge of the backbone graph: a cable segment or a terrestrial route. */
export interface BackboneLink {
  readonly id: string;
  readonly kind: LinkKind;
  readonly from: string;
  readonly to: string;
  /** Route length: the cable's published length spread over its segments, or great circle x route factor. */
  readonly lengthKm: number;
  /** The cable id for a submarine link, null for a terrestrial one. */
  readonly cable: string | null;
  readonly name: string;
  /** The corridors of this cable segment (not of the whole cable); empty for a terrestrial route. */
  readonly corridors: readonly string[];
}

export interface Backbone {
  readonly nodes: readonly BackboneNode[];
  readonly cables: readonly Cable[];
  readonly terrestrial: readonly TerrestrialRoute[];
  readonly links: readonly BackboneLink[];
}

/** A metro where networks of many countries exchange traffic: an internet route between countries meets at one. */
export interface ExchangeHub {
  /** Backbone node id of the metro. */
  readonly node: string;
  readonly exchange: string;
  /** Connected networks, where a source gives the count. */
  readonly networks: number | null;
  readonly source: string;
}

/** A country whose international internet traffic passes national gateways. */
export interface GatewayCountry {
  /** ISO 3166-1 alpha-2. */
  readonly country: string;
  readonly name: string;
  readonly source: string;
}

/** What the public-internet model knows beyond the backbone (data/internet.json). */
export interface InternetFacts {
  readonly exchangeHubs: readonly ExchangeHub[];
  readonly gatewayCountries: readonly GatewayCountry[];
}
