import { ContactSyncError, type RunRecord } from '@contactsync/core';
import { applyUndo } from '../store/undo-change.ts';
import type { WorkerContext } from './context.ts';

/**
 * Undo of a book's latest run, while nothing else has changed the book since: here for the
 * imports this browser ran, by the backend for those it ran (`serverImports`).
 */
export function undoOps(ctx: WorkerContext) {
  async function localUndoable(bookId: string): Promise<string | null> {
    const db = await ctx.db();
    const tx = db.transaction(['undo', 'manifests'], 'readonly');
    const undo = await tx.objectStore('undo').get(bookId);
    const manifest = await tx.objectStore('manifests').get(bookId);
    return undo && manifest?.version === undo.version ? undo.runId : null;
  }

  return {
    /**
     * The run whose Undo is on offer in the book, or null (also while the backend that ran the
     * book's latest import cannot be asked).
     */
    async undoableRun(bookId: string): Promise<string | null> {
      const local = await localUndoable(bookId);
      if (local || !ctx.serverRun) return local;
      return ctx.serverRun.undoable(bookId).catch(() => null);
    },

    /**
     * Puts the book back exactly as it was before the run (contacts, and the import's memory of
     * its file) and resolves with the undo's own history record.
     */
    async undoRun(runId: string): Promise<RunRecord> {
      const db = await ctx.db();
      const undone = await db.get('runs', String(runId));
      if (!undone) throw new ContactSyncError('not-found', 'There is no such import.', { runId });
      const bookId = undone.bookId;
      if (ctx.serverRun && (await db.get('undo', bookId))?.runId !== undone.id) {
        // Not this browser's run: the backend undoes it, and this replica pulls the result.
        const record = await ctx.serverRun.undo(undone.id);
        ctx.emit({ type: 'run-finished', run: record });
        return record;
      }
      const record = await ctx.writeBook(bookId, 'brief', async (locked) => {
        const undo = await locked.get('undo', bookId);
        if (!undo || undo.runId !== undone.id)
          throw new ContactSyncError(
            'undo-unavailable',
            'Only the latest import into an address book can be undone, while nothing else has changed it since.',
            { runId },
          );
        return applyUndo(
          locked,
          await ctx.view(bookId),
          undo,
          { undone, id: ctx.newId(), at: ctx.clock.now() },
          ctx.newId,
        );
      });
      ctx.emit({ type: 'run-updated', run: { ...undone, undoneBy: record.id } });
      ctx.emit({ type: 'run-finished', run: record });
      ctx.emit({ type: 'contacts-changed', bookId });
      ctx.emit({ type: 'profiles-changed', bookId });
      return record;
    },
  };
}
