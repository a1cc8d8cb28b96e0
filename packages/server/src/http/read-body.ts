import type { IncomingMessage } from 'node:http';
import { ContactSyncError } from '@contactsync/core';

/** A JSON request body of at most `limit` bytes. */
export async function readJsonBody(request: IncomingMessage, limit: number): Promise<unknown> {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit)
      throw new ContactSyncError('invalid-argument', `The request is larger than ${limit} bytes.`);
    chunks.push(chunk);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new ContactSyncError('invalid-argument', 'The request body is not JSON.');
  }
}
