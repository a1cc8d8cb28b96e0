// The demo host page: plain DOM code on the SDK's public API. Contact data is only ever put
// into the page as text (textContent), never as HTML.
import {
  createContactSync,
  DEFAULT_BEHAVIOUR,
  DEFAULT_PARSE_OPTIONS,
  toMapping,
} from '/sdk/index.js';

const $ = (id) => document.getElementById(id);
const sync = await createContactSync({ dbName: 'contactsync-demo' });
const book = (await sync.books.list())[0] ?? (await sync.books.create({ name: 'Contacts' }));
let preview = null;
let profile = null;
let controller = null;

function row(cells, header = false) {
  const tr = document.createElement('tr');
  for (const cell of cells) {
    const td = document.createElement(header ? 'th' : 'td');
    if (cell instanceof Node) td.append(cell);
    else td.textContent = cell ?? '';
    tr.append(td);
  }
  return tr;
}

function parseOptions() {
  const choice = $('delimiter').value;
  return {
    ...DEFAULT_PARSE_OPTIONS,
    header: $('header').checked,
    delimiter: choice === 'other' ? $('other').value || ',' : choice,
  };
}

async function refreshPreview() {
  const file = $('file').files[0];
  if (!file) return;
  try {
    preview = await sync.preview(book.id, file, parseOptions());
  } catch (error) {
    $('status').textContent = error.message;
    return;
  }
  const names = { ',': 'comma', ';': 'semicolon', '\t': 'tab', '|': 'pipe' };
  $('preview-info').textContent =
    `${preview.delimiterDetected ? 'Detected' : 'Using'} delimiter: ${names[preview.delimiter] ?? preview.delimiter} · ` +
    `encoding ${preview.encoding}${preview.encodingNote ? ` (${preview.encodingNote})` : ''}` +
    (preview.issues.length
      ? ` · ${preview.issues.length} problem(s): ${preview.issues.map((i) => i.message).join(' ')}`
      : '');
  const table = $('preview-table');
  table.replaceChildren(
    row(
      preview.columns.map((c) => c.label),
      true,
    ),
    ...preview.rows.slice(0, 8).map((r) => row(r.fields)),
  );
  const fields = (await sync.books.get(book.id)).fields;
  const mapping = $('mapping-table');
  mapping.replaceChildren(row(['File column', 'Samples', 'Contact field'], true));
  for (const col of preview.suggestion.columns) {
    const select = document.createElement('select');
    select.dataset.column = String(col.column);
    select.setAttribute('aria-label', `Field for column ${col.header}`);
    select.append(new Option('— ignore —', ''));
    for (const f of fields) select.append(new Option(f.label, f.id, false, f.id === col.field));
    const cell = document.createElement('span');
    cell.append(select);
    if (col.suggested)
      cell.append(
        Object.assign(document.createElement('span'), {
          className: 'suggested',
          textContent: ' suggested',
        }),
      );
    const summary = preview.columns[col.column];
    mapping.append(
      row([
        col.header,
        `${summary.samples.join(', ')}${summary.empty ? ` (${summary.empty} empty)` : ''}`,
        cell,
      ]),
    );
  }
  const key = $('key');
  key.replaceChildren(new Option('Generate 9-digit keys', 'generated'));
  for (const col of preview.suggestion.columns)
    key.append(new Option(col.header, String(col.column)));
  key.value =
    preview.suggestion.key.kind === 'column' ? String(preview.suggestion.key.column) : 'generated';
  $('preview').hidden = false;
  $('plan-btn').disabled = $('run-btn').disabled = false;
}

async function saveProfile() {
  const file = $('file').files[0];
  const columns = [...document.querySelectorAll('#mapping-table select')].map((s) => ({
    column: Number(s.dataset.column),
    header: preview.suggestion.columns[Number(s.dataset.column)].header,
    field: s.value || null,
  }));
  const key =
    $('key').value === 'generated'
      ? { kind: 'generated' }
      : { kind: 'column', column: Number($('key').value) };
  const input = {
    name: file.name,
    bookId: book.id,
    folderId: null,
    source: { kind: 'local', fileName: file.name },
    parse: parseOptions(),
    behaviour: {
      ...DEFAULT_BEHAVIOUR,
      updateExisting: $('update').checked,
      deleteMissing: $('delete').checked,
      importEveryTime: $('every').checked,
    },
    mapping: toMapping({ columns, key }),
    notifyEmail: null,
  };
  const existing = (await sync.profiles.list(book.id)).find((p) => p.name === file.name);
  profile = existing
    ? await sync.profiles.update(existing.id, input)
    : await sync.profiles.create(input);
}

