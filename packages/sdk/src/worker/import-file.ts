import {
  ContactSyncError,
  DEFAULT_BEHAVIOUR,
  DEFAULT_PARSE_OPTIONS,
  type RunProgress,
  type RunRecord,
} from '@contactsync/core';
import type { importOps } from './imports.ts';
import type { profileOps } from './profiles.ts';
import { blobName, type RunRequest } from './run-profile.ts';
import type { ImportFileSettings } from '../api/import-types.ts';

/**
 * A file imported once, with no saved import left behind: its settings are kept only as the
 * record of where its contacts came from (`oneOff`), so the history and deletions still work.
 */
export function importFileOp(
  profiles: ReturnType<typeof profileOps>,
  imports: ReturnType<typeof importOps>,
) {
  return {
    async importFile(
      bookId: string,
      file: Blob,
      settings: ImportFileSettings,
      request: RunRequest,
      onProgress?: (p: RunProgress) => void,
    ): Promise<RunRecord> {
      const parse = { ...DEFAULT_PARSE_OPTIONS, ...settings.parse };
      let mapping = settings.mapping;
      if (!mapping) {
        const { suggestion } = await imports.preview(bookId, file, parse);
        if (!suggestion.columns.some((c) => c.field)) {
          throw new ContactSyncError(
            'mapping-invalid',
            'No column of this file matches a field of the address book: pass a mapping.',
          );
        }
        mapping = {
          columns: suggestion.columns.map(({ column, header, field }) => ({
            column,
            header,
            field,
          })),
          key: suggestion.key,
        };
      }
      const fileName = request.fileName ?? blobName(file);
      const profile = await profiles.createProfile({
        name: settings.name ?? fileName,
        bookId,
        folderId: settings.folderId ?? null,
        source: { kind: 'local', fileName },
        parse,
        behaviour: { ...DEFAULT_BEHAVIOUR, ...settings.behaviour, importEveryTime: true },
        mapping,
        notifyEmail: null,
        oneOff: true,
      });
      return imports.run(profile.id, { ...request, file, fileName }, onProgress);
    },
  };
}
