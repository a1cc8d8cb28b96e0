import { expect } from '@open-wc/testing';
import {
  createContactSync,
  type ContactSync,
  type ContactSyncEvent,
  type RunRecord,
} from '../src/index.ts';
import { csvFile, localFileServer, people, profileInput } from './helpers.ts';

const HEADER = 'email,name\n';

/** Resolves with the first event `match` accepts, or fails after `ms`. */
function nextEvent(
  sync: ContactSync,
  match: (e: ContactSyncEvent) => boolean,
  ms: number,
  what: string,
): Promise<ContactSyncEvent> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      stop();
      reject(new Error(`No ${what} within ${ms} ms`));
    }, ms);
    const stop = sync.subscribe((e) => {
      if (!match(e)) return;
      clearTimeout(timer);
      stop();
      resolve(e);
    });
  });
}

const finished = (e: ContactSyncEvent): RunRecord | null =>
  e.type === 'run-finished' ? e.run : null;

describe('a run that dies with its tab', () => {
  it('is noticed by another tab within seconds, marked interrupted and told to every tab', async () => {
    const dbName = `dead-run-${Date.now()}-${Math.random().toString(36).slice(2)}`;
    const a = await createContactSync({ dbName, scheduler: 'manual' });
    const b = await createContactSync({ dbName, scheduler: 'manual' });
    const book = await a.books.create({ name: 'Customers' });
    const profile = await a.profiles.create(profileInput(book.id));
    const progress = nextEvent(
      b,
      (e) => e.type === 'run-progress' && e.progress.rows > 40_000,
      30_000,
      'progress',
    );
    void a.run(profile.id, csvFile(HEADER + people(150_000))).catch(() => undefined);
    await progress;
    const told = nextEvent(
      b,
      (e) => finished(e)?.status === 'interrupted',
      5000,
      'interrupted run',
    );
    a.close(); // the tab is gone: its worker, and with it the book's lock
    const run = finished(await told)!;
    expect(run.profileId).to.equal(profile.id);
    expect(run.error?.code).to.equal('interrupted');
    expect((await b.history.list({ profileId: profile.id }))[0]!.status).to.equal('interrupted');
    expect((await b.contacts.list(book.id)).total).to.equal(0);
    b.close();
  });

  it('runs an interrupted scheduled occurrence again, once, as a catch-up', async () => {
    const server = await localFileServer();
    await server.set(HEADER + people(150_000));
    const dbName = `dead-schedule-${Date.now()}-${Math.random().toString(36).slice(2)}`;
    const a = await createContactSync({ dbName, proxyUrl: '/v1', scheduler: 'manual' });
    const b = await createContactSync({ dbName, proxyUrl: '/v1', scheduler: 'manual' });
    const book = await a.books.create({ name: 'Scheduled' });
    const profile = await a.profiles.create(
      profileInput(book.id, {
        source: server.source,
        behaviour: { updateExisting: true, deleteMissing: false, importEveryTime: true },
        schedule: {
          startDate: new Date().toISOString().slice(0, 10),
          time: '09:00',
          timeZone: 'Europe/Riga',
          recurrence: { kind: 'daily', every: 1 },
          range: { kind: 'forever' },
        },
      }),
    );
    const at = (await a.scheduler.next(profile.id))! + 1000;
    const progress = nextEvent(
      b,
      (e) => e.type === 'run-progress' && e.progress.rows > 40_000,
      30_000,
      'progress',
    );
    void a.scheduler.tick(at).catch(() => undefined);
    await progress;
    const told = nextEvent(
      b,
      (e) => finished(e)?.status === 'interrupted',
      5000,
      'interrupted run',
    );
    a.close();
    const interrupted = finished(await told)!;
    expect(interrupted.notes.join(' ')).to.match(/run again once/);
    expect(interrupted.noteCodes!.map((n) => n.code)).to.include('catch-up-next');

    const again = await b.scheduler.tick(at + 60_000);
    expect(again.map((r) => r.status)).to.deep.equal(['success']);
    expect(again[0]!.trigger).to.equal('scheduled');
    expect((await b.contacts.list(book.id)).total).to.equal(150_000);
    // Once: the occurrence is done now, and the next one is tomorrow.
    expect(await b.scheduler.tick(at + 120_000)).to.deep.equal([]);
    const history = await b.history.list({ profileId: profile.id });
    expect(history.map((r) => r.status)).to.deep.equal(['success', 'interrupted']);
    b.close();
    // The file server is shared by every test file: leave it as the others expect it.
    await server.set('email,name\nann@example.com,Ann\n');
  });
});
