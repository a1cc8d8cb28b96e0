import { fileChangedError, type ByteSource } from '@contactsync/core';

// Each slice is an async trip to the blob store; large slices keep those few.
const CHUNK = 8 * 1024 * 1024;

/** A File or Blob as a re-readable byte source, read in 8 MiB slices, one ahead. */
export function blobSource(
  blob: Blob,
  name = blob instanceof File ? blob.name : 'upload.csv',
): ByteSource {
  return {
    name,
    size: blob.size,
    async *open(signal) {
      const read = (at: number) =>
        at < blob.size ? readSlice(blob.slice(at, at + CHUNK)) : Promise.resolve(null);
      // The next slice is read while this one is hashed or parsed, not after.
      let next = read(0);
      try {
        for (let at = 0; at < blob.size; at += CHUNK) {
          signal?.throwIfAborted();
          const bytes = (await next)!;
          next = read(at + CHUNK);
          yield new Uint8Array(bytes);
        }
      } finally {
        // A reader that stops early leaves the slice read ahead unused, and its failure unheard.
        next.catch(() => undefined);
      }
    },
  };
}

/** Chromium cannot read a chosen file that changed on disk after it was chosen. */
export async function readSlice(slice: Blob): Promise<ArrayBuffer> {
  try {
    return await (slice.arrayBuffer ? slice.arrayBuffer() : viaReader(slice));
  } catch (error) {
    if ((error as Error)?.name === 'NotReadableError') throw fileChangedError();
    throw error;
  }
}

/** jsdom's Blob has no arrayBuffer(); its FileReader reads one (memory mode in host tests). */
function viaReader(blob: Blob): Promise<ArrayBuffer> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as ArrayBuffer);
    reader.onerror = () => reject(reader.error);
    reader.readAsArrayBuffer(blob);
  });
}
