/**
 * Players ordered by rating, best first (ties by user id, so pages are stable), in a sorted array:
 * a page is a slice, a rank is a binary search, and an update is two binary searches plus the
 * array moves of a remove and an insert, tens of microseconds at 50,000 players. Ranks follow
 * "standard competition" ranking: equal ratings share a rank (1, 2, 2, 4).
 */
export interface Ranked {
  readonly userId: string;
  readonly rating: number;
}

/** Does a come before b? */
const before = (a: Ranked, b: Ranked) =>
  a.rating > b.rating || (a.rating === b.rating && a.userId < b.userId);

export class Ranking {
  readonly #sorted: Ranked[] = [];
  readonly #ratings = new Map<string, number>();

  get size(): number {
    return this.#sorted.length;
  }

  has(userId: string): boolean {
    return this.#ratings.has(userId);
  }

  /** Fills an empty ranking in one sort, for the first build. */
  load(entries: Iterable<Ranked>): void {
    for (const entry of entries) {
      if (this.#ratings.has(entry.userId)) continue;
      this.#ratings.set(entry.userId, entry.rating);
      this.#sorted.push(entry);
    }
    this.#sorted.sort((a, b) => (before(a, b) ? -1 : before(b, a) ? 1 : 0));
  }

  /** Adds the player, or moves them to their new rating. */
  set(userId: string, rating: number): void {
    this.remove(userId);
    const entry = { userId, rating };
    this.#sorted.splice(this.#firstNotBefore(entry), 0, entry);
    this.#ratings.set(userId, rating);
  }

  remove(userId: string): void {
    const rating = this.#ratings.get(userId);
    if (rating === undefined) return;
    const index = this.#firstNotBefore({ userId, rating });
    if (this.#sorted[index]?.userId === userId) this.#sorted.splice(index, 1);
    this.#ratings.delete(userId);
  }

  /** 1 + the number of players rated strictly higher; undefined when not ranked. */
  rank(userId: string): number | undefined {
    const rating = this.#ratings.get(userId);
    return rating === undefined ? undefined : this.rankOf(rating);
  }

  rankOf(rating: number): number {
    // The first entry of this rating: its index is the count of better ratings.
    return this.#firstNotBefore({ userId: '', rating }) + 1;
  }

  /** Entries [start, start + count) with their ranks. */
  slice(start: number, count: number): (Ranked & { readonly rank: number })[] {
    return this.#sorted
      .slice(start, start + count)
      .map((entry) => ({ ...entry, rank: this.rankOf(entry.rating) }));
  }

  /** Index of the first entry that does not come before `probe`. */
  #firstNotBefore(probe: Ranked): number {
    let low = 0;
    let high = this.#sorted.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      const entry = this.#sorted[mid];
      if (entry && before(entry, probe)) low = mid + 1;
      else high = mid;
    }
    return low;
  }
}
