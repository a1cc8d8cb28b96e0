import { expect } from '@open-wc/testing';
import {
  ContactSyncError,
  type FieldCheckAnswer,
  type FieldChecks,
  type FieldDef,
} from '../src/index.ts';
import { makeBook, makeProfile, MemoryTarget, run } from './helpers.ts';

const TIER: FieldDef = {
  id: 'tier',
  label: 'Tier',
  type: 'text',
  builtIn: false,
  required: true,
  options: ['Gold', 'Silver'],
};
const IBAN: FieldDef = { id: 'iban', label: 'IBAN', type: 'text', builtIn: false, check: 'iban' };

const profile = makeProfile({
  mapping: {
    columns: [
      { column: 0, header: 'email', field: 'email' },
      { column: 1, header: 'tier', field: 'tier' },
      { column: 2, header: 'iban', field: 'iban' },
    ],
    key: { kind: 'column', column: 0 },
  },
});
const book = makeBook([TIER, IBAN]);

/** A host check as the SDK hands it over: it may be async, like a server's. */
function ibanChecks(log: string[][] = []): FieldChecks {
  return {
    has: (name) => name === 'iban',
    async check(_name, values) {
      log.push([...values]);
      await new Promise((r) => setTimeout(r, 1));
      return values.map((v): FieldCheckAnswer => {
        const compact = v.replace(/\s+/g, '').toUpperCase();
        return /^[A-Z]{2}\d{2}[A-Z0-9]{4,30}$/.test(compact)
          ? { value: compact }
          : { problem: 'not an IBAN' };
      });
    },
  };
}

describe("a field's own rules and a host's checks", () => {
  it('leaves out rows without a required value or with a value not allowed, and spells options as defined', async () => {
    const target = new MemoryTarget();
    const csv =
      'email,tier,iban\n' +
      'ann@x.io,gold,lv80 bank 0000 4351 9500 1\n' +
      'bob@x.io,,\n' +
      'cy@x.io,Bronze,\n' +
      'dee@x.io,SILVER,\n';
    const { record } = await run(csv, target, { profile, book, fieldChecks: ibanChecks() });
    expect(record.status).to.equal('warnings');
    expect(record.counts).to.include({ rows: 4, created: 2, invalid: 2 });
    expect(target.byKey('ann@x.io')!.values).to.include({ tier: 'Gold' });
    expect(target.byKey('dee@x.io')!.values).to.include({ tier: 'Silver' });
    expect(record.issues.map((i) => [i.row, i.code, i.params])).to.deep.equal([
      [3, 'missing-required', { field: 'Tier' }],
      [4, 'not-an-option', { value: 'Bronze', options: 'Gold\nSilver' }],
    ]);
  });

  it("keeps a value as the host's check rewrote it, and words its problems like built-in ones", async () => {
    const target = new MemoryTarget();
    const asked: string[][] = [];
    const csv =
      'email,tier,iban\n' +
      'ann@x.io,Gold,lv80 bank 0000 4351 9500 1\n' +
      'bob@x.io,Gold,12345\n' +
      'cy@x.io,Bronze,also bad\n';
    const { record } = await run(csv, target, { profile, book, fieldChecks: ibanChecks(asked) });
    expect(target.byKey('ann@x.io')!.values.iban).to.equal('LV80BANK0000435195001');
    expect(target.byKey('bob@x.io')).to.equal(undefined);
    // One call for the batch, with only the rows still valid (Bronze was already out).
    expect(asked).to.deep.equal([['lv80 bank 0000 4351 9500 1', '12345']]);
    // In the order of the rows, as built-in problems are.
    expect(record.issues.map((i) => [i.row, i.code])).to.deep.equal([
      [3, 'failed-check'],
      [4, 'not-an-option'],
    ]);
    expect(record.issues[0]!.params).to.deep.equal({ value: '12345', reason: 'not an IBAN' });
    expect(record.issues[0]!.message).to.equal(
      'Row 3, column "iban": "12345": not an IBAN; the row was skipped.',
    );
  });

  it("shortens a long value the host's check refused as built-in problems do, and quotes it", async () => {
    const target = new MemoryTarget();
    const long = `X"${'9'.repeat(80)}`;
    const csv = `email,tier,iban\nann@x.io,Gold,"X""${'9'.repeat(80)}"\n`;
    const { record } = await run(csv, target, { profile, book, fieldChecks: ibanChecks() });
    const shown = `${long.slice(0, 57)}...`;
    expect(record.issues[0]!.params).to.deep.equal({ value: shown, reason: 'not an IBAN' });
    expect(record.issues[0]!.message).to.equal(
      `Row 2, column "iban": ${JSON.stringify(shown)}: not an IBAN; the row was skipped.`,
    );
  });

  it('fails the run, changing nothing, when the check is missing, throws or answers wrongly', async () => {
    const csv = 'email,tier,iban\nann@x.io,Gold,LV80BANK0000435195001\n';
    const cases: [FieldChecks | undefined, string][] = [
      [undefined, 'unsupported'],
      [{ has: () => true, check: () => Promise.reject(new Error('server down')) }, 'check-failed'],
      [{ has: () => true, check: async () => [] }, 'check-failed'],
      [{ has: () => true, check: async () => [{ nonsense: 1 } as never] }, 'check-failed'],
    ];
    for (const [fieldChecks, code] of cases) {
      const target = new MemoryTarget();
      const { record } = await run(csv, target, {
        profile,
        book,
        ...(fieldChecks ? { fieldChecks } : {}),
      });
      expect(record.status, code).to.equal('failed');
      expect(record.error?.code).to.equal(code);
      expect(target.contacts.size).to.equal(0);
    }
  });

  it('refuses a mapping that leaves a required field without a column', async () => {
    const target = new MemoryTarget();
    const unmapped = makeProfile();
    const { record } = await run('email,first,phone\nann@x.io,Ann,\n', target, {
      profile: unmapped,
      book,
      fieldChecks: ibanChecks(),
    });
    expect(record.status).to.equal('failed');
    expect(record.error?.code).to.equal('mapping-invalid');
    expect(record.error?.details).to.deep.equal({ required: 'Tier' });
    expect(new ContactSyncError('mapping-invalid', 'x').code).to.equal('mapping-invalid');
  });
});
