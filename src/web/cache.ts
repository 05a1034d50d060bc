/**
 * Rendered pages kept for a few seconds, the least recently used dropped beyond `maxEntries`:
 * a page that is popular for a moment is rendered once, and nothing is served older than `ttlMs`.
 */
export interface CachedPage {
  readonly status: number;
  readonly body: string;
}

export class PageCache {
  readonly #entries = new Map<string, { page: CachedPage; expires: number }>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries = 500,
    private readonly now: () => number = Date.now,
  ) {}

  get(key: string): CachedPage | undefined {
    const entry = this.#entries.get(key);
    if (!entry) return undefined;
    this.#entries.delete(key);
    if (entry.expires <= this.now()) return undefined;
    this.#entries.set(key, entry);
    return entry.page;
  }

  set(key: string, page: CachedPage): void {
    this.#entries.delete(key);
    this.#entries.set(key, { page, expires: this.now() + this.ttlMs });
    for (const oldest of this.#entries.keys()) {
      if (this.#entries.size <= this.maxEntries) break;
      this.#entries.delete(oldest);
    }
  }

  get size(): number {
    return this.#entries.size;
  }
}
