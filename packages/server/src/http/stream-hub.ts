import type { ServerResponse } from 'node:http';

/** Open live streams by user: a write is announced to that user's streams only. */
export class StreamHub {
  private readonly streams = new Map<string, Set<ServerResponse>>();

  open(userId: string, res: ServerResponse): void {
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
    });
    // A client that (re)connects cannot know what it missed while away: it pulls first.
    res.write('event: resync\ndata: {}\n\n');
    const set = this.streams.get(userId) ?? new Set();
    set.add(res);
    this.streams.set(userId, set);
    res.on('close', () => {
      set.delete(res);
      if (set.size === 0) this.streams.delete(userId);
    });
  }

  publish(userId: string, event: 'change' | 'resync', data: unknown): void {
    for (const res of this.streams.get(userId) ?? [])
      res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  }

  /** Ends every stream (shutdown); clients reconnect and resync. */
  closeAll(): void {
    for (const set of this.streams.values()) for (const res of set) res.end();
    this.streams.clear();
  }
}
