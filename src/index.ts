// geoslo: latency-aware region placement over a WebAssembly kernel. Coordinates are [lon, lat]
// everywhere (RFC 7946); latencies are round-trip milliseconds.

export { init, initSync, WASM_MEMORY_LIMIT_BYTES } from './kernel/index.js';
export * as shortestPath from './shortest-path/index.js';
export {
  createLatencyIndex, LatencyIndex,
  type EdgeWeightFunction, type EdgeWeightOption, type LatencyIndexOptions, type LatencyMatrix,
  type MatrixCallOptions, type MatrixMethod, type MatrixOptions, type NodeId,
} from './shortest-path/index.js';
export * from './world/index.js';
export * from './latency/index.js';
export * from './placement/index.js';
export * from './plan/index.js';
export * from './report/index.js';
export { FIBRE_KM_PER_SECOND, fibreLowerBoundMs, greatCircleKm, type LonLat, type PointInput } from './geo/index.js';
export {
  CapacityError, DisposedError, EmptyGraphError, GeosloError, InvalidArgumentError, NodeNotFoundError,
} from './errors.js';
