import { expect } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import {
  createContactSync,
  type ContactSync,
  type ContactSyncError,
  type ProfileInput,
} from '../src/index.ts';
import { allContacts, profileInput, remoteSource } from './helpers.ts';
import {
  CSV,
  fail,
  HOST_KEY,
  REMOTE_URL as URL_,
  seen,
  serve,
  startFakeProxy,
  worker,
} from './fake-proxy.ts';

async function remoteSetup(overrides: Partial<ProfileInput> = {}) {
  const sync = await createContactSync({
    dbName: `remote-${Date.now()}-${Math.random()}`,
    proxyUrl: '/v1',
    notifyRetryDelaysMs: [10, 20],
  });
  const book = await sync.books.create({ name: 'Remote' });
  const token = await sync.credentials.seal({
    url: URL_,
    username: 'importer',
    password: 'Pw-9f3Kq-SECRET-remote',
  });
  const profile = await sync.profiles.create(
    profileInput(book.id, {
      source: remoteSource(URL_, token),
      ...overrides,
    }),
  );
  return { sync, book, profile };
}

describe('remote profiles through the proxy', () => {
  before(async () => {
    await startFakeProxy();
  });
  after(() => worker.stop());
  afterEach(() => {
    worker.resetHandlers();
    seen.reset();
  });

  it('seals the login, imports the file with "Import now", and pins the host key', async () => {
    serve(CSV);
    const { sync, book, profile } = await remoteSetup();
    expect(seen.sealed).to.deep.equal([
      { url: URL_, username: 'importer', password: 'Pw-9f3Kq-SECRET-remote' },
    ]);
    const stored = await sync.profiles.get(profile.id);
    expect(JSON.stringify(stored)).not.to.contain('Pw-9f3Kq');
    const stages: string[] = [];
    const record = await sync.run(profile.id, null, { onProgress: (p) => stages.push(p.stage) });
    expect(record.status).to.equal('success');
    expect(record.fileName).to.equal('contacts.csv');
    expect(stages[0]).to.equal('downloading');
    expect((await allContacts(sync, book.id)).map((c) => c.values.email).sort()).to.deep.equal([
      'ann@x.io',
      'bob@x.io',
    ]);
    expect(seen.fetches[0]).to.deep.include({
      url: URL_,
      credential: 'v1.sealed-token',
      hostKey: null,
    });
    expect((await sync.profiles.get(profile.id)).source).to.deep.include({ hostKey: HOST_KEY });
    // The pinned key travels with every later fetch.
    await sync.run(profile.id);
    expect(seen.fetches[1]).to.deep.include({ hostKey: HOST_KEY });
    sync.close();
  });

  it('skips the download when the server reports the file unchanged, unless "import every time"', async () => {
    serve(CSV);
    const { sync, profile } = await remoteSetup();
    await sync.run(profile.id);
    const second = await sync.run(profile.id);
    expect(second.status).to.equal('unchanged');
    expect(second.notes[0]).to.match(/not changed since the last import, so it was not downloaded/);
    expect(second.noteCodes).to.deep.equal([{ code: 'remote-unchanged' }]);
    expect(seen.fetches[1]!.since).to.deep.include({
      size: CSV.length,
      mtime: '2026-11-01T10:00:00.000Z',
    });
    await sync.profiles.update(profile.id, {
      behaviour: { updateExisting: true, deleteMissing: false, importEveryTime: true },
    });
    const third = await sync.run(profile.id);
    expect(seen.fetches[2]!.since).to.equal(null);
    expect(third.status).to.equal('success');
    expect(third.counts.unchanged).to.equal(2);
    sync.close();
  });

  it('records every proxy failure in plain words and changes nothing', async () => {
    serve(CSV);
    const { sync, book, profile } = await remoteSetup({
      behaviour: { updateExisting: true, deleteMissing: true, importEveryTime: true },
    });
    await sync.run(profile.id);
    const before = await allContacts(sync, book.id);
    for (const [status, code, message] of [
      [
        401,
        'login-failed',
        'files.example.com refused the login. Check the user name and password.',
      ],
      [404, 'not-found', 'There is no file at /exports/contacts.csv on files.example.com.'],
      [504, 'timeout', 'files.example.com did not answer in time.'],
      [
        502,
        'host-key-mismatch',
        'The SFTP server files.example.com presented a different host key.',
      ],
      [
        403,
        'blocked-address',
        'files.example.com resolves to 10.0.0.5 (private), a private or reserved address the proxy will not contact.',
      ],
      [413, 'too-large', "The file is larger than the proxy's limit."],
    ] as const) {
      fail(status, code, message);
      const record = await sync.run(profile.id);
      expect(record.status, code).to.equal('failed');
      expect(record.error!.message).to.equal(message);
      expect(record.error!.details).to.deep.include({ proxyCode: code });
      expect(await allContacts(sync, book.id)).to.deep.equal(before);
    }
    expect(
      (await sync.history.list({ profileId: profile.id })).filter((r) => r.status === 'failed'),
    ).to.have.length(6);
    sync.close();
  });

  it('treats a download cut short as a failure, never a partial import', async () => {
    serve('email,name\nann@x.io,Ann\n', { size: 10_000 });
    const { sync, book, profile } = await remoteSetup({
      behaviour: { updateExisting: true, deleteMissing: true, importEveryTime: true },
    });
    const record = await sync.run(profile.id);
    expect(record.status).to.equal('failed');
    expect(record.error!.message).to.match(/ended after \d+ of 10000 bytes/);
    // A code for components to word it by, not only the English sentence.
    expect(record.error!.details).to.deep.include({ reason: 'cut-off', expected: 10_000 });
    expect(await allContacts(sync, book.id)).to.deep.equal([]);
    sync.close();
  });

  it('says so when the proxy itself cannot be reached', async () => {
    worker.use(http.post('/v1/fetch', () => HttpResponse.error()));
    const { sync, profile } = await remoteSetup();
    const record = await sync.run(profile.id);
    expect(record.status).to.equal('failed');
    expect(record.error).to.deep.include({ code: 'source-failed' });
    expect(record.error!.details).to.deep.equal({ reason: 'proxy-unreachable' });
    sync.close();
  });

  it('reviews a remote file with a dry run', async () => {
    serve(CSV);
    const { sync, book, profile } = await remoteSetup();
    const { plan } = await sync.plan(profile.id);
    expect(plan!.counts.created).to.equal(2);
    expect((await sync.contacts.list(book.id)).total).to.equal(0);
    sync.close();
  });

  it('flags a backslash, a login in the URL and a missing proxy clearly', async () => {
    const sync: ContactSync = await createContactSync({ dbName: `remote-bad-${Date.now()}` });
    const book = await sync.books.create({ name: 'B' });
    const bad = (await sync.profiles
      .create(
        profileInput(book.id, {
          source: remoteSource('ftp://files.example.com\\exports\\contacts.csv'),
        }),
      )
      .catch((e: unknown) => e)) as ContactSyncError;
    expect(bad.code).to.equal('invalid-argument');
    expect(bad.message).to.contain('a backslash');
    const login = (await sync.credentials
      .seal({ url: 'ftp://me:pw@example.com/a.csv', username: 'a', password: 'b' })
      .catch((e: unknown) => e)) as ContactSyncError;
    expect(login.message).to.match(/Do not put the login in the address/);
    const noProxy = (await sync.credentials
      .seal({ url: URL_, username: 'a', password: 'b' })
      .catch((e: unknown) => e)) as ContactSyncError;
    expect(noProxy.message).to.match(/pass `proxyUrl`/);
    sync.close();
  });

  describe('error emails', () => {
    let reports: Record<string, unknown>[] = [];
    const notify = (status: number) =>
      worker.use(
        http.post('/v1/notify', async ({ request }) => {
          reports.push((await request.json()) as Record<string, unknown>);
          return status === 200
            ? HttpResponse.json({ sent: true })
            : HttpResponse.json(
                {
                  error: {
                    code: 'upstream-failed',
                    message: 'The mail server did not accept the message (ECONNECTION).',
                  },
                },
                { status },
              );
        }),
      );
    afterEach(() => (reports = []));

    async function settled(sync: ContactSync, profileId: string) {
      for (let i = 0; i < 100; i++) {
        const [latest] = await sync.history.list({ profileId, limit: 1 });
        if (latest?.notification) return latest;
        await new Promise((r) => setTimeout(r, 20));
      }
      throw new Error(
        `no notification outcome recorded: ${JSON.stringify((await sync.history.list({ profileId, limit: 1 }))[0])} reports=${reports.length}`,
      );
    }

    it('mails the notify address about a failed run and records it; the host hears onRunFinished too', async () => {
      notify(200);
      fail(
        401,
        'login-failed',
        'files.example.com refused the login. Check the user name and password.',
      );
      const { sync, profile } = await remoteSetup({ notifyEmail: 'admin@portal.example' });
      const finished: string[] = [];
      sync.onRunFinished((run) => finished.push(run.status));
      const record = await sync.run(profile.id);
      expect(record.status).to.equal('failed');
      const latest = await settled(sync, profile.id);
      expect(latest.notification).to.deep.equal({
        to: 'admin@portal.example',
        status: 'sent',
        attempts: 1,
        error: null,
      });
      expect(reports).to.have.length(1);
      expect(reports[0]).to.deep.include({
        to: 'admin@portal.example',
        profileName: 'CRM export',
        status: 'failed',
        error: 'files.example.com refused the login. Check the user name and password.',
      });
      expect(JSON.stringify(reports)).not.to.contain('Pw-9f3Kq');
      expect(finished).to.deep.equal(['failed']);
      sync.close();
    });

    it('retries, then records that the email could not be sent, leaving the run as it was', async () => {
      notify(502);
      serve('email,name\nann@x.io,Ann\nnot-an-email,Bad\n');
      const { sync, profile } = await remoteSetup({ notifyEmail: 'admin@portal.example' });
      const record = await sync.run(profile.id);
      expect(record.status).to.equal('warnings');
      const latest = await settled(sync, profile.id);
      expect(latest.status).to.equal('warnings');
      expect(latest.notification).to.deep.include({ status: 'failed', attempts: 3 });
      expect(latest.notification!.error).to.match(/did not accept the message/);
      expect((reports[0]!.issues as string[])[0]).to.match(/Row 3, column "email"/);
      sync.close();
    });

    it('sends nothing for a successful run', async () => {
      notify(200);
      serve(CSV);
      const { sync, profile } = await remoteSetup({ notifyEmail: 'admin@portal.example' });
      expect((await sync.run(profile.id)).status).to.equal('success');
      await new Promise((r) => setTimeout(r, 100));
      expect(reports).to.deep.equal([]);
      expect(
        (await sync.history.list({ profileId: profile.id }))[0]!.notification ?? null,
      ).to.equal(null);
      sync.close();
    });
  });
});
