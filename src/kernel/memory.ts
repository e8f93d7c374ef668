// Ownership of kernel memory from the TypeScript side. Every size is checked against what wasm32
// memory can still give before anything is allocated, because running out inside the kernel would
// only be seen as a null pointer. Views of `memory.buffer` are made after the last allocation of a
// call and never kept: growing memory detaches them.

import { CapacityError } from '../errors.js';
import { kernel } from './wasm.js';

/** wasm32 linear memory ends at 4 GiB (65,536 pages of 64 KiB). */
export const WASM_MEMORY_LIMIT_BYTES = 2 ** 32;
/** Static data and stack below the heap, and allocator headers and alignment per block. */
const RESERVED_BYTES = 65_536;
const PER_BLOCK_OVERHEAD_BYTES = 32;

/** Bytes a request of these block sizes costs in the kernel heap, headers included. */
export function heapCostBytes(blockSizesBytes: readonly number[]): number {
  let total = 0;
  for (const size of blockSizesBytes) total += size + PER_BLOCK_OVERHEAD_BYTES;
  return total;
}

/** Bytes that can still be allocated, ignoring fragmentation (which `allocateBlocks` reports). */
export function wasmBytesAvailable(): number {
  return WASM_MEMORY_LIMIT_BYTES - RESERVED_BYTES - (kernel().heapBytesInUse() >>> 0);
}

/** Throws a CapacityError naming `field` when `requestedBytes` cannot fit in the kernel heap. */
export function ensureWasmCapacity(field: string, requestedBytes: number, fix: string): void {
  const limitBytes = wasmBytesAvailable();
  if (requestedBytes > limitBytes) throw new CapacityError(field, requestedBytes, limitBytes, fix);
}

/**
 * Allocates one block per size (zero-sized blocks get pointer 0) after checking capacity; on failure
 * releases what it took and throws, so a call either gets every block or changes nothing.
 */
export function allocateBlocks(field: string, blockSizesBytes: readonly number[], fix: string): number[] {
  const requestedBytes = heapCostBytes(blockSizesBytes);
  ensureWasmCapacity(field, requestedBytes, fix);
  const { allocate } = kernel();
  const pointers: number[] = [];
  for (const size of blockSizesBytes) {
    const pointer = size === 0 ? 0 : allocate(size) >>> 0;
    if (size !== 0 && pointer === 0) {
      releaseBlocks(pointers);
      throw new CapacityError(field, requestedBytes, wasmBytesAvailable(), fix);
    }
    pointers.push(pointer);
  }
  return pointers;
}

export function releaseBlocks(pointers: readonly number[]): void {
  const { release } = kernel();
  for (const pointer of pointers) if (pointer !== 0) release(pointer);
}

type KernelArray = Uint8Array | Int32Array | Float32Array | Float64Array;

/** Copies `values` into kernel memory at `pointer`. */
export function copyIn(pointer: number, values: KernelArray): void {
  if (values.length === 0) return;
  const { buffer } = kernel().memory;
  const view = new (values.constructor as new (b: ArrayBuffer, o: number, l: number) => KernelArray)(
    buffer, pointer, values.length,
  );
  view.set(values);
}

/** A JavaScript-owned copy of `length` f64 values at `pointer`, written into `into` at `offset`. */
export function copyOutFloat64(pointer: number, length: number, into: Float64Array, offset = 0): void {
  if (length === 0) return;
  into.set(new Float64Array(kernel().memory.buffer, pointer, length), offset);
}

export function copyOutFloat32(pointer: number, length: number, into: Float32Array, offset = 0): void {
  if (length === 0) return;
  into.set(new Float32Array(kernel().memory.buffer, pointer, length), offset);
}

export function copyOutInt32(pointer: number, length: number, into: Int32Array, offset = 0): void {
  if (length === 0) return;
  into.set(new Int32Array(kernel().memory.buffer, pointer, length), offset);
}
