// The baselines, in a worker like the engine: papaparse alone, papaparse + one idb put per
// contact (10k per transaction), and SHA-256 of the file (WebCrypto).
import Papa from 'papaparse';
import { openDB } from 'idb';

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

/** The fastest way to hash a file here: read it, then one native SHA-256 digest. */
async function hash(file) {
  await crypto.subtle.digest('SHA-256', await file.arrayBuffer());
}

self.onmessage = async ({ data: { kind, file } }) => {
  try {
    const start = performance.now();
    if (kind === 'papaparse') await parse(file);
    else if (kind === 'naive') await naive(file);
    else if (kind === 'hash') await hash(file);
    self.postMessage({ ms: performance.now() - start });
  } catch (error) {
    self.postMessage({ error: String(error) });
  }
};
