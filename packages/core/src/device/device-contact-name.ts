// Apart from the zod schemas, so the SDK's small client can use it.
import type { DeviceContact } from './device-contact.ts';
import { isolateBidi, joinIsolated } from '../model/isolate-bidi.ts';

/** A name to show for a device contact: display name, else names, else email or phone. */
export function deviceContactName(c: DeviceContact): string {
  const names = joinIsolated([c.givenName, c.familyName]);
  return isolateBidi(
    c.displayName || names || c.emails?.[0]?.value || c.phones?.[0]?.value || c.id,
  );
}
