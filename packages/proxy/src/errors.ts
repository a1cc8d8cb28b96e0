/** Stable codes the proxy answers with; the wire format is documented in docs/proxy.md. */
export const PROXY_ERROR_CODES = {
  'invalid-request': 400,
  'invalid-url': 400,
  unauthorized: 401,
  forbidden: 403,
  'blocked-address': 403,
  'origin-not-allowed': 403,
  'not-found': 404,
  'login-failed': 401,
  'too-large': 413,
  'too-many-requests': 429,
  'certificate-rejected': 502,
  'host-key-mismatch': 502,
  'too-many-redirects': 502,
  'upstream-failed': 502,
  timeout: 504,
  'not-configured': 503,
  internal: 500,
} as const;

export type ProxyErrorCode = keyof typeof PROXY_ERROR_CODES;

export class ProxyError extends Error {
  override readonly name = 'ProxyError';
  constructor(
    readonly code: ProxyErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }

  get status(): number {
    return PROXY_ERROR_CODES[this.code];
  }

  toJSON() {
    return this.details
      ? { code: this.code, message: this.message, details: this.details }
      : { code: this.code, message: this.message };
  }
}
