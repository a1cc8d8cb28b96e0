import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import {
  deviceContactName,
  type DeviceContact,
  type DevicePreview,
  type DeviceSyncState,
} from '@contactsync/sdk';
import { DeviceConsentEvent, DeviceSyncedEvent } from '../events.ts';
import { CsElement } from '../shared/cs-element.ts';
import { baseStyles } from '../shared/base.styles.ts';
import { deviceSyncStyles } from './device-sync.styles.ts';
import { describeError, describeThrown } from '../shared/describe.ts';

/**
 * Phone address-book sync: the "Auto export" switch (the user's consent), the last sync, the
 * contacts that are new on the phone (only those; each can be left out) with Import, and where
 * the browser cannot read the phone's contacts, a vCard file instead. The host app passes the
 * phone's contacts in `contacts`; without them the element offers the Contact Picker or a file.
 *
 * @tag cs-device-sync
 * @fires {DeviceConsentEvent} cs-device-consent - the user turned syncing on or off.
 * @fires {DeviceSyncedEvent} cs-device-synced - a sync ended; `run` is its history record.
 * @csspart switch - The Auto export switch.
 * @csspart new-list - The list of new contacts.
 * @csspart button - Every button.
 * @cssprop --cs-color-accent - The switch when on, buttons and focus rings.
 */
export class DeviceSync extends CsElement {
  static override styles = [baseStyles, deviceSyncStyles];
  static override properties = {
    bookId: { attribute: 'book-id' },
    source: {},
    region: {},
    contacts: { attribute: false },
    state: { state: true },
    preview: { state: true },
    excluded: { state: true },
    busy: { state: true },
    notice: { state: true },
    issues: { state: true },
  };
  static override tagName = 'cs-device-sync';

  /** The address book the phone's contacts go into. */
  declare bookId: string | null;
  /** The source's name; contacts land in "From <source>". Default "iOS". */
  declare source: string;
  /** ISO region for phone numbers without a country code, e.g. "LV". */
  declare region: string | null;
  /** The phone's address book, as the host app read it; null to pick or upload instead. */
  declare contacts: DeviceContact[] | null;
  declare private state: DeviceSyncState | null;
  declare private preview: DevicePreview | null;
  declare private excluded: Set<string>;
  declare private busy: boolean;
  declare private notice: string;
  declare private issues: string[];
  /** Contacts read from a vCard file or the picker, when the host passed none. */
  private chosen: DeviceContact[] | null = null;
  /** A vCard handed over by the host (`openVCard`): shown until the host passes new contacts. */
  private fromFile = false;
  /** A snapshot arrived while a sync ran: it syncs next. */
  private autoPending = false;

  constructor() {
    super();
    this.bookId = null;
    this.source = 'iOS';
    this.region = null;
    this.contacts = null;
    this.state = null;
    this.preview = null;
    this.excluded = new Set();
    this.busy = false;
    this.notice = '';
    this.issues = [];
    // Deletions in the folder (here or in another tab) change what the preview offers.
    this.followChanges((event) => {
      if (event.type === 'contacts-changed' && event.bookId === this.bookId && !this.busy)
        void this.refreshPreview();
    });
  }

  private get snapshot(): DeviceContact[] | null {
    return this.fromFile ? this.chosen : (this.contacts ?? this.chosen);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (this.clientChanged(changed) || changed.has('bookId') || changed.has('source'))
      void this.refresh();
    else if (changed.has('contacts')) {
      this.fromFile = false;
      void this.onSnapshot();
    }
  }

  /** Reads the consent and the last sync again, then syncs or previews the host's snapshot. */
  async refresh(): Promise<void> {
    const sync = this.client;
    if (!sync || !this.bookId) return;
    this.state = await sync.device.status(this.bookId, this.source);
    await this.onSnapshot();
  }

  /** True when the host's snapshot syncs by itself: Auto export is on and no file is shown. */
  private get automatic(): boolean {
    return (this.state?.enabled ?? false) && this.contacts !== null && !this.fromFile;
  }

