import {
  ContactSyncError,
  DEFAULT_BEHAVIOUR,
  DEFAULT_PARSE_OPTIONS,
  DEVICE_MAPPING,
  DeviceContactSchema,
  deviceCsv,
  deviceKey,
  deviceRow,
  readVCard,
  pickedContacts,
  type PickedContact,
  rowHash,
  runNote,
  type DeviceContact,
  type RunRecord,
  type SyncProfile,
  type VCardResult,
} from '@contactsync/core';
import { z } from 'zod/mini';
import type { WorkerContext } from './context.ts';
import { bookOps } from './books.ts';
import { profileOps } from './profiles.ts';
import { parseInput } from './parse-input.ts';
import { tombstoneKeys } from '../store/book-target.ts';
import type { Runner } from './run-profile.ts';
import type { DeviceOptions, DevicePreview, DeviceSyncState } from '../api/device-types.ts';
import { readSlice } from '../platform/blob-source.ts';

export const DEFAULT_DEVICE_SOURCE = 'iOS';

const SnapshotSchema = z.array(z.unknown()).check(z.maxLength(200_000));

/** The readable contacts of a snapshot; one broken contact never blocks the others. */
function readableContacts(items: readonly unknown[]) {
  const contacts: DeviceContact[] = [];
  let unreadable = 0;
  for (const item of items) {
    const result = DeviceContactSchema.safeParse(item);
    if (result.success) contacts.push(result.data);
    else unreadable++;
  }
  return { contacts, unreadable };
}

const unreadableNote = (n: number) =>
  runNote(
    'device-unreadable',
    `${n} ${n === 1 ? 'contact' : 'contacts'} from the phone could not be read (no id, or a value longer than a contact field holds) and ${n === 1 ? 'was' : 'were'} left out.`,
    { count: n },
  );
const SourceSchema = z.string().check(z.minLength(1), z.maxLength(50));
const RegionSchema = z.string().check(z.regex(/^[A-Z]{2}$/));

const sourceName = (source: string | undefined) =>
  parseInput(SourceSchema, source ?? DEFAULT_DEVICE_SOURCE, 'device source');

