/**
 * An IndexedDB in memory (fake-indexeddb, made for this) where the environment has none: Node,
 * server-side rendering, jsdom. It defines the IndexedDB globals then, as `fake-indexeddb/auto`
 * does, because the engine's IndexedDB wrapper (idb) reads them; where they exist, nothing changes.
 */
export async function ensureIndexedDB(): Promise<void> {
  if (typeof indexedDB !== 'undefined') return;
  const fake = await import('fake-indexeddb');
  for (const name of [
    'indexedDB',
    'IDBCursor',
    'IDBCursorWithValue',
    'IDBDatabase',
    'IDBFactory',
    'IDBIndex',
    'IDBKeyRange',
    'IDBObjectStore',
    'IDBOpenDBRequest',
    'IDBRequest',
    'IDBTransaction',
    'IDBVersionChangeEvent',
  ] as const)
    if (!(name in globalThis))
      Object.defineProperty(globalThis, name, {
        value: fake[name],
        configurable: true,
        writable: true,
      });
}
