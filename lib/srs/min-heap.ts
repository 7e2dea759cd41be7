// A binary min-heap of indices. The queue needs only the first few hundred of tens of thousands
// of due cards, so popping them in order from a heap (O(n) to build, O(log n) per card) beats
// sorting everything.

export class IndexHeap {
  private readonly heap: Uint32Array;
  private size: number;

  /** `before(a, b)` is true when index a must come out before index b. */
  constructor(
    indices: ArrayLike<number>,
    count: number,
    private readonly before: (a: number, b: number) => boolean,
  ) {
    this.heap = new Uint32Array(count);
    for (let i = 0; i < count; i++) this.heap[i] = indices[i] ?? 0;
    this.size = count;
    for (let i = (count >> 1) - 1; i >= 0; i--) this.siftDown(i);
  }

  get length(): number {
    return this.size;
  }

  /** The next index in order, or -1 when empty. */
  pop(): number {
    if (this.size === 0) return -1;
    const top = this.heap[0]!;
    this.size--;
    if (this.size > 0) {
      this.heap[0] = this.heap[this.size]!;
      this.siftDown(0);
    }
    return top;
  }

  private siftDown(start: number): void {
    const heap = this.heap;
    const size = this.size;
    let i = start;
    const item = heap[i]!;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= size) break;
      const right = child + 1;
      if (right < size && this.before(heap[right]!, heap[child]!)) child = right;
      if (!this.before(heap[child]!, item)) break;
      heap[i] = heap[child]!;
      i = child;
    }
    heap[i] = item;
  }
}
