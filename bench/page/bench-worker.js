// The baselines, in a worker like the engine: papaparse alone, papaparse + one idb put per
// contact (10k per transaction), papaparse + the values packed by column (the write floor),
// papaparse of the 1% file + every segment the write floor stored read back (the read floor),
// and SHA-256 of the file (WebCrypto); and the competitors a
// user would pick instead: Dexie (bulkPut into IndexedDB) and SQLite in the browser (the
// official sqlite-wasm on OPFS), each importing, re-importing the 1% file, and searching.
import Papa from 'papaparse';
import { openDB } from 'idb';
import Dexie from 'dexie';

/** Loaded as it ships (its wasm beside it), not bundled: bench/run.mjs serves the package. */
const SQLITE_MODULE = '/sqlite-wasm/index.mjs';
const COLUMNS = [
  'email',
  'first',
  'last',
  'phone',
  'company',
  'title',
  'city',
  'postal',
  'country',
  'notes',
];
/** Matches nobody: the worst case, every contact read. */
const MISS = 'zzqxj';

const CHUNK = 1024 * 1024;

function parse(file, onRows) {
  return new Promise((resolve, reject) => {
    let rows = 0;
    Papa.parse(file, {
      header: false,
      chunkSize: CHUNK,
      chunk: (results, parser) => {
        rows += results.data.length;
        const pending = onRows?.(results.data);
        if (pending) {
          parser.pause();
          pending.then(() => parser.resume(), reject);
        }
      },
      complete: () => resolve(rows),
      error: reject,
    });
  });
}

async function naive(file) {
  const db = await openDB(`naive-${Date.now()}`, 1, {
    upgrade: (d) => d.createObjectStore('contacts', { keyPath: 'email' }),
  });
  let batch = [];
  let header = true;
  const flush = async () => {
    const tx = db.transaction('contacts', 'readwrite');
    for (const r of batch)
      void tx.store.put({
        email: r[0],
        first: r[1],
        last: r[2],
        phone: r[3],
        company: r[4],
        title: r[5],
        city: r[6],
        postal: r[7],
        country: r[8],
        notes: r[9],
      });
    batch = [];
    await tx.done;
  };
  const rows = await parse(file, async (data) => {
    for (const r of data) {
      if (header) {
        header = false;
        continue;
      }
      if (r.length > 1) batch.push(r);
    }
    if (batch.length >= 10000) await flush();
  });
  await flush();
  db.close();
  return rows;
}

/** The file's data rows, 10,000 at a time, as each store takes them. */
async function eachBatch(file, write) {
  let batch = [];
  let header = true;
  await parse(file, async (data) => {
    for (const r of data) {
      if (header) {
        header = false;
        continue;
      }
      if (r.length > 1) batch.push(r);
    }
    if (batch.length >= 10000) {
      const full = batch;
      batch = [];
      await write(full);
    }
  });
  if (batch.length > 0) await write(batch);
}

const record = (r) => Object.fromEntries(COLUMNS.map((c, i) => [c, r[i] ?? '']));

/**
 * Times a competitor: the file into a fresh store, then the 1% file over it, then a search for
 * text no contact holds (the count of what it stored is read after the clock stops).
 */
async function compete(file, changed, load, search, stored) {
  let at = performance.now();
  await load(file);
  const initialMs = performance.now() - at;
  at = performance.now();
  await load(changed);
  const reimportMs = performance.now() - at;
  at = performance.now();
  const found = await search();
  const searchMs = performance.now() - at;
  return { initialMs, reimportMs, searchMs, count: await stored(), found };
}

/** Dexie: one record per contact, `bulkPut` per batch; the re-import puts every row again. */
async function dexie(file, changed) {
  const db = new Dexie(`dexie-${Date.now()}`);
  db.version(1).stores({ contacts: 'email' });
  const load = (f) => eachBatch(f, (rows) => db.contacts.bulkPut(rows.map(record)));
  const result = await compete(
    file,
    changed,
    load,
    () =>
      db.contacts
        .filter((c) => `${c.first} ${c.last} ${c.email} ${c.company}`.toLowerCase().includes(MISS))
        .count(),
    () => db.contacts.count(),
  );
  db.close();
  return result;
}

