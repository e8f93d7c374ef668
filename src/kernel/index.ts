export { init, initSync } from './wasm.js';
export { WASM_MEMORY_LIMIT_BYTES } from './memory.js';
