import Papa from 'papaparse';

export const DETECTABLE_DELIMITERS = [',', ';', '\t', '|'] as const;

export type Newline = '\n' | '\r\n' | '\r';

/** Guesses the delimiter from a sample of complete lines; falls back to a comma. */
export function detectDelimiter(sample: string): string {
  const result = Papa.parse<string[]>(sample, {
    preview: 50,
    delimitersToGuess: [...DETECTABLE_DELIMITERS],
  });
  return result.meta.delimiter || ',';
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
