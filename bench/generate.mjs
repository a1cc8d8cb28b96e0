// Writes a contact CSV of 10 columns with quoted commas and newlines. Deterministic per seed;
// `changed` rewrites that fraction of rows (same keys, new values) for the re-import case.
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';

function mulberry32(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIRST = ['Ann', 'Bob', 'Carla', 'Dmitri', 'Eve', 'Farah', 'Gunnar', 'Hiro', 'Ines', 'Jonas'];
const LAST = ['Lee', 'Stone', 'Diaz', 'Ivanov', 'Berg', 'Khan', 'Olsen', 'Sato', 'Silva', 'Meyer'];
const CITY = ['Riga', 'Berlin', 'Austin', 'Osaka', 'Lisbon', 'Oslo', 'Lyon', 'Pune'];

export async function generateCsv(path, rows, { changed = 0, seed = 1 } = {}) {
  const random = mulberry32(seed);
  const change = mulberry32(seed + 99);
  const out = createWriteStream(path);
  out.write(
    'Email,First Name,Last Name,Mobile Phone,Company,Job Title,City,Postal Code,Country,Notes\n',
  );
  let buffer = '';
  for (let i = 0; i < rows; i++) {
    const first = FIRST[Math.floor(random() * FIRST.length)];
    const last = LAST[Math.floor(random() * LAST.length)];
    const phone = `+1415${String(1000000 + Math.floor(random() * 8999999))}`;
    const city = CITY[Math.floor(random() * CITY.length)];
    let notes =
      random() < 0.1
        ? `"Met in ${city}, twice\nfollow up"`
        : random() < 0.3
          ? '"Prefers email, not calls"'
          : '';
    if (changed > 0 && change() < changed) notes = `"changed ${i}"`;
    buffer += `user${i}@example.com,${first},${last},${phone},"${last} & Co, Ltd",Manager,${city},${10000 + (i % 89999)},US,${notes}\n`;
    if (buffer.length > 1 << 20) {
      if (!out.write(buffer)) await once(out, 'drain');
      buffer = '';
    }
  }
  out.end(buffer);
  await once(out, 'finish');
}