/** SQLite (sqlite-wasm, OPFS SAH pool): INSERT OR REPLACE per row, a transaction per batch. */
async function sqlite(file, changed) {
  const { default: init } = await import(/* not bundled */ SQLITE_MODULE);
  const sqlite3 = await init();
  const pool = await sqlite3.installOpfsSAHPoolVfs({ name: 'bench-pool', clearOnInit: true });
  const db = new pool.OpfsSAHPoolDb(`/bench-${Date.now()}.sqlite3`);
  db.exec(
    `CREATE TABLE contacts (${COLUMNS.map((c, i) => (i === 0 ? `${c} TEXT PRIMARY KEY` : `${c} TEXT`)).join(', ')})`,
  );
  const insert = db.prepare(
    `INSERT OR REPLACE INTO contacts VALUES (${COLUMNS.map(() => '?').join(', ')})`,
  );
  const load = (f) =>
    eachBatch(f, (rows) => {
      db.exec('BEGIN');
      for (const r of rows) insert.bind(COLUMNS.map((_, i) => r[i] ?? '')).stepReset();
      db.exec('COMMIT');
    });
  const result = await compete(
    file,
    changed,
    load,
    async () =>
      db.selectValue(
        `SELECT count(*) FROM contacts WHERE lower(first || ' ' || last || ' ' || email || ' ' || company) LIKE '%${MISS}%'`,
      ),
    async () => db.selectValue('SELECT count(*) FROM contacts'),
  );
  insert.finalize();
  db.close();
  return result;
}

/**
 * The least any store keeping every value in IndexedDB does: papaparse, then the values of each
 * 500 rows packed by column (one string and one array of ends per column, as ContactSync stores
 * them), 20 such records per transaction. No validation, keys, ids, search text or commit.
 */
async function columnar(file) {
  const name = `columnar-${Date.now()}`;
  const db = await openDB(name, 1, {
    upgrade: (d) => d.createObjectStore('segments'),
  });
  let header = true;
  let rows = [];
  let segments = [];
  let written = Promise.resolve();
  let stored = 0;
  const pack = (batch) =>
    COLUMNS.map((_, c) => {
      const ends = new Uint32Array(batch.length);
      let end = 0;
      const parts = batch.map((r, i) => {
        const value = r[c] ?? '';
        end += value.length;
        ends[i] = end;
        return value;
      });
      return { text: parts.join(''), ends };
    });
  const write = (records) => {
    const before = written;
    written = (async () => {
      await before;
      const tx = db.transaction('segments', 'readwrite', { durability: 'relaxed' });
      for (const record of records) void tx.store.put(record, ++stored);
      await tx.done;
    })();
  };
  await parse(file, (data) => {
    for (const r of data) {
      if (header) header = false;
      else if (r.length > 1) rows.push(r);
      if (rows.length === 500) {
        segments.push(pack(rows));
        rows = [];
      }
    }
    if (segments.length >= 20) {
      // As the engine does: a batch is written while the next is parsed; the one before waits.
      const previous = written;
      write(segments);
      segments = [];
      return previous;
    }
    return null;
  });
  if (rows.length > 0) segments.push(pack(rows));
  write(segments);
  await written;
  db.close();
  return name;
}

/**
 * The least a re-import does when its changes are spread through the book (a 1% change touches
 * every segment of 500) and each change needs the contact it changes: papaparse, and every
 * segment the write floor stored read back whole (as IndexedDB reads a record), 20 to a
 * transaction, each 20 read while the rows after them are parsed. Nothing compared or written.
 */
async function reread(name, file) {
  const db = await openDB(name, 1);
  const count = await db.count('segments');
  let header = true;
  let rows = 0;
  let next = 1;
  let read = 0;
  let reading = Promise.resolve();
  const readUpTo = (last) => {
    const before = reading;
    const from = next;
    next = last + 1;
    reading = (async () => {
      await before;
      const tx = db.transaction('segments');
      const keys = Array.from({ length: last - from + 1 }, (_, i) => from + i);
      read += (await Promise.all(keys.map((k) => tx.store.get(k)))).filter(Boolean).length;
    })();
  };
  await parse(file, (data) => {
    for (const r of data) {
      if (header) header = false;
      else if (r.length > 1) rows++;
    }
    const last = Math.min(count, Math.floor(rows / 500));
    if (last - next + 1 < 20) return null;
    const previous = reading;
    readUpTo(last);
    return previous;
  });
  if (next <= count) readUpTo(count);
  await reading;
  db.close();
  if (read !== count) throw new Error(`read floor: ${read} of ${count} segments read`);
}

/** The fastest way to hash a file here: read it, then one native SHA-256 digest. */
async function hash(file) {
  await crypto.subtle.digest('SHA-256', await file.arrayBuffer());
}

self.onmessage = async ({ data: { kind, file, changed } }) => {
  try {
    if (kind === 'dexie') return self.postMessage(await dexie(file, changed));
    if (kind === 'sqlite') return self.postMessage(await sqlite(file, changed));
    if (kind === 'floors') {
      // The write floor, then the read floor over what it wrote (the 1% file).
      let start = performance.now();
      const name = await columnar(file);
      const writeMs = performance.now() - start;
      start = performance.now();
      await reread(name, changed);
      return self.postMessage({ writeMs, readMs: performance.now() - start });
    }
    const start = performance.now();
    if (kind === 'papaparse') await parse(file);
    else if (kind === 'naive') await naive(file);
    else if (kind === 'hash') await hash(file);
    self.postMessage({ ms: performance.now() - start });
  } catch (error) {
    self.postMessage({ error: String(error) });
  }
};
