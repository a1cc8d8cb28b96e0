// The single-file build for pages without a bundler (`dist/cdn/contactsync.js`): every element,
// Lit and the SDK's client in one module; the worker sits beside it.
export * from '../index.ts';
export {
  createContactSync,
  ContactSyncError,
  isContactSyncError,
  SDK_VERSION,
} from '@contactsync/sdk';
