/** The protocols a remote source can use, as a person picks them. */
export const REMOTE_PROTOCOLS = ['http', 'https', 'ftp', 'ftps', 'sftp'] as const;
export type RemoteProtocol = (typeof REMOTE_PROTOCOLS)[number];

/**
 * Why a remote file location is unusable, in words for the person typing it, or null when it
 * is fine. The proxy applies the same rules (docs/proxy.md); checking here too means the
 * mistake is flagged as it is typed.
 */
export function remoteUrlProblem(raw: string): string | null {
  if (raw.trim() === '') return 'Enter the address of the file.';
  if (raw.includes('\\')) return 'Use "/" in file locations; a backslash ("\\") is not allowed.';
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(raw)) return 'The address contains control characters.';
  if (!URL.canParse(raw))
    return 'This is not a valid address; it should look like sftp://server/folder/contacts.csv.';
  const url = new URL(raw);
  const scheme = url.protocol.slice(0, -1);
  if (!(REMOTE_PROTOCOLS as readonly string[]).includes(scheme)) {
    return `The protocol "${scheme}" is not supported; use http, https, ftp, ftps or sftp.`;
  }
  if (url.username || url.password)
    return 'Do not put the login in the address; enter it in the login fields.';
  const path = raw.replace(/^[a-z]+:\/\/[^/?#]*/i, '').split(/[?#]/)[0] ?? '';
  if (path.split('/').some((s) => s === '..' || s === '.' || s.toLowerCase() === '%2e%2e')) {
    return 'The address may not contain "." or ".." folders.';
  }
  if (scheme !== 'http' && scheme !== 'https' && (path === '' || path.endsWith('/'))) {
    return 'The address must end with the file name: folder/filename.csv.';
  }
  return null;
}

/** The file name at the end of a remote location, for the history. */
export function remoteFileName(raw: string): string {
  const path = raw.replace(/^[a-z]+:\/\/[^/?#]*/i, '').split(/[?#]/)[0] ?? '';
  const last = path.split('/').filter(Boolean).pop();
  try {
    return last ? decodeURIComponent(last) : raw;
  } catch {
    return last ?? raw;
  }
}
