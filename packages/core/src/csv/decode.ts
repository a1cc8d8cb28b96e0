import { ContactSyncError } from '../errors.ts';
import type { Encoding } from '../model/profile-constants.ts';
import { mostlyUtf8Bytes } from './utf8-evidence.ts';

export type ConcreteEncoding = Exclude<Encoding, 'auto'>;

/** Reads a byte-order mark; `null` when there is none. */
export function encodingFromBom(bytes: Uint8Array): ConcreteEncoding | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return null;
}

/** UTF-16 without a BOM shows as a NUL in every other byte of ASCII text. */
function utf16WithoutBom(bytes: Uint8Array): ConcreteEncoding | null {
  const n = Math.min(bytes.length, 1024) & ~1;
  if (n < 8) return null;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenNul++;
    if (bytes[i + 1] === 0) oddNul++;
  }
  const pairs = n / 2;
  // Mostly-ASCII text has a NUL in every high byte; a few letters such as U+0100 (Ā) or U+0400
  // put one in the low byte too, so a small share on the other side is allowed.
  if (oddNul > pairs * 0.4 && evenNul < pairs * 0.05) return 'utf-16le';
  if (evenNul > pairs * 0.4 && oddNul < pairs * 0.05) return 'utf-16be';
  return null;
}

const SIGNATURES: readonly { bytes: readonly number[]; what: string }[] = [
  { bytes: [0x50, 0x4b, 0x03, 0x04], what: 'a ZIP archive or an Excel workbook (.xlsx)' },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0], what: 'an old Excel workbook (.xls)' },
  { bytes: [0x25, 0x50, 0x44, 0x46], what: 'a PDF document' },
  { bytes: [0x1f, 0x8b], what: 'a gzip archive' },
];

/** A vCard's first line, after an optional UTF-8 BOM and blank space. */
const VCARD = /^(\u00ef\u00bb\u00bf)?\s*BEGIN:VCARD/i;

/**
 * Chooses the encoding from the first bytes of a file, or refuses a file that is not text.
 * `requested` wins unless it is "auto"; a BOM wins over everything.
 */
export function sniffEncoding(head: Uint8Array, requested: Encoding): ConcreteEncoding {
  for (const sig of SIGNATURES) {
    if (sig.bytes.every((b, i) => head[i] === b)) {
      throw new ContactSyncError(
        'not-csv',
        `This file is ${sig.what}, not a CSV file. Save it as CSV (comma or semicolon separated) and try again.`,
      );
    }
  }
  if (VCARD.test(new TextDecoder('latin1').decode(head.subarray(0, 64)))) {
    throw new ContactSyncError(
      'not-csv',
      'This file is a vCard address book (.vcf), not a CSV file. Import it as a vCard instead: in the phone panel, or with sync.device.readVCard(file).',
      { format: 'vcard' },
    );
  }
  const encoding =
    encodingFromBom(head) ?? (requested === 'auto' ? utf16WithoutBom(head) : requested);
  if (encoding !== 'utf-16le' && encoding !== 'utf-16be') {
    if (head.includes(0)) {
      throw new ContactSyncError(
        'not-csv',
        'This file contains binary data (NUL bytes), so it is not a CSV file.',
      );
    }
  }
  return encoding ?? 'utf-8';
}

/**
 * A whole small file (a vCard) as text: a BOM or the UTF-16 pattern decides; otherwise UTF-8.
 * Bytes that are not valid UTF-8 mean Windows-1252 only when the file is not mostly UTF-8 —
 * the same rule as for CSV runs, so a stray byte never garbles every accented letter.
 */
export function decodeText(bytes: Uint8Array): string {
  const encoding = encodingFromBom(bytes) ?? utf16WithoutBom(bytes) ?? 'utf-8';
  if (encoding !== 'utf-8') return new TextDecoder(encoding).decode(bytes);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder(mostlyUtf8Bytes(bytes) ? 'utf-8' : 'windows-1252').decode(bytes);
  }
}

/** Thrown by a strict decoder on bytes that are not valid UTF-8. */
export class InvalidUtf8Error extends Error {
  override readonly name = 'InvalidUtf8Error';
}

/**
 * A streaming decoder: multibyte characters split across chunk boundaries decode intact.
 * `strict` makes invalid UTF-8 throw InvalidUtf8Error instead of turning into U+FFFD.
 */
export function createDecoder(
  encoding: ConcreteEncoding,
  strict = false,
): { push(bytes: Uint8Array): string; end(): string } {
  // The BOM, if any, is dropped by TextDecoder itself.
  const decoder = new TextDecoder(encoding, { fatal: strict });
  const guard = (fn: () => string) => {
    try {
      return fn();
    } catch (error) {
      if (strict && error instanceof TypeError)
        throw new InvalidUtf8Error('The file is not valid UTF-8.');
      throw error;
    }
  };
  return {
    push: (bytes) => guard(() => decoder.decode(bytes, { stream: true })),
    end: () => guard(() => decoder.decode()),
  };
}

export const ENCODING_LABELS: Record<ConcreteEncoding, string> = {
  'utf-8': 'UTF-8',
  'utf-16le': 'UTF-16 (little-endian)',
  'utf-16be': 'UTF-16 (big-endian)',
  'windows-1252': 'Windows-1252',
  'windows-1250': 'Windows-1250',
  'windows-1251': 'Windows-1251',
  'windows-1257': 'Windows-1257',
  'iso-8859-1': 'ISO-8859-1',
  'iso-8859-2': 'ISO-8859-2',
  'iso-8859-13': 'ISO-8859-13',
  'iso-8859-15': 'ISO-8859-15',
  shift_jis: 'Shift_JIS',
  gb18030: 'GB18030',
};
