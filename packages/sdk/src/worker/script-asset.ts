// The types of `@contactsync/sdk/worker` and `/workbook-reader`: scripts a page loads (by URL,
// e.g. Vite's `?url`), not modules to import, so they export nothing.
export {};
