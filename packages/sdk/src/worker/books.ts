import { removeBookData } from '../store/remove-book.ts';
import { deletedDocument } from '../store/contact-documents.ts';
import {
  BUILT_IN_FIELDS,
  ContactSyncError,
  customFieldId,
  distinctOptions,
  FIELD_TYPES,
  FieldRulesSchema,
  type AddressBook,
  type FieldDef,
  type FieldRules,
  type FieldType,
  type Folder,
} from '@contactsync/core';
import { z } from 'zod/mini';
import type { WorkerContext } from './context.ts';
import { parseInput } from './parse-input.ts';
import { folderAt } from '../store/segment-records.ts';

const NameSchema = z.string().check(z.trim(), z.minLength(1), z.maxLength(200));
const NewFieldSchema = z.object({
  label: NameSchema,
  type: z.enum(FIELD_TYPES),
  ...FieldRulesSchema.shape,
});

/** The rules worth keeping: none of `required: false`, no empty option lists. */
function withRules({ required, options, check }: FieldRules): FieldRules {
  return {
    ...(required ? { required } : {}),
    ...(options ? { options: distinctOptions(options) } : {}),
    ...(check ? { check } : {}),
  };
}

async function requireBook(ctx: WorkerContext, bookId: string): Promise<AddressBook> {
  const book = await (await ctx.db()).get('books', bookId);
  if (!book)
    throw new ContactSyncError('not-found', 'This address book does not exist.', { bookId });
  return book;
}

