import { packLocator, unpackLocator, type BookView } from '../store/book-view.ts';
import type { SearchIndex } from '../store/search-index.ts';
import type { ContactFilter } from '../api/contact-queries.ts';
import { matchesOf, type VersionRead } from './scan-matching.ts';

/** The searches kept per version: the one on screen and the one typed before it. */
const KEEP = 2;
const kept = new WeakMap<BookView, Map<string, Float64Array>>();

/** One key per filter a list can show: undefined (every folder) and null (no folder) differ. */
export function filterKey(filter: ContactFilter): string {
  const folder = filter.folderId === undefined ? { all: true } : filter.folderId;
  return JSON.stringify([folder, filter.search?.trim() ?? '', filter.withField ?? null]);
}

/** Places (segment, position) of a page: the `limit` locators from `offset` on. */
export function placesIn(
  locators: Float64Array,
  offset: number,
  limit: number,
): [number, number][] {
  return Array.from(locators.subarray(offset, offset + limit), (n) => {
    const { segment, position } = unpackLocator(n);
    return [segment, position];
  });
}

/**
 * A page of the contacts a filter matches, in the order they came in, and how many match.
 * A search looks at every contact's text (tens of milliseconds at a million), and the contact
 * list asks a page at a time as it scrolls, so a version keeps its latest searches' places:
 * their later pages come from memory. A new version (any change) starts afresh. A filter
 * without text is walked again, counting, as it costs little and would keep a place per
 * contact.
 */
export async function matchPage(
  index: SearchIndex,
  at: VersionRead,
  filter: ContactFilter,
  offset: number,
  limit: number,
): Promise<{ readonly places: [number, number][]; readonly total: number }> {
  if ((filter.search ?? '').trim() === '') {
    const places: [number, number][] = [];
    let total = 0;
    (await matchesOf(index, at, filter))((s, p) => {
      if (total >= offset && places.length < limit) places.push([s, p]);
      total++;
    });
    return { places, total };
  }
  const found = await searchPlaces(index, at, filter);
  return { places: placesIn(found, offset, limit), total: found.length };
}

/** Every place a search matches in one version, kept for its next pages. */
async function searchPlaces(
  index: SearchIndex,
  at: VersionRead,
  filter: ContactFilter,
): Promise<Float64Array> {
  const key = filterKey(filter);
  const searches = kept.get(at.view) ?? new Map<string, Float64Array>();
  const known = searches.get(key);
  if (known) {
    // The latest used is kept last, so the one left longest goes first.
    searches.delete(key);
    searches.set(key, known);
    return known;
  }
  const places: number[] = [];
  (await matchesOf(index, at, filter))((s, p) => void places.push(packLocator(s, p)));
  const found = Float64Array.from(places);
  searches.set(key, found);
  if (searches.size > KEEP) searches.delete(searches.keys().next().value!);
  kept.set(at.view, searches);
  return found;
}
