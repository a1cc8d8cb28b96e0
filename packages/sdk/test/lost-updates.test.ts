import { expect } from '@open-wc/testing';
import type { ContactSync, RunRecord } from '../src/index.ts';
import { csvFile, setup } from './helpers.ts';

const HEADER = 'email,name\n';
const UPDATE = { updateExisting: true, deleteMissing: false, importEveryTime: false } as const;

function file(count: number, name: (i: number) => string): File {
  const lines: string[] = [HEADER];
  for (let i = 0; i < count; i++) lines.push(`user${i}@example.com,${name(i)}\n`);
  return csvFile(lines.join(''));
}

/** Every input row lands in exactly one count. */
function accounted(record: RunRecord): number {
  const c = record.counts;
  return c.created + c.updated + c.unchanged + c.invalid + c.skipped;
}

async function namesByEmail(sync: ContactSync, bookId: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (let offset = 0; ; offset += 1000) {
    const page = await sync.contacts.list(bookId, { offset, limit: 1000 });
    for (const c of page.items) out.set(c.values.email!, c.values.firstName!);
    if (offset + 1000 >= page.total) return out;
  }
}

describe('a re-import never drops a change', () => {
  for (const size of [499, 500, 501, 1_000, 20_000, 100_000]) {
    it(`applies every changed row of a ${size}-row book, dry run and run alike`, async () => {
      const { sync, book, profile } = await setup({ behaviour: UPDATE });
      const first = await sync.run(
        profile.id,
        file(size, (i) => `Person ${i}`),
      );
      expect(first.counts.created).to.equal(size);

      const changed = file(size, (i) => `Renamed ${i}`);
      const { plan } = await sync.plan(profile.id, changed);
      expect(plan?.counts.updated, 'dry run').to.equal(size);

      const record = await sync.run(profile.id, changed);
      expect(record.status).to.equal('success');
      expect(record.counts.updated).to.equal(size);
      expect(accounted(record)).to.equal(record.counts.rows);
      const names = await namesByEmail(sync, book.id);
      expect(names.size).to.equal(size);
      let stale = 0;
      for (const [email, name] of names) if (name !== `Renamed ${email.slice(4, -12)}`) stale++;
      expect(stale, 'contacts still holding the old name').to.equal(0);
      sync.close();
    });
  }

  it('applies changes only in the first or the last row of each segment', async () => {
    const size = 20_000;
    const { sync, book, profile } = await setup({ behaviour: UPDATE });
    await sync.run(
      profile.id,
      file(size, (i) => `Person ${i}`),
    );
    const edge = (i: number) => i % 500 === 0 || i % 500 === 499;
    const record = await sync.run(
      profile.id,
      file(size, (i) => (edge(i) ? `Edge ${i}` : `Person ${i}`)),
    );
    expect(record.counts.updated).to.equal(size / 250);
    expect(record.counts.unchanged).to.equal(size - size / 250);
    expect(accounted(record)).to.equal(size);
    const names = await namesByEmail(sync, book.id);
    for (let i = 0; i < size; i++) {
      const want = edge(i) ? `Edge ${i}` : `Person ${i}`;
      if (names.get(`user${i}@example.com`) !== want)
        expect.fail(`row ${i}: ${names.get(`user${i}@example.com`)} instead of ${want}`);
    }
    sync.close();
  });
});
