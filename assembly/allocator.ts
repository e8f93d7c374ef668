// A first-fit allocator with an address-ordered free list, for the few large arrays the kernels
// own (packed graphs, matrices, per-call scratch). Unlike the stub runtime it frees, coalesces and
// grows memory by exactly the pages needed, so packing a graph costs its bytes, not a doubling, and
// create/free cycles leave memory flat. It never traps: a request that cannot be met returns 0.

const ALIGN: usize = 16; // v128 loads want 16-byte alignment
const HEADER: usize = 16; // size (u32), next free block (u32), padding
const MIN_SPLIT: usize = 64;
const PAGE_BYTES: usize = 65536;

let heapStart: usize = (__heap_base + ALIGN - 1) & ~(ALIGN - 1);
let heapTop: usize = heapStart; // end of the managed region; memory past it is unclaimed
let freeHead: usize = 0; // first free block (lowest address), 0 when none
let bytesInUse: usize = 0;

@inline function blockSize(block: usize): usize {
  return <usize>load<u32>(block);
}
@inline function setBlockSize(block: usize, size: usize): void {
  store<u32>(block, <u32>size);
}
@inline function nextFree(block: usize): usize {
  return <usize>load<u32>(block, 4);
}
@inline function setNextFree(block: usize, next: usize): void {
  store<u32>(block, <u32>next, 4);
}

function ensureMemory(endAddress: usize): bool {
  const available = <usize>memory.size() * PAGE_BYTES;
  if (endAddress <= available) return true;
  const pagesNeeded = <i32>((endAddress - available + PAGE_BYTES - 1) / PAGE_BYTES);
  return memory.grow(pagesNeeded) >= 0;
}

/** Returns a 16-byte aligned pointer to `bytes` bytes, or 0 when memory cannot hold them. */
export function allocate(bytes: usize): usize {
  // Sizes near 4 GiB would wrap the u32 arithmetic below.
  if (bytes > <usize>0xFFFF0000) return 0;
  const size = ((bytes + ALIGN - 1) & ~(ALIGN - 1)) + HEADER;
  let previous: usize = 0;
  let block = freeHead;
  while (block != 0) {
    const available = blockSize(block);
    if (available >= size) {
      if (available - size >= MIN_SPLIT) {
        // Carve from the tail so the free block keeps its place in the list.
        const carved = block + available - size;
        setBlockSize(block, available - size);
        setBlockSize(carved, size);
        bytesInUse += size;
        return carved + HEADER;
      }
      if (previous == 0) freeHead = nextFree(block);
      else setNextFree(previous, nextFree(block));
      bytesInUse += available;
      return block + HEADER;
    }
    previous = block;
    block = nextFree(block);
  }
  // No free block fits: extend the top of the heap, absorbing a free block that ends there.
  let start = heapTop;
  let lastFree: usize = 0;
  let beforeLast: usize = 0;
  block = freeHead;
  while (block != 0) {
    beforeLast = lastFree;
    lastFree = block;
    block = nextFree(block);
  }
  const absorbs = lastFree != 0 && lastFree + blockSize(lastFree) == heapTop;
  if (absorbs) start = lastFree;
  if (start + size < start || !ensureMemory(start + size)) return 0;
  if (absorbs) {
    if (beforeLast == 0) freeHead = 0;
    else setNextFree(beforeLast, 0);
  }
  setBlockSize(start, size);
  heapTop = start + size;
  bytesInUse += size;
  return start + HEADER;
}

/** Returns a block from `allocate` to the free list; 0 is ignored. */
export function release(pointer: usize): void {
  if (pointer == 0) return;
  let block = pointer - HEADER;
  let size = blockSize(block);
  bytesInUse -= size;
  let beforePrevious: usize = 0;
  let previous: usize = 0;
  let next = freeHead;
  while (next != 0 && next < block) {
    beforePrevious = previous;
    previous = next;
    next = nextFree(next);
  }
  if (next != 0 && block + size == next) {
    size += blockSize(next);
    next = nextFree(next);
  }
  if (previous != 0 && previous + blockSize(previous) == block) {
    block = previous;
    size += blockSize(previous);
    previous = beforePrevious;
  }
  if (block + size == heapTop) {
    // The block borders unclaimed memory: give it back to the top of the heap.
    heapTop = block;
    if (previous == 0) freeHead = 0;
    else setNextFree(previous, 0);
    return;
  }
  setBlockSize(block, size);
  setNextFree(block, next);
  if (previous == 0) freeHead = block;
  else setNextFree(previous, block);
}

/** Bytes held by live blocks, headers included. */
export function heapBytesInUse(): usize {
  return bytesInUse;
}

/** Bytes from the start of the heap to its top: live blocks plus free holes below the top. */
export function heapBytesSpanned(): usize {
  return heapTop - heapStart;
}
