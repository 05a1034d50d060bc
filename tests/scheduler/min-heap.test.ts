import { describe, expect, it } from 'vitest';
import { MinHeap } from '../../src/scheduler/min-heap.js';

const drain = (heap: MinHeap<{ id: string; at: number }>) => {
  const out: string[] = [];
  for (let item = heap.pop(); item; item = heap.pop()) out.push(`${item.id}@${item.at}`);
  return out;
};

describe('MinHeap', () => {
  it('given items in any order, then they pop earliest first', () => {
    const heap = new MinHeap();
    for (const [id, at] of [
      ['a', 5],
      ['b', 1],
      ['c', 9],
      ['d', 3],
      ['e', 7],
    ] as const)
      heap.set({ id, at });
    expect(heap.peek()?.id).toBe('b');
    expect(drain(heap)).toEqual(['b@1', 'd@3', 'a@5', 'e@7', 'c@9']);
  });

  it('given an id set twice, then the later item replaces the earlier one', () => {
    const heap = new MinHeap();
    heap.set({ id: 'a', at: 1 });
    heap.set({ id: 'b', at: 2 });
    heap.set({ id: 'a', at: 10 });
    expect(heap.size).toBe(2);
    expect(drain(heap)).toEqual(['b@2', 'a@10']);
  });

  it('given an item removed by id, then the rest keep their order', () => {
    const heap = new MinHeap();
    for (let i = 0; i < 20; i++) heap.set({ id: `x${i}`, at: (i * 7) % 20 });
    expect(heap.remove('x3')?.at).toBe(1);
    expect(heap.remove('nope')).toBeUndefined();
    const times = drain(heap).map((s) => Number(s.split('@')[1]));
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(times).toHaveLength(19);
  });

  it('given random operations, then it agrees with a sorted list', () => {
    const heap = new MinHeap();
    const model = new Map<string, number>();
    let seed = 7;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    for (let i = 0; i < 2000; i++) {
      const id = `d${random(50)}`;
      const op = random(3);
      if (op === 0) {
        heap.remove(id);
        model.delete(id);
      } else {
        const at = random(1000);
        heap.set({ id, at });
        model.set(id, at);
      }
      expect(heap.size).toBe(model.size);
      expect(heap.peek()?.at).toBe(model.size ? Math.min(...model.values()) : undefined);
    }
  });
});
