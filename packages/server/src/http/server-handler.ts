import type { IncomingMessage, ServerResponse } from 'node:http';
import { ContactSyncError, toContactSyncError } from '@contactsync/core';
import type { Kysely } from 'kysely';
import type { ServerDatabase } from '../db/schema.ts';
import type { PushRow, ReplicationMeta } from '@contactsync/core';
import { contactAdapter } from '../replication/contact-rows.ts';
import { documentAdapter } from '../replication/document-rows.ts';
import { ContactPushSchema, RecordPushSchema } from '../replication/document-schemas.ts';
import { MAX_PULL, ReplicatedStore } from '../replication/replicated-store.ts';
import { readJsonBody } from './read-body.ts';
import { ALL, StreamHub } from './stream-hub.ts';
import { createServerImports, type ServerImportOptions } from '../runs/server-imports.ts';

export interface ServerHandlerOptions {
  readonly db: Kysely<ServerDatabase>;
  /**
   * Who is asking: the user id every query is scoped to, or null to refuse (401). The host's
   * own session check belongs here; there is no default, so the server is closed until set.
   */
  readonly authenticate: (request: IncomingMessage) => string | null | Promise<string | null>;
  /** Largest push body, in bytes. Default 16 MB. */
  readonly maxBodyBytes?: number;
  /**
   * Remote imports and schedules run by the server (docs/replication.md, "Imports on the
   * server"); without it, browsers run them. Call `handler.imports.start()` once listening.
   */
  readonly imports?: ServerImportOptions;
}

const STATUS: Partial<Record<string, number>> = {
  'invalid-argument': 400,
  'not-found': 404,
  'undo-unavailable': 409,
  busy: 409,
};

type PushSchema = typeof ContactPushSchema | typeof RecordPushSchema;

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
  });
  res.end(JSON.stringify(body));
}

const ROUTE =
  /^\/v1\/replication\/(?:(?<collection>contacts|books|folders|profiles|runs)\/(?<kind>pull|push|stream)|(?<all>stream)|imports\/(?<profile>[^/]+)\/run|imports\/runs\/(?<run>[^/]+)\/(?<runAction>cancel|undo)|imports\/books\/(?<book>[^/]+)\/undoable)$/;
const RECORD_COLLECTIONS = ['books', 'folders', 'profiles', 'runs'] as const;

/**
 * The replication protocol (docs/replication.md) as a `node:http` handler, mountable in a host's
 * server like the proxy: `GET …/pull`, `POST …/push`, `GET …/stream`. Other paths go to `next`.
 */
