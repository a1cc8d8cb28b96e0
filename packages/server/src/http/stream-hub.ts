import type { ServerResponse } from 'node:http';

/** The stream of every collection at once: one connection per client instead of five. */
export const ALL = '*';

/** Open live streams by user and collection: a write is announced to that user's streams only. */
export class StreamHub {
  private readonly streams = new Map<string, Set<ServerResponse>>();

  open(userId: string, collection: string, res: ServerResponse): void {
    const key = `${collection} ${userId}`;
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
    });
    // A client that (re)connects cannot know what it missed while away: it pulls first.
    res.write('event: resync\ndata: {}\n\n');
    // Comments keep proxies and browsers from closing an idle stream.
    const keepAlive = setInterval(() => res.write(': keep-alive\n\n'), 25_000);
    const set = this.streams.get(key) ?? new Set();
    set.add(res);
    this.streams.set(key, set);
    res.on('close', () => {
      clearInterval(keepAlive);
      set.delete(res);
      if (set.size === 0) this.streams.delete(key);
    });
  }

  publish(
    userId: string,
    collection: string,
    event: 'change' | 'resync' | 'progress',
    data: unknown,
  ): void {
    for (const res of this.streams.get(`${collection} ${userId}`) ?? [])
      res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
    const all = JSON.stringify({ collection, ...(data as object) });
    for (const res of this.streams.get(`${ALL} ${userId}`) ?? [])
      res.write(`event: ${event}\ndata: ${all}\n\n`);
  }

  /** Ends every stream (shutdown); clients reconnect and resync. */
  closeAll(): void {
    for (const set of this.streams.values()) for (const res of set) res.end();
    this.streams.clear();
  }
}
