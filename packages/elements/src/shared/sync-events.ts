import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ContactSync, ContactSyncEvent } from '@contactsync/sdk';

/**
 * Follows the change events of whichever client the element uses now (from any tab), while it
 * is connected: subscribed on connect or when the client changes, unsubscribed on disconnect.
 */
export class SyncEvents implements ReactiveController {
  private subscribed: ContactSync | null = null;
  private stop: (() => void) | null = null;
  private connected = false;

  constructor(
    host: ReactiveControllerHost,
    private readonly client: () => ContactSync | null,
    private readonly listener: (event: ContactSyncEvent) => void,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.connected = true;
    this.follow();
  }

  hostDisconnected(): void {
    this.connected = false;
    this.follow();
  }

  /** Runs before every render: picks up a client set or provided since. */
  hostUpdate(): void {
    this.follow();
  }

  private follow(): void {
    const wanted = this.connected ? this.client() : null;
    if (wanted === this.subscribed) return;
    this.stop?.();
    this.stop = null;
    this.subscribed = wanted;
    if (wanted) this.stop = wanted.subscribe(this.listener);
  }
}
