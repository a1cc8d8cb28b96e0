// @contactsync/sdk/memory: the engine without a Worker or a browser's IndexedDB.
export {
  createMemoryContactSync,
  type MemoryContactSyncOptions,
} from './create-memory-contact-sync.ts';
