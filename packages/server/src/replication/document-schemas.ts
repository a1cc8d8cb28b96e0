import { MAX_VALUE_LENGTH } from '@contactsync/core';
import { z } from 'zod/mini';

const id = z.string().check(z.minLength(1), z.maxLength(200));

/** What a client may send as a contact document; anything else is refused before storage. */
export const ContactDocumentSchema = z.object({
  id,
  revision: z.number().check(z.int(), z.nonnegative()),
  updatedAt: z.number(),
  deleted: z.boolean(),
  bookId: id,
  folderId: z.nullable(id),
  key: z.nullable(z.string().check(z.maxLength(MAX_VALUE_LENGTH))),
  sourceId: z.nullable(id),
  rowHash: z._default(z.nullable(z.number()), null),
  values: z
    .record(z.string().check(z.maxLength(200)), z.string().check(z.maxLength(MAX_VALUE_LENGTH)))
    .check(z.refine((v) => Object.keys(v).length <= 200, 'At most 200 fields.')),
  createdAt: z.number(),
});

/** Books, folders, profiles and runs: the record is the SDK's, kept whole (at most 256 kB). */
export const RecordDocumentSchema = z.object({
  id,
  revision: z.number().check(z.int(), z.nonnegative()),
  updatedAt: z.number(),
  deleted: z.boolean(),
  data: z
    .nullable(z.record(z.string(), z.unknown()))
    .check(
      z.refine(
        (data) => JSON.stringify(data).length <= 256 * 1024,
        'A record may hold at most 256 kB.',
      ),
    ),
});

const pushBody = <S extends z.ZodMiniType>(document: S) =>
  z.object({
    /** The client's pull checkpoint (see PushResult.checkpoint); optional. */
    checkpoint: z.optional(z.nullable(z.string().check(z.maxLength(200)))),
    rows: z
      .array(z.object({ assumedMasterState: z.nullable(document), newDocumentState: document }))
      .check(z.maxLength(1000)),
  });

export const ContactPushSchema = pushBody(ContactDocumentSchema);
export const RecordPushSchema = pushBody(RecordDocumentSchema);
