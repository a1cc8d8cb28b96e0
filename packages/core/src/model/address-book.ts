import { z } from 'zod/mini';
import { FieldDefSchema } from './fields.ts';

export const AddressBookSchema = z.object({
  id: z.string(),
  name: z.string().check(z.minLength(1), z.maxLength(200)),
  fields: z.array(FieldDefSchema),
  createdAt: z.number(),
  updatedAt: z.number(),
});
export type AddressBook = z.infer<typeof AddressBookSchema>;

export const FolderSchema = z.object({
  id: z.string(),
  bookId: z.string(),
  name: z.string().check(z.minLength(1), z.maxLength(200)),
  createdAt: z.number(),
});
export type Folder = z.infer<typeof FolderSchema>;
