import type { RowIssue } from '../model/run.ts';
import type { ProblemRow } from '../plan/planner.ts';
import { neutraliseFormula } from './neutralise-formula.ts';

/** The rows of a file that were not imported, as the file held them. */
export interface ProblemRows {
  readonly headers: readonly string[] | null;
  readonly columnCount: number;
  /** Columns whose cells are left out of the report (passwords). */
  readonly blanked: readonly number[];
  readonly rows: readonly ProblemRow[];
}

/**
 * The problem report: each problem row's original cells (passwords left empty, so a fixed
 * row imported again keeps the stored password), then its row number, columns and problems,
 * last so that the file's own columns keep their places for a second import.
 */
export function problemRowsCsv(
  report: ProblemRows,
  describe: (issue: RowIssue) => string = (issue) => issue.message,
): string {
  const width = Math.max(report.columnCount, ...report.rows.map((r) => r.cells.length));
  // The file's own header, or "Column N" as the mapping names the columns of a header-less file.
  const header = Array.from({ length: width }, (_, i) => report.headers?.[i] ?? `Column ${i + 1}`);
  const blanked = new Set(report.blanked);
  const lines = report.rows.map((r) => {
    const cells = Array.from({ length: width }, (_, i) =>
      blanked.has(i) ? '' : neutraliseFormula(r.cells[i] ?? ''),
    );
    const columns = [...new Set(r.issues.map((i) => i.column).filter((c) => c !== null))];
    return [
      ...cells,
      String(r.row),
      columns.join('; '),
      r.issues.map((i) => describe(i)).join(' '),
    ];
  });
  return [[...header, 'Row', 'Column', 'Problem'], ...lines]
    .map((line) => `${line.map(csvCell).join(',')}\r\n`)
    .join('');
}

/** RFC 4180 quoting; written out (not papaparse) so the SDK's client can build a report. */
function csvCell(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}
