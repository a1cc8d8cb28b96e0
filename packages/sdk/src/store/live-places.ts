/** Where each of a view's live contacts is, in the view's order: its segment and position. */
export interface LivePlaces {
  readonly size: number;
  readonly segments: Uint32Array;
  readonly positions: Uint16Array;
}

/**
 * The places of a view's live contacts (those `keep` accepts, if given), in one walk over their
 * live flags: 6 bytes a contact, where a string or an object each would hold tens.
 */
export function livePlaces(
  live: readonly Uint8Array[],
  keep?: (segment: number, position: number) => boolean,
): LivePlaces {
  let most = 0;
  for (const alive of live) most += alive.length;
  let segments = new Uint32Array(most);
  let positions = new Uint16Array(most);
  let size = 0;
  live.forEach((alive, s) => {
    for (let p = 0; p < alive.length; p++) {
      if (!alive[p] || (keep && !keep(s, p))) continue;
      segments[size] = s;
      positions[size++] = p;
    }
  });
  if (size < most) {
    segments = segments.slice(0, size);
    positions = positions.slice(0, size);
  }
  return { size, segments, positions };
}
