import type { SegmentSearchRecord } from '../store/schema.ts';
import { END } from '../store/search-text.ts';

/** Where the name a person sees comes from, first to last; then the contact's key. */
const NAME_FIELDS = ['displayName', 'firstName', 'lastName', 'email', 'phone', 'mobile'] as const;

/**
 * The names a person sees in one segment, from its search record (lower case: the order ignores
 * case anyway). A column is split into values only when a contact needs it.
 */
export class SegmentNames {
  private readonly split: (string[] | null | undefined)[] = [];

  constructor(private readonly record: SegmentSearchRecord) {}

  /** The value of name source `i` (NAME_FIELDS, then the key) at `p`. */
  private value(i: number, p: number): string {
    let column = this.split[i];
    if (column === undefined) {
      const field = i < NAME_FIELDS.length ? NAME_FIELDS[i]! : (this.record.keysIn ?? null);
      column = this.split[i] =
        this.record.columns.find((c) => c.field === field)?.text.split(END) ?? null;
    }
    return column?.[p] ?? '';
  }

  /** Display name, else first and last name, else email, phone, mobile, key; else "". */
  at(p: number): string {
    const display = this.value(0, p);
    if (display) return display;
    const first = this.value(1, p);
    const last = this.value(2, p);
    if (first || last) return first && last ? `${first} ${last}` : first || last;
    for (let i = 3; i <= NAME_FIELDS.length; i++) {
      const value = this.value(i, p);
      if (value) return value;
    }
    return '';
  }
}

/** The order of names: the user's language's, ignoring case and accents, numbers by value. */
export const nameCollator = () =>
  new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });
