// `@contactsync/elements/device-sync`: <cs-device-sync> alone, for pages that use only it.
export { DeviceSync } from '../device-sync/device-sync.ts';
export { DeviceConsentEvent, DeviceSyncedEvent } from '../events.ts';
export { provideSync, syncContext } from '../shared/sync-context.ts';
export { en, type Messages } from '../i18n/en.ts';
