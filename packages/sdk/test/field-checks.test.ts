import { expect } from '@open-wc/testing';
import {
  createContactSync,
  type ContactSync,
  type ContactSyncError,
  type FieldCheck,
} from '../src/index.ts';
import { allContacts, csvFile, profileInput } from './helpers.ts';

const dbName = () => `checks-${Date.now()}-${Math.random().toString(36).slice(2)}`;

/** An IBAN check as a host writes it: async, as a server's answer would be. */
const iban: FieldCheck = async (value) => {
  await new Promise((r) => setTimeout(r, 1));
  const compact = value.replace(/\s+/g, '').toUpperCase();
  return /^[A-Z]{2}\d{2}[A-Z0-9]{4,30}$/.test(compact) ? compact : { problem: 'not a valid IBAN' };
};

const CSV =
  'email,tier,iban\n' +
  'ann@example.com,gold,lv80 bank 0000 4351 9500 1\n' +
  'bob@example.com,,LV80BANK0000435195001\n' +
  'cy@example.com,Silver,12345\n' +
  'dee@example.com,Bronze,\n';

async function bookWithRules(sync: ContactSync) {
  const book = await sync.books.create({ name: 'Customers' });
  const tier = await sync.books.addField(book.id, {
    label: 'Tier',
    type: 'text',
    required: true,
    options: ['Gold', 'Silver'],
  });
  const account = await sync.books.addField(book.id, {
    label: 'IBAN',
    type: 'text',
    check: 'iban',
  });
  const profile = await sync.profiles.create(
    profileInput(book.id, {
      mapping: {
        columns: [
          { column: 0, header: 'email', field: 'email' },
          { column: 1, header: 'tier', field: tier.id },
          { column: 2, header: 'iban', field: account.id },
        ],
        key: { kind: 'column', column: 0 },
      },
    }),
  );
  return { book, tier, account, profile };
}

describe("fields with their own rules and the host's checks", () => {
  it('shows their problems in the review, then imports the rest as the checks wrote them', async () => {
    const sync = await createContactSync({ dbName: dbName(), fieldChecks: { iban } });
    const { book, tier, account, profile } = await bookWithRules(sync);
    expect(tier).to.include({ required: true });
    expect(account.check).to.equal('iban');

    const review = await sync.plan(profile.id, csvFile(CSV));
    expect(review.plan!.counts).to.include({ created: 1, invalid: 3 });
    expect(review.record.issues.map((i) => [i.row, i.code, i.params])).to.deep.equal([
      [3, 'missing-required', { field: 'Tier' }],
      [4, 'failed-check', { value: '12345', reason: 'not a valid IBAN' }],
      [5, 'not-an-option', { value: 'Bronze', options: 'Gold\nSilver' }],
    ]);

    const run = await sync.run(profile.id, csvFile(CSV));
    expect(run.status).to.equal('warnings');
    const [ann] = await allContacts(sync, book.id);
    expect(ann!.values).to.include({
      email: 'ann@example.com',
      [tier.id]: 'Gold',
      [account.id]: 'LV80BANK0000435195001',
    });
    expect(await allContacts(sync, book.id)).to.have.length(1);
    sync.close();
  });

  it('fails a run, changing nothing, when this page lacks the check or the check cannot answer', async () => {
    const name = dbName();
    const without = await createContactSync({ dbName: name });
    const { book, profile } = await bookWithRules(without);
    const missing = await without.run(profile.id, csvFile(CSV));
    expect(missing.status).to.equal('failed');
    expect(missing.error).to.include({ code: 'unsupported' });
    expect(missing.error!.message).to.contain(
      'names the check "iban", which is not available here',
    );
    without.close();

    const broken = await createContactSync({
      dbName: name,
      fieldChecks: {
        iban: () => {
          throw new Error('the bank register is down');
        },
      },
    });
    const failed = await broken.run(profile.id, csvFile(CSV));
    expect(failed.status).to.equal('failed');
    expect(failed.error).to.include({ code: 'check-failed' });
    expect(failed.error!.message).to.contain('the bank register is down');
    expect(await allContacts(broken, book.id)).to.deep.equal([]);
    broken.close();
  });

  it('keeps the rules for contacts written by hand, and applies changed rules to an unchanged file', async () => {
    const sync = await createContactSync({ dbName: dbName(), fieldChecks: { iban } });
    const { book, tier, profile } = await bookWithRules(sync);
    const refused = async (p: Promise<unknown>) =>
      ((await p.catch((e) => e)) as ContactSyncError).code;
    expect(
      await refused(sync.contacts.create(book.id, { values: { email: 'x@example.com' } })),
    ).to.equal('invalid-argument');
    expect(
      await refused(
        sync.contacts.create(book.id, { values: { email: 'x@example.com', [tier.id]: 'Bronze' } }),
      ),
    ).to.equal('invalid-argument');
    const made = await sync.contacts.create(book.id, {
      values: { email: 'x@example.com', [tier.id]: 'SILVER' },
    });
    expect(made.values[tier.id]).to.equal('Silver');
    expect(
      await refused(sync.contacts.update(book.id, made.id, { values: { [tier.id]: '' } })),
    ).to.equal('invalid-argument');

    const file = 'email,tier,iban\nann@example.com,Bronze,\n';
    expect((await sync.run(profile.id, csvFile(file))).counts).to.include({ invalid: 1 });
    // Values are matched ignoring case, so two spellings of one value are one allowed value.
    const rules = await sync.books.setFieldRules(book.id, tier.id, {
      options: ['Gold', 'GOLD', 'Bronze', 'gold'],
    });
    expect(rules.options).to.deep.equal(['Gold', 'Bronze']);
    const again = await sync.run(profile.id, csvFile(file));
    expect(again.status).to.equal('success');
    expect(again.counts).to.include({ created: 1 });
    sync.close();
  });
});
