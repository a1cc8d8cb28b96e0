import { html, nothing } from 'lit';
import { DELIMITER_CHOICES, type DelimiterChoice } from '../wizard-draft.ts';
import type { StepView } from './step-view.ts';
import { checkbox, radio } from './controls.ts';
import type { WizardField } from '../field-error.ts';
import { describedBy, fieldMessage } from './field-message.ts';

/** Step 2: header line, delimiter, update/delete modes, import every time, failure email. */
export function optionsStep({ c, t }: StepView) {
  const d = c.draft;
  const invalid = (field: WizardField) => (c.invalid?.field === field ? c.invalid.message : null);
  const delimiterError = invalid('otherDelimiter');
  const emailError = invalid('notifyEmail');
  const toggle = (
    key: 'updateExisting' | 'deleteMissing' | 'importEveryTime',
    label: string,
    help?: string,
  ) =>
    checkbox(
      key,
      d.behaviour[key],
      label,
      (on) => c.edit({ behaviour: { ...c.draft.behaviour, [key]: on } }),
      help,
    );
  // A workbook is read by its cells: no delimiter to choose.
  const workbook = /\.(xlsx|xls|ods)$/i.test(d.file?.name ?? '');
  return html`${checkbox('header', d.header, t.optionHeader, (header) => c.edit({ header }))}
    <fieldset class="choice" ?hidden=${workbook}>
      <legend>${t.delimiter}</legend>
      ${DELIMITER_CHOICES.map((choice) =>
        radio('delimiter', choice, d.delimiter === choice, t.delimiters[choice]!, () =>
          c.edit({ delimiter: choice as DelimiterChoice }),
        ),
      )}
      ${
        d.delimiter === 'other'
          ? html`<label
                >${t.otherDelimiter}
                <input
                  name="other"
                  class="short"
                  data-field="otherDelimiter"
                  aria-invalid=${delimiterError ? 'true' : 'false'}
                  aria-describedby=${describedBy('otherDelimiter', delimiterError)}
                  maxlength="1"
                  .value=${d.otherDelimiter}
                  @input=${(e: Event) => c.edit({ otherDelimiter: (e.target as HTMLInputElement).value })}
              /></label>
              ${fieldMessage('otherDelimiter', delimiterError)}`
          : nothing
      }
    </fieldset>
    ${toggle('updateExisting', t.optionUpdate)}
    ${toggle('deleteMissing', t.optionDelete, t.optionDeleteHelp)}
    ${toggle('importEveryTime', t.optionEveryTime)}
    ${checkbox(
      'missingColumns',
      d.behaviour.missingColumns === 'keep',
      t.optionKeepMissing,
      (on) => c.edit({ behaviour: { ...c.draft.behaviour, missingColumns: on ? 'keep' : 'stop' } }),
      t.optionKeepMissingHelp,
    )}
    <label class="block"
      >${t.notifyEmail}
      <input
        name="notify"
        type="email"
        data-field="notifyEmail"
        aria-invalid=${emailError ? 'true' : 'false'}
        aria-describedby=${describedBy('notifyEmail', emailError)}
        autocomplete="email"
        .value=${d.notifyEmail}
        @input=${(e: Event) => c.edit({ notifyEmail: (e.target as HTMLInputElement).value })}
    /></label>
    ${fieldMessage('notifyEmail', emailError)}`;
}
