// The typed records of the modelled world. Coordinates are [lon, lat]; ids are stable strings.

import type { LonLat } from '../geo/coordinates.js';

/**
 * A region's state: 'open' operating; 'open-2025' operating in mid-2025, later marked as closing
 * down; 'closed' closed in 2024; 'planned' listed by the provider but not verified as launched.
 */
export type RegionStatus = 'open' | 'open-2025' | 'closed' | 'planned';

/** One of the provider's cloud regions (data/regions.json). */
export interface Region {
  /** The provider's region id, e.g. `ap-southeast-1`. */
  readonly id: string;
  /** The provider's display name, e.g. `Singapore`. */
  readonly name: string;
  /** The metro the region is in. */
  readonly city: string;
  /** ISO 3166-1 alpha-2. */
  readonly country: string;
  /** `[lon, lat]` of the metro, in degrees. */
  readonly coordinates: LonLat;
  /** 'open' and 'open-2025' are the 29 operating in mid-2025. */
  readonly status: RegionStatus;
  /** Availability zones, or null where no current public source gives the count. */
  readonly zones: number | null;
  /** A remark on the record, e.g. why its status is what it is. */
  readonly note?: string;
  /** Where the record comes from, as a citation. */
  readonly source: string;
}

/** A metro market: a city whose users a plan serves, weighted by its population (data/markets.json). */
export interface Market {
  /** `<iso2>-<city>`, e.g. `id-jakarta`. */
  readonly id: string;
  /** The metro's name, e.g. `Jakarta`. */
  readonly name: string;
  /** ISO 3166-1 alpha-2. */
  readonly country: string;
  /** `[lon, lat]` of the city centre, in degrees. */
  readonly coordinates: LonLat;
  /** Metro population, the default demand weight. */
  readonly population: number;
  /** Key of the population source in data/markets.json. */
  readonly populationSource: string;
}

/** 'metro': a city where networks meet; 'landing': a town where submarine cables come ashore. */
export type BackboneNodeKind = 'metro' | 'landing';

/** A node of the backbone graph: a metro or a cable landing. */
export interface BackboneNode {
  /** `<iso2>-<place>`, e.g. `sg-singapore`. */
  readonly id: string;
  /** The place's name. */
  readonly name: string;
  /** Metro or cable landing. */
  readonly kind: BackboneNodeKind;
  /** ISO 3166-1 alpha-2. */
  readonly country: string;
  /** `[lon, lat]` in degrees. */
  readonly coordinates: LonLat;
}

/** One stretch of a cable between two of its landings (or an overland stretch the system owns). */
export interface CableSegment {
  /** Backbone node id at one end. */
  readonly from: string;
  /** Backbone node id at the other end. */
  readonly to: string;
  /** The corridors this stretch passes through (names from CORRIDORS); empty for an overland stretch outside them. */
  readonly corridors: readonly string[];
}

/** A submarine cable system, traced through its landings. */
export interface Cable {
  /** Stable id, e.g. `sea-me-we-5`. */
  readonly id: string;
  /** The system's published name, e.g. `SEA-ME-WE 5`. */
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
  /** Where the record comes from, as a citation. */
  readonly source: string;
}

/** An overland fibre route between two backbone nodes (metros, or a landing and its metro). */
export interface TerrestrialRoute {
  /** Stable id, by convention `<from>--<to>`. */
  readonly id: string;
  /** Backbone node id at one end. */
  readonly from: string;
  /** Backbone node id at the other end. */
  readonly to: string;
  /** Route km per great-circle km. */
  readonly routeFactor: number;
  /** Where the route comes from, as a citation. */
  readonly source: string;
  /** A remark on the route, e.g. the alignment it follows. */
  readonly note?: string;
}

/** Whether a backbone link is a submarine cable segment or a terrestrial route. */
export type LinkKind = 'submarine' | 'terrestrial';

/** One edge of the backbone graph: a cable segment or a terrestrial route. */
export interface BackboneLink {
  /** `<cable id>#<segment index>` for a cable segment; the route id for a terrestrial route. */
  readonly id: string;
  /** Submarine or terrestrial. */
  readonly kind: LinkKind;
  /** Backbone node id at one end. */
  readonly from: string;
  /** Backbone node id at the other end. */
  readonly to: string;
  /** Route length: the cable's published length spread over its segments, or great circle x route factor. */
  readonly lengthKm: number;
  /** The cable id for a submarine link, null for a terrestrial one. */
  readonly cable: string | null;
  /** The cable's name, or the route id for a terrestrial route. */
  readonly name: string;
  /** The corridors of this cable segment (not of the whole cable); empty for a terrestrial route. */
  readonly corridors: readonly string[];
}

/** The backbone: metros and landings joined by cable segments and terrestrial routes (data/backbone.json). */
export interface Backbone {
  /** Metros and cable landings. */
  readonly nodes: readonly BackboneNode[];
  /** Submarine cable systems. */
  readonly cables: readonly Cable[];
  /** Overland routes. */
  readonly terrestrial: readonly TerrestrialRoute[];
  /** The graph's edges: every cable segment and every terrestrial route, with its length. */
  readonly links: readonly BackboneLink[];
}

/** A metro where networks of many countries exchange traffic: an internet route between countries meets at one. */
export interface ExchangeHub {
  /** Backbone node id of the metro. */
  readonly node: string;
  /** The internet exchange's name, e.g. `DE-CIX Frankfurt`. */
  readonly exchange: string;
  /** Connected networks, where a source gives the count. */
  readonly networks: number | null;
  /** Where the figures come from, as a citation. */
  readonly source: string;
}

/** A country whose international internet traffic passes national gateways. */
export interface GatewayCountry {
  /** ISO 3166-1 alpha-2. */
  readonly country: string;
  /** What the gateways are, e.g. which cities they are in. */
  readonly name: string;
  /** Where the fact comes from, as a citation. */
  readonly source: string;
}

/** What the public-internet model knows beyond the backbone (data/internet.json). */
export interface InternetFacts {
  /** Metros where networks of different countries exchange traffic. */
  readonly exchangeHubs: readonly ExchangeHub[];
  /** Countries whose international traffic passes national gateways. */
  readonly gatewayCountries: readonly GatewayCountry[];
}
