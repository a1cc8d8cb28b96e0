import {
  assertMappingUsable,
  assertSchedulable,
  ContactSyncError,
  EMPTY_PROFILE_STATE,
  ProfileInputSchema,
  type ProfileInput,
  type RunRecord,
  type SyncProfile,
} from '@contactsync/core';
import type { WorkerContext } from './context.ts';
import { requireBook } from './books.ts';
import { parseInput } from './parse-input.ts';
import type { HistoryQuery, ProfileListOptions } from '../api/import-types.ts';

async function requireProfile(ctx: WorkerContext, profileId: string): Promise<SyncProfile> {
  const profile = await (await ctx.db()).get('profiles', profileId);
  if (!profile)
    throw new ContactSyncError('not-found', 'This import profile does not exist.', { profileId });
  return profile;
}

/** Checks a profile against its book before it is stored, so a bad one never reaches a run. */
async function validated(ctx: WorkerContext, raw: unknown): Promise<ProfileInput> {
  const input = parseInput(ProfileInputSchema, raw, 'import profile');
  const book = await requireBook(ctx, input.bookId);
  if (input.folderId !== null) {
    const folder = await (await ctx.db()).get('folders', input.folderId);
    if (!folder || folder.bookId !== input.bookId) {
      throw new ContactSyncError(
        'invalid-argument',
        'The chosen folder is not in this address book.',
      );
    }
  }
  assertMappingUsable(input.mapping, book.fields, input.behaviour, input.source.kind !== 'device');
  assertSchedulable(input);
  return input;
}

/** Sync profiles (the seeds' "synchronizations") and their history. */
export function profileOps(ctx: WorkerContext) {
  return {
    async listProfiles(bookId?: string, options: ProfileListOptions = {}): Promise<SyncProfile[]> {
      const db = await ctx.db();
      const all = bookId
        ? await db.getAllFromIndex('profiles', 'bookId', bookId)
        : await db.getAll('profiles');
      return options.oneOff ? all : all.filter((p) => !p.oneOff);
    },

    getProfile: (profileId: string) => requireProfile(ctx, profileId),

    async createProfile(input: ProfileInput): Promise<SyncProfile> {
      const clean = await validated(ctx, input);
      const now = ctx.clock.now();
      const profile: SyncProfile = {
        ...clean,
        id: ctx.newId(),
        createdAt: now,
        updatedAt: now,
        state: { ...EMPTY_PROFILE_STATE },
      };
      await (await ctx.db()).add('profiles', profile);
      ctx.emit({ type: 'profiles-changed', bookId: profile.bookId });
      return profile;
    },

    /** Changes settings; the engine's memory of past runs is kept. */
    async updateProfile(profileId: string, patch: Partial<ProfileInput>): Promise<SyncProfile> {
      const current = await requireProfile(ctx, profileId);
      const { id, createdAt, state, updatedAt, ...input } = current;
      const clean = await validated(ctx, { ...input, ...patch });
      if (clean.bookId !== current.bookId) {
        throw new ContactSyncError(
          'invalid-argument',
          'An import cannot move to another address book; create a new one.',
        );
      }
      const now = ctx.clock.now();
      // A new, edited or resumed schedule starts from now: earlier occurrences are not "missed".
      const rescheduled =
        JSON.stringify(clean.schedule ?? null) !== JSON.stringify(current.schedule ?? null) ||
        (current.schedulePaused === true && clean.schedulePaused !== true);
      const profile: SyncProfile = {
        ...clean,
        id,
        createdAt,
        state: rescheduled ? { ...state, scheduleCursor: now } : state,
        updatedAt: now,
      };
      await (await ctx.db()).put('profiles', profile);
      ctx.emit({ type: 'profiles-changed', bookId: profile.bookId });
      return profile;
    },

    /**
     * Removes the profile and its history. The contacts it imported stay, and so do the
     * book's tombstones: a contact deleted on the web stays deleted if the import is set up again.
     */
    async deleteProfile(profileId: string): Promise<void> {
      const profile = await requireProfile(ctx, profileId);
      await ctx.writeBook(profile.bookId, 'brief', async (db) => {
        const tx = db.transaction(['profiles', 'runs'], 'readwrite');
        void tx.objectStore('profiles').delete(profileId);
        const runs = tx.objectStore('runs');
        for (const key of await runs
          .index('profileId')
          .getAllKeys(IDBKeyRange.bound([profileId, -Infinity], [profileId, Infinity]))) {
          void runs.delete(key);
        }
        await tx.done;
      });
      ctx.emit({ type: 'profiles-changed', bookId: profile.bookId });
    },

    /** Newest first. */
    async listRuns(query: HistoryQuery = {}): Promise<RunRecord[]> {
      const db = await ctx.db();
      const limit = Math.max(1, Math.min(query.limit ?? 50, 1000));
      const [index, id] = query.profileId
        ? (['profileId', query.profileId] as const)
        : query.bookId
          ? (['bookId', query.bookId] as const)
          : ([null, null] as const);
      const out: RunRecord[] = [];
      if (index === null) {
        const all = await db.getAll('runs');
        return all.sort((a, b) => b.startedAt - a.startedAt).slice(0, limit);
      }
      const range = IDBKeyRange.bound([id, -Infinity], [id, Infinity]);
      let cursor = await db.transaction('runs').store.index(index).openCursor(range, 'prev');
      while (cursor && out.length < limit) {
        out.push(cursor.value);
        cursor = await cursor.continue();
      }
      return out;
    },

    async getRun(runId: string): Promise<RunRecord> {
      const run = await (await ctx.db()).get('runs', runId);
      if (!run)
        throw new ContactSyncError('not-found', 'This run is not in the history.', { runId });
      return run;
    },
  };
}

export { requireProfile };
