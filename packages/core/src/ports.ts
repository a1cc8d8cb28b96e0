/** The small interfaces through which the pure core reaches the outside world. */

/** A re-readable stream of bytes: a local file, or a body the proxy delivered. */
export interface ByteSource {
  readonly name: string;
  readonly size?: number;
  /** Each call starts again from the first byte. */
  open(signal?: AbortSignal): AsyncIterable<Uint8Array>;
}

/** SHA-256 fed incrementally, hex output; the SDK supplies one (native where it can). */
export interface Hasher {
  /** `size`: how many bytes will come, when known (a hasher may set room aside for them). */
  create(size?: number | null): HashState;
}

export interface HashState {
  update(bytes: Uint8Array): void;
  digestHex(): Promise<string>;
}

export interface Clock {
  /** Milliseconds since the Unix epoch. */
  now(): number;
}

export interface Random {
  /** A uniformly distributed integer in [0, maxExclusive). */
  int(maxExclusive: number): number;
}

/** What a host's check says of one value: keep it as (re)written, or leave the row out. */
export type FieldCheckAnswer = { readonly value: string } | { readonly problem: string };

/**
 * A host's checks of field values by name (`FieldDef.check`), asked once per field and batch of
 * rows, so a check across threads or over the network is a few calls, not one per row.
 */
export interface FieldChecks {
  has(name: string): boolean;
  /** One answer per value, in order; rejects when the check cannot answer. */
  check(
    name: string,
    values: readonly string[],
    rows: readonly number[],
  ): Promise<readonly FieldCheckAnswer[]>;
}
