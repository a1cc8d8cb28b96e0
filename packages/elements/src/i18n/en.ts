import type { ErrorCode, IssueCode, NoteCode, RunCounts } from '@contactsync/sdk';

/** A run's counts, or an undo's (`created` restored, `updated` changed back, `deleted` removed). */
type UndoCounts = Pick<RunCounts, 'created' | 'updated' | 'deleted'>;

/** Why a remote file could not be fetched, by the proxy's code (or the SDK's `reason`). */
const sourceFailures: Record<string, string> = {
  'login-failed': 'the server refused the user name or password.',
  'not-found': 'there is no such file on the server.',
  timeout: 'the server did not answer in time.',
  'certificate-rejected': 'the server’s certificate is not valid.',
  'host-key-mismatch':
    'the SFTP server’s key is not the one saved with this import (the server may have been replaced, or someone may be in between).',
  'too-large': 'the file is larger than the proxy allows.',
  'blocked-address': 'the proxy does not fetch from private or local network addresses.',
  'too-many-redirects': 'the server redirected too many times.',
  'invalid-url': 'the address is not one the proxy can fetch.',
  'too-many-requests': 'too many requests were made; wait a minute.',
  'proxy-unreachable': 'the ContactSync proxy could not be reached.',
  'cut-off': 'the download stopped before the whole file arrived.',
};

/** "1 contact" or "3 contacts". */
const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * Every string the components show, in English. Hosts replace any of them through the
 * `messages` property (or pass a whole catalogue such as `lv`).
 */
