import { html, nothing } from 'lit';
import type { StepView } from './step-view.ts';

const ROWS = 10;

/** Step 3: the first rows as a table, the delimiter and encoding found, and warnings. */
export function previewStep({ c, t }: StepView) {
  const p = c.preview;
  if (!p) return nothing;
  const rows = p.rows.slice(0, ROWS);
  const warnings = [...(p.encodingNote ? [p.encodingNote] : []), ...p.issues.map((i) => i.message)];
  const delimiter = t.delimiterNames[p.delimiter] ?? `"${p.delimiter}"`;
  return html`<p class="facts">${t.previewFacts(delimiter, p.delimiterDetected, p.encoding)}</p>
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
