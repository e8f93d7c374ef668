// geoslo/placement: p-median, p-center, max-coverage and set cover with proven bounds on any
// latency matrix, with no world data, for planning tools that bring their own matrices.

export * from '../placement/index.js';
export { init, initSync, WASM_MEMORY_LIMIT_BYTES } from '../kernel/index.js';
export { CapacityError, GeosloError, InvalidArgumentError } from '../errors.js';
