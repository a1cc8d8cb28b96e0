import { expect } from '@open-wc/testing';
import {
  createContactSync,
  type ContactSync,
  type ContactSyncError,
  type ProfileInput,
  type RunRecord,
} from '../src/index.ts';
import { CSV, REMOTE_URL, seen, serve, startFakeProxy, worker } from './fake-proxy.ts';
import { profileInput, remoteSource } from './helpers.ts';

const DAY = 86_400_000;
const HEADER = 'email,name\n';
const rows = (n: number) =>
  Array.from({ length: n }, (_, i) => `u${i}@x.io,U${i}`).join('\n') + '\n';

/** A tab of the portal whose scheduler only moves when the test calls tick(now). */
const tab = (dbName: string) => createContactSync({ dbName, proxyUrl: '/v1', scheduler: 'manual' });

async function scheduledProfile(sync: ContactSync, over: Partial<ProfileInput> = {}) {
  const book = await sync.books.create({ name: 'Scheduled' });
  const today = new Date().toISOString().slice(0, 10);
  return sync.profiles.create(
    profileInput(book.id, {
      source: remoteSource(REMOTE_URL),
      schedule: {
        startDate: today,
        time: '09:00',
        timeZone: 'Europe/Riga',
        recurrence: { kind: 'daily', every: 1 },
        range: { kind: 'forever' },
      },
      ...over,
    }),
  );
}

describe('scheduled imports', () => {
  before(() => startFakeProxy());
  after(() => worker.stop());
  afterEach(() => {
    worker.resetHandlers();
    seen.reset();
  });

  it('run each occurrence once, on time, with the trigger "scheduled", and say when the next is', async () => {
    serve(CSV);
    const sync = await tab(`sched-${Date.now()}`);
    const profile = await scheduledProfile(sync);
    const first = (await sync.scheduler.next(profile.id))!;
    expect(first).to.be.a('number');
    expect(await sync.scheduler.tick(first - 1000)).to.deep.equal([]);
    const [run] = await sync.scheduler.tick(first + 1000);
    expect(run!.trigger).to.equal('scheduled');
    expect(run!.status).to.equal('success');
    expect(run!.notes).to.deep.equal([]);
    expect(await sync.scheduler.tick(first + 5000)).to.deep.equal([]);
    expect(await sync.scheduler.next(profile.id, first + 5000)).to.equal(first + DAY);
    const [second] = await sync.scheduler.tick(first + DAY + 1000);
    // The server reports the file unchanged: the scheduled run skips it.
    expect(second!.status).to.equal('unchanged');
    expect(seen.fetches).to.have.length(2);
    sync.close();
  });

  it('catch up missed occurrences once, and the history says the run was late and why', async () => {
    serve(CSV);
    const sync = await tab(`sched-late-${Date.now()}`);
    const profile = await scheduledProfile(sync);
    const first = (await sync.scheduler.next(profile.id))!;
    await sync.scheduler.tick(first + 1000);
    const caughtUp = await sync.scheduler.tick(first + 4 * DAY + 2 * 3_600_000);
    expect(caughtUp).to.have.length(1);
    expect(caughtUp[0]!.notes[0]).to.match(
      /was due at .* and ran late, when a portal tab was next open/,
    );
    expect(caughtUp[0]!.notes[1]).to.equal('3 earlier missed runs were caught up by this one.');
    expect(seen.fetches).to.have.length(2);
    sync.close();
  });

  it('take a pause, an edit or a deletion into account at once', async () => {
    serve(CSV);
    const sync = await tab(`sched-pause-${Date.now()}`);
    const profile = await scheduledProfile(sync);
    const first = (await sync.scheduler.next(profile.id))!;
    await sync.profiles.update(profile.id, { schedulePaused: true });
    expect(await sync.scheduler.tick(first + 1000)).to.deep.equal([]);
    expect(await sync.scheduler.next(profile.id)).to.equal(null);
    await sync.profiles.update(profile.id, { schedulePaused: false });
    expect(await sync.scheduler.tick(first + 1000)).to.have.length(1);
    await sync.profiles.update(profile.id, { schedule: null });
    expect(await sync.scheduler.tick(first + 3 * DAY)).to.deep.equal([]);
    sync.close();
  });

  it('never pass the mass-deletion guard, even with confirmation elsewhere', async () => {
    serve(HEADER + rows(20));
    const sync = await tab(`sched-guard-${Date.now()}`);
    const profile = await scheduledProfile(sync, {
      behaviour: { updateExisting: true, deleteMissing: true, importEveryTime: true },
    });
    const first = (await sync.scheduler.next(profile.id))!;
    await sync.scheduler.tick(first + 1000);
    worker.resetHandlers();
    serve(HEADER + rows(1));
    const [refused] = await sync.scheduler.tick(first + DAY + 1000);
    expect(refused!.status).to.equal('refused');
    expect(refused!.error!.message).to.match(/Scheduled imports never delete/);
    sync.close();
  });

  it('start on their own, on time, in "auto" mode (real time: waits for the next minute)', async function () {
    this.timeout(100_000);
    serve(CSV);
    const sync = await createContactSync({ dbName: `sched-auto-${Date.now()}`, proxyUrl: '/v1' });
    // The next whole minute, or the one after when this one is nearly over.
    const now = new Date();
    const at = new Date(
      Math.ceil((now.getTime() + (now.getUTCSeconds() > 50 ? 60_000 : 1)) / 60_000) * 60_000,
    );
    const finished = new Promise<RunRecord>((resolve) => sync.onRunFinished(resolve));
    await scheduledProfile(sync, {
      schedule: {
        startDate: at.toISOString().slice(0, 10),
        time: at.toISOString().slice(11, 16),
        timeZone: 'UTC',
        recurrence: { kind: 'daily', every: 1 },
        range: { kind: 'forever' },
      },
    });
    const run = await finished;
    expect(run.trigger).to.equal('scheduled');
    expect(run.status).to.equal('success');
    expect(run.startedAt).to.be.at.least(at.getTime());
    expect(run.startedAt - at.getTime()).to.be.below(5_000);
    sync.close();
  });

  it('refuse a schedule on a file from the computer', async () => {
    const sync = await tab(`sched-local-${Date.now()}`);
    const book = await sync.books.create({ name: 'Local' });
    const error = (await sync.profiles
      .create(
        profileInput(book.id, {
          schedule: {
            startDate: '2026-01-01',
            time: '09:00',
            timeZone: 'UTC',
            recurrence: { kind: 'daily', every: 1 },
            range: { kind: 'forever' },
          },
        }),
      )
      .catch((e: unknown) => e)) as ContactSyncError;
    expect(error.code).to.equal('invalid-argument');
    expect(error.message).to.match(/Only imports from a server/);
    sync.close();
  });
});
