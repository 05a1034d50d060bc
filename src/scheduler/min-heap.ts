/**
 * A binary min-heap of items keyed by time, at most one per id, with replace and remove by id in
 * O(log n): the scheduler's pending deadlines, one per debate.
 */
export interface HeapItem {
  readonly id: string;
  readonly at: number;
}

export class MinHeap<T extends HeapItem> {
  readonly #items: T[] = [];
  readonly #index = new Map<string, number>();

  get size(): number {
    return this.#items.length;
  }

  peek(): T | undefined {
    return this.#items[0];
  }

  get(id: string): T | undefined {
    const at = this.#index.get(id);
    return at === undefined ? undefined : this.#items[at];
  }

  /** Adds the item, replacing any item with the same id. */
  set(item: T): void {
    const existing = this.#index.get(item.id);
    if (existing === undefined) {
      this.#items.push(item);
      this.#index.set(item.id, this.#items.length - 1);
      this.#up(this.#items.length - 1);
      return;
    }
    this.#items[existing] = item;
    this.#up(existing);
    this.#down(existing);
  }

  remove(id: string): T | undefined {
    const at = this.#index.get(id);
    if (at === undefined) return undefined;
    const removed = this.#items[at];
    const last = this.#items.pop();
    this.#index.delete(id);
    if (last && at < this.#items.length) {
      this.#items[at] = last;
      this.#index.set(last.id, at);
      this.#up(at);
      this.#down(at);
    }
    return removed;
  }

  /** Removes and returns the earliest item. */
  pop(): T | undefined {
    const first = this.#items[0];
    if (first) this.remove(first.id);
    return first;
  }

  #swap(a: number, b: number): void {
    const x = this.#items[a];
    const y = this.#items[b];
    if (!x || !y) return;
    this.#items[a] = y;
    this.#items[b] = x;
    this.#index.set(y.id, a);
    this.#index.set(x.id, b);
  }

  #less(a: number, b: number): boolean {
    const x = this.#items[a];
    const y = this.#items[b];
    return x !== undefined && y !== undefined && x.at < y.at;
  }

  #up(index: number): void {
    let child = index;
    while (child > 0) {
      const parent = (child - 1) >> 1;
      if (!this.#less(child, parent)) return;
      this.#swap(child, parent);
      child = parent;
    }
  }

  #down(index: number): void {
    let parent = index;
    for (;;) {
      const left = 2 * parent + 1;
      const right = left + 1;
      let smallest = parent;
      if (left < this.#items.length && this.#less(left, smallest)) smallest = left;
      if (right < this.#items.length && this.#less(right, smallest)) smallest = right;
      if (smallest === parent) return;
      this.#swap(parent, smallest);
      parent = smallest;
    }
  }
}
