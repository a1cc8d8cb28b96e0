/** Size and time limits of one fetch; every breach is a clear error. */
export interface FetchLimits {
  /** Largest file the proxy will deliver, in bytes. Default 200 MB. */
  readonly maxBytes: number;
  /** Time to establish the connection (and log in). Default 10 s. */
  readonly connectTimeoutMs: number;
  /** Longest pause without data. Default 30 s. */
  readonly idleTimeoutMs: number;
  /** Longest whole fetch. Default 10 min. */
  readonly totalTimeoutMs: number;
}

export const DEFAULT_LIMITS: FetchLimits = {
  maxBytes: 200 * 1024 * 1024,
  connectTimeoutMs: 10_000,
  idleTimeoutMs: 30_000,
  totalTimeoutMs: 10 * 60_000,
};
