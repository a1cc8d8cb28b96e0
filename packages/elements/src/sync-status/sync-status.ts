import { html, nothing, type TemplateResult } from 'lit';
import type { ReplicationStatus } from '@contactsync/sdk';
import { CsElement } from '../shared/cs-element.ts';
import { baseStyles } from '../shared/base.styles.ts';
import { syncStatusStyles } from './sync-status.styles.ts';

/**
 * Whether the contacts reached the portal's server: saved (and when), on the way, or waiting in
 * this browser because the server cannot be reached (with when it tries again, and a button to
 * try now). Says "kept in this browser only" when no backend is configured. A polite live
 * region: screen readers hear changes without losing their place.
 *
 * @tag cs-sync-status
 * @csspart status - The line with the dot and the text.
 * @csspart retry - The "Try now" button.
 * @cssprop --cs-color-success - The dot when everything is saved.
 * @cssprop --cs-color-warning - The dot while changes wait.
 */
export class SyncStatus extends CsElement {
  static override styles = [baseStyles, syncStatusStyles];
  static override properties = {
    status: { state: true },
    state: { reflect: true },
  };
  static override tagName = 'cs-sync-status';

  /** The status shown (reflected, for styling: `cs-sync-status[state='retrying']`). */
  declare state: ReplicationStatus['state'] | null;
  declare private status: ReplicationStatus | null;

  constructor() {
    super();
    this.state = null;
    this.status = null;
    this.followChanges((event) => {
      if (event.type === 'replication-status') this.show(event.status);
    });
  }

  protected override updated(changed: Map<PropertyKey, unknown>): void {
    if (this.clientChanged(changed)) void this.load();
  }

  private async load(): Promise<void> {
    const sync = this.client;
    if (sync) this.show(await sync.replication.status());
  }

  private show(status: ReplicationStatus): void {
    this.status = status;
    this.state = status.state;
  }

  private async retry(): Promise<void> {
    const sync = this.client;
    if (sync) this.show(await sync.replication.syncNow());
  }

  private time(ms: number): string {
    return this.dateFormat({ timeStyle: 'short' }).format(ms);
  }

  private problem(code: string | undefined): string {
    const t = this.t;
    if (code === 'backend-unreachable') return t.syncUnreachable;
    if (code === 'backend-refused') return t.syncRefused;
    return t.syncFailed;
  }

  protected override render(): TemplateResult | typeof nothing {
    const s = this.status;
    if (!s) return nothing;
    const t = this.t;
    let text: string;
    let detail: string | typeof nothing = nothing;
    if (s.state === 'off') text = t.syncOff;
    else if (s.state === 'standby') text = t.syncConnecting;
    else if (s.state === 'syncing') text = t.syncing;
    else if (s.state === 'synced')
      text = s.pending > 0 ? t.syncPending(s.pending) : t.synced(this.time(s.lastSyncedAt ?? 0));
    else {
      text = `${this.problem(s.error?.code)} ${t.syncPending(s.pending)}`;
      if (s.retryAt) detail = t.syncRetryAt(this.time(s.retryAt));
    }
    return html`<p part="status" class="status" role="status">
      <span><span class="dot" aria-hidden="true"></span>${text}</span>
      ${detail === nothing ? nothing : html`<span class="detail">${detail}</span>`}
      ${
        s.state === 'retrying'
          ? html`<button type="button" part="retry" @click=${() => void this.retry()}>
              ${t.syncNow}
            </button>`
          : nothing
      }
    </p>`;
  }
}

declare global {
  // Under its default name (`SyncStatus.define()`): `document.querySelector('cs-sync-status')` is typed.
  interface HTMLElementTagNameMap {
    'cs-sync-status': SyncStatus;
  }
}
