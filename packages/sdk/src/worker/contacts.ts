import {
  ContactSyncError,
  formatPhone,
  matchOption,
  MAX_VALUE_LENGTH,
  type Contact,
  type FieldDef,
} from '@contactsync/core';
import { z } from 'zod/mini';
import type { WorkerContext } from './context.ts';
import { sortedByName } from './name-order.ts';
import { applyManifestChange } from '../store/manifest-change.ts';
import { readAtVersion } from '../store/read-at-version.ts';
import type { SearchIndex } from '../store/search-index.ts';
import { digestPassword } from '../platform/sha256.ts';
import { requireBook } from './books.ts';
import type { VersionRead } from './scan-matching.ts';
import { MAX_PAGE, readContacts } from './read-contacts.ts';
import { suggestAt } from './suggestions.ts';
import { matchPage, placesIn } from './match-places.ts';
import { parseInput } from './parse-input.ts';
import type { ContactPage, ContactQuery, SuggestQuery } from '../api/contact-queries.ts';

const ValuesSchema = z.record(z.string(), z.string().check(z.maxLength(MAX_VALUE_LENGTH)));
const NewContactSchema = z.object({
  values: ValuesSchema,
  folderId: z.optional(z.nullable(z.string())),
});
const ContactPatchSchema = z.object({
  values: z.optional(ValuesSchema),
  folderId: z.optional(z.nullable(z.string())),
});

/** Keeps only known fields, spells allowed values as defined, and stores passwords as digests. */
function cleanValues(
  values: Record<string, string>,
  fields: readonly FieldDef[],
  contactId: string,
) {
  const out: Record<string, string> = {};
  for (const [fieldId, raw] of Object.entries(values)) {
    const field = fields.find((f) => f.id === fieldId);
    if (!field) throw new ContactSyncError('invalid-argument', `Unknown field "${fieldId}".`);
    const value = raw.trim();
    if (value === '') continue;
    const option = field.options ? matchOption(field.options, value) : value;
    if (option === null)
      throw new ContactSyncError(
        'invalid-argument',
        `"${value}" is not one of the values allowed for "${field.label}": ${field.options!.join(', ')}.`,
        { field: field.id },
      );
    out[fieldId] = field.type === 'password' ? digestPassword(contactId, option) : option;
  }
  return out;
}

/** A contact written by hand keeps the book's required fields filled, as imports do. */
function assertRequired(values: Record<string, string>, fields: readonly FieldDef[]): void {
  const missing = fields.find((f) => f.required && f.type !== 'password' && !values[f.id]);
  if (missing)
    throw new ContactSyncError('invalid-argument', `The field "${missing.label}" is required.`, {
      field: missing.id,
    });
}

/** A page of a query, read from one version of the book. */
async function listAt(
  index: SearchIndex,
  at: VersionRead,
  query: ContactQuery,
): Promise<ContactPage> {
  const offset = Math.max(0, query.offset ?? 0);
  const limit = Math.max(0, Math.min(query.limit ?? 50, MAX_PAGE));
  if (query.sort === 'name') {
    const order = await sortedByName(index, at, query);
    const picks = placesIn(order, offset, limit);
    return { items: await readContacts(at.view, at.segment, picks), total: order.length, limit };
  }
  // Matches come from the search records; only the page's contacts are read.
  const { places, total } = await matchPage(index, at, query, offset, limit);
  return { items: await readContacts(at.view, at.segment, places), total, limit };
}

