/** The part of the Web Locks API the engine uses: exclusive locks, optionally abortable. */
export interface Locks {
  request<T>(name: string, options: { signal?: AbortSignal }, fn: () => Promise<T>): Promise<T>;
}

const held = new Map<string, Promise<unknown>>();

/**
 * Locks for one thread, where there are no Web Locks (Node, jsdom: the in-memory mode runs its
 * engine on the page's own thread, so no other thread shares its store).
 */
const threadLocks: Locks = {
  request<T>(name: string, { signal }: { signal?: AbortSignal }, fn: () => Promise<T>) {
    const before = held.get(name) ?? Promise.resolve();
    const run = new Promise<T>((resolve, reject) => {
      let started = false;
      const onAbort = () => !started && reject(signal!.reason);
      signal?.addEventListener('abort', onAbort, { once: true });
      if (signal?.aborted) return onAbort();
      void before.then(() => {
        signal?.removeEventListener('abort', onAbort);
        if (signal?.aborted) return reject(signal.reason);
        started = true;
        fn().then(resolve, reject);
      });
    });
    // The next holder waits for this one, whether it ran, failed or gave up waiting.
    const settled = run.then(
      () => undefined,
      () => undefined,
    );
    held.set(name, settled);
    void settled.then(() => held.get(name) === settled && held.delete(name));
    return run;
  },
};

/** The browser's Web Locks (shared by every tab and worker of the origin), or thread locks. */
export function locks(): Locks {
  return (globalThis.navigator as { locks?: Locks } | undefined)?.locks ?? threadLocks;
}
