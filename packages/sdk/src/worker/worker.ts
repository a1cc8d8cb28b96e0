/// <reference lib="webworker" />
import { expose } from 'comlink';
import { installErrorTransfer } from '../comlink-errors.ts';
import { cryptoRandom, randomId, systemClock } from '../platform/ids.ts';
import { WorkerContext } from './context.ts';
import { createEngine } from './engine.ts';

// The worker's entry point: the only module here that touches globals when loaded.
installErrorTransfer();
const dbName = new URL(self.location.href).searchParams.get('db') ?? 'contactsync';
expose(createEngine(new WorkerContext(dbName, systemClock, cryptoRandom, randomId)));
