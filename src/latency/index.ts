export { estimateRtt, latencyMatrix, routeBetween, type LatencyOptions, type RttMatrix } from './estimate.js';
export { calibrate, type CalibrateOptions, type CalibrationResult, type PairResidual, type ResidualStatistics, type RttMeasurement } from './calibrate.js';
export { defaultLatencyParameters, type LatencyParameters } from './parameters.js';
export { MAX_ACCESS_KM, type Route, type RouteLink } from './model.js';
export type { EndpointInput } from './endpoints.js';
export type { WhatIf } from './what-if.js';
