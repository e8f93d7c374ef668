// An indexed binary min-heap over node ids, keyed by tentative distance. The key lives beside the
// node in the heap array so sifting reads one contiguous pair; `position` maps a node to its slot
// (or one of the negative states below) so a shorter distance found later is a decrease-key.

export const UNSEEN: i32 = -1;
export const SETTLED: i32 = -2;

@inline function nodeAt(heapNodes: usize, slot: i32): i32 {
  return load<i32>(heapNodes + (<usize>slot << 2));
}
@inline function keyAt(heapKeys: usize, slot: i32): f64 {
  return load<f64>(heapKeys + (<usize>slot << 3));
}
@inline function place(heapNodes: usize, heapKeys: usize, position: usize, slot: i32, node: i32, key: f64): void {
  store<i32>(heapNodes + (<usize>slot << 2), node);
  store<f64>(heapKeys + (<usize>slot << 3), key);
  store<i32>(position + (<usize>node << 2), slot);
}

/** Moves `node` with `key` up from `slot` until its parent is not larger. */
@inline export function siftUp(heapNodes: usize, heapKeys: usize, position: usize, slot: i32, node: i32, key: f64): void {
  while (slot > 0) {
    const parent = (slot - 1) >> 1;
    const parentKey = keyAt(heapKeys, parent);
    if (parentKey <= key) break;
    place(heapNodes, heapKeys, position, slot, nodeAt(heapNodes, parent), parentKey);
    slot = parent;
  }
  place(heapNodes, heapKeys, position, slot, node, key);
}

/** Moves `node` with `key` down from `slot` in a heap of `size` entries. */
@inline export function siftDown(heapNodes: usize, heapKeys: usize, position: usize, slot: i32, size: i32, node: i32, key: f64): void {
  let child = 2 * slot + 1;
  while (child < size) {
    let childKey = keyAt(heapKeys, child);
    const right = child + 1;
    if (right < size) {
      const rightKey = keyAt(heapKeys, right);
      if (rightKey < childKey) {
        child = right;
        childKey = rightKey;
      }
    }
    if (key <= childKey) break;
    place(heapNodes, heapKeys, position, slot, nodeAt(heapNodes, child), childKey);
    slot = child;
    child = 2 * slot + 1;
  }
  place(heapNodes, heapKeys, position, slot, node, key);
}
