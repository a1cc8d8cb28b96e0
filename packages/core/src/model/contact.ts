import { z } from 'zod/mini';

/** Where a contact came from: the profile (or device source) and a hash of the row that made it. */
export const ContactOriginSchema = z.object({
  sourceId: z.string(),
  rowHash: z.number(),
});
export type ContactOrigin = z.infer<typeof ContactOriginSchema>;

export const ContactSchema = z.object({
  id: z.string(),
  bookId: z.string(),
  folderId: z.nullable(z.string()),
  /** The unique key within the address book (normalised), or null for contacts made by hand. */
  key: z.nullable(z.string()),
  /** Field id → value. Password fields hold a digest, never the plain text. */
  values: z.record(z.string(), z.string()),
  origin: z.nullable(ContactOriginSchema),
  createdAt: z.number(),
  updatedAt: z.number(),
});
export type Contact = z.infer<typeof ContactSchema>;

/** The longest value a contact field may hold, in characters. */
export const MAX_VALUE_LENGTH = 10_000;

/**
 * A contact deleted on the web: no import into its book brings its key back while no contact
 * holds that key (restoring the contact gives the key back to imports).
 */
export interface Tombstone {
  readonly bookId: string;
  readonly sourceId: string;
  readonly key: string;
  readonly deletedAt: number;
  /** The contact as it was, to show and restore; absent for deletions recorded before 0.2. */
  readonly contact?: Contact;
}
