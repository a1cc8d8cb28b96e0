import type { ContentLine } from './content-line.ts';

/** Decodes =XX escapes into bytes, then the bytes in the card's charset (UTF-8 by default). */
export function decodeQuotedPrintable(value: string, charset = 'utf-8'): string {
  const bytes: number[] = [];
  for (let i = 0; i < value.length; i++) {
    const hex = value.slice(i + 1, i + 3);
    if (value[i] === '=' && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else {
      bytes.push(value.charCodeAt(i) & 0xff);
    }
  }
  try {
    return new TextDecoder(charset).decode(new Uint8Array(bytes));
  } catch {
    return new TextDecoder('utf-8').decode(new Uint8Array(bytes));
  }
}

/** The value as text: quoted-printable decoded and backslash escapes undone. */
export function textValue(line: ContentLine): string {
  return unescapeText(rawValue(line));
}

/** The value with quoted-printable decoded but escapes kept, for splitting structured values. */
export function rawValue(line: ContentLine): string {
  const encoding = line.params.get('ENCODING')?.[0]?.toUpperCase();
  if (encoding === 'QUOTED-PRINTABLE')
    return decodeQuotedPrintable(line.value, line.params.get('CHARSET')?.[0]);
  return line.value;
}

export function unescapeText(value: string): string {
  return value.replace(/\\([nN,;\\:])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
}

/** Splits a structured value (N, ORG) on unescaped semicolons, then unescapes each part. */
export function structuredValue(line: ContentLine): string[] {
  return rawValue(line)
    .split(/(?<!\\);/)
    .map((part) => unescapeText(part).trim());
}

const NOISE = new Set(['pref', 'internet', 'voice', 'x400', 'text']);

/** The label a person would use: "work", "home", "mobile"…, from TYPE (and X-ABLabel-free). */
export function typeLabel(line: ContentLine): string | undefined {
  const types = (line.params.get('TYPE') ?? [])
    .flatMap((t) => t.split(','))
    .map((t) => t.trim().toLowerCase())
    .filter((t) => t && !NOISE.has(t));
  const type = types[0];
  return type === 'cell' ? 'mobile' : type;
}

/** A TEL or EMAIL value without a "tel:" or "mailto:" URI prefix (vCard 4.0). */
export function stripUri(value: string): string {
  return value.replace(/^(tel|mailto):/i, '').trim();
}
