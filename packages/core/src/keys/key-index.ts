/**
 * Key → contact lookup for one address book, built by the store from its compact key records.
 * Column arrays keep a million entries within a few tens of megabytes.
 */
export class KeyIndex {
  private readonly slots = new Map<string, number>();
  private readonly ids: string[] = [];
  private readonly sources: (string | null)[] = [];
  private readonly hashes: number[] = [];

  get size(): number {
    return this.ids.length;
  }

  /** Adds an entry; a later entry for the same key replaces the earlier one in lookups. */
  add(key: string, id: string, sourceId: string | null, rowHash: number): void {
    this.slots.set(key, this.ids.length);
    this.ids.push(id);
    this.sources.push(sourceId);
    this.hashes.push(rowHash);
  }

  /** Entry number for a key, or -1. */
  find(key: string): number {
    return this.slots.get(key) ?? -1;
  }

  has(key: string): boolean {
    return this.slots.has(key);
  }

  idAt(n: number): string {
    return this.ids[n]!;
  }

  sourceAt(n: number): string | null {
    return this.sources[n]!;
  }

  hashAt(n: number): number {
    return this.hashes[n]!;
  }

  /** Entry numbers that are current (not shadowed by a later entry with the same key). */
  *entries(): IterableIterator<[key: string, n: number]> {
    yield* this.slots.entries();
  }
}
