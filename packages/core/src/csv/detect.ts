import Papa from 'papaparse';

export const DETECTABLE_DELIMITERS = [',', ';', '\t', '|'] as const;

export type Newline = '\n' | '\r\n' | '\r';

/**
 * Guesses the delimiter from a sample: the candidate that splits the most rows into the same
 * number (more than one) of fields wins, preferring one where the header agrees. Quotes are
 * respected. Falls back to a comma.
 */
export function detectDelimiter(sample: string): string {
  let best = ',';
  let bestScore = 0;
  for (const delimiter of DETECTABLE_DELIMITERS) {
    const rows = Papa.parse<string[]>(sample, {
      delimiter,
      preview: 30,
      skipEmptyLines: true,
    }).data;
    const counts = rows.map((r) => r.length);
    const frequency = new Map<number, number>();
    for (const n of counts) if (n > 1) frequency.set(n, (frequency.get(n) ?? 0) + 1);
    let mode = 0;
    let modeFrequency = 0;
    for (const [n, f] of frequency) {
      if (f > modeFrequency || (f === modeFrequency && n > mode)) [mode, modeFrequency] = [n, f];
    }
    if (modeFrequency === 0) continue;
    const score =
      (modeFrequency / counts.length) * 1000 + (counts[0] === mode ? 100 : 0) + Math.min(mode, 99);
    if (score > bestScore) [best, bestScore] = [delimiter, score];
  }
  return best;
}

/** The first line break decides; files that never break a line read as one row. */
export function detectNewline(sample: string): Newline {
  const lf = sample.indexOf('\n');
  if (lf > 0 && sample[lf - 1] === '\r') return '\r\n';
  if (lf >= 0) return '\n';
  return sample.includes('\r') ? '\r' : '\n';
}

export function describeDelimiter(delimiter: string): string {
  switch (delimiter) {
    case ',':
      return 'comma';
    case ';':
      return 'semicolon';
    case '\t':
      return 'tab';
    case '|':
      return 'pipe';
    default:
      return `"${delimiter}"`;
  }
}
