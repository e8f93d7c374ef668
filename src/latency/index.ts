export { estimateRtt, latencyMatrix, routeBetween, type LatencyOptions, type RttMatrix } from './estimate.js';
export {
  calibrate, type CalibrateOptions, type CalibrationResult, type PairResidual, type RejectedMeasurement, type ResidualStatistics, type RttMeasurement,
} from './calibrate.js';
export { defaultLatencyParameters, type BackboneParameters, type InternetParameters, type LatencyParameters, type NetworkParameters } from './parameters.js';
export { NETWORKS, NETWORK_DESCRIPTIONS, type Network } from './network.js';
export { MAX_ACCESS_KM, type Route, type RouteLink } from './model.js';
export { HUB_METRO_KM } from './internet-model.js';
export type { EndpointInput } from './endpoints.js';
export type { WhatIf } from './what-if.js';
