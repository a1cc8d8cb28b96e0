import { ContactSyncError } from '@contactsync/core';

interface SafeParser<T> {
  safeParse(value: unknown):
    | { success: true; data: T }
    | {
        success: false;
        error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] };
      };
}

/** Validates input from the host with a zod schema, turning problems into one readable error. */
export function parseInput<T>(schema: SafeParser<T>, value: unknown, what: string): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const problems = result.error.issues.map((i) =>
    i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message,
  );
  throw new ContactSyncError('invalid-argument', `Invalid ${what}: ${problems.join('; ')}`, {
    problems,
  });
}
