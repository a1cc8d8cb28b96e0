/// <reference lib="webworker" />
import { expose } from 'comlink';
import { ContactSyncError } from '@contactsync/core';
import { installErrorTransfer } from '../comlink-errors.ts';
import { cryptoRandom, randomId, systemClock } from '../platform/ids.ts';
import { setReaderUrl } from '../platform/reader-url.ts';
import { SDK_VERSION, type WorkerInit } from '../version.ts';
import { WorkerContext } from './context.ts';
import { createEngine } from './engine.ts';

// The worker's entry point: the only module here that touches globals when loaded. It starts
// on the client's first message (the database name travels there, not in the script's URL, so
// a worker served from a CDN or through a Trusted Types policy needs no URL of its own).
installErrorTransfer();
const onInit = (event: MessageEvent<WorkerInit>) => {
  if (event.data?.contactsync !== 'init') return;
  self.removeEventListener('message', onInit);
  const { dbName, version, workbookUrl } = event.data;
  setReaderUrl(typeof workbookUrl === 'string' ? workbookUrl : null);
  if (version !== SDK_VERSION) {
    const stale = new ContactSyncError(
      'unsupported',
      `The ContactSync worker is version ${SDK_VERSION} but the page's SDK is ${version}: a cached copy of one of them is stale. Serve both from the same release (reload without the cache).`,
      { worker: SDK_VERSION, client: version },
    );
    expose({ ready: () => Promise.reject(stale) });
    return;
  }
  expose(createEngine(new WorkerContext(String(dbName), systemClock, cryptoRandom, randomId)));
};
self.addEventListener('message', onInit);
