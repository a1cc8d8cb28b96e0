/**
 * A quick shape check for an address typed into a form, so the mistake is shown at once. The
 * engine validates addresses fully when they are saved.
 */
export const looksLikeEmail = (text: string): boolean => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(text);
