export { regions, providerFootprint, isOperating, parseRegions, REGION_STATUSES } from './regions.js';
export { markets, populationSources, parseMarkets } from './markets.js';
export { backbone, backboneGraph, parseBackbone, BUNDLED_YEAR } from './backbone.js';
export { CORRIDORS, type Corridor } from './corridors.js';
export { bundledWorld, worldAsOf, WORLD_YEARS, type World } from './world.js';
export { parseInternetFacts } from './internet-facts.js';
export { macroRegions, macroRegionOf, MACRO_REGION_IDS, type MacroRegion, type MacroRegionRecord } from './macro-regions.js';
export { backboneFeatureCollection, marketsFeatureCollection, regionsFeatureCollection, type LinkProperties } from './geojson.js';
export type {
  Backbone, BackboneLink, BackboneNode, BackboneNodeKind, Cable, CableSegment, ExchangeHub, GatewayCountry, InternetFacts, LinkKind, Market, Region, RegionStatus, TerrestrialRoute,
} from './records.js';
