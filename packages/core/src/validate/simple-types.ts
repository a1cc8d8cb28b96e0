/** Numbers with a dot or a comma as the decimal mark, in canonical dot form. */
export function normaliseNumber(value: string): string | null {
  const trimmed = value.trim().replace(/\s/g, '');
  if (!/^[+-]?\d+(?:[.,]\d+)?$/.test(trimmed)) return null;
  return String(Number(trimmed.replace(',', '.')));
}

/** http(s) addresses; a bare "www.example.com" gets https:// in front. */
export function normaliseUrl(value: string): string | null {
  const trimmed = value.trim();
  const candidate = /^[a-z][a-z0-9+.-]*:/i.test(trimmed) ? trimmed : `https://${trimmed}`;
  if (!URL.canParse(candidate)) return null;
  const url = new URL(candidate);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  if (!url.hostname.includes('.')) return null;
  return url.href;
}
