// geoslo/shortest-path: shortest paths over any graphology graph on the WebAssembly kernel, with no
// world data, for planning tools that bring their own graphs.

export * from '../shortest-path/index.js';
export { init, initSync, WASM_MEMORY_LIMIT_BYTES } from '../kernel/index.js';
export { CapacityError, DisposedError, EmptyGraphError, GeosloError, InvalidArgumentError, NodeNotFoundError } from '../errors.js';
