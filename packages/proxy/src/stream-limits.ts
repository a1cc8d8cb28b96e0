import { Transform, type Readable } from 'node:stream';
import { ProxyError } from './errors.ts';

/** Passes bytes through until `maxBytes`, then fails the stream with "too-large". */
export function capSize(source: Readable, maxBytes: number): Readable {
  let seen = 0;
  const cap = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      seen += chunk.length;
      if (seen > maxBytes) {
        done(
          new ProxyError(
            'too-large',
            `The file is larger than the proxy's limit of ${maxBytes} bytes.`,
          ),
        );
        return;
      }
      done(null, chunk);
    },
  });
  source.on('error', (error) => cap.destroy(error));
  return source.pipe(cap);
}

/** Maps Node network and TLS failures to plain-language proxy errors. */
export function networkError(error: unknown, host: string): ProxyError {
  if (error instanceof ProxyError) return error;
  const code = (error as { code?: string }).code ?? '';
  const message = error instanceof Error ? error.message : String(error);
  if (/CERT|SELF_SIGNED|ALTNAME|UNABLE_TO_(GET|VERIFY)/.test(code)) {
    return new ProxyError(
      'certificate-rejected',
      `The TLS certificate of ${host} is not trusted (${code}).`,
    );
  }
  if (code === 'ECONNREFUSED')
    return new ProxyError('upstream-failed', `${host} refused the connection.`);
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN')
    return new ProxyError('upstream-failed', `The host "${host}" could not be found.`);
  if (code === 'ETIMEDOUT' || code === 'ABORT_ERR' || (error as Error)?.name === 'TimeoutError') {
    return new ProxyError('timeout', `${host} did not answer in time.`);
  }
  return new ProxyError('upstream-failed', `Fetching from ${host} failed: ${message}`);
}
