import { ContactSyncError } from '../errors.ts';
import type { ProfileInput } from '../model/profile.ts';

/** The seeds' rule: only files on a server can be imported on a schedule. */
export function assertSchedulable(
  input: Pick<ProfileInput, 'source' | 'schedule' | 'oneOff'>,
): void {
  if (input.schedule && input.oneOff) {
    throw new ContactSyncError(
      'invalid-argument',
      'A one-off import is not run again, so it cannot be scheduled: save it as an import instead.',
    );
  }
  if (input.schedule && input.source.kind !== 'remote') {
    throw new ContactSyncError(
      'invalid-argument',
      'Only imports from a server (HTTP, HTTPS, FTP, FTPS or SFTP) can be scheduled: a file on your computer has to be chosen each time.',
    );
  }
}