/** Address books, their fields and folders. */
export function bookOps(ctx: WorkerContext) {
  /** Replaces one field of a book with what `change` makes of it, and tells every tab. */
  async function changeField(
    bookId: string,
    fieldId: string,
    change: (field: FieldDef, book: AddressBook) => FieldDef,
  ): Promise<FieldDef> {
    const book = await requireBook(ctx, bookId);
    const field = book.fields.find((f) => f.id === fieldId);
    if (!field) throw new ContactSyncError('not-found', 'This field does not exist.', { fieldId });
    const changed = change(field, book);
    await (
      await ctx.db()
    ).put('books', {
      ...book,
      fields: book.fields.map((f) => (f.id === fieldId ? changed : f)),
      updatedAt: ctx.clock.now(),
    });
    ctx.emit({ type: 'books-changed' });
    return changed;
  }

  return {
    async listBooks(): Promise<AddressBook[]> {
      return (await ctx.db()).getAll('books');
    },

    getBook: (bookId: string) => requireBook(ctx, bookId),

    async createBook(input: { name: string }): Promise<AddressBook> {
      const name = parseInput(NameSchema, input?.name, 'address book name');
      const now = ctx.clock.now();
      const book: AddressBook = {
        id: ctx.newId(),
        name,
        fields: [...BUILT_IN_FIELDS],
        createdAt: now,
        updatedAt: now,
      };
      const tx = (await ctx.db()).transaction(['books', 'manifests'], 'readwrite');
      void tx.objectStore('books').add(book);
      void tx.objectStore('manifests').add({ bookId: book.id, version: 0, segments: [] });
      await tx.done;
      ctx.emit({ type: 'books-changed' });
      return book;
    },

    async renameBook(bookId: string, name: string): Promise<AddressBook> {
      const clean = parseInput(NameSchema, name, 'address book name');
      const book = { ...(await requireBook(ctx, bookId)), name: clean, updatedAt: ctx.clock.now() };
      await (await ctx.db()).put('books', book);
      ctx.emit({ type: 'books-changed' });
      return book;
    },

    /** Deletes the book with everything in it: contacts, folders, profiles, history. */
    async deleteBook(bookId: string): Promise<void> {
      await requireBook(ctx, bookId);
      await ctx.writeBook(bookId, 'brief', async (db) => {
        // With a backend, the book's contacts are deleted there too (they go out as deletions).
        if (await db.get('replicaCheckpoints', 'contacts')) {
          const view = await ctx.view(bookId);
          const now = ctx.clock.now();
          const tx = db.transaction('replicaOutbox', 'readwrite');
          view.forEachLive(
            (_s, p, keys) => void tx.store.put(deletedDocument(keys, p, bookId, false, now)),
          );
          await tx.done;
        }
        await removeBookData(db, bookId);
        ctx.search.forget(bookId);
      });
      ctx.emit({ type: 'books-changed' });
    },

    /** Adds a custom field; its id is derived from the label. */
    async addField(
      bookId: string,
      input: { label: string; type: FieldType } & FieldRules,
    ): Promise<FieldDef> {
      const { label, type, ...rules } = parseInput(NewFieldSchema, input, 'field');
      const book = await requireBook(ctx, bookId);
      if (book.fields.some((f) => f.label.toLowerCase() === label.toLowerCase())) {
        throw new ContactSyncError(
          'invalid-argument',
          `This address book already has a field called "${label}".`,
        );
      }
      const field: FieldDef = {
        id: customFieldId(label, book.fields),
        label,
        type,
        builtIn: false,
        ...withRules(rules),
      };
      await (
        await ctx.db()
      ).put('books', { ...book, fields: [...book.fields, field], updatedAt: ctx.clock.now() });
      ctx.emit({ type: 'books-changed' });
      return field;
    },

    /**
     * Renames a field (built-in fields too: the label is what people see). Its id, type and
     * values stay as they are, so mappings and stored contacts keep working.
     */
    async renameField(bookId: string, fieldId: string, label: string): Promise<FieldDef> {
      const clean = parseInput(NameSchema, label, 'field label');
      return changeField(bookId, fieldId, (field, book) => {
        if (
          book.fields.some((f) => f.id !== fieldId && f.label.toLowerCase() === clean.toLowerCase())
        ) {
          throw new ContactSyncError(
            'invalid-argument',
            `This address book already has a field called "${clean}".`,
          );
        }
        return { ...field, label: clean };
      });
    },

    /** Replaces a field's own rules (required, allowed values, the host's check). */
    async setFieldRules(bookId: string, fieldId: string, input: FieldRules): Promise<FieldDef> {
      const rules = parseInput(FieldRulesSchema, input, 'field rules');
      return changeField(bookId, fieldId, (field) => {
        const { required: _r, options: _o, check: _c, ...plain } = field;
        return { ...plain, ...withRules(rules) };
      });
    },

    /** Removes a custom field that no import maps any more. */
    async removeField(bookId: string, fieldId: string): Promise<void> {
      const db = await ctx.db();
      const book = await requireBook(ctx, bookId);
      const field = book.fields.find((f) => f.id === fieldId);
      if (!field)
        throw new ContactSyncError('not-found', 'This field does not exist.', { fieldId });
      if (field.builtIn)
        throw new ContactSyncError(
          'invalid-argument',
          `"${field.label}" is a built-in field and cannot be removed.`,
        );
      const profiles = await db.getAllFromIndex('profiles', 'bookId', bookId);
      const user = profiles.find((p) => p.mapping.columns.some((c) => c.field === fieldId));
      if (user) {
        throw new ContactSyncError(
          'invalid-argument',
          `The import "${user.name}" maps a column to "${field.label}". Change its mapping first.`,
        );
      }
      await db.put('books', {
        ...book,
        fields: book.fields.filter((f) => f.id !== fieldId),
        updatedAt: ctx.clock.now(),
      });
      ctx.emit({ type: 'books-changed' });
    },

    async listFolders(bookId: string): Promise<Folder[]> {
      return (await ctx.db()).getAllFromIndex('folders', 'bookId', bookId);
    },

    async createFolder(bookId: string, name: string): Promise<Folder> {
      const clean = parseInput(NameSchema, name, 'folder name');
      await requireBook(ctx, bookId);
      const folder: Folder = { id: ctx.newId(), bookId, name: clean, createdAt: ctx.clock.now() };
      await (await ctx.db()).add('folders', folder);
      ctx.emit({ type: 'books-changed' });
      return folder;
    },

    async renameFolder(folderId: string, name: string): Promise<Folder> {
      const clean = parseInput(NameSchema, name, 'folder name');
      const db = await ctx.db();
      const folder = await db.get('folders', folderId);
      if (!folder)
        throw new ContactSyncError('not-found', 'This folder does not exist.', { folderId });
      const next = { ...folder, name: clean };
      await db.put('folders', next);
      ctx.emit({ type: 'books-changed' });
      return next;
    },

    /** Deletes an empty folder; a folder with contacts is refused, so nothing is lost by accident. */
    async deleteFolder(folderId: string): Promise<void> {
      const db = await ctx.db();
      const folder = await db.get('folders', folderId);
      if (!folder) return;
      const view = await ctx.view(folder.bookId);
      let used = false;
      view.forEachLive((_s, p, k) => (used ||= folderAt(k, p) === folderId));
      if (used)
        throw new ContactSyncError(
          'invalid-argument',
          `The folder "${folder.name}" still holds contacts. Move or delete them first.`,
        );
      const profiles = await db.getAllFromIndex('profiles', 'bookId', folder.bookId);
      if (profiles.some((p) => p.folderId === folderId)) {
        throw new ContactSyncError(
          'invalid-argument',
          `An import puts contacts in "${folder.name}". Change it first.`,
        );
      }
      await db.delete('folders', folderId);
      ctx.emit({ type: 'books-changed' });
    },
  };
}

export { requireBook };
