import { contactVCard, csvHeader, csvLines, type Contact } from '@contactsync/core';
import { z } from 'zod/mini';
import { readAtVersion } from '../store/read-at-version.ts';
import { contactAt } from '../store/segment-records.ts';
import { requireBook } from './books.ts';
import type { WorkerContext } from './context.ts';
import { parseInput } from './parse-input.ts';
import { scanMatching } from './scan-matching.ts';
import type { ExportOptions } from '../api/contact-queries.ts';

const ExportOptionsSchema = z.object({
  format: z.enum(['csv', 'vcard']),
  folderId: z.optional(z.nullable(z.string())),
  search: z.optional(z.string().check(z.maxLength(200))),
  neutraliseFormulas: z.optional(z.boolean()),
});

const TYPES = { csv: 'text/csv;charset=utf-8', vcard: 'text/vcard;charset=utf-8' } as const;
const EXTENSIONS = { csv: 'csv', vcard: 'vcf' } as const;

/** Export to a file: the book's contacts (or a folder's, or a search's) as CSV or vCard 4.0. */
export function exportOps(ctx: WorkerContext) {
  return {
    /**
     * Built piece by piece from one version of the book: each group of segments becomes text
     * and goes into the file's parts at once, so a large book is never held twice.
     */
    async exportContacts(bookId: string, options: ExportOptions): Promise<File> {
      const o = parseInput(ExportOptionsSchema, options, 'export options');
      const book = await requireBook(ctx, bookId);
      const parts: BlobPart[] = o.format === 'csv' ? ['\uFEFF', csvHeader(book.fields)] : [];
      let group: Contact[] = [];
      const flush = () => {
        if (group.length === 0) return;
        parts.push(
          o.format === 'csv'
            ? csvLines(group, book.fields, { neutraliseFormulas: o.neutraliseFormulas ?? true })
            : group.map(contactVCard).join(''),
        );
        group = [];
      };
      await readAtVersion(
        await ctx.db(),
        () => ctx.view(bookId),
        (view, segment, search) =>
          scanMatching(
            ctx.search,
            { view, segment, search },
            {
              ...(o.folderId !== undefined ? { folderId: o.folderId } : {}),
              ...(o.search ? { search: o.search } : {}),
            },
            (keys, record, p) => void group.push(contactAt(keys, record, p)),
            flush,
          ),
      );
      const name = `${book.name.replace(/[\\/:*?"<>|]+/g, '-')}.${EXTENSIONS[o.format]}`;
      return new File(parts, name, { type: TYPES[o.format] });
    },
  };
}
