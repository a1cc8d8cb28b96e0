/** A search text and the character of it that a search looks for first. */
export interface Needle {
  readonly text: string;
  /** Where in `text` its rarest character is. */
  readonly pivot: number;
  /** `text` from the pivot on: what the search looks for. */
  readonly tail: string;
}

/** How often each character (by UTF-16 code unit) comes in a sample of the texts searched. */
export type CharCounts = Uint32Array;

/** Counts characters in `texts`: `limit` at most, an equal share from the start of each. */
export function charCounts(texts: readonly string[], limit = 1 << 16): CharCounts {
  const counts = new Uint32Array(1 << 16);
  const each = Math.ceil(limit / Math.max(1, texts.length));
  for (const text of texts)
    for (let i = 0, n = Math.min(text.length, each); i < n; i++) counts[text.charCodeAt(i)]!++;
  return counts;
}

/**
 * A text's native search stops at every place its first character occurs; starting from its
 * rarest character in the data searched (then checking the characters before it) stops far less
 * often: in the bench's book "no-such-text" is looked for from its "-", "ann" from "nn".
 */
export function needleOf(text: string, counts: CharCounts | null): Needle {
  if (counts === null) return { text, pivot: 0, tail: text };
  // The native search stops at each occurrence of the tail's first character and checks the
  // rest; a lone last character hands every occurrence to the check here, which costs more.
  const cost = (i: number) =>
    counts[text.charCodeAt(i)]! * (i === text.length - 1 && i > 0 ? 4 : 1);
  let pivot = 0;
  for (let i = 1; i < text.length; i++) if (cost(i) < cost(pivot)) pivot = i;
  if (cost(pivot) > 0.8 * cost(0)) pivot = 0; // only for a clear gain
  return { text, pivot, tail: text.slice(pivot) };
}

/** Where `needle` next occurs in `haystack` at or after `from`; -1 when nowhere. */
export function findNeedle(haystack: string, needle: Needle, from: number): number {
  const { text, pivot, tail } = needle;
  let at = haystack.indexOf(tail, from + pivot);
  while (at >= 0 && pivot > 0 && !haystack.startsWith(text, at - pivot))
    at = haystack.indexOf(tail, at + 1);
  return at < 0 ? -1 : at - pivot;
}
