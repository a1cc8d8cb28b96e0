import axe from 'axe-core';
import { createContactSync, type ContactSyncOptions } from '@contactsync/sdk';

export {
  CSV,
  fail,
  HOST_KEY,
  REMOTE_URL,
  seen,
  serve,
  startFakeProxy,
  worker,
} from '../../sdk/test/fake-proxy.ts';
export { csvFile, profileInput, remoteSource } from '../../sdk/test/helpers.ts';

/** A client on a database of its own, talking to the proxy at /v1 (msw or the real one). */
export async function client(prefix = 'elements', options: ContactSyncOptions = {}) {
  return createContactSync({
    dbName: `${prefix}-${Date.now()}-${Math.random()}`,
    proxyUrl: '/v1',
    scheduler: 'manual',
    ...options,
  });
}

/** Waits for a condition the UI reaches asynchronously. */
export async function until(ok: () => unknown, what = 'the element to update'): Promise<void> {
  for (let i = 0; i < 400; i++) {
    if (ok()) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`Timed out waiting for ${what}`);
}

export async function axeViolations(element: Element): Promise<string[]> {
  const results = await axe.run(element, { resultTypes: ['violations'] });
  return results.violations.map(
    (v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
}

/** The element inside `root`'s shadow tree, or a clear failure. */
export function $<T extends Element = HTMLElement>(root: Element, selector: string): T {
  const found = root.shadowRoot!.querySelector<T>(selector);
  if (!found) throw new Error(`Nothing matches ${selector}`);
  return found;
}

/** Types into an input as a person would: value, then the input event. */
export function type(input: HTMLInputElement, text: string): void {
  input.value = text;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}

/** Picks an option of a select and fires change. */
export function choose(select: HTMLSelectElement, value: string): void {
  select.value = value;
  select.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
}

/** The next event of a type, with its class (oneEvent types it as a CustomEvent). */
export function nextEvent<T extends Event>(target: EventTarget, type: string): Promise<T> {
  return new Promise((resolve) =>
    target.addEventListener(type, (event) => resolve(event as T), { once: true }),
  );
}