/** The phone's address book: consent, the only-new preview, syncs that respect deletions. */
export function deviceOps(ctx: WorkerContext, runner: Runner) {
  const profiles = profileOps(ctx);
  const books = bookOps(ctx);

  async function findProfile(bookId: string, source: string): Promise<SyncProfile | null> {
    const all = await profiles.listProfiles(bookId);
    return all.find((p) => p.source.kind === 'device' && p.source.device === source) ?? null;
  }

  async function state(bookId: string, source: string): Promise<DeviceSyncState> {
    const profile = await findProfile(bookId, source);
    const device = profile?.source.kind === 'device' ? profile.source : null;
    const lastRun = profile
      ? ((await profiles.listRuns({ profileId: profile.id, limit: 1 }))[0] ?? null)
      : null;
    const folder = profile?.folderId
      ? await (await ctx.db()).get('folders', profile.folderId)
      : null;
    return {
      bookId,
      source,
      enabled: device?.enabled ?? false,
      consentedAt: device?.consentedAt ?? null,
      folderId: folder?.id ?? null,
      folderName: folder?.name ?? null,
      profileId: profile?.id ?? null,
      lastRun,
    };
  }

  /** A checked snapshot, its source's name, and the source's profile if it has one. */
  async function snapshotFor(bookId: string, snapshot: unknown, options: DeviceOptions) {
    const source = sourceName(options.source);
    const { contacts, unreadable } = readableContacts(
      parseInput(SnapshotSchema, snapshot, 'device contacts'),
    );
    return { source, contacts, unreadable, profile: await findProfile(bookId, source) };
  }

  /** The folder "From <source>": the existing one of that name, or a new one. */
  async function folderFor(bookId: string, name: string): Promise<string> {
    const existing = (await books.listFolders(bookId)).find((f) => f.name === name);
    return (existing ?? (await books.createFolder(bookId, name))).id;
  }

  /**
   * The source's profile, created or updated: `enabled` is "Auto export". Its folder is made
   * at the first sync or "yes", and kept (with its contacts) from then on.
   */
  async function saveSource(
    bookId: string,
    source: string,
    enabled: boolean,
    options: DeviceOptions,
    needFolder = enabled,
  ): Promise<void> {
    const region = parseInput(
      RegionSchema,
      options.region ?? DEFAULT_PARSE_OPTIONS.defaultRegion,
      'region',
    );
    const existing = await findProfile(bookId, source);
    const consentedAt = enabled
      ? ctx.clock.now()
      : existing?.source.kind === 'device'
        ? existing.source.consentedAt
        : null;
    const deviceSource = { kind: 'device' as const, device: source, enabled, consentedAt };
    const folderId =
      existing?.folderId ??
      (needFolder ? await folderFor(bookId, options.folderName ?? `From ${source}`) : null);
    if (existing) {
      await profiles.updateProfile(existing.id, {
        source: deviceSource,
        folderId,
        ...(options.region ? { parse: { ...existing.parse, defaultRegion: region } } : {}),
      });
    } else {
      await profiles.createProfile({
        name: `From ${source}`,
        bookId,
        folderId,
        source: deviceSource,
        parse: {
          ...DEFAULT_PARSE_OPTIONS,
          delimiter: ',',
          encoding: 'utf-8',
          defaultRegion: region,
        },
        behaviour: { ...DEFAULT_BEHAVIOUR, updateExisting: true, deleteMissing: false },
        mapping: DEVICE_MAPPING,
        notifyEmail: null,
      });
    }
  }

  return {
    async deviceStatus(bookId: string, source = DEFAULT_DEVICE_SOURCE): Promise<DeviceSyncState> {
      return state(bookId, sourceName(source));
    },

    /**
     * Records the user's choice. Agreeing creates the folder and starts syncing; turning it off
     * stops syncing and leaves everything already synced where it is.
     */
    async setDeviceSync(
      bookId: string,
      enabled: boolean,
      options: DeviceOptions = {},
    ): Promise<DeviceSyncState> {
      const source = sourceName(options.source);
      await saveSource(bookId, source, enabled, options);
      return state(bookId, source);
    },

    /** Which contacts of the snapshot a sync would add; nothing is written. */
    async previewDeviceContacts(
      bookId: string,
      snapshot: DeviceContact[],
      options: DeviceOptions = {},
    ): Promise<DevicePreview> {
      const { source, contacts, unreadable, profile } = await snapshotFor(
        bookId,
        snapshot,
        options,
      );
      const region =
        profile?.parse.defaultRegion ?? options.region ?? DEFAULT_PARSE_OPTIONS.defaultRegion;
      const index = (await ctx.view(bookId)).keyIndex();
      const deleted = await tombstoneKeys(await ctx.db(), bookId);
      const preview = {
        newContacts: [] as DeviceContact[],
        changed: 0,
        unchanged: 0,
        deletedOnWeb: 0,
        unreadable,
      };
      const seen = new Set<string>();
      for (const contact of contacts) {
        const key = deviceKey(source, contact.id);
        if (seen.has(key)) continue;
        seen.add(key);
        const at = index.find(key);
        if (at < 0 && deleted.has(key)) preview.deletedOnWeb++;
        else if (at < 0) preview.newContacts.push(contact);
        else if (index.hashAt(at) === rowHash(deviceRow(source, contact, region)))
          preview.unchanged++;
        else preview.changed++;
      }
      return preview;
    },

    /**
     * Brings the snapshot in: new and changed contacts, into the source's folder. Contacts
     * deleted on the web stay deleted; `leaveOut` ids are recorded the same way, so they are
     * not offered again. Refused while "Auto export" is off, unless `manual`: the user chose
     * these contacts in the only-new preview and pressed Import.
     */
    async syncDeviceContacts(
      bookId: string,
      snapshot: DeviceContact[],
      options: DeviceOptions & { leaveOut?: readonly string[]; manual?: boolean; runId: string },
    ): Promise<RunRecord> {
      const { source, contacts, unreadable, ...found } = await snapshotFor(
        bookId,
        snapshot,
        options,
      );
      let profile = found.profile;
      if (options.manual && (!profile?.folderId || profile.source.kind !== 'device')) {
        const enabled = profile?.source.kind === 'device' && profile.source.enabled;
        await saveSource(bookId, source, enabled, options, true);
        profile = await findProfile(bookId, source);
      }
      if (
        !profile ||
        profile.source.kind !== 'device' ||
        (!profile.source.enabled && !options.manual)
      ) {
        throw new ContactSyncError(
          'consent-required',
          `Syncing contacts from ${source} is off. Turn it on (the user has to agree) before syncing.`,
          { source },
        );
      }
      const leaveOut = new Set(options.leaveOut ?? []);
      const kept = contacts.filter((c) => !leaveOut.has(c.id));
      const csv = deviceCsv(source, kept, profile.parse.defaultRegion);
      return ctx.writeBook(bookId, 'brief', async (db) => {
        if (leaveOut.size) {
          const tx = db.transaction('tombstones', 'readwrite');
          const now = ctx.clock.now();
          for (const id of leaveOut)
            void tx.store.put({
              bookId,
              sourceId: profile.id,
              key: deviceKey(source, id),
              deletedAt: now,
            });
          await tx.done;
        }
        return runner(
          db,
          profile.id,
          {
            runId: options.runId,
            file: new Blob([csv], { type: 'text/csv' }),
            fileName: `${profile.name} (${kept.length})`,
            trigger: 'manual',
            ...(unreadable > 0 ? { notes: [unreadableNote(unreadable)] } : {}),
          },
          new AbortController().signal,
        );
      });
    },

    /** Contacts chosen in the Contact Picker, as device contacts with derived ids. */
    fromPicker(picked: PickedContact[]): DeviceContact[] {
      return pickedContacts(Array.isArray(picked) ? picked : []);
    },

    /** Reads a .vcf file (vCard 2.1, 3.0 or 4.0) into device contacts. */
    async readVCard(file: Blob): Promise<VCardResult> {
      return readVCard(new Uint8Array(await readSlice(file)));
    },
  };
}
