import { transferHandlers, type TransferHandler } from 'comlink';
import {
  ContactSyncError,
  isErrorPayload,
  toContactSyncError,
  type ErrorPayload,
} from '@contactsync/core';

type Thrown = { value: unknown };

/**
 * Comlink passes thrown errors as plain objects, losing their class. This handler sends a
 * ContactSyncError's code, message and details, and rebuilds the class on the other side.
 */
function handler(
  original: TransferHandler<unknown, unknown>,
): TransferHandler<Thrown, ErrorPayload> {
  return {
    // Comlink marks thrown values with a private symbol; its own test is the only reliable one.
    canHandle: (value): value is Thrown => original.canHandle(value),
    serialize: ({ value }) => [toContactSyncError(value).toJSON(), []],
    deserialize: (payload) => {
      throw isErrorPayload(payload)
        ? ContactSyncError.fromPayload(payload)
        : new ContactSyncError('internal', String(payload));
    },
  };
}

let installed = false;

/** Installs the handler; both the worker and the page call it before talking. */
export function installErrorTransfer(): void {
  if (installed) return;
  installed = true;
  const original = transferHandlers.get('throw')!;
  transferHandlers.set('throw', handler(original) as TransferHandler<unknown, unknown>);
}
