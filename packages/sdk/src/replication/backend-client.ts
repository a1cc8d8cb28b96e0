import {
  ContactSyncError,
  type ErrorCode,
  type PullResult,
  type PushResult,
  type PushRow,
  type ReplicationMeta,
  type RunRecord,
} from '@contactsync/core';

/** Where the backend is (its replication API, e.g. "/v1/replication/") and how to sign in. */
export interface BackendConfig {
  readonly url: string;
  /** Sent with every request, e.g. `{ authorization: 'Bearer …' }`; cookies go as usual. */
  readonly headers?: Readonly<Record<string, string>>;
}

const PASSED_CODES: ReadonlySet<string> = new Set<ErrorCode>([
  'invalid-argument',
  'not-found',
  'undo-unavailable',
  'busy',
]);

/** The replication protocol's three requests (docs/replication.md), with errors as codes. */
export class BackendClient {
  private readonly base: string;

  constructor(private readonly config: BackendConfig) {
    this.base = config.url.endsWith('/') ? config.url : `${config.url}/`;
  }

  async pull<D extends ReplicationMeta>(
    collection: string,
    checkpoint: string | null,
    limit: number,
  ): Promise<PullResult<D>> {
    const query = new URLSearchParams({ limit: String(limit) });
    if (checkpoint) query.set('checkpoint', checkpoint);
    return (await this.request(`${collection}/pull?${query}`)).json() as Promise<PullResult<D>>;
  }

  async push<D extends ReplicationMeta>(
    collection: string,
    rows: readonly PushRow<D>[],
    checkpoint?: string | null,
  ): Promise<PushResult<D>> {
    const res = await this.request(`${collection}/push`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(checkpoint === undefined ? { rows } : { checkpoint, rows }),
    });
    return res.json() as Promise<PushResult<D>>;
  }

  /** Asks the backend to run a remote import now ("Import now"); resolves with its record. */
  async startImport(
    profileId: string,
    runId: string,
    confirmMassDelete: boolean,
  ): Promise<RunRecord> {
    const res = await this.request(`imports/${encodeURIComponent(profileId)}/run`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ runId, confirmMassDelete }),
    });
    return ((await res.json()) as { run: RunRecord }).run;
  }

  /** Stops a server run this user started; it ends "cancelled". */
  async cancelImport(runId: string): Promise<void> {
    await this.request(`imports/runs/${encodeURIComponent(runId)}/cancel`, { method: 'POST' });
  }

  /** The backend's run whose undo is on offer in the book, or null. */
  async undoableImport(bookId: string): Promise<string | null> {
    const res = await this.request(`imports/books/${encodeURIComponent(bookId)}/undoable`);
    return ((await res.json()) as { runId: string | null }).runId;
  }

  /** Asks the backend to undo a run it ran; resolves with the undo's record. */
  async undoImport(runId: string): Promise<RunRecord> {
    const res = await this.request(`imports/runs/${encodeURIComponent(runId)}/undo`, {
      method: 'POST',
    });
    return ((await res.json()) as { run: RunRecord }).run;
  }

  /**
   * Listens to the live stream of every collection until it ends or `signal` aborts, calling
   * `onEvent` for each event ("change" or "resync"). One connection for all collections.
   */
  async listen(signal: AbortSignal, onEvent: (event: string, data: string) => void): Promise<void> {
    const res = await this.request('stream', { signal, headers: { accept: 'text/event-stream' } });
    const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      buffer += value;
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const event = /^event: (.*)$/m.exec(block)?.[1];
        if (event) onEvent(event, /^data: (.*)$/m.exec(block)?.[1] ?? '');
      }
    }
  }

  private async request(path: string, init: RequestInit = {}): Promise<Response> {
    let res: Response;
    try {
      res = await fetch(this.base + path, {
        ...init,
        credentials: 'include',
        cache: 'no-store',
        headers: { ...this.config.headers, ...(init.headers as Record<string, string>) },
      });
    } catch (error) {
      if ((error as Error).name === 'AbortError') throw error;
      throw new ContactSyncError(
        'backend-unreachable',
        'The contact server cannot be reached; changes wait here and go out when it is back.',
      );
    }
    if (res.ok) return res;
    const body = (await res.json().catch(() => null)) as {
      error?: { code?: string; message?: string };
    } | null;
    const message = body?.error?.message ?? `The contact server answered ${res.status}.`;
    if (res.status === 401 || res.status === 403)
      throw new ContactSyncError('backend-refused', message, { status: res.status });
    const code = body?.error?.code;
    // Answers about the request itself keep their code: the host and the elements act on it.
    if (code && PASSED_CODES.has(code))
      throw new ContactSyncError(code as ErrorCode, message, { status: res.status });
    throw new ContactSyncError('backend-failed', message, { status: res.status });
  }
}