export const en = {
  // History grid
  historyTitle: 'Synchronization history',
  historyEmpty: 'No imports have been set up yet.',
  columnName: 'Name',
  columnLatest: 'Latest import',
  newImport: 'Set up a new import',
  emailSent: (to: string) => `An error email was sent to ${to}.`,
  emailFailed: (to: string, attempts: number) =>
    `The error email to ${to} could not be sent (${attempts} ${attempts === 1 ? 'attempt' : 'attempts'}).`,
  lastAttempt: (when: string, status: string) => `Last attempt: ${when} · ${status}`,
  columnNext: 'Next import',
  columnImportNow: 'Import now',
  columnStatus: 'Status',
  columnActions: 'Actions',
  never: 'Never',
  notScheduled: 'Not scheduled',
  paused: 'Paused',
  importNow: 'Go',
  importing: 'Importing…',
  edit: 'Edit',
  delete: 'Delete',
  confirmDeleteTitle: 'Delete this import?',
  confirmDeleteText: (name: string) =>
    `"${name}" and its history will be removed. Contacts it imported stay in the address book.`,
  confirmDelete: 'Delete',
  undo: 'Undo import',
  reviewAndImport: 'Review and import',
  confirmUndoTitle: 'Undo this import?',
  confirmUndoText: (name: string, when: string, c: UndoCounts) =>
    `The import “${name}” of ${when} is taken back: ${
      [
        c.created
          ? `${count(c.created, 'contact it added is', 'contacts it added are')} removed`
          : '',
        c.updated + c.deleted
          ? `${count(c.updated + c.deleted, 'contact it changed or deleted comes', 'contacts it changed or deleted come')} back as they were`
          : '',
      ]
        .filter(Boolean)
        .join(', and ') || 'it changed no contacts'
    }. The next import applies the file again.`,
  confirmUndo: 'Undo import',
  undoDone: (c: UndoCounts) =>
    `Import undone: ${
      [
        c.deleted ? `${count(c.deleted, 'contact', 'contacts')} removed` : '',
        c.updated ? `${c.updated} changed back` : '',
        c.created ? `${c.created} restored` : '',
      ]
        .filter(Boolean)
        .join(', ') || 'no contacts changed'
    }.`,
  undoneLine: (when: string) => `Undone: ${when}`,
  cancel: 'Cancel',
  problems: (count: number) => (count === 1 ? '1 problem' : `${count} problems`),
  status: {
    none: 'Not run yet',
    running: 'Running',
    success: 'Succeeded',
    warnings: 'Finished with problems',
    failed: 'Failed',
    refused: 'Refused',
    unchanged: 'File unchanged',
    interrupted: 'Interrupted',
    cancelled: 'Cancelled',
    undone: 'Undone',
  } as Record<
    | 'none'
    | 'running'
    | 'success'
    | 'warnings'
    | 'failed'
    | 'refused'
    | 'unchanged'
    | 'interrupted'
    | 'cancelled'
    | 'undone',
    string
  >,

  // Built-in contact fields, by id
  fieldLabels: {
    firstName: 'First name',
    lastName: 'Last name',
    displayName: 'Display name',
    email: 'Email',
    phone: 'Phone',
    mobile: 'Mobile',
    company: 'Company',
    title: 'Job title',
    street: 'Street',
    city: 'City',
    region: 'State / region',
    postalCode: 'Postal code',
    country: 'Country',
    birthday: 'Birthday',
    website: 'Website',
    notes: 'Notes',
    password: 'Password',
  } as Record<string, string>,
  fieldTypes: {
    text: 'Text',
    email: 'Email',
    phone: 'Phone',
    date: 'Date',
    number: 'Number',
    url: 'Web address',
    password: 'Password',
  },

  // Mapping table
  mappingTitle: 'Match the file’s columns to contact fields',
  mappingColumn: 'File column',
  mappingSamples: 'Sample values',
  mappingField: 'Contact field',
  mappingKey: 'Unique key',
  mappingRemove: 'Remove',
  mappingFieldFor: (column: string) => `Contact field for column "${column}"`,
  mappingKeyFor: (column: string) => `Use "${column}" as the unique key`,
  mappingRemoveFor: (column: string) => `Remove the mapping of "${column}"`,
  mappingIgnore: 'Don’t import',
  mappingNewField: 'New field…',
  mappingCustomFields: 'Custom fields',
  mappingBuiltInFields: 'Contact fields',
  mappingSuggested: 'Suggested',
  mappingNoSamples: 'Empty in the sample',
  newFieldLabel: 'Name of the new field',
  newFieldType: 'Type',
  newFieldRequired: 'Required: rows without a value are left out',
  newFieldOptions: 'Allowed values, one per line (leave empty for any)',
  newFieldOptionTooLong: (line: number, max: number) =>
    `Line ${line} of the allowed values is longer than ${max} characters.`,
  newFieldAdd: 'Add field',
  keyGenerated: 'Generated keys',
  keyGeneratedHelp:
    'Every contact gets a new 9-digit key. Each import adds the file’s rows as new contacts, so existing contacts cannot be updated or deleted by a later import.',
  keyColumnHelp: (column: string) =>
    `Rows are matched to existing contacts by "${column}": a contact whose value is in the file is updated, and the others may be deleted.`,
  keyConflict:
    'Generated keys cannot update or delete existing contacts: choose a unique key column, or turn off “Update existing contacts” and “Delete contacts not found in the file”.',
  mappingNothing: 'Map at least one column to a contact field.',
  mappingRequired: (field: string) => `“${field}” is required: map a column to it.`,
  /** A required field as the mapping's field menu offers it. */
  fieldRequired: (label: string) => `${label} (required)`,
  twinFound: (name: string) =>
    `“${name}” already imports a file with this name into this address book. Update that import with this file, or set up a separate one?`,
  twinUpdate: (name: string) => `Update “${name}”`,
  twinNew: 'Set up a separate import',
  vcardNotCsv:
    'This file is a vCard address book (.vcf), not a CSV file. Import it where vCard files are read, such as the phone panel.',
  vcardHandedOver:
    'This file is a vCard address book (.vcf): it was opened in the phone panel, where vCards are imported.',
  keyGeneratedOptionsOff: (update: string, remove: string) =>
    `Generated keys make every row a new contact, so “${update}” and “${remove}” were turned off for this import.`,

  // Schedule editor
  scheduleTitle: 'Schedule',
  scheduleStart: 'Start date',
  scheduleStarts: 'When it starts',
  scheduleUpcoming: (runs: string[]) => `Next runs: ${runs.join(' · ')}`,
  scheduleNoMore: 'This schedule runs no more (its end has passed).',
  scheduleTime: 'Time',
  scheduleTimeZone: 'Time zone',
  scheduleRepeat: 'Repeat',
  recurrence: {
    daily: 'Daily',
    weekdays: 'Every weekday (Monday to Friday)',
    weekly: 'Weekly',
    'monthly-day': 'Monthly on a day',
    'monthly-weekday': 'Monthly on a weekday',
    yearly: 'Yearly',
  },
  scheduleEvery: 'Every',
  scheduleUnit: {
    daily: 'day(s)',
    weekly: 'week(s)',
    'monthly-day': 'month(s)',
    'monthly-weekday': 'month(s)',
  } as Record<string, string>,
  scheduleOnDays: 'On',
  scheduleDayOfMonth: 'Day of the month',
  scheduleNth: 'Which',
  nth: { '1': 'First', '2': 'Second', '3': 'Third', '4': 'Fourth', '-1': 'Last' } as Record<
    string,
    string
  >,
  scheduleWeekday: 'Weekday',
  scheduleMonth: 'Month',
  scheduleRange: 'Ends',
  rangeForever: 'Never',
  rangeCount: 'After a number of imports',
  rangeCountLabel: 'Number of imports',
  rangeUntil: 'On a date',
  rangeUntilLabel: 'Last date',
  scheduleNotify: 'Email about failed imports (optional)',
  scheduleDayPast: 'A day past the end of a shorter month falls on its last day.',
  schedulePaused: 'Paused (keep the settings, start no imports)',
  scheduleIncomplete:
    'Complete the schedule: choose at least one day, and an end date after the start.',

  // Import wizard
  wizardTitle: 'Import contacts',
  wizardEditTitle: (name: string) => `Edit "${name}"`,
  wizardRunTitle: (name: string) => `Import “${name}”`,
  wizardSteps: {
    source: 'Source',
    options: 'Options',
    preview: 'Preview',
    mapping: 'Mapping',
    review: 'Review',
    run: 'Import',
    schedule: 'Schedule',
    done: 'Done',
  } as Record<string, string>,
  stepOf: (n: number, total: number) => `Step ${n} of ${total}`,
  back: 'Back',
  next: 'Next',
  finish: 'Finish',
  saveForLater: 'Save for later',
  keyEmpty: (column: string) =>
    `The unique key column “${column}” has no values in this file, so every row would be left out. Choose a column that identifies each contact, or generated keys.`,
  close: 'Close',
  working: 'Working…',
  sourceHeading: 'Where is the file?',
  sourceLocal: 'A file on this computer',
  sourceRemote: 'A file on a server',
  chooseFile: 'Choose a CSV or Excel file',
  dropHere: 'or drop it here',
  chosenFile: (name: string, size: string) => `${name} (${size})`,
  chooseAgain: (name: string) => `Choose the file again to import it (last time: ${name}).`,
  needFile: 'Choose a file to import.',
  needAddress:
    'Enter where the file is: server and path, e.g. files.example.com/exports/contacts.csv',
  protocol: 'Protocol',
  protocols: {
    http: 'HTTP',
    https: 'HTTPS',
    ftp: 'FTP',
    ftps: 'FTPS (explicit TLS)',
    'ftps-implicit': 'FTPS (implicit TLS)',
    sftp: 'SFTP',
  } as Record<string, string>,
  address: 'File location',
  addressHelp: 'Server and path with “/”, e.g. files.example.com/exports/contacts.csv',
  login: 'Login',
  password: 'Password',
  passwordKept: 'A password is saved for this login. Leave empty to keep it.',
  passwordHelp: 'Sent once to the proxy, which seals it; it is never stored in plain text.',
  importName: 'Name of this import',
  optionsHeading: 'How is the file written?',
  optionHeader: 'The first line holds the column names',
  delimiter: 'Delimiter',
  delimiters: {
    auto: 'Detect automatically',
    ',': 'Comma',
    ';': 'Semicolon',
    '\t': 'Tab',
    other: 'Other',
  } as Record<string, string>,
  otherDelimiter: 'Other delimiter (one character)',
  needDelimiter: 'Enter one character as the delimiter.',
  optionUpdate: 'Update existing contacts',
  optionDelete: 'Delete contacts not found in the file',
  optionDeleteHelp:
    'Only contacts this import brought in are deleted. If a file holds 10% or less of them, a scheduled import stops instead, so a cut or wrong file cannot empty the address book.',
  optionEveryTime: 'Import every time, even when the file has not changed',
  optionKeepMissing: 'If a mapped column is missing from the file, import the rest',
  optionKeepMissingHelp:
    'Fields of missing columns are left as they are. Otherwise such a file is not imported and nothing changes. Columns are always matched by their names, so a new column order is safe.',
  notifyEmail: 'Email about failed imports (optional)',
  badEmail: 'Enter a valid email address, or leave the field empty.',
  previewHeading: 'Does this look right?',
  previewFacts: (delimiter: string, detected: boolean, encoding: string) =>
    `${detected ? 'Detected delimiter' : 'Delimiter'}: ${delimiter} · Encoding: ${encoding}`,
  previewRows: (shown: number) => `The first ${shown} rows of the file`,
  encodingLabel: 'Encoding',
  previewOneColumn: (delimiter: string) =>
    `Every row is in one column: the file is probably not separated by ${delimiter}. Go back and choose its delimiter.`,
  workbookFacts: (sheet: string, count: number) =>
    count === 1
      ? `A workbook: its sheet “${sheet}” is read.`
      : `A workbook with ${count} sheets: “${sheet}” is read.`,
  sheetLabel: 'Sheet',
  encodingAuto: 'Detect automatically',
  /** The encodings a file may be read in; unknown ones show their code. */
  encodingNames: {
    'utf-8': 'UTF-8',
    'windows-1252': 'Windows-1252 (Western European)',
    'utf-16le': 'UTF-16 LE',
    'utf-16be': 'UTF-16 BE',
    'windows-1250': 'Windows-1250 (Central European)',
    'windows-1251': 'Windows-1251 (Cyrillic)',
    'windows-1257': 'Windows-1257 (Baltic)',
    'iso-8859-1': 'ISO-8859-1 (Western European)',
    'iso-8859-2': 'ISO-8859-2 (Central European)',
    'iso-8859-13': 'ISO-8859-13 (Baltic)',
    'iso-8859-15': 'ISO-8859-15 (Western European, €)',
    shift_jis: 'Shift_JIS (Japanese)',
    gb18030: 'GB18030 (Chinese)',
  } as Record<string, string>,
  previewWarnings: 'Warnings',
  delimiterNames: { ',': 'comma', ';': 'semicolon', '\t': 'tab', '|': 'vertical bar' } as Record<
    string,
    string
  >,
  mappingHeading: 'Which column goes where?',
  reviewHeading: 'What will change',
  reviewNew: 'New',
  reviewUpdated: 'Updated',
  reviewUnchanged: 'Unchanged',
  reviewDeleted: 'To delete',
  reviewInvalid: 'Invalid rows',
  reviewSkipped: 'Deleted here earlier',
  reviewProblems: (count: number) =>
    count === 1 ? '1 problem in the file' : `${count} problems in the file`,
  reviewMoreProblems: (count: number) => `…and ${count} more.`,
  problemReport: 'Download the problem rows (CSV) to fix and import again',
  reviewRow: (row: number) => `Row ${row}`,
  /** Where a problem is: shown before its wording. */
  issueAt: (row: number, column: string | null) =>
    column ? `Row ${row}, column “${column}”` : `Row ${row}`,
  /** Problems in a file's rows, worded from their codes and parameters. */
  issues: {
    'invalid-email': (p) => `“${p.value}” is not a valid email address.`,
    'invalid-phone': (p) =>
      p.region
        ? `“${p.value}” is not a phone number that exists in ${p.region}; write a number from another country with its country code (+…).`
        : `“${p.value}” is not a phone number.`,
    'invalid-date': (p) => `“${p.value}” is not a valid date.`,
    'invalid-number': (p) => `“${p.value}” is not a number.`,
    'invalid-url': (p) => `“${p.value}” is not a web address.`,
    'missing-key': () => 'No value in the unique key column; the row is left out.',
    'duplicate-key': (p) => `The same unique key as row ${p.firstRow}; the row is left out.`,
    'ragged-row': (p) =>
      `${p.found} columns where the file has ${p.expected}; the row is left out. A value may hold the delimiter without quotes.`,
    'unbalanced-quote': () => 'A quote is not closed; the row is left out.',
    'empty-row': () => 'The row is empty.',
    'value-too-long': (p) =>
      `The value is ${p.length} characters long, more than the ${p.max} a field can hold; the row is left out.`,
    'invalid-encoding': (p) =>
      `“${p.value}” holds bytes that are not readable text (shown as �); the row is left out so no contact gets garbled letters.`,
    'missing-required': (p) =>
      `“${p.field}” is required, but the cell is empty; the row is left out.`,
    'not-an-option': (p) =>
      `“${p.value}” is not one of the allowed values (${String(p.options).split('\n').slice(0, 5).join(', ')}); the row is left out.`,
    'failed-check': (p) => `“${p.value}”: ${p.reason}; the row is left out.`,
  } as Record<IssueCode, (params: Readonly<Record<string, string | number>>) => string>,
  /** Notes of a run, worded from their codes; `when` formats a time in the user's locale. */
  notes: {
    'file-unchanged': () =>
      'The file has not changed since the last import, so it was not imported again.',
    'remote-unchanged': () =>
      'The file on the server has not changed since the last import, so it was not downloaded.',
    'read-utf8-skipping': () =>
      'Some bytes of the file are not valid UTF-8: rows with unreadable characters were left out (see the problems).',
    'read-as-windows-1252': () =>
      'The file is not valid UTF-8, so it was read as Windows-1252 (Western European). Check accented letters.',
    'columns-reordered': () =>
      'The columns are in another order than when this import was set up; they were matched by their names.',
    'columns-missing-kept': (p) =>
      `The file has no ${String(p.columns)
        .split('\n')
        .map((c) => `“${c}”`)
        .join(', ')} column; those fields were left as they were.`,
    'empty-rows': (p) =>
      p.count === 1
        ? '1 empty row was ignored (blank, or only delimiters).'
        : `${p.count} empty rows were ignored (blank, or only delimiters).`,
    late: (p, when) =>
      p.by === 'server'
        ? `This import was due at ${when(Number(p.due))} and ran late, when the server was next running.`
        : `This import was due at ${when(Number(p.due))} and ran late, when a portal tab was next open (scheduled imports run only while the portal is open).`,
    'missed-caught-up': (p) =>
      p.count === 1
        ? '1 earlier missed import was caught up by this one.'
        : `${p.count} earlier missed imports were caught up by this one.`,
    'catch-up-next': () => 'This scheduled import will run again once, as a catch-up.',
    'catch-up-done': () =>
      'It was already run again once; the next scheduled import will try again.',
    'device-unreadable': (p) =>
      p.count === 1
        ? '1 contact from the phone could not be read and was left out.'
        : `${p.count} contacts from the phone could not be read and were left out.`,
    'undo-of': (p, when) => `This undid the import of ${when(Number(p.startedAt))}.`,
    'workbook-sheet': (p) => `Read the sheet “${p.sheet}” of the workbook.`,
  } as Partial<
    Record<
      NoteCode,
      (params: Readonly<Record<string, string | number>>, when: (ms: number) => string) => string
    >
  >,
  /**
   * Failures and refusals worded from their codes and details; a code not listed here shows
   * the engine's English message.
   */
  errors: {
    'mass-delete-refused': (d, scheduled) =>
      `The file holds only ${d.matched} of the ${d.existing} contacts this import manages, so importing it would delete ${d.deletes}. It was refused to prevent an accidental mass deletion. ${
        scheduled
          ? 'Scheduled imports never delete this much: if it is intended, turn off “Delete contacts not found in the file” or delete the contacts by hand, then import again.'
          : 'If it is intended, review the import and confirm the deletion, or turn off “Delete contacts not found in the file”.'
      }`,
    'empty-file': () =>
      'The file has no contact rows (only a header, or blank lines); nothing was changed.',
    'not-csv': (d) =>
      d.format === 'vcard'
        ? 'This file is a vCard address book (.vcf), not a CSV file. Import it where vCard files are read, such as the phone panel.'
        : 'This does not look like a CSV file; nothing was changed.',
    busy: () =>
      'This address book is being imported into right now; try again when that import ends.',
    interrupted: () =>
      'The import stopped before it finished (the page was closed or the browser stopped); nothing was changed.',
    'storage-full': () =>
      'The browser has no room left to store this import; nothing was changed. Free some space and try again.',
    aborted: () => 'The import was cancelled; nothing was changed.',
    'source-failed': (d) => {
      const why = sourceFailures[String(d.proxyCode ?? d.reason)];
      return why ? `The file could not be fetched: ${why} Nothing was changed.` : null;
    },
    'columns-missing': (d) => {
      const columns = (d.columns as string[] | undefined)?.map((c) => `“${c}”`).join(', ');
      if (!columns) return null;
      return d.key
        ? `The file has no column ${columns}, the unique key of this import, so nothing was changed. Check the file, or change the mapping.`
        : `The file has no ${columns} column, which this import maps, so nothing was changed. Fix the mapping, or choose to leave such fields as they are when a column is missing.`;
    },
    'columns-changed': (d) =>
      d.expected === undefined
        ? null
        : `The file has ${d.found} columns, but it had ${d.expected} when it was last imported. Without a header row the columns cannot be told apart, so nothing was changed. Check the file, or set up the mapping again.`,
    'file-changed': () =>
      'The file changed while it was being imported (or after it was chosen), so nothing was changed. Import it again once it is saved.',
    'parse-failed': (d) =>
      d.row === undefined
        ? null
        : d.limit
          ? `Row ${d.row} is millions of characters long with no line break, so this is not a CSV file with one contact per line. Check that it is a CSV export; nothing was changed.`
          : `Row ${d.row} opens a quote that never closes, so the rest of the file cannot be read. Check the quotes in that row; nothing was changed.`,
    'mapping-invalid': (d) =>
      d.required !== undefined
        ? `The field “${d.required}” is required, but no column goes to it. Map a column to it.`
        : d.field !== undefined && d.column !== undefined
          ? `A column is mapped to a field that does not exist (“${d.field}”). Add the field or change the mapping.`
          : d.field !== undefined
            ? `More than one column is mapped to the same field. Map each field once.`
            : d.column !== undefined
              ? 'The unique key column is not in the file. Choose another key.'
              : 'No column is mapped to a contact field. Map at least one.',
    'key-strategy-conflict': () =>
      'With generated keys every import creates new contacts, so they cannot be matched to update or delete existing ones. Choose a unique key column, or turn off updating and deleting.',
    'consent-required': () =>
      'Syncing this phone’s contacts is turned off (“Auto export”). Turn it on, or import the new contacts by hand.',
    'check-failed': (d) =>
      `The check of the field “${d.field}” did not answer, so nothing was changed. Try again later.`,
    'undo-unavailable': () =>
      'This import can no longer be undone: the address book changed after it (an edit, a deletion or another import). Only the latest change can be undone.',
    'backend-unreachable': () =>
      'The portal’s server cannot be reached. Changes are kept in this browser and sent when it is back.',
    'backend-refused': () =>
      'The portal’s server refused this browser (the sign-in may have ended). Sign in again; changes wait here meanwhile.',
    'backend-failed': () =>
      'The portal’s server had a problem. Changes are kept in this browser and sent again later.',
    'database-outdated': (d) =>
      d.reason === 'destroyed'
        ? 'The contacts stored in this browser were removed in another tab (for example at sign-out). Reload this page to continue.'
        : 'ContactSync was updated in another tab. Reload this page to continue.',
    'storage-failed': () =>
      'The browser could not read or write the stored contacts; nothing was changed. Reload the page and try again.',
  } as Partial<
    Record<
      ErrorCode,
      (details: Readonly<Record<string, unknown>>, scheduled: boolean) => string | null
    >
  >,
  reviewGuard: (existing: number, matched: number, deleting: number) =>
    `The file holds only ${matched} of the ${existing} contacts this import manages (10% or less), so ${deleting} would be deleted. A wrong or cut-off file looks like this; scheduled imports stop here.`,
  reviewConfirmDelete: (count: number) => `Yes, delete ${count} contacts`,
  reviewNeedConfirm: 'Confirm the deletion, or go back and turn off deleting.',
  reviewUnchangedFile:
    'The file has not changed since the last import, so there is nothing to change. Importing now records that in the history; turn on “Import every time” to import it anyway.',
  mappingColumnsGone: (columns: string) =>
    `This file has no ${columns} column any more, which the saved import mapped. Check the mapping below: it was suggested again for this file.`,
  reviewPlanFailed: 'The file could not be checked:',
  importNowButton: 'Import now',
  scheduleButton: 'Schedule…',
  runHeading: 'Importing',
  stages: {
    downloading: 'Downloading',
    hashing: 'Reading the file',
    parsing: 'Checking rows',
    planning: 'Comparing with the address book',
    writing: 'Saving contacts',
    committing: 'Finishing',
  } as Record<string, string>,
  runRows: (rows: string, rate: string) => `${rows} rows · ${rate} rows/s`,
  runBytes: (done: string, total: string) => `${done} of ${total}`,
  progressLabel: 'Import progress',
  doneHeading: 'Finished',
  doneRun: (status: string) => `Import result: ${status}`,
  doneCreated: 'Added',
  doneUpdated: 'Updated',
  doneUnchanged: 'Unchanged',
  doneDeleted: 'Deleted',
  doneInvalid: 'Not imported (problems)',
  doneSkipped: 'Kept out (deleted here earlier)',
  doneNothingChanged: 'Nothing in the address book was changed.',
  doneScheduled: (next: string) => `The import is scheduled. Next import: ${next}.`,
  doneSaved: 'The import is saved.',
  saveFailed: 'The import could not be saved:',

  // Contact list
  contactsTitle: 'Contacts',
  folders: 'Folders',
  allContacts: 'All contacts',
  noFolder: 'Not in a folder',
  search: 'Search contacts',
  exportLabel: 'Export the contacts shown',
  exportCsv: 'Export CSV',
  exportVCard: 'Export vCard',
  exported: (name: string) => `Exported to ${name}.`,
  contactsCount: (count: string) => (count === '1' ? '1 contact' : `${count} contacts`),
  contactsEmpty: 'No contacts here.',
  contactsNoMatch: 'No contact matches the search.',
  unnamed: '(no name)',
  contactDetails: 'Contact details',
  deleteContact: 'Delete contact',
  confirmDeleteContactTitle: 'Delete this contact?',
  confirmDeleteContact: (name: string) =>
    `"${name}" is deleted here only. An import or a phone sync will not bring it back.`,
  contactDeleted: (name: string) => `"${name}" was deleted.`,
  deletedFolder: 'Deleted',
  deletedTitle: 'Deleted here',
  deletedHint:
    'Synced contacts deleted here are kept out of every import into this address book. Restore one to bring it back; imports then update it again.',
  deletedEmpty: 'No synced contact was deleted here.',
  deletedOn: (when: string) => `deleted ${when}`,
  restore: 'Restore',
  restoreContact: (name: string) => `Restore ${name}`,
  contactRestored: (name: string) => `"${name}" is back; imports update it again.`,
  loading: 'Loading…',

  // Phone sync
  deviceTitle: (source: string) => `Contacts from ${source}`,
  deviceSwitch: 'Auto export',
  deviceSwitchHelp: (folder: string) =>
    `Each time the app is used, new and changed contacts of your phone are copied into the folder "${folder}". Contacts you delete here are not brought back.`,
  deviceOff:
    'Off: nothing syncs by itself; import new contacts below when you choose. Contacts already synced stay in their folder.',
  deviceNever: 'Not synced yet.',
  deviceLast: (when: string, added: string, updated: string) =>
    `Last sync: ${when} · ${added} added, ${updated} updated`,
  deviceNew: (count: string) => `New contacts on the phone (${count})`,
  deviceNothingNew: 'There are no new contacts on the phone.',
  deviceKnown: (here: string, changed: string, deleted: string) =>
    `${here} already here (${changed} changed) · ${deleted} deleted here, not brought back`,
  deviceUnreadable: (count: string) =>
    count === '1'
      ? '1 contact on the phone could not be read and is left out.'
      : `${count} contacts on the phone could not be read and are left out.`,
  deviceImport: (count: string) =>
    count === '1' ? 'Import 1 contact' : `Import ${count} contacts`,
  deviceInclude: (name: string) => `Import ${name}`,
  deviceDone: (added: string, updated: string) => `Synced: ${added} added, ${updated} updated.`,
  devicePick: 'Choose contacts from this device',
  deviceNoPicker:
    'This browser cannot read the phone’s address book. Export your contacts as a vCard file (.vcf) and choose it here.',
  deviceVcf: 'vCard file (.vcf)',
  deviceVcfIssues: 'Some cards could not be read:',
  deviceUpdate: (count: string) =>
    count === '1' ? 'Update 1 changed contact' : `Update ${count} changed contacts`,
  deviceAutoDone: (added: string, updated: string) =>
    added === '0' && updated === '0'
      ? 'Synced automatically: everything was up to date.'
      : `Synced automatically: ${added} added, ${updated} updated.`,

  // Recipient picker
  recipientsLabel: 'To',
  recipientsHint: 'Type a name or email address. Only contacts with an email address are offered.',
  recipientsNoMatch: 'No contact with an email address matches.',
  recipientRemove: (name: string) => `Remove ${name}`,
  sortLabel: 'Sort',
  sortBy: { name: 'By name', added: 'As added' } as Record<'name' | 'added', string>,
  recipientsCount: (count: number) =>
    count === 1
      ? '1 suggestion. Use the arrow keys to choose.'
      : `${count} suggestions. Use the arrow keys to choose.`,
  recipientAdded: (name: string) => `${name} added.`,

  // Sync status
  syncOff: 'Contacts are kept in this browser only.',
  syncConnecting: 'Connecting to the contact server…',
  syncing: 'Saving and fetching changes…',
  synced: (time: string) => `All changes saved · ${time}`,
  syncPending: (count: number) =>
    count === 1 ? '1 change waits in this browser.' : `${count} changes wait in this browser.`,
  syncUnreachable: 'The contact server cannot be reached.',
  syncRefused: 'The contact server refused this sign-in.',
  syncFailed: 'The contact server had a problem.',
  syncRetryAt: (time: string) => `Trying again at ${time}.`,
  syncNow: 'Try now',
};

export type Messages = typeof en;
