import { expect } from '@open-wc/testing';
import type { ContactSyncError, Mapping } from '../src/index.ts';
import { allContacts, csvFile, freshClient } from './helpers.ts';

const names = (contacts: { values: Record<string, string> }[]) =>
  contacts.map((c) => `${c.values.firstName} <${c.values.email}>`).sort();

describe('a one-off import (importFile)', () => {
  it('imports with the suggested mapping and leaves no saved import behind', async () => {
    const sync = await freshClient();
    const book = await sync.books.create({ name: 'Customers' });
    const file = 'First Name,E-mail Address\nAnn,ann@example.com\nBen,ben@example.com\n';
    const run = await sync.importFile(book.id, csvFile(file, 'outlook.csv'));
    expect(run.status).to.equal('success');
    expect(run.counts).to.include({ rows: 2, created: 2 });
    expect(run.fileName).to.equal('outlook.csv');
    expect(names(await allContacts(sync, book.id))).to.deep.equal([
      'Ann <ann@example.com>',
      'Ben <ben@example.com>',
    ]);
    expect(await sync.profiles.list(book.id)).to.deep.equal([]);
    const records = await sync.profiles.list(book.id, { oneOff: true });
    expect(records.map((p) => [p.name, p.oneOff])).to.deep.equal([['outlook.csv', true]]);
    expect((await sync.history.list({ bookId: book.id })).map((r) => r.id)).to.deep.equal([run.id]);

    // A second one-off import of a changed file updates by the key, and adds no saved import.
    const again = await sync.importFile(
      book.id,
      csvFile('First Name,E-mail Address\nAnna,ann@example.com\nCid,cid@example.com\n'),
    );
    expect(again.counts).to.include({ created: 1, updated: 1, deleted: 0 });
    expect(names(await allContacts(sync, book.id))).to.deep.equal([
      'Anna <ann@example.com>',
      'Ben <ben@example.com>',
      'Cid <cid@example.com>',
    ]);
    expect(await sync.profiles.list(book.id)).to.deep.equal([]);
    sync.close();
  });

  it('follows the mapping, folder and behaviour it is given, and reports progress', async () => {
    const sync = await freshClient();
    const book = await sync.books.create({ name: 'Customers' });
    const folder = await sync.folders.create(book.id, 'Fair 2026');
    await sync.importFile(book.id, csvFile('a@example.com;Old\n'), {
      parse: { header: false, delimiter: ';' },
      mapping: {
        columns: [
          { column: 0, header: 'Column 1', field: 'email' },
          { column: 1, header: 'Column 2', field: 'firstName' },
        ],
        key: { kind: 'column', column: 0 },
      },
    });
    const stages: string[] = [];
    const run = await sync.importFile(book.id, csvFile('a@example.com;New\nb@example.com;Bo\n'), {
      name: 'Visitors',
      folderId: folder.id,
      parse: { header: false, delimiter: ';' },
      behaviour: { updateExisting: false },
      mapping: {
        columns: [
          { column: 0, header: 'Column 1', field: 'email' },
          { column: 1, header: 'Column 2', field: 'firstName' },
        ],
        key: { kind: 'column', column: 0 },
      },
      onProgress: (p) => stages.push(p.stage),
    });
    expect(run.counts).to.include({ created: 1, unchanged: 1, updated: 0 });
    expect(stages).to.include('committing');
    const contacts = await allContacts(sync, book.id);
    expect(names(contacts)).to.deep.equal(['Bo <b@example.com>', 'Old <a@example.com>']);
    expect(contacts.find((c) => c.values.firstName === 'Bo')!.folderId).to.equal(folder.id);
    const records = await sync.profiles.list(book.id, { oneOff: true });
    expect(records.map((p) => p.name).sort()).to.deep.equal(['Visitors', 'contacts.csv']);
    sync.close();
  });

  it('keeps a contact deleted on the web out, as a saved import does', async () => {
    const sync = await freshClient();
    const book = await sync.books.create({ name: 'Customers' });
    const file = () => csvFile('Email,First Name\nann@example.com,Ann\nben@example.com,Ben\n');
    await sync.importFile(book.id, file());
    const ann = (await allContacts(sync, book.id)).find(
      (c) => c.values.email === 'ann@example.com',
    )!;
    await sync.contacts.delete(book.id, ann.id);
    const again = await sync.importFile(book.id, file());
    expect(again.counts).to.include({ rows: 2, skipped: 1, unchanged: 1, created: 0 });
    expect(names(await allContacts(sync, book.id))).to.deep.equal(['Ben <ben@example.com>']);
    sync.close();
  });

  it('says why, and keeps nothing, when no column matches a field', async () => {
    const sync = await freshClient();
    const book = await sync.books.create({ name: 'Customers' });
    const error = (await sync
      .importFile(book.id, csvFile('Colour,Size\nred,XL\n'))
      .catch((e: unknown) => e)) as ContactSyncError;
    expect(error.code).to.equal('mapping-invalid');
    expect(error.message).to.match(/pass a mapping/);
    expect(await sync.profiles.list(book.id, { oneOff: true })).to.deep.equal([]);
    sync.close();
  });

  it('throws for a file it cannot preview, and records a run that fails like run() once mapped', async () => {
    const sync = await freshClient();
    const book = await sync.books.create({ name: 'Customers' });
    const vcard = csvFile('BEGIN:VCARD\nVERSION:3.0\nFN:Ann\nEND:VCARD\n', 'ann.csv');
    const error = (await sync
      .importFile(book.id, vcard)
      .catch((e: unknown) => e)) as ContactSyncError;
    expect(error.code).to.equal('not-csv');
    expect(await sync.history.list({ bookId: book.id })).to.deep.equal([]);

    const mapping: Mapping = {
      columns: [{ column: 0, header: 'Email', field: 'email' }],
      key: { kind: 'column', column: 0 },
    };
    const run = await sync.importFile(book.id, csvFile('Email\na@example.com\u0000\n'), {
      mapping,
    });
    expect(run.status).to.equal('failed');
    expect(run.error!.code).to.be.a('string');
    expect((await sync.history.list({ bookId: book.id }))[0]!.id).to.equal(run.id);
    expect(await allContacts(sync, book.id)).to.deep.equal([]);

    const controller = new AbortController();
    controller.abort();
    const aborted = (await sync
      .importFile(book.id, csvFile('Email\na@example.com\n'), { signal: controller.signal })
      .catch((e: unknown) => e)) as ContactSyncError;
    expect(aborted.code).to.equal('aborted');
    sync.close();
  });
});
