// `@contactsync/elements/mapping-table`: <cs-mapping-table> alone, for pages that use only it.
export { MappingTable, mappingFromPreview } from '../mapping-table/mapping-table.ts';
export { FieldAddedEvent, MappingChangeEvent } from '../events.ts';
export { provideSync, syncContext } from '../shared/sync-context.ts';
export { en, type Messages } from '../i18n/en.ts';
