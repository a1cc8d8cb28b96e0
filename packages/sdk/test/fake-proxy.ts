import { http, HttpResponse } from 'msw';
import { setupWorker } from 'msw/browser';

/** msw standing in for the fetch proxy: what the SDK sends to it is recorded here. */
export const CSV = 'email,name\nann@x.io,Ann\nbob@x.io,Bob\n';
export const REMOTE_URL = 'sftp://files.example.com/exports/contacts.csv';
export const HOST_KEY = 'SHA256:abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG';

export const seen = {
  fetches: [] as Record<string, unknown>[],
  sealed: [] as Record<string, unknown>[],
  reset() {
    this.fetches = [];
    this.sealed = [];
  },
};

export const worker = setupWorker(
  http.post('/v1/credentials', async ({ request }) => {
    seen.sealed.push((await request.json()) as Record<string, unknown>);
    return HttpResponse.json({ token: 'v1.sealed-token', binding: 'sftp://files.example.com:22' });
  }),
);

export const startFakeProxy = () =>
  worker.start({
    serviceWorker: { url: '/mockServiceWorker.js' },
    onUnhandledRequest: 'bypass',
    quiet: true,
  });

/** Serves `body` as the remote file; a request whose `since` matches gets "not modified". */
export function serve(body: string, meta: Record<string, unknown> = {}) {
  worker.use(
    http.post('/v1/fetch', async ({ request }) => {
      const req = (await request.json()) as Record<string, unknown>;
      seen.fetches.push(req);
      const full = {
        etag: null,
        lastModified: null,
        size: body.length,
        mtime: '2026-11-01T10:00:00.000Z',
        hostKey: HOST_KEY,
        ...meta,
      };
      const since = req.since as Record<string, unknown> | null;
      const headers = { 'x-contactsync-meta': JSON.stringify(full) };
      if (since && since.mtime === full.mtime && since.size === full.size) {
        return HttpResponse.json(
          { notModified: true, meta: full },
          { headers: { ...headers, 'x-contactsync-status': 'not-modified' } },
        );
      }
      return new HttpResponse(body, { headers: { ...headers, 'x-contactsync-status': 'ok' } });
    }),
  );
}

/** Makes every fetch fail as the proxy would. */
export function fail(status: number, code: string, message: string) {
  worker.use(
    http.post('/v1/fetch', () => HttpResponse.json({ error: { code, message } }, { status })),
  );
}
