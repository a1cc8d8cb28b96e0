// Runs in the benchmark page; bench/run.mjs drives it through window.bench.
import {
  createContactSync,
  DEFAULT_BEHAVIOUR,
  DEFAULT_PARSE_OPTIONS,
  suggestMapping,
  toMapping,
} from '/sdk/index.js';

let longest = 0;
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) longest = Math.max(longest, entry.duration);
}).observe({ type: 'longtask', buffered: true });

const files = () =>
  Object.fromEntries([...document.getElementById('files').files].map((f) => [f.name, f]));

/** One message to a fresh bench worker; resolves with its answer. */
function inBenchWorker(message) {
  return new Promise((resolve, reject) => {
    const worker = new Worker('/bench/bench-worker.js', { type: 'module' });
    worker.onerror = (e) => reject(new Error(e.message));
    worker.onmessage = ({ data }) => {
      worker.terminate();
      if (data.error) reject(new Error(data.error));
      else resolve(data);
    };
    worker.postMessage(message);
  });
}

/** A baseline's time in ms. */
const baseline = async (kind, name) => (await inBenchWorker({ kind, file: files()[name] })).ms;

/** The write floor with the file, then the read floor with the 1% file: `{ writeMs, readMs }`. */
const floors = (name, changedName) =>
  inBenchWorker({ kind: 'floors', file: files()[name], changed: files()[changedName] });

/** A competitor's import, re-import of the 1% file and search, in one worker. */
const competitor = (kind, name, changedName) =>
  inBenchWorker({ kind, file: files()[name], changed: files()[changedName] });

/** A book with the bench's import profile (the generated file's ten columns mapped). */
async function benchProfile(client) {
  const book = await client.books.create({ name: 'Bench' });
  const fields = (await client.books.get(book.id)).fields;
  const headers = [
    'Email',
    'First Name',
    'Last Name',
    'Mobile Phone',
    'Company',
    'Job Title',
    'City',
    'Postal Code',
    'Country',
    'Notes',
  ];
  const mapping = toMapping(suggestMapping(headers, headers.length, fields));
  const profile = await client.profiles.create({
    name: 'bench',
    bookId: book.id,
    folderId: null,
    source: { kind: 'local', fileName: 'bench.csv' },
    parse: { ...DEFAULT_PARSE_OPTIONS },
    behaviour: { ...DEFAULT_BEHAVIOUR },
    mapping,
    notifyEmail: null,
  });
  return { profileId: profile.id, bookId: book.id };
}

/** Asks for exchanges until the backend has everything (the first asks may meet "standby"). */
async function untilSynced(client) {
  for (;;) {
    const status = await client.replication.syncNow();
    if (status.state === 'synced' && status.pending === 0) return status;
    if (status.state === 'retrying') throw new Error(JSON.stringify(status.error));
    await new Promise((r) => setTimeout(r, 20));
  }
}

let sync = null;
let profileId = null;
let bookId = null;