/** Browsing and editing contacts one at a time. */
export function contactOps(ctx: WorkerContext) {
  const atOneVersion = async <T>(
    bookId: string,
    read: (at: VersionRead) => Promise<T>,
  ): Promise<T> =>
    readAtVersion(
      await ctx.db(),
      () => ctx.view(bookId),
      (view, segment, search) => read({ view, segment, search }),
    );

  /** One contact, with the view it was read from. */
  const readOne = (bookId: string, contactId: string) =>
    atOneVersion(bookId, async ({ view, segment }) => {
      const loc = view.locate(contactId);
      if (!loc)
        throw new ContactSyncError(
          'not-found',
          'This contact does not exist (it may have been deleted).',
          { contactId },
        );
      const [contact] = await readContacts(view, segment, [[loc.segment, loc.position]]);
      return { view, contact: contact! };
    });

  return {
    suggestContacts: (bookId: string, query: SuggestQuery = {}): Promise<Contact[]> =>
      atOneVersion(bookId, (at) => suggestAt(ctx.search, at, query)),

    async listContacts(bookId: string, query: ContactQuery = {}): Promise<ContactPage> {
      const page = await atOneVersion(bookId, (at) => listAt(ctx.search, at, query));
      if (!query.phoneRegion) return page;
      const region = String(query.phoneRegion).toUpperCase();
      const phones = (await requireBook(ctx, bookId)).fields
        .filter((f) => f.type === 'phone')
        .map((f) => f.id);
      const display: Record<string, Record<string, string>> = {};
      for (const contact of page.items) {
        for (const field of phones) {
          const value = contact.values[field];
          if (value) (display[contact.id] ??= {})[field] = formatPhone(value, region);
        }
      }
      return { ...page, display };
    },

    async getContact(bookId: string, contactId: string): Promise<Contact> {
      return (await readOne(bookId, contactId)).contact;
    },

    async createContact(
      bookId: string,
      input: { values: Record<string, string>; folderId?: string | null },
    ): Promise<Contact> {
      const clean = parseInput(NewContactSchema, input, 'contact');
      const book = await requireBook(ctx, bookId);
      const id = ctx.newId();
      const now = ctx.clock.now();
      const values = cleanValues(clean.values, book.fields, id);
      assertRequired(values, book.fields);
      const contact: Contact = {
        id,
        bookId,
        folderId: clean.folderId ?? null,
        key: null,
        values,
        origin: null,
        createdAt: now,
        updatedAt: now,
      };
      await ctx.writeBook(bookId, 'wait', async (db) => {
        ctx.adoptView(
          await applyManifestChange(db, await ctx.view(bookId), {
            append: [contact],
            newSegmentId: ctx.newId,
            durability: 'relaxed',
          }),
        );
      });
      ctx.emit({ type: 'contacts-changed', bookId });
      return contact;
    },

    /** Replaces the given values (an empty string clears one) and/or moves the contact. */
    async updateContact(
      bookId: string,
      contactId: string,
      patch: { values?: Record<string, string>; folderId?: string | null },
    ): Promise<Contact> {
      const clean = parseInput(ContactPatchSchema, patch, 'contact change');
      const book = await requireBook(ctx, bookId);
      let updated: Contact | null = null;
      await ctx.writeBook(bookId, 'wait', async (db) => {
        const { view, contact: before } = await readOne(bookId, contactId);
        const values = { ...before!.values };
        for (const fieldId of Object.keys(clean.values ?? {})) delete values[fieldId];
        Object.assign(values, cleanValues(clean.values ?? {}, book.fields, contactId));
        // Only a change may not empty a required field; one imported before the rule stays.
        const cleared = Object.keys(clean.values ?? {});
        assertRequired(
          values,
          book.fields.filter((f) => cleared.includes(f.id)),
        );
        updated = {
          ...before!,
          values,
          folderId: clean.folderId === undefined ? before!.folderId : clean.folderId,
          updatedAt: ctx.clock.now(),
        };
        ctx.adoptView(
          await applyManifestChange(db, view, { rewrite: [updated], durability: 'relaxed' }),
        );
      });
      ctx.emit({ type: 'contacts-changed', bookId });
      return updated!;
    },

    /**
     * Deletes a contact from this book. One that came from a sync source leaves a tombstone
     * (keeping the contact, for `restore`), so no import into the book brings it back.
     */
    async deleteContact(bookId: string, contactId: string): Promise<void> {
      await ctx.writeBook(bookId, 'wait', async (db) => {
        const { view, contact } = await readOne(bookId, contactId);
        const origin = contact!.origin;
        const tombstones =
          origin && contact!.key !== null
            ? [
                {
                  bookId,
                  sourceId: origin.sourceId,
                  key: contact!.key,
                  deletedAt: ctx.clock.now(),
                  contact: contact!, // to show among the deleted, and to restore
                },
              ]
            : [];
        ctx.adoptView(
          await applyManifestChange(db, view, {
            retire: [contactId],
            eager: true,
            tombstones,
            durability: 'relaxed',
          }),
        );
      });
      ctx.emit({ type: 'contacts-changed', bookId });
    },
  };
}
