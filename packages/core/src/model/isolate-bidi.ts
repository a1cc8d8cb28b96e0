// Explicit direction controls: embeddings, overrides, isolates and marks.
const BIDI_CONTROL = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;

/**
 * A value safe to join with others for display: one holding direction controls (an unclosed
 * right-to-left override can make "Ann\u202Egnp.exe" + "Evil" read "AnnlivE exe.png") is
 * wrapped in FIRST STRONG ISOLATE … POP DIRECTIONAL ISOLATE, which ends whatever it opened.
 */
export function isolateBidi(value: string): string {
  return BIDI_CONTROL.test(value) ? `\u2068${value}\u2069` : value;
}

/** Joins display parts, each isolated. */
export const joinIsolated = (parts: readonly (string | null | undefined)[], separator = ' ') =>
  parts
    .filter((p): p is string => !!p)
    .map(isolateBidi)
    .join(separator);
