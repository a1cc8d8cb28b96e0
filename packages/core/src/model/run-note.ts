/** What a run's history notes can say; components word them from these codes. */
export const NOTE_CODES = [
  'file-unchanged',
  'remote-unchanged',
  'read-utf8-skipping',
  'read-as-windows-1252',
  'columns-reordered',
  'columns-missing-kept',
  'empty-rows',
  'late',
  'missed-caught-up',
  'catch-up-next',
  'catch-up-done',
  'device-unreadable',
  'undo-of',
  'workbook-sheet',
  /** A note written before notes had codes: only its English text is known. */
  'other',
] as const;
export type NoteCode = (typeof NOTE_CODES)[number];

/** The code of a note and what its wording needs (`count`, `columns`, `due`, `by`). */
export interface NoteCodeRecord {
  readonly code: NoteCode;
  readonly params?: Readonly<Record<string, string | number>>;
}

/** A note as the engine makes it: its code and parameters, and its English text. */
export interface RunNote extends NoteCodeRecord {
  readonly message: string;
}

export const runNote = (
  code: NoteCode,
  message: string,
  params?: Readonly<Record<string, string | number>>,
): RunNote => (params ? { code, params, message } : { code, message });

/** A record's two note fields: the English texts (`notes`) and, in the same order, their codes. */
export function noteFields(notes: readonly RunNote[]): {
  notes: string[];
  noteCodes: NoteCodeRecord[];
} {
  return {
    notes: notes.map((n) => n.message),
    noteCodes: notes.map(({ code, params }) => (params ? { code, params } : { code })),
  };
}

/** A record's notes with their codes ("other" for notes written before notes had codes). */
export function runNotes(record: {
  readonly notes: readonly string[];
  readonly noteCodes?: readonly NoteCodeRecord[];
}): RunNote[] {
  const aligned = record.noteCodes?.length === record.notes.length;
  return record.notes.map((message, i) =>
    aligned ? { ...record.noteCodes![i]!, message } : { code: 'other', message },
  );
}

/** A remote file the server reports unchanged is not downloaded (browser and server runs). */
export const REMOTE_UNCHANGED_NOTE = runNote(
  'remote-unchanged',
  'The file on the server has not changed since the last import, so it was not downloaded.',
);
