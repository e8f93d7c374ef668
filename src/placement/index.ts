export { solvePlacement, type PlacementResult, type PlacementStatus } from './solve.js';
export { PLACEMENT_OBJECTIVES, type LatencyMatrixInput, type PlacementObjective, type PlacementProblem } from './problem.js';
