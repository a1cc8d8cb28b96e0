import { Transform, type Readable } from 'node:stream';
import { ProxyError } from './errors.ts';

/**
 * The body handed to the client: passes bytes through until `maxBytes` (then "too-large"), and
 * fails with "timeout" when the server sends nothing for `idleMs` while the client is waiting for
 * data — time the client itself is slow to read (bytes are buffered) never counts. When the body
 * ends early (a limit, the client gone), the source is destroyed, so its connection closes at once.
 */
export function capSize(
  source: Readable,
  maxBytes: number,
  idleMs = 0,
  host = 'The server',
): Readable {
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
  cap.on('close', () => {
    if (!source.readableEnded) source.destroy();
  });
  if (idleMs > 0) watchIdle(cap, idleMs, host);
  return source.pipe(cap);
}

/** Fails `stream` when no byte arrived for `idleMs` while nothing was buffered for the reader. */
function watchIdle(stream: Readable, idleMs: number, host: string): void {
  let last = Date.now();
  stream.on('data', () => (last = Date.now()));
  const timer = setInterval(
    () => {
      // Bytes waiting for a slow reader: the server is not the one being slow.
      if (stream.readableLength > 0 || stream.isPaused()) last = Date.now();
      else if (Date.now() - last >= idleMs)
        stream.destroy(new ProxyError('timeout', `${host} stopped sending data.`));
    },
    Math.max(10, Math.min(1000, idleMs / 5)),
  );
  timer.unref();
  stream.once('close', () => clearInterval(timer));
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
