import { defineConfig } from 'vitest/config';

// A host's own component tests, in jsdom: no Worker, no IndexedDB, so they use the SDK's
// in-memory mode (@contactsync/sdk/memory) and need no ContactSync configuration here.
export default defineConfig({ test: { environment: 'jsdom' } });
