// Loads the AssemblyScript kernel from bytes inlined in the bundle, so Node, bundlers and notebooks
// need no asset path. The module has no imports: instantiation needs nothing but the bytes.

import type { instantiate as instantiateKernel } from '../../build/geoslo.js';
import kernelBytes from '../../build/geoslo.wasm';

/**
 * The kernel's raw exports, as asc declares them when it compiles the kernel
 * (build/geoslo.d.ts): pointers are byte offsets into `memory`, sizes are counts.
 */
export type KernelExports = Awaited<ReturnType<typeof instantiateKernel>>;

let kernelInstance: KernelExports | null = null;
let initPromise: Promise<void> | null = null;

/**
 * Compiles and instantiates the kernel. Idempotent: every call returns the same promise; after a
 * failure the next call tries again. Optional in Node, where the first call that needs the kernel
 * instantiates it synchronously; in a browser await it first, so the kernel compiles
 * asynchronously there.
 *
 * @returns a promise that resolves once the kernel is ready, or rejects with the engine's
 *   WebAssembly error
 * @example
 * ```ts
 * import { init, plan } from 'geoslo';
 *
 * await init();
 * const result = plan({ markets: { countries: ['SG', 'ID'] } });
 * ```
 */
export function init(): Promise<void> {
  if (initPromise) return initPromise;
  if (kernelInstance) {
    initPromise = Promise.resolve();
    return initPromise;
  }
  const attempt = WebAssembly.instantiate(kernelBytes, {}).then(
    (source) => {
      kernelInstance ??= source.instance.exports as unknown as KernelExports;
    },
    (error: unknown) => {
      initPromise = null;
      throw error;
    },
  );
  initPromise = attempt;
  return attempt;
}

/**
 * Instantiates the kernel synchronously (Node, workers; browsers allow it for a module this small).
 * Does nothing when the kernel is already instantiated.
 *
 * @throws the engine's WebAssembly error when the module cannot be compiled or instantiated
 * @example
 * ```ts
 * import { initSync, greatCircleKm } from 'geoslo';
 *
 * initSync(); // no await: e.g. at the top of a CommonJS module
 * greatCircleKm([103.82, 1.35], [55.27, 25.2]);
 * ```
 */
export function initSync(): void {
  if (kernelInstance) return;
  const module = new WebAssembly.Module(kernelBytes);
  kernelInstance = new WebAssembly.Instance(module, {}).exports as unknown as KernelExports;
}

/** The kernel's exports, instantiating it synchronously on first use if `init()` was not awaited. */
export function kernel(): KernelExports {
  if (!kernelInstance) initSync();
  return kernelInstance as KernelExports;
}
