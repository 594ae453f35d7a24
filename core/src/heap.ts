/** A binary heap: `peek()` is the item that `less` orders first. */
export class Heap<T> {
  private readonly items: T[] = [];
  constructor(private readonly less: (a: T, b: T) => number) {}

  get size(): number {
    return this.items.length;
  }

  peek(): T | undefined {
    return this.items[0];
  }

  push(item: T): void {
    const items = this.items;
    items.push(item);
    for (let i = items.length - 1; i > 0;) {
      const parent = (i - 1) >> 1;
      if (this.less(items[i], items[parent]) >= 0) break;
      [items[i], items[parent]] = [items[parent], items[i]];
      i = parent;
    }
  }

  pop(): T | undefined {
    const items = this.items;
    const top = items[0];
    const last = items.pop();
    if (items.length && last !== undefined) {
      items[0] = last;
      this.siftDown();
    }
    return top;
  }

  /** Pops the first item and pushes `item`, in one pass. */
  replaceFirst(item: T): void {
    this.items[0] = item;
    this.siftDown();
  }

  /** The items, in no particular order (the heap is left as it is). */
  toArray(): T[] {
    return [...this.items];
  }

  private siftDown(): void {
    const items = this.items;
    for (let i = 0; ;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < items.length && this.less(items[l], items[m]) < 0) m = l;
      if (r < items.length && this.less(items[r], items[m]) < 0) m = r;
      if (m === i) break;
      [items[i], items[m]] = [items[m], items[i]];
      i = m;
    }
  }
}
