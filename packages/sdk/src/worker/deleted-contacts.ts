import { ContactSyncError, type Contact } from '@contactsync/core';
import type { WorkerContext } from './context.ts';
import { applyManifestChange } from '../store/manifest-change.ts';
import { bookTombstones } from '../store/book-target.ts';
import type { DeletedContact } from '../api/contact-queries.ts';

/** Contacts deleted on the web: the list, and giving one back to the book and its imports. */
export function deletedContactOps(ctx: WorkerContext) {
  return {
    /** Newest first. A key that a contact holds again (restored elsewhere) is not listed. */
    async listDeletedContacts(bookId: string): Promise<DeletedContact[]> {
      const index = (await ctx.view(bookId)).keyIndex();
      return (await bookTombstones(await ctx.db(), bookId))
        .filter((t) => !index.has(t.key))
        .sort((a, b) => b.deletedAt - a.deletedAt)
        .map((t) => ({
          key: t.key,
          sourceId: t.sourceId,
          deletedAt: t.deletedAt,
          contact: t.contact ?? null,
        }));
    },

    /**
     * Puts a deleted contact back (in its folder if that still exists) and gives its key back
     * to imports: the next run that holds the key updates it as usual.
     */
    async restoreContact(bookId: string, key: string): Promise<Contact> {
      let restored: Contact | null = null;
      await ctx.writeBook(bookId, 'wait', async (db) => {
        const view = await ctx.view(bookId);
        const tombstone = await db.get('tombstones', [bookId, String(key)]);
        if (!tombstone || view.keyIndex().has(tombstone.key))
          throw new ContactSyncError('not-found', 'This contact is not among the deleted ones.', {
            key,
          });
        const folderId = tombstone.contact?.folderId ?? null;
        const folder = folderId ? await db.get('folders', folderId) : undefined;
        const now = ctx.clock.now();
        restored = {
          id: ctx.newId(),
          bookId,
          folderId: folder?.bookId === bookId ? folder.id : null,
          key: tombstone.key,
          values: { ...tombstone.contact?.values },
          // Row hash 0 matches no row: the next import that holds the key writes its values.
          origin: { sourceId: tombstone.sourceId, rowHash: 0 },
          createdAt: tombstone.contact?.createdAt ?? now,
          updatedAt: now,
        };
        ctx.adoptView(
          await applyManifestChange(db, view, {
            append: [restored],
            untombstone: [tombstone.key],
            newSegmentId: ctx.newId,
            durability: 'relaxed',
          }),
        );
      });
      ctx.emit({ type: 'contacts-changed', bookId });
      return restored!;
    },
  };
}
