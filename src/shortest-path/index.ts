export { singleSourceLength, path, matrix, type MatrixCallOptions } from './one-shot.js';
export {
  createLatencyIndex, LatencyIndex,
  type LatencyIndexOptions, type LatencyMatrix, type MatrixMethod, type MatrixOptions, type NodeId,
} from './latency-index.js';
export type { EdgeWeightFunction, EdgeWeightOption } from './edge-weight.js';
