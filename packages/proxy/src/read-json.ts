import type { IncomingMessage } from 'node:http';
import { ProxyError } from './errors.ts';

const MAX_BODY = 64 * 1024;

/** Reads a small JSON request body. */
export async function readJson(request: IncomingMessage): Promise<Record<string, unknown>> {
  if (!String(request.headers['content-type'] ?? '').includes('application/json')) {
    throw new ProxyError('invalid-request', 'Send the request as application/json.');
  }
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY) throw new ProxyError('invalid-request', 'The request body is too large.');
    chunks.push(chunk);
  }
  try {
    const value: unknown = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    if (typeof value !== 'object' || value === null || Array.isArray(value))
      throw new Error('not an object');
    return value as Record<string, unknown>;
  } catch {
    throw new ProxyError('invalid-request', 'The request body is not a JSON object.');
  }
}
