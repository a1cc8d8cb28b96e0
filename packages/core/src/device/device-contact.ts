import { z } from 'zod/mini';

/** An email address or phone number with its label ("work", "home", "mobile"…). */
export const TypedValueSchema = z.object({
  value: z.string().check(z.maxLength(1000)),
  type: z.optional(z.string().check(z.maxLength(100))),
});
export type TypedValue = z.infer<typeof TypedValueSchema>;

/**
 * One contact from a phone's address book, as the host app reads it. Only `id` is required:
 * a contact with just a phone number or just an email is still a contact.
 */
export const DeviceContactSchema = z.object({
  /** Stable on the device (e.g. CNContact.identifier, a vCard UID). */
  id: z.string().check(z.minLength(1), z.maxLength(500)),
  givenName: z.optional(z.string().check(z.maxLength(1000))),
  familyName: z.optional(z.string().check(z.maxLength(1000))),
  displayName: z.optional(z.string().check(z.maxLength(1000))),
  emails: z.optional(z.array(TypedValueSchema).check(z.maxLength(100))),
  phones: z.optional(z.array(TypedValueSchema).check(z.maxLength(100))),
  organization: z.optional(z.string().check(z.maxLength(1000))),
  title: z.optional(z.string().check(z.maxLength(1000))),
  note: z.optional(z.string().check(z.maxLength(10_000))),
});
export type DeviceContact = z.infer<typeof DeviceContactSchema>;

/** What the Contact Picker API (`navigator.contacts.select`) returns for one contact. */
export interface PickedContact {
  readonly name?: readonly string[];
  readonly email?: readonly string[];
  readonly tel?: readonly string[];
}
