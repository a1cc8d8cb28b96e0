// Practical address syntax (what mail portals accept), not the full RFC 5322 grammar.
const EMAIL = /^[^\s@"<>(),;:\\[\]]+@[^\s@"<>(),;:\\[\]]+\.[^\s@"<>(),;:\\[\]]{2,}$/;

export function normaliseEmail(value: string): string | null {
  const trimmed = value.trim();
  if (trimmed.length > 254 || !EMAIL.test(trimmed)) return null;
  const at = trimmed.lastIndexOf('@');
  // Domains are case-insensitive; the local part is kept as written.
  return trimmed.slice(0, at + 1) + trimmed.slice(at + 1).toLowerCase();
}