function describe(record, plan) {
  const c = record.counts;
  const lines = [
    `${record.status.toUpperCase()}: ${c.created} new, ${c.updated} updated, ${c.unchanged} unchanged, ${c.deleted} deleted, ${c.skipped} skipped, ${c.invalid} invalid (${c.rows} rows).`,
    ...record.notes,
  ];
  if (record.error) lines.push(record.error.message);
  for (const issue of record.issues.slice(0, 20)) lines.push(`• ${issue.message}`);
  if (record.issueCount > 20) lines.push(`… and ${record.issueCount - 20} more problems.`);
  if (plan?.massDeletion)
    lines.push('Running it needs your confirmation because it deletes most contacts.');
  return lines.join('\n');
}

async function act(kind) {
  $('status').textContent = '';
  try {
    await saveProfile();
    const file = $('file').files[0];
    if (kind === 'plan') {
      const { record, plan } = await sync.plan(profile.id, file);
      $('result').textContent = 'Review — nothing has been changed yet.\n' + describe(record, plan);
      return;
    }
    controller = new AbortController();
    $('cancel-btn').hidden = false;
    $('progress').hidden = false;
    let record = await sync.run(profile.id, file, {
      signal: controller.signal,
      onProgress: (p) => {
        $('progress').value = p.totalBytes ? p.bytesRead / p.totalBytes : 0;
        $('status').textContent = `${p.stage}… ${p.rows.toLocaleString()} rows`;
      },
    });
    if (record.status === 'refused' && confirm(`${record.error.message}\n\nDelete them anyway?`)) {
      record = await sync.run(profile.id, file, { confirmMassDelete: true });
    }
    $('result').textContent = describe(record);
    $('status').textContent = `Import ${record.status}.`;
  } catch (error) {
    $('status').textContent = error.message;
  } finally {
    $('cancel-btn').hidden = true;
    $('progress').hidden = true;
  }
}

async function refreshHistory() {
  const runs = await sync.history.list({ bookId: book.id, limit: 20 });
  $('history').replaceChildren(
    row(['Name', 'Started', 'Status', 'Summary'], true),
    ...runs.map((r) =>
      row([
        r.fileName,
        new Date(r.startedAt).toLocaleString(),
        r.status,
        r.error?.message ??
          `${r.counts.created} new, ${r.counts.updated} updated, ${r.counts.deleted} deleted`,
      ]),
    ),
  );
}

async function refreshContacts() {
  const page = await sync.contacts.list(book.id, { search: $('search').value, limit: 100 });
  $('count').textContent = `(${page.total.toLocaleString()})`;
  const fields = ['firstName', 'lastName', 'email', 'phone', 'company'];
  $('contacts').replaceChildren(
    row(['First name', 'Last name', 'Email', 'Phone', 'Company', ''], true),
    ...page.items.map((c) => {
      const del = Object.assign(document.createElement('button'), {
        type: 'button',
        textContent: 'Delete',
      });
      del.setAttribute(
        'aria-label',
        `Delete ${c.values.firstName ?? ''} ${c.values.lastName ?? c.values.email ?? ''}`.trim(),
      );
      del.addEventListener('click', () =>
        sync.contacts.delete(book.id, c.id).catch((e) => ($('status').textContent = e.message)),
      );
      return row([...fields.map((f) => c.values[f]), del]);
    }),
  );
}

$('delimiter').addEventListener('change', () => {
  $('other-wrap').hidden = $('delimiter').value !== 'other';
  void refreshPreview();
});
for (const id of ['file', 'header', 'other'])
  $(id).addEventListener('change', () => void refreshPreview());
$('plan-btn').addEventListener('click', () => void act('plan'));
$('import-form').addEventListener('submit', (e) => {
  e.preventDefault();
  void act('run');
});
$('cancel-btn').addEventListener('click', () => controller?.abort());
$('search').addEventListener('input', () => void refreshContacts());
sync.subscribe((event) => {
  if (event.type === 'contacts-changed') void refreshContacts();
  if (event.type === 'run-finished' || event.type === 'run-started') void refreshHistory();
});
await Promise.all([refreshHistory(), refreshContacts()]);
