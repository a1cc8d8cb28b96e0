import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startMailSink, type ReceivedMail } from './fixtures/mail-sink.ts';
import { errorOf, PASSWORD, SECRET_MARK, startProxy, type RunningProxy } from './fixtures/proxy.ts';

/** Undoes quoted-printable and RFC 2047 encoded words, enough to read what nodemailer sent. */
function decodeMail(raw: string): string {
  const qp = (text: string) =>
    Buffer.from(
      text
        .replace(/=\r?\n/g, '')
        .replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))),
      'latin1',
    ).toString('utf8');
  const unfolded = raw.replace(/\?=\r?\n =\?UTF-8\?Q\?/g, '');
  return qp(
    unfolded.replace(/=\?UTF-8\?Q\?(.*?)\?=/g, (_, word: string) => word.replace(/_/g, ' ')),
  );
}

describe('error notifications by email', () => {
  let sink: Awaited<ReturnType<typeof startMailSink>>;
  let received: ReceivedMail[];
  let proxy: RunningProxy;

  before(async () => {
    sink = await startMailSink();
    received = sink.received;
    proxy = await startProxy({
      smtp: {
        url: sink.url,
        from: 'contactsync@portal.example',
        recipients: ['@portal.example', 'it@partner.example'],
        perCallerPerHour: 5,
      },
    });
  });
  after(async () => {
    await proxy.close();
    await sink.close();
  });

  it('sends which import, when, what happened, counts, first problems and what to do', async () => {
    const res = await proxy.post('/v1/notify', {
      to: 'admin@portal.example',
      profileName: 'Nightly CRM',
      status: 'warnings',
      startedAt: Date.parse('2026-11-22T02:30:00Z'),
      fileName: 'contacts.csv',
      counts: {
        rows: 120,
        created: 3,
        updated: 5,
        unchanged: 110,
        deleted: 0,
        skipped: 0,
        invalid: 2,
      },
      issueCount: 2,
      issues: [
        'Row 7, column "Email": "ann@" is not a valid email address.',
        'Row 9 has no value in the unique key column "Email"; it was skipped.',
      ],
      error: null,
      // Anything else the browser sends is ignored, passwords included.
      password: PASSWORD,
      html: '<script>alert(1)</script>',
    });
    assert.equal(res.status, 200, await res.clone().text());
    assert.equal(received.length, 1);
    const mail = { ...received[0]!, data: decodeMail(received[0]!.data) };
    assert.equal(mail.from, 'contactsync@portal.example');
    assert.deepEqual(mail.to, ['admin@portal.example']);
    assert.match(mail.data, /Subject: Contact import finished with problems/);
    assert.match(mail.data, /The contact import "Nightly CRM" finished with problems\./);
    assert.match(mail.data, /When: Sun, 22 Nov 2026 02:30:00 GMT/);
    assert.match(
      mail.data,
      /Rows: 120; new 3, updated 5, unchanged 110, deleted 0, skipped 0, invalid 2\./,
    );
    assert.match(mail.data, /Row 7, column "Email": "ann@" is not a valid email address\./);
    assert.match(mail.data, /What to do: Some rows were skipped\./);
    assert.ok(!mail.data.includes(SECRET_MARK));
    assert.ok(!mail.data.includes('<script>'));
  });

  it('refuses anything but one valid recipient, and says when no mail server is set up', async () => {
    for (const to of ['not-an-email', 'a@x.io, b@x.io', 'a@x.io\r\nBcc: victim@x.io']) {
      assert.equal(
        (await errorOf(await proxy.post('/v1/notify', { to, status: 'failed' }))).code,
        'invalid-request',
        to,
      );
    }
    const bare = await startProxy();
    try {
      const failure = await errorOf(
        await bare.post('/v1/notify', { to: 'a@x.io', status: 'failed' }),
      );
      assert.deepEqual([failure.status, failure.code], [503, 'not-configured']);
    } finally {
      await bare.close();
    }
  });

  it('reports a mail server that refuses, without quoting its URL', async () => {
    const closed = await startProxy({
      smtp: { url: `smtp://mailer:${PASSWORD}@127.0.0.1:1`, from: 'x@y.z', recipients: ['@x.io'] },
    });
    try {
      const failure = await errorOf(
        await closed.post('/v1/notify', { to: 'a@x.io', status: 'failed', error: 'x' }),
      );
      assert.equal(failure.code, 'upstream-failed');
      assert.ok(!JSON.stringify(failure).includes(SECRET_MARK));
    } finally {
      await closed.close();
    }
  });
});
