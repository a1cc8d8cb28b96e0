import { ContextProvider, createContext } from '@lit/context';
import type { ContactSync } from '@contactsync/sdk';

/**
 * The ContactSync client, provided by an ancestor through the community context protocol, so a
 * page sets it once instead of on every element.
 */
export const syncContext = createContext<ContactSync | undefined>(Symbol.for('contactsync.client'));

/**
 * Makes `sync` available to every ContactSync element inside `element` (e.g. `document.body`).
 * Returns the provider; set its `value` to swap the client.
 */
export function provideSync(
  element: HTMLElement,
  sync: ContactSync,
): ContextProvider<typeof syncContext> {
  return new ContextProvider(element, { context: syncContext, initialValue: sync });
}
