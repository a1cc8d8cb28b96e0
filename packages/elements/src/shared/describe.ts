import {
  isContactSyncError,
  runNotes,
  type ErrorPayload,
  type RowIssue,
  type RunRecord,
  type RunTrigger,
} from '@contactsync/sdk';
import type { Messages } from '../i18n/en.ts';

/**
 * A row problem in the catalogue's words (without its row and column: see `issueAt`). Records
 * written before problems carried parameters keep the engine's English text.
 */
export function describeIssue(t: Messages, issue: RowIssue): string {
  const word = t.issues[issue.code];
  const needsParams = !['missing-key', 'unbalanced-quote', 'empty-row'].includes(issue.code);
  if (!word || (needsParams && !issue.params)) return stripWhere(issue.message);
  return word(issue.params ?? {});
}

/** A problem with where it is: "Row 3, column “Email”: …". */
export function describeIssueAt(t: Messages, issue: RowIssue): string {
  return `${t.issueAt(issue.row, issue.column)}: ${describeIssue(t, issue)}`;
}

/** A failure or refusal in the catalogue's words, or the engine's English text. */
export function describeError(
  t: Messages,
  error: Pick<ErrorPayload, 'code' | 'message' | 'details'>,
  trigger: RunTrigger = 'manual',
): string {
  // An entry answers null when the record lacks what its wording needs (older records).
  return t.errors[error.code]?.(error.details ?? {}, trigger === 'scheduled') ?? error.message;
}

/** The English message starts with its own "Row 3, column …:", already shown before it. */
function stripWhere(message: string): string {
  return message.replace(/^Row \d+(, column "[^"]*")?:\s*/, '');
}

/** Anything a call threw, in the catalogue's words where it is a ContactSyncError it knows. */
export function describeThrown(t: Messages, error: unknown): string {
  return isContactSyncError(error) ? describeError(t, error) : (error as Error).message;
}

/** A run's notes in the catalogue's words (notes without a known code keep their English text). */
export function describeNotes(
  t: Messages,
  run: Pick<RunRecord, 'notes'> & Partial<Pick<RunRecord, 'noteCodes'>>,
  when: (ms: number) => string,
): string[] {
  return runNotes(run).map((note) => {
    const word = t.notes[note.code];
    return word ? word(note.params ?? {}, when) : note.message;
  });
}