window.bench = {
  baseline,
  floors,
  competitor,
  resetLongTask() {
    longest = 0;
  },
  longestTask: () => longest,
  async setup() {
    sync?.close();
    sync = await createContactSync({ dbName: `bench-${Date.now()}` });
    ({ profileId, bookId } = await benchProfile(sync));
  },
  /**
   * A file imported browser-only, then the backend switched on: the time until the backend
   * holds every contact. Then the 1%-changed file, imported with the backend on: the time from
   * the run's start until the backend has its changes.
   */
  async replicate(name, changedName, backend, user) {
    const dbName = `bench-replica-${Date.now()}`;
    const local = await createContactSync({ dbName, scheduler: 'manual' });
    const ids = await benchProfile(local);
    const imported = await local.run(ids.profileId, files()[name]);
    local.close();
    const start = performance.now();
    const replica = await createContactSync({
      dbName,
      scheduler: 'manual',
      backend: { url: `/v1/${backend}/replication/`, headers: { 'x-bench-user': user } },
    });
    await untilSynced(replica);
    const firstMs = performance.now() - start;
    const again = performance.now();
    const record = await replica.run(ids.profileId, files()[changedName]);
    const runMs = performance.now() - again;
    await untilSynced(replica);
    const changedMs = performance.now() - again;
    replica.close();
    return {
      importStatus: imported.status,
      firstMs,
      runMs,
      changedMs,
      status: record.status,
      updated: record.counts.updated,
    };
  },
  /**
   * What the contact list and the recipient picker ask of a full book. A call that loads or
   * works something out once (the first search, the first page by name) is timed once; a call
   * repeated as a user scrolls or types is the median of five, since single calls of a few tens
   * of milliseconds swing with the machine.
   */
  async browse() {
    const { total } = await sync.contacts.list(bookId, { limit: 1 });
    // A text no contact holds; typed anew in another case each time, as a version keeps its
    // latest searches' matches and the same text again would be answered from them.
    const misses = ['No-such-text', 'nO-such-text', 'no-Such-text', 'no-sUch-text', 'no-suCh-text'];
    const miss = (i = -1) =>
      sync.contacts.list(bookId, { search: misses[i] ?? 'no-such-text', limit: 8 });
    // The contact list's first page for a text a tenth of the book holds: every match counted.
    const listed = (search = 'ann', offset = 0) =>
      sync.contacts.list(bookId, { search, offset, limit: 100 });
    // The same text typed anew: in another case each time, so nothing the first kept is used.
    const retyped = ['Ann', 'aNn', 'anN', 'ANn', 'AnN'];
    // The recipient picker's query for it: its eight suggestions, nothing counted.
    const recipients = () => sync.contacts.suggest(bookId, { search: 'ann', withField: 'email' });
    return {
      total,
      firstPage: await medianOf(() => sync.contacts.list(bookId, { offset: 0, limit: 100 })),
      lastPage: await medianOf(() =>
        sync.contacts.list(bookId, { offset: total - 100, limit: 100 }),
      ),
      firstSearch: await time(miss),
      searchMiss: await medianOf(miss),
      searchMatches: await time(() => listed()),
      // As the list scrolls: its next pages (the version keeps the search's matches).
      searchNextPages: await medianOf((i) => listed('ann', 100 * (i + 1))),
      // Typing on: the search again once the worker's code for matches is warm.
      searchMatchesAgain: await medianOf((i) => listed(retyped[i])),
      recipients: await time(recipients),
      recipientsAgain: await medianOf(recipients),
      // What the contact list shows first: by name (its default order).
      byName: await time(() => sync.contacts.list(bookId, { sort: 'name', limit: 100 })),
      matchesFound: (await listed()).total,
      recipientsFound: (await recipients()).length,
    };
  },
  /**
   * Five contacts from the middle of the book edited one after another, then deleted, end to
   * end through the SDK (the median of each); and the first page by name after the edits.
   */
  async editFive(total) {
    const { items } = await sync.contacts.list(bookId, {
      offset: Math.floor(total / 2),
      limit: 5,
    });
    const edits = [];
    for (const contact of items) {
      const field = Object.keys(contact.values).find((k) => k !== 'email') ?? 'email';
      const values = { ...contact.values, [field]: `${contact.values[field] ?? ''} (edited)` };
      edits.push(await time(() => sync.contacts.update(bookId, contact.id, { values })));
    }
    // The list's default order, as it shows again after the edits.
    const byNameAfterEdits = await time(() =>
      sync.contacts.list(bookId, { sort: 'name', limit: 100 }),
    );
    const removals = [];
    for (const contact of items)
      removals.push(await time(() => sync.contacts.delete(bookId, contact.id)));
    return { edit: median(edits), remove: median(removals), byNameAfterEdits };
  },
  /** The edits, then a new client on the same database (a new worker, as in a new tab) until it is ready, and its first page. */
  async editAndRestart(total) {
    const edited = await this.editFive(total);
    const dbName = sync.dbName;
    sync.close();
    const coldStart = await time(async () => {
      sync = await createContactSync({ dbName, scheduler: 'manual' });
    });
    const pageAfterStart = await time(() => sync.contacts.list(bookId, { offset: 0, limit: 100 }));
    // The recipient picker's first query in the new tab, before it has searched the book.
    const pickerAfterStart = await time(() =>
      sync.contacts.suggest(bookId, { search: 'ann', withField: 'email' }),
    );
    const searchAfterStart = await time(() =>
      sync.contacts.list(bookId, { search: 'no-such-text', limit: 8 }),
    );
    return { ...edited, coldStart, pageAfterStart, pickerAfterStart, searchAfterStart };
  },
  /**
   * The file's preview: through the SDK (the first call, then the median of five), and in the
   * import wizard as a person sees it: from pressing Next on the file's options to the preview
   * table's first rows painted. The wizard is shown before the clock starts (a page has it
   * shown when the person picks a file).
   */
  /** The elements' single-file build, loaded as a page loads it (before the main-thread watch). */
  async loadElements() {
    const { ImportWizard } = await import('/cdn/contactsync.js');
    ImportWizard.define();
  },
  async preview(name) {
    const file = files()[name];
    const sdkFirst = await time(() => sync.preview(bookId, file));
    const sdk = await medianOf(() => sync.preview(bookId, file));
    const wizard = document.createElement('cs-import-wizard');
    wizard.sync = sync;
    wizard.setAttribute('book-id', bookId);
    wizard.setAttribute('locale', 'en-GB');
    document.body.append(wizard);
    const root = wizard.shadowRoot;
    const until = async (test, what) => {
      for (let i = 0; i < 2000 && !test(); i++) await new Promise((r) => setTimeout(r, 5));
      if (!test()) throw new Error(`The wizard never showed ${what}.`);
    };
    const next = async () => {
      await wizard.updateComplete;
      const button = [...root.querySelectorAll('footer button')].find(
        (b) => b.textContent.trim() === 'Next',
      );
      await until(() => button && !button.disabled, 'an enabled Next button');
      button.click();
    };
    await until(() => root?.querySelector('[part=dropzone]'), 'its drop zone');
    const data = new DataTransfer();
    data.items.add(file);
    root
      .querySelector('[part=dropzone]')
      .dispatchEvent(
        new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }),
      );
    await next();
    await until(() => root.querySelector('input[name=delimiter]'), 'the file options');
    const start = performance.now();
    await next();
    await until(
      () => root.querySelector('[part=preview-table] tbody tr'),
      'the preview table with rows',
    );
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r)));
    const wizardMs = performance.now() - start;
    const rows = root.querySelectorAll('[part=preview-table] tbody tr').length;
    wizard.remove();
    return { sdkFirst, sdk, wizard: wizardMs, rows };
  },
  async run(name) {
    const start = performance.now();
    const record = await sync.run(profileId, files()[name]);
    return { ms: performance.now() - start, status: record.status, counts: record.counts };
  },
};
async function time(fn) {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** The median of `times` calls of `fn`, each given its number (0, 1, …). */
async function medianOf(fn, times = 5) {
  const ms = [];
  for (let i = 0; i < times; i++) ms.push(await time(() => fn(i)));
  return median(ms);
}

window.benchReady = true;
