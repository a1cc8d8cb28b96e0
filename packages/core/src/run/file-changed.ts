import { ContactSyncError } from '../errors.ts';

/** A file that is not the same between the passes of one run (it was being saved or replaced). */
export const fileChangedError = () =>
  new ContactSyncError(
    'file-changed',
    'The file changed while it was being imported (or after it was chosen), so it was not imported and nothing was changed. Import it again once it is saved.',
  );
