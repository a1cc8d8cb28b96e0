import { LitElement, type PropertyDeclarations } from 'lit';
import { ContextConsumer } from '@lit/context';
import type { ContactSync, ContactSyncEvent } from '@contactsync/sdk';
import { en, type Messages } from '../i18n/en.ts';
import { syncContext } from './sync-context.ts';
import { SyncEvents } from './sync-events.ts';

/**
 * What every ContactSync element shares: the client (set directly or provided by an ancestor),
 * a locale, and a replaceable message catalogue.
 */
export class CsElement extends LitElement {
  static override properties: PropertyDeclarations = {
    sync: { attribute: false },
    locale: {},
    messages: { attribute: false },
    providedSync: { state: true },
  };

  /** The tag `define()` registers by default. */
  static tagName = '';

  /** Registers the element (under another name if the host needs one). */
  static define(name = this.tagName): void {
    if (!customElements.get(name)) customElements.define(name, this);
  }

  // Reactive fields are declared, not initialised in place: a class field would hide Lit's
  // accessor wherever a compiler uses define semantics.
  /** The ContactSync client (from createContactSync); found through `provideSync` when unset. */
  declare sync: ContactSync | null;
  /** BCP 47 locale for dates and numbers; the page's language when unset. */
  declare locale: string | null;
  /** Replacements for any of the displayed strings (e.g. the `lv` catalogue). */
  declare messages: Partial<Messages>;
  declare protected providedSync: ContactSync | undefined;
  private formats = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();
  private merged: { from: Partial<Messages>; t: Messages } | null = null;

  constructor() {
    super();
    this.sync = null;
    this.locale = null;
    this.messages = {};
    this.providedSync = undefined;
    new ContextConsumer(this, {
      context: syncContext,
      subscribe: true,
      callback: (value) => (this.providedSync = value),
    });
  }

  /** The client in use: the `sync` property, else the one an ancestor provides. */
  protected get client(): ContactSync | null {
    return this.sync ?? this.providedSync ?? null;
  }

  /** True when this update changed which client is in use. */
  protected clientChanged(changed: Map<PropertyKey, unknown>): boolean {
    return changed.has('sync') || changed.has('providedSync');
  }

  /** The catalogue in use: English with the host's replacements, merged once per `messages`. */
  protected get t(): Messages {
    const m = this.messages;
    if (this.merged?.from !== m) {
      this.merged = {
        from: m,
        t: {
          ...en,
          ...m,
          status: { ...en.status, ...m.status },
          fieldLabels: { ...en.fieldLabels, ...m.fieldLabels },
          encodingNames: { ...en.encodingNames, ...m.encodingNames },
        },
      };
    }
    return this.merged.t;
  }

  /** Calls `listener` for every change made in any tab, for as long as the element is connected. */
  protected followChanges(listener: (event: ContactSyncEvent) => void): void {
    new SyncEvents(this, () => this.client, listener);
  }

  protected get localeTag(): string | undefined {
    return this.locale || document.documentElement.lang || undefined;
  }

  /** One formatter per locale and options, not one per cell and render. */
  protected dateFormat(options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
    const id = `${this.localeTag ?? ''}|date|${JSON.stringify(options)}`;
    let format = this.formats.get(id);
    if (!format) this.formats.set(id, (format = new Intl.DateTimeFormat(this.localeTag, options)));
    return format as Intl.DateTimeFormat;
  }

  protected formatDateTime(ms: number | null): string | null {
    if (ms === null) return null;
    return this.dateFormat({ dateStyle: 'medium', timeStyle: 'short' }).format(ms);
  }

  protected formatNumber(n: number): string {
    const id = `${this.localeTag ?? ''}|number`;
    let format = this.formats.get(id);
    if (!format) this.formats.set(id, (format = new Intl.NumberFormat(this.localeTag)));
    return format.format(n);
  }

  /** A field's label in the user's language (built-in fields are translated). */
  protected fieldLabel(field: { id: string; label: string; builtIn: boolean }): string {
    return (field.builtIn && this.t.fieldLabels[field.id]) || field.label;
  }
}
