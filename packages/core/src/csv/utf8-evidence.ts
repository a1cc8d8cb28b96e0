import type { ByteSource } from '../ports.ts';

/** Characters a lenient UTF-8 decoder read (valid multibyte sequences) and those it replaced. */
interface Tally {
  valid: number;
  replaced: number;
}

function tally(text: string, into: Tally): void {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) continue;
    if (c === 0xfffd) into.replaced++;
    else into.valid++;
  }
}

/**
 * Whether bytes that are not all valid UTF-8 are still mostly UTF-8. A Windows-1252 file almost
 * never forms valid multibyte sequences; a UTF-8 file with a stray byte has many and a few
 * replacements. Reading the latter as Windows-1252 would garble every accented letter.
 */
export function mostlyUtf8Bytes(bytes: Uint8Array): boolean {
  const t: Tally = { valid: 0, replaced: 0 };
  tally(new TextDecoder('utf-8').decode(bytes, { stream: true }), t);
  return t.valid > t.replaced;
}

/** `mostlyUtf8Bytes` over a whole source, streamed. */
export async function mostlyUtf8(source: ByteSource, signal?: AbortSignal): Promise<boolean> {
  const decoder = new TextDecoder('utf-8');
  const t: Tally = { valid: 0, replaced: 0 };
  for await (const chunk of source.open(signal)) tally(decoder.decode(chunk, { stream: true }), t);
  tally(decoder.decode(), t);
  return t.valid > t.replaced;
}
