import type { RunProgress } from '@contactsync/sdk';

/**
 * How far a run is, from 0 to 1, across its passes: a download (remote files), the first pass
 * that fingerprints the file, the pass that checks and stages every row, and the commit. Each
 * stage moves the bar through its own band, so the bar never fills while rows are still to come.
 * Null while the size is unknown (the bar shows "busy").
 */
export function runFraction(p: RunProgress, remote: boolean): number | null {
  const bands: Record<RunProgress['stage'], [number, number]> = remote
    ? {
        downloading: [0, 0.3],
        hashing: [0.3, 0.4],
        parsing: [0.4, 0.95],
        planning: [0.4, 0.95],
        writing: [0.4, 0.95],
        committing: [0.95, 1],
      }
    : {
        downloading: [0, 0],
        hashing: [0, 0.1],
        parsing: [0.1, 0.95],
        planning: [0.1, 0.95],
        writing: [0.1, 0.95],
        committing: [0.95, 1],
      };
  const [from, to] = bands[p.stage];
  if (p.stage === 'committing') return from;
  if (!p.totalBytes) return null;
  return from + (to - from) * Math.min(1, p.bytesRead / p.totalBytes);
}
