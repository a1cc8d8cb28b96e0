import { ContactSyncError } from '../errors.ts';
import type { Encoding } from '../model/profile-constants.ts';

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
  if (oddNul > pairs * 0.4 && evenNul === 0) return 'utf-16le';
  if (evenNul > pairs * 0.4 && oddNul === 0) return 'utf-16be';
  return null;
}

const SIGNATURES: readonly { bytes: readonly number[]; what: string }[] = [
  { bytes: [0x50, 0x4b, 0x03, 0x04], what: 'a ZIP archive or an Excel workbook (.xlsx)' },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0], what: 'an old Excel workbook (.xls)' },
  { bytes: [0x25, 0x50, 0x44, 0x46], what: 'a PDF document' },
  { bytes: [0x1f, 0x8b], what: 'a gzip archive' },
];

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
  const encoding =
    encodingFromBom(head) ?? (requested === 'auto' ? utf16WithoutBom(head) : requested);
  if (encoding === null || encoding === 'utf-8' || encoding === 'windows-1252') {
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
 * Checks chunk by chunk that bytes are valid UTF-8; characters split across chunks are fine.
 * Used by the scanning pass so that a legacy file is known to need Windows-1252 before parsing.
 */
export class Utf8Validator {
  private readonly decoder = new TextDecoder('utf-8', { fatal: true });
  private valid = true;

  push(bytes: Uint8Array): void {
    if (!this.valid) return;
    try {
      this.decoder.decode(bytes, { stream: true });
    } catch {
      this.valid = false;
    }
  }

  end(): boolean {
    if (this.valid) {
      try {
        this.decoder.decode();
      } catch {
        this.valid = false;
      }
    }
    return this.valid;
  }
}

/** A streaming decoder: multibyte characters split across chunk boundaries decode intact. */
export function createDecoder(encoding: ConcreteEncoding): {
  push(bytes: Uint8Array): string;
  end(): string;
} {
  // The BOM, if any, is dropped by TextDecoder itself.
  const decoder = new TextDecoder(encoding);
  return {
    push: (bytes) => decoder.decode(bytes, { stream: true }),
    end: () => decoder.decode(),
  };
}

export const ENCODING_LABELS: Record<ConcreteEncoding, string> = {
  'utf-8': 'UTF-8',
  'utf-16le': 'UTF-16 (little-endian)',
  'utf-16be': 'UTF-16 (big-endian)',
  'windows-1252': 'Windows-1252',
};
