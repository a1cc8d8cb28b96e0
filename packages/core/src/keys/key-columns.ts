import type { KeyEntries } from './key-index.ts';

/** Key entries gathered one by one (`add`), a column each: for stores that read rows. */
export class KeyColumns implements KeyEntries {
  private readonly keys: string[] = [];
  private readonly ids: string[] = [];
  private readonly sources: (string | null)[] = [];
  private readonly hashes: number[] = [];
  private readonly locators: number[] = [];

  get size(): number {
    return this.ids.length;
  }

  /**
   * Adds an entry. `locator` is the store's own address of the contact (opaque to the core).
   * Keys are unique within a book; were one repeated, an index may find either entry.
   */
  add(key: string, id: string, sourceId: string | null, rowHash: number, locator = -1): void {
    this.keys.push(key);
    this.ids.push(id);
    this.sources.push(sourceId);
    this.hashes.push(rowHash);
    this.locators.push(locator);
  }

  keyAt = (n: number) => this.keys[n]!;
  keyIs = (n: number, key: string) => this.keys[n] === key;
  idAt = (n: number) => this.ids[n]!;
  sourceAt = (n: number) => this.sources[n] ?? null;
  hashAt = (n: number) => this.hashes[n]!;
  locatorAt = (n: number) => this.locators[n]!;
}
