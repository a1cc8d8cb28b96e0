import { expect } from '@open-wc/testing';
import { createContactSync, type ContactSync } from '../src/index.ts';
import { localFileServer, profileInput } from './helpers.ts';

const DAY = 86_400_000;

/** Opens a real second page of the portal (its own document and engine worker) on the same data. */
async function secondTab(dbName: string): Promise<{ sync: ContactSync; close: () => void }> {
  const popup = window.open(
    new URL(`./fixtures/second-tab.html?db=${dbName}`, import.meta.url).href,
    '_blank',
  );
  if (!popup) throw new Error('The browser refused to open a second page.');
  const page = popup as unknown as { tabReady?: Promise<ContactSync> };
  for (let i = 0; i < 400 && !page.tabReady; i++) await new Promise((r) => setTimeout(r, 25));
  return { sync: await page.tabReady!, close: () => popup.close() };
}

describe('scheduled imports in two pages', () => {
  it('run each occurrence exactly once, through the real proxy', async () => {
    const server = await localFileServer();
    const dbName = `sched-pages-${Date.now()}`;
    const a = await createContactSync({ dbName, proxyUrl: '/v1', scheduler: 'manual' });
    const b = await secondTab(dbName);
    const book = await a.books.create({ name: 'Scheduled' });
    const profile = await a.profiles.create(
      profileInput(book.id, {
        source: server.source,
        behaviour: { updateExisting: true, deleteMissing: false, importEveryTime: true },
        schedule: {
          startDate: new Date().toISOString().slice(0, 10),
          time: '09:00',
          timeZone: 'America/New_York',
          recurrence: { kind: 'daily', every: 1 },
          range: { kind: 'forever' },
        },
      }),
    );
    const before = await server.downloads();
    const first = (await a.scheduler.next(profile.id))!;
    for (let day = 0; day < 3; day++) {
      const at = first + day * DAY + 2000;
      const started = (await Promise.all([a.scheduler.tick(at), b.sync.scheduler.tick(at)])).flat();
      expect(started, `occurrence ${day}`).to.have.length(1);
      expect(started[0]!.status).to.equal('success');
    }
    const history = await b.sync.history.list({ profileId: profile.id });
    expect(history.map((r) => r.trigger)).to.deep.equal(['scheduled', 'scheduled', 'scheduled']);
    expect((await server.downloads()) - before).to.equal(3);
    a.close();
    b.sync.close();
    b.close();
  });
});