  /** A snapshot from the host: synced with no click under Auto export, else previewed. */
  private async onSnapshot(): Promise<void> {
    if (this.automatic) await this.autoSync();
    else await this.refreshPreview();
  }

  /** Brings the host's snapshot in (new and changed contacts), as the phone app does on use. */
  private async autoSync(): Promise<void> {
    const sync = this.client;
    const snapshot = this.contacts;
    if (!sync || !this.bookId || !snapshot) return;
    if (this.busy) {
      this.autoPending = true; // the newest snapshot syncs once the current sync ends
      return;
    }
    await this.syncSnapshot(snapshot, {}, this.t.deviceAutoDone);
    if (this.autoPending) {
      this.autoPending = false;
      await this.onSnapshot();
    }
  }

  private async refreshPreview(): Promise<void> {
    const sync = this.client;
    const snapshot = this.snapshot;
    if (!sync || !this.bookId || !snapshot) {
      this.preview = null;
      return;
    }
    this.preview = await sync.device.preview(this.bookId, snapshot, this.options);
    this.excluded = new Set();
  }

  private get options() {
    return { source: this.source, ...(this.region ? { region: this.region } : {}) };
  }

  private async toggle(): Promise<void> {
    const sync = this.client;
    if (!sync || !this.bookId || this.busy) return;
    const enabled = !this.state?.enabled;
    this.busy = true;
    try {
      this.state = await sync.device.setEnabled(this.bookId, enabled, this.options);
      this.dispatchEvent(new DeviceConsentEvent(enabled));
    } catch (error) {
      this.notice = describeThrown(this.t, error);
    } finally {
      this.busy = false;
    }
    await this.onSnapshot();
  }

  private async importNew(): Promise<void> {
    const snapshot = this.snapshot;
    if (!snapshot || this.busy) return;
    await this.syncSnapshot(
      snapshot,
      { leaveOut: [...this.excluded], manual: true },
      this.t.deviceDone,
    );
  }

  /**
   * One sync of a snapshot, automatic or by hand: says what it did in `done`'s words, tells
   * the host, and reads the state (and the preview, which then offers what is left) again.
   */
  private async syncSnapshot(
    snapshot: DeviceContact[],
    extra: { leaveOut?: string[]; manual?: boolean },
    done: (added: string, updated: string) => string,
  ): Promise<void> {
    const sync = this.client;
    if (!sync || !this.bookId) return;
    this.busy = true;
    this.notice = '';
    try {
      const run = await sync.device.sync(this.bookId, snapshot, { ...this.options, ...extra });
      this.notice = run.error
        ? describeError(this.t, run.error)
        : done(this.formatNumber(run.counts.created), this.formatNumber(run.counts.updated));
      this.dispatchEvent(new DeviceSyncedEvent(run));
      this.state = await sync.device.status(this.bookId, this.source);
      if (this.automatic) this.preview = null;
      else await this.refreshPreview();
    } catch (error) {
      this.notice = describeThrown(this.t, error);
    } finally {
      this.busy = false;
    }
  }

  /** Reads a vCard file as if chosen here (e.g. one the import wizard was given). */
  async openVCard(file: File): Promise<void> {
    this.fromFile = true;
    await this.readFile(file);
  }

  private async readFile(file: File | undefined): Promise<void> {
    const sync = this.client;
    if (!file || !sync) return;
    try {
      const result = await sync.device.readVCard(file);
      this.chosen = result.contacts;
      this.issues = result.issues;
      this.notice = '';
      await this.refreshPreview();
    } catch (error) {
      this.notice = describeThrown(this.t, error);
    }
  }

  private async pick(): Promise<void> {
    try {
      this.chosen = await this.client!.device.pick();
      await this.refreshPreview();
    } catch (error) {
      this.notice = describeThrown(this.t, error);
    }
  }

