import { packLocator, type BookView } from '../store/book-view.ts';
import type { SegmentSearchRecord } from '../store/schema.ts';
import { forEachMatch, type SearchFilter } from '../store/search-matches.ts';
import { idAt, idsOf } from '../store/segment-records.ts';
import { nameCollator, SegmentNames } from './segment-names.ts';

/** Beyond this many rewritten segments, working the order out again is as quick. */
const MAX_CHANGED_SEGMENTS = 16;
const SEGMENT_STEP = packLocator(1, 0);

/** One version of a book with its search records, in the view's order. */
export interface NamedVersion {
  readonly view: BookView;
  readonly records: readonly SegmentSearchRecord[];
}

/** The names of one version, segment by segment as needed. */
function namesOf(version: NamedVersion) {
  const segments = new Map<number, SegmentNames>();
  return (s: number, p: number): string => {
    let names = segments.get(s);
    if (!names) segments.set(s, (names = new SegmentNames(version.records[s]!)));
    return names.at(p);
  };
}

/**
 * The name order of `next` from that of the version it was made from (`before`, by a change of
 * this tab), without the names of the whole book: contacts of untouched segments keep their
 * places; in a rewritten segment, those still there, still matching and named as before keep
 * theirs; the rest are placed by binary search. Null when too much changed. The result is what
 * working the order out again gives, ties included (equal names in the book's order): segments
 * keep their relative order, and so do the contacts within one.
 */
export function carriedNameOrder(
  before: NamedVersion,
  order: Float64Array,
  next: NamedVersion,
  filter: SearchFilter,
): Float64Array | null {
  // Old segment → its new index, for segments this change left exactly as they were.
  const moved = new Int32Array(before.view.keys.length).fill(-1);
  // Old segment → its new index and, per old position, the new one of a contact keeping its place.
  const rewritten = new Map<number, { s: number; kept: Map<number, number> }>();
  const changed: number[] = [];
  next.view.manifest.segments.forEach((ref, s) => {
    const old = before.view.segmentIndex(ref.id);
    if (
      old !== undefined &&
      before.view.keys[old] === next.view.keys[s] &&
      before.view.live[old] === next.view.live[s] &&
      before.records[old] === next.records[s]
    )
      moved[old] = s;
    else changed.push(s);
  });
  if (changed.length > MAX_CHANGED_SEGMENTS) return null;

  const oldName = namesOf(before);
  const newName = namesOf(next);
  const matching = new Map<number, number[]>(changed.map((s) => [s, []]));
  forEachMatch(next.view, next.records, filter, (s, p) => void matching.get(s)!.push(p), changed);
  const candidates: { name: string; place: number }[] = [];
  for (const s of changed) {
    const old = before.view.segmentIndex(next.view.manifest.segments[s]!.id);
    const was = new Map<string, number>();
    const kept = new Map<number, number>();
    if (old !== undefined) {
      const ids = idsOf(before.view.keys[old]!);
      const live = before.view.live[old]!;
      for (let p = 0; p < ids.length; p++) if (live[p]) was.set(ids[p]!, p);
      rewritten.set(old, { s, kept });
    }
    const keys = next.view.keys[s]!;
    for (const p of matching.get(s)!) {
      const name = newName(s, p);
      const q = was.get(idAt(keys, p));
      if (q !== undefined && oldName(old!, q) === name) kept.set(q, p);
      else candidates.push({ name, place: packLocator(s, p) });
    }
  }

  // The old order in the new version's places, without the contacts that lost theirs.
  const base = new Float64Array(order.length);
  let size = 0;
  const placed = new Set<number>();
  for (let i = 0; i < order.length; i++) {
    const locator = order[i]!;
    const old = Math.floor(locator / SEGMENT_STEP);
    const s = moved[old]!;
    if (s >= 0) {
      base[size++] = locator + (s - old) * SEGMENT_STEP;
      continue;
    }
    const segment = rewritten.get(old);
    const p = segment?.kept.get(locator - old * SEGMENT_STEP);
    if (p === undefined) continue;
    const place = packLocator(segment!.s, p);
    base[size++] = place;
    placed.add(place);
  }
  // Named as before but not in the old order (it did not match then): placed like the rest.
  for (const { s, kept } of rewritten.values())
    for (const p of kept.values())
      if (!placed.has(packLocator(s, p)))
        candidates.push({ name: newName(s, p), place: packLocator(s, p) });

  const collator = nameCollator();
  // As the full sort orders: by the collator, no name last, equal names by place.
  const compare = (a: string, aPlace: number, b: string, bPlace: number) => {
    if (a === '' || b === '') {
      if (a !== b) return a === '' ? 1 : -1;
    } else {
      const c = collator.compare(a, b);
      if (c !== 0) return c;
    }
    return aPlace - bPlace;
  };
  const nameAt = (place: number) => newName(Math.floor(place / SEGMENT_STEP), place % SEGMENT_STEP);
  candidates.sort((x, y) => compare(x.name, x.place, y.name, y.place));
  const out = new Float64Array(size + candidates.length);
  let from = 0;
  let at = 0;
  for (const { name, place } of candidates) {
    let lo = from;
    let hi = size;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (compare(nameAt(base[mid]!), base[mid]!, name, place) < 0) lo = mid + 1;
      else hi = mid;
    }
    while (from < lo) out[at++] = base[from++]!;
    out[at++] = place;
  }
  while (from < size) out[at++] = base[from++]!;
  return out;
}
