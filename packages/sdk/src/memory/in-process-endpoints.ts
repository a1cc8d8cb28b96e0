import type { Endpoint } from 'comlink';

type Listener = (event: MessageEvent) => void;

/**
 * Two ends of a channel on one thread. Messages are handed over as they are, a turn later, with
 * no structured clone: a jsdom File reaches the engine as the File the test made.
 */
export function inProcessEndpoints(): [Endpoint, Endpoint] {
  const listeners = [new Set<Listener>(), new Set<Listener>()] as const;
  const end = (to: Set<Listener>, own: Set<Listener>): Endpoint => ({
    postMessage(data: unknown) {
      setTimeout(() => {
        for (const listener of to) listener({ data } as MessageEvent);
      });
    },
    addEventListener: (_type: string, listener: EventListenerOrEventListenerObject) =>
      own.add(listener as Listener),
    removeEventListener: (_type: string, listener: EventListenerOrEventListenerObject) =>
      own.delete(listener as Listener),
  });
  return [end(listeners[1], listeners[0]), end(listeners[0], listeners[1])];
}