  private renderSource() {
    const t = this.t;
    if (this.contacts) return nothing;
    const picker = this.client?.device.pickerSupported() ?? false;
    return html`<div class="source">
      ${
        picker
          ? html`<button type="button" part="button" @click=${() => this.pick()}>
              ${t.devicePick}
            </button>`
          : html`<p class="hint">${t.deviceNoPicker}</p>`
      }
      <label
        >${t.deviceVcf}
        <input
          type="file"
          accept=".vcf,text/vcard,text/x-vcard"
          @change=${(e: Event) => this.readFile((e.target as HTMLInputElement).files?.[0])}
      /></label>
      ${
        this.issues.length
          ? html`<div class="issues">
              ${t.deviceVcfIssues}
              <ul>
                ${this.issues.map((i) => html`<li>${i}</li>`)}
              </ul>
            </div>`
          : nothing
      }
    </div>`;
  }

  private renderPreview() {
    const t = this.t;
    const p = this.preview;
    if (!p || this.automatic) return nothing;
    const count = p.newContacts.length - this.excluded.size;
    const known = p.unchanged + p.changed;
    return html`<section class="preview" aria-labelledby="new-title">
      <h3 id="new-title">${t.deviceNew(this.formatNumber(p.newContacts.length))}</h3>
      <p class="hint">
        ${t.deviceKnown(this.formatNumber(known), this.formatNumber(p.changed), this.formatNumber(p.deletedOnWeb))}
      </p>
      ${p.unreadable ? html`<p class="hint">${t.deviceUnreadable(this.formatNumber(p.unreadable))}</p>` : nothing}
      ${
        p.newContacts.length
          ? html`<ul part="new-list">
              ${p.newContacts.map((c) => {
                const name = deviceContactName(c);
                const detail = [c.emails?.[0]?.value, c.phones?.[0]?.value]
                  .filter(Boolean)
                  .join(' · ');
                return html`<li>
                  <label
                    ><input
                      type="checkbox"
                      .checked=${!this.excluded.has(c.id)}
                      aria-label=${t.deviceInclude(name)}
                      @change=${(e: Event) => {
                        const next = new Set(this.excluded);
                        if ((e.target as HTMLInputElement).checked) next.delete(c.id);
                        else next.add(c.id);
                        this.excluded = next;
                      }}
                    /><span class="name">${name}</span> <span class="hint">${detail}</span></label
                  >
                </li>`;
              })}
            </ul>`
          : html`<p>${t.deviceNothingNew}</p>`
      }
      ${
        count > 0 || p.changed > 0
          ? html`<button
              type="button"
              part="button"
              class="primary"
              ?disabled=${this.busy}
              @click=${() => this.importNew()}
            >
              ${
                count > 0
                  ? t.deviceImport(this.formatNumber(count))
                  : t.deviceUpdate(this.formatNumber(p.changed))
              }
            </button>`
          : nothing
      }
    </section>`;
  }

  protected override render(): TemplateResult | typeof nothing {
    const t = this.t;
    const state = this.state;
    const enabled = state?.enabled ?? false;
    const last = state?.lastRun;
    return html`<section class="card" aria-labelledby="title">
      <h2 id="title">${t.deviceTitle(this.source)}</h2>
      <div class="switch-row">
        <button
          type="button"
          role="switch"
          part="switch"
          class="switch"
          aria-checked=${enabled ? 'true' : 'false'}
          aria-describedby="switch-help"
          ?disabled=${!state || this.busy}
          @click=${() => this.toggle()}
        >
          <span class="track" aria-hidden="true"><span class="thumb"></span></span>
          <span>${t.deviceSwitch}</span>
        </button>
      </div>
      <p id="switch-help" class="hint">
        ${enabled ? t.deviceSwitchHelp(state?.folderName ?? '') : t.deviceOff}
      </p>
      <p class="last">
        ${
          last
            ? t.deviceLast(
                this.formatDateTime(last.finishedAt ?? last.startedAt) ?? '',
                this.formatNumber(last.counts.created),
                this.formatNumber(last.counts.updated),
              )
            : t.deviceNever
        }
      </p>
      ${this.renderSource()} ${this.renderPreview()}
      <p role="status" class="notice">${this.notice}</p>
    </section>`;
  }
}

declare global {
  // Under its default name (`DeviceSync.define()`): `document.querySelector('cs-device-sync')` is typed.
  interface HTMLElementTagNameMap {
    'cs-device-sync': DeviceSync;
  }
}
