/**
 * Key → contact lookup for one address book, built by the store from its compact key records.
 *
 * Files are usually re-exported in the order of the last import, and the store keeps contacts
 * in that order, so `find` first tries the entry after the last one found: a string comparison
 * instead of a hash lookup. The hash map is built only at the first miss; a file in the same
 * order never needs it, which saves both time and memory on large books.
 */
export class KeyIndex {
  private map: Map<string, number> | null = null;
  private readonly keys: string[] = [];
  private readonly ids: string[] = [];
  private readonly sources: (string | null)[] = [];
  private readonly hashes: number[] = [];
  private readonly locators: number[] = [];
  private cursor = 0;

  get size(): number {
    return this.ids.length;
  }

  /**
   * Adds an entry. `locator` is the store's own address of the contact (opaque here). Keys are
   * unique within a book; were one repeated, either entry may be found.
   */
  add(key: string, id: string, sourceId: string | null, rowHash: number, locator = -1): void {
    this.map?.set(key, this.keys.length);
    this.keys.push(key);
    this.ids.push(id);
    this.sources.push(sourceId);
    this.hashes.push(rowHash);
    this.locators.push(locator);
  }

  /** Entry number for a key, or -1. */
  find(key: string): number {
    const next = this.cursor;
    if (next < this.keys.length && this.keys[next] === key) {
      this.cursor = next + 1;
      return next;
    }
    const n = this.lookup().get(key) ?? -1;
    if (n >= 0) this.cursor = n + 1;
    return n;
  }

  has(key: string): boolean {
    return this.lookup().has(key);
  }

  keyAt(n: number): string {
    return this.keys[n]!;
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

  locatorAt(n: number): number {
    return this.locators[n]!;
  }

  private lookup(): Map<string, number> {
    if (!this.map) {
      this.map = new Map();
      for (let n = 0; n < this.keys.length; n++) this.map.set(this.keys[n]!, n);
    }
    return this.map;
  }
}
