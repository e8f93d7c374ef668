// TypeScript twin of assembly/heap.ts: an indexed binary min-heap with the key stored beside the
// node, and `position` mapping a node to its slot or to UNSEEN / SETTLED.

export const UNSEEN = -1;
export const SETTLED = -2;

export function siftUp(heapNodes: Int32Array, heapKeys: Float64Array, position: Int32Array, slot: number, node: number, key: number): void {
  while (slot > 0) {
    const parent = (slot - 1) >> 1;
    const parentKey = heapKeys[parent];
    if (parentKey <= key) break;
    const parentNode = heapNodes[parent];
    heapNodes[slot] = parentNode;
    heapKeys[slot] = parentKey;
    position[parentNode] = slot;
    slot = parent;
  }
  heapNodes[slot] = node;
  heapKeys[slot] = key;
  position[node] = slot;
}

export function siftDown(heapNodes: Int32Array, heapKeys: Float64Array, position: Int32Array, slot: number, size: number, node: number, key: number): void {
  let child = 2 * slot + 1;
  while (child < size) {
    let childKey = heapKeys[child];
    const right = child + 1;
    if (right < size) {
      const rightKey = heapKeys[right];
      if (rightKey < childKey) {
        child = right;
        childKey = rightKey;
      }
    }
    if (key <= childKey) break;
    const childNode = heapNodes[child];
    heapNodes[slot] = childNode;
    heapKeys[slot] = childKey;
    position[childNode] = slot;
    slot = child;
    child = 2 * slot + 1;
  }
  heapNodes[slot] = node;
  heapKeys[slot] = key;
  position[node] = slot;
}