export function createServerHandler(options: ServerHandlerOptions) {
  const stores = new Map<string, { store: ReplicatedStore<ReplicationMeta>; schema: PushSchema }>([
    [
      'contacts',
      { store: new ReplicatedStore(options.db, contactAdapter), schema: ContactPushSchema },
    ],
    ...RECORD_COLLECTIONS.map(
      (c) =>
        [
          c,
          { store: new ReplicatedStore(options.db, documentAdapter(c)), schema: RecordPushSchema },
        ] as const,
    ),
  ]);
  const hub = new StreamHub();
  // A change the server made itself: every browser of that user pulls.
  const changed = (userId: string, collections: readonly string[]) => {
    for (const c of collections)
      hub.publish(userId, c, 'change', { documents: [], checkpoint: null });
  };
  const imports = options.imports
    ? createServerImports(options.db, options.imports, changed, (userId, progress) =>
        hub.publish(userId, 'runs', 'progress', progress),
      )
    : null;
  const maxBody = options.maxBodyBytes ?? 16 * 1024 * 1024;

  async function route(
    collection: string,
    kind: string,
    request: IncomingMessage,
    res: ServerResponse,
    userId: string,
  ) {
    const url = new URL(request.url ?? '/', 'http://server');
    const { store, schema } = stores.get(collection)!;
    if (kind === 'pull' && request.method === 'GET') {
      const limit = Number(url.searchParams.get('limit') ?? 100);
      if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PULL)
        throw new ContactSyncError('invalid-argument', `"limit" must be 1 to ${MAX_PULL}.`);
      return sendJson(
        res,
        200,
        await store.pull(userId, url.searchParams.get('checkpoint'), limit),
      );
    }
    if (kind === 'push' && request.method === 'POST') {
      const parsed = schema.safeParse(await readJsonBody(request, maxBody));
      if (!parsed.success)
        throw new ContactSyncError(
          'invalid-argument',
          `The push is not valid: ${parsed.error.issues[0]?.message ?? ''}`,
        );
      const outcome = await store.push(
        userId,
        parsed.data.rows as PushRow<ReplicationMeta>[],
        parsed.data.checkpoint,
      );
      if (outcome.written.documents.length) {
        hub.publish(userId, collection, 'change', outcome.written);
        // A schedule added, moved or paused takes effect now.
        if (collection === 'profiles') imports?.rearm();
      }
      return sendJson(res, 200, {
        conflicts: outcome.conflicts,
        revisions: outcome.revisions,
        ...(outcome.checkpoint ? { checkpoint: outcome.checkpoint } : {}),
      });
    }
    if (kind === 'stream' && request.method === 'GET') return hub.open(userId, collection, res);
    throw new ContactSyncError('invalid-argument', `Use ${kind === 'push' ? 'POST' : 'GET'}.`);
  }

  const handle = async (request: IncomingMessage, res: ServerResponse, next?: () => void) => {
    const match = ROUTE.exec(new URL(request.url ?? '/', 'http://server').pathname);
    if (!match) {
      if (next) next();
      else sendJson(res, 404, { error: { code: 'not-found', message: 'No such endpoint.' } });
      return;
    }
    try {
      const userId = await options.authenticate(request);
      if (!userId) {
        sendJson(res, 401, {
          error: { code: 'unauthorized', message: 'Sign in to sync contacts.' },
        });
        return;
      }
      const to = match.groups!;
      /** The imports this server runs, asked with the right method. */
      const importsBy = (method: 'GET' | 'POST') => {
        if (!imports) throw new ContactSyncError('not-found', 'This server does not run imports.');
        if (request.method !== method)
          throw new ContactSyncError('invalid-argument', `Use ${method}.`);
        return imports;
      };
      if (to.profile) {
        const imports = importsBy('POST');
        const body = (await readJsonBody(request, 4096).catch(() => ({}))) as {
          confirmMassDelete?: unknown;
          runId?: unknown;
        };
        const runId =
          typeof body.runId === 'string' && /^[\w-]{8,64}$/.test(body.runId)
            ? body.runId
            : undefined;
        const record = await imports.runNow(
          userId,
          decodeURIComponent(to.profile),
          body.confirmMassDelete === true,
          runId,
        );
        return sendJson(res, 200, { run: record });
      }
      if (to.run) {
        const imports = importsBy('POST');
        const runId = decodeURIComponent(to.run);
        if (to.runAction === 'undo')
          return sendJson(res, 200, { run: await imports.undo(userId, runId) });
        return sendJson(res, 200, { cancelled: imports.cancel(userId, runId) });
      }
      if (to.book) {
        const runId = await importsBy('GET').undoable(userId, decodeURIComponent(to.book));
        return sendJson(res, 200, { runId });
      }
      if (to.all && request.method === 'GET') hub.open(userId, ALL, res);
      else if (to.all) throw new ContactSyncError('invalid-argument', 'Use GET.');
      else await route(to.collection!, to.kind!, request, res, userId);
    } catch (thrown) {
      const error = toContactSyncError(thrown);
      if (res.headersSent) res.destroy();
      else
        sendJson(res, STATUS[error.code] ?? 500, {
          error: { code: error.code, message: error.message },
        });
    }
  };
  return Object.assign(handle, {
    /** Server runs and schedules, when `imports` was given. */
    imports,
    close: () => {
      void imports?.stop();
      hub.closeAll();
    },
  });
}
