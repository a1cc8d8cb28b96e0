import { html, nothing } from 'lit';
import { PROTOCOL_CHOICES, splitAddress, type ProtocolChoice } from '../wizard-draft.ts';
import { formatBytes, type StepView } from './step-view.ts';
import { radio } from './controls.ts';
import type { WizardField } from '../field-error.ts';
import { describedBy, fieldMessage } from './field-message.ts';

/** CSV and text files, and the workbooks the engine reads as CSV (Excel, OpenDocument). */
const ACCEPT = [
  '.csv',
  '.txt',
  'text/csv',
  'text/plain',
  '.xlsx',
  '.xls',
  '.ods',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.ms-excel',
  'application/vnd.oasis.opendocument.spreadsheet',
].join(',');

const value = (e: Event) => (e.target as HTMLInputElement).value;

function takeFile(v: StepView, file: File | undefined): void {
  if (!file) return;
  v.c.edit({ file, name: v.c.draft.name || file.name });
}

/** Step 1: a local file (picked or dropped) or a file on a server with its login. */
export function sourceStep(v: StepView, locale: string | undefined) {
  const { c, t } = v;
  const d = c.draft;
  const invalid = (field: WizardField) => (c.invalid?.field === field ? c.invalid.message : null);
  const fileError = invalid('file');
  // What Next found wrong, else what is wrong as typed: one message, at the field.
  const addressProblem = invalid('address') ?? c.addressProblem();
  const local = html`<div
    class="drop"
    part="dropzone"
    @dragover=${(e: DragEvent) => e.preventDefault()}
    @drop=${(e: DragEvent) => {
      e.preventDefault();
      takeFile(v, e.dataTransfer?.files[0]);
    }}
  >
    <label class="file"
      >${t.chooseFile}
      <input
        type="file"
        data-field="file"
        aria-invalid=${fileError ? 'true' : 'false'}
        aria-describedby=${describedBy('file', fileError)}
        accept=${ACCEPT}
        @change=${(e: Event) => takeFile(v, (e.target as HTMLInputElement).files?.[0])}
    /></label>
    <span class="hint">${t.dropHere}</span>
    ${fieldMessage('file', fileError)}
    ${
      d.file
        ? html`<p class="chosen">${t.chosenFile(d.file.name, formatBytes(d.file.size, locale))}</p>`
        : d.lastFileName
          ? html`<p class="hint">${t.chooseAgain(d.lastFileName)}</p>`
          : nothing
    }
  </div>`;
  const remote = html`<div class="grid">
    <label
      >${t.protocol}
      <select
        @change=${(e: Event) =>
          c.edit({ protocol: (e.target as HTMLSelectElement).value as ProtocolChoice })}
      >
        ${PROTOCOL_CHOICES.map(
          (p) => html`<option value=${p} ?selected=${p === d.protocol}>${t.protocols[p]}</option>`,
        )}
      </select></label
    >
    <label class="wide"
      >${t.address}
      <input
        name="address"
        data-field="address"
        autocomplete="url"
        spellcheck="false"
        .value=${d.address}
        aria-invalid=${addressProblem ? 'true' : 'false'}
        aria-describedby="address-help"
        @input=${(e: Event) => {
          // A pasted full address sets the protocol menu too.
          const { protocol, address } = splitAddress(value(e), d.protocol === 'ftps-implicit');
          c.edit(protocol ? { protocol, address } : { address: value(e) });
        }}
    /></label>
    <p id="address-help" class=${addressProblem ? 'error wide' : 'hint wide'} aria-live="polite">
      ${addressProblem ?? t.addressHelp}
    </p>
    <label
      >${t.login}
      <input
        name="username"
        autocomplete="username"
        .value=${d.username}
        @input=${(e: Event) => c.edit({ username: value(e) })}
    /></label>
    <label
      >${t.password}
      <input
        name="password"
        type="password"
        autocomplete="current-password"
        .value=${d.password}
        aria-describedby="password-help"
        @input=${(e: Event) => c.edit({ password: value(e) })}
    /></label>
    <p id="password-help" class="hint wide">${d.credential ? t.passwordKept : t.passwordHelp}</p>
  </div>`;
  return html`<fieldset class="choice">
      <legend class="visually-hidden">${t.sourceHeading}</legend>
      ${radio('kind', 'local', d.sourceKind === 'local', t.sourceLocal, () =>
        c.edit({ sourceKind: 'local' }),
      )}
      ${radio('kind', 'remote', d.sourceKind === 'remote', t.sourceRemote, () =>
        c.edit({ sourceKind: 'remote' }),
      )}
    </fieldset>
    ${d.sourceKind === 'local' ? local : remote}
    <label class="block"
      >${t.importName}
      <input name="name" .value=${d.name} @input=${(e: Event) => c.edit({ name: value(e) })}
    /></label>`;
}
