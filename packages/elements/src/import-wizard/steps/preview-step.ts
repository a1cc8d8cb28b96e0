import { html, nothing } from 'lit';
import { ENCODINGS, type Encoding } from '@contactsync/sdk';
import type { StepView } from './step-view.ts';
import { describeIssueAt } from '../../shared/describe.ts';

const ROWS = 10;

/** Step 3: the first rows as a table, the delimiter and encoding found, and warnings. */
export function previewStep({ c, t }: StepView) {
  const p = c.preview;
  if (!p) return nothing;
  const rows = p.rows.slice(0, ROWS);
  // Every row in one column, and most of them holding a usual delimiter: likely the wrong one.
  const lumped =
    !p.workbook &&
    p.columnCount === 1 &&
    rows.length > 0 &&
    rows.filter((r) => /[,;\t|]/.test(r.fields[0] ?? '')).length * 2 >= rows.length;
  const warnings = [
    ...(lumped ? [t.previewOneColumn(t.delimiterNames[p.delimiter] ?? `"${p.delimiter}"`)] : []),
    ...(p.encodingNote ? [p.encodingNote] : []),
    ...p.issues.map((i) => describeIssueAt(t, i)),
  ];
  const delimiter = t.delimiterNames[p.delimiter] ?? `"${p.delimiter}"`;
  const chosen = c.draft.parseRest.encoding;
  const book = p.workbook;
  // A workbook has sheets, not delimiters or encodings.
  const settings = book
    ? html`<p class="facts">${t.workbookFacts(book.sheet, book.sheets.length)}</p>
        ${
          book.sheets.length > 1
            ? html`<label class="block"
                >${t.sheetLabel}
                <select
                  name="sheet"
                  ?disabled=${c.busy}
                  @change=${(e: Event) => void c.changeSheet((e.target as HTMLSelectElement).value)}
                >
                  ${book.sheets.map(
                    (s) => html`<option .value=${s} ?selected=${s === book.sheet}>${s}</option>`,
                  )}
                </select></label
              >`
            : nothing
        }`
    : html`<p class="facts">
          ${t.previewFacts(delimiter, p.delimiterDetected, t.encodingNames[p.encoding] ?? p.encoding)}
        </p>
        <label class="block"
          >${t.encodingLabel}
          <select
            name="encoding"
            ?disabled=${c.busy}
            @change=${(e: Event) =>
              void c.changeEncoding((e.target as HTMLSelectElement).value as Encoding)}
          >
            ${ENCODINGS.map(
              (e) =>
                html`<option value=${e} ?selected=${e === chosen}>
                  ${e === 'auto' ? t.encodingAuto : (t.encodingNames[e] ?? e)}
                </option>`,
            )}
          </select></label
        >`;
  return html`${settings}
    ${
      warnings.length
        ? html`<div class="warnings" part="warnings">
            <strong>${t.previewWarnings}</strong>
            <ul>
              ${warnings.slice(0, 10).map((w) => html`<li>${w}</li>`)}
            </ul>
          </div>`
        : nothing
    }
    <div class="scroll" tabindex="0" role="region" aria-label=${t.previewRows(rows.length)}>
      <table part="preview-table">
        <caption class="visually-hidden">
          ${t.previewRows(rows.length)}
        </caption>
        <thead>
          <tr>
            ${p.columns.map((col) => html`<th scope="col">${col.label}</th>`)}
          </tr>
        </thead>
        <tbody>
          ${rows.map(
            (r) =>
              html`<tr>
                ${p.columns.map((col) => html`<td>${r.fields[col.column] ?? ''}</td>`)}
              </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
}
