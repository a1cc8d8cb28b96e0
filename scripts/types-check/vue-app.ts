// A Vue 3 host's components as TypeScript sees them with `@contactsync/elements/vue`.
import type {} from '@contactsync/elements/vue';
import type { GlobalComponents } from 'vue';

type Props<Tag extends keyof GlobalComponents> = InstanceType<GlobalComponents[Tag]>['$props'];

export const list: Props<'cs-contact-list'> = {
  bookId: 'book-1',
  sort: 'name',
  onCsContactDeleted: (event) => console.log(event.contactId),
};

// @ts-expect-error a sort is 'name' or 'added'
export const wrong: Props<'cs-contact-list'> = { sort: 'size' };
