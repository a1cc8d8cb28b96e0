import { html, nothing } from 'lit';
import type { BehaviourOptions } from '@contactsync/sdk';
import { DELIMITER_CHOICES, type DelimiterChoice } from '../wizard-draft.ts';
import type { StepView } from './step-view.ts';

/** Step 2: header line, delimiter, update/delete modes, import every time, failure email. */
export function optionsStep({ c, t }: StepView) {
  const d = c.draft;
  const toggle = (key: keyof BehaviourOptions, label: string, help?: string) =>
    html`<label class="check"
        ><input
          type="checkbox"
          name=${key}
          .checked=${d.behaviour[key]}
          @change=${(e: Event) =>
            c.edit({
              behaviour: { ...c.draft.behaviour, [key]: (e.target as HTMLInputElement).checked },
            })}
        />${label}</label
      >${help ? html`<p class="hint indent">${help}</p>` : nothing}`;
  return html`<label class="check"
      ><input
        type="checkbox"
        name="header"
        .checked=${d.header}
        @change=${(e: Event) => c.edit({ header: (e.target as HTMLInputElement).checked })}
      />${t.optionHeader}</label
    >
    <fieldset class="choice">
      <legend>${t.delimiter}</legend>
      ${DELIMITER_CHOICES.map(
        (choice) =>
          html`<label
            ><input
              type="radio"
              name="delimiter"
              value=${choice}
              .checked=${d.delimiter === choice}
              @change=${() => c.edit({ delimiter: choice as DelimiterChoice })}
            />${t.delimiters[choice]}</label
          >`,
      )}
      ${
        d.delimiter === 'other'
          ? html`<label
              >${t.otherDelimiter}
              <input
                name="other"
                class="short"
                maxlength="1"
                .value=${d.otherDelimiter}
                @input=${(e: Event) => c.edit({ otherDelimiter: (e.target as HTMLInputElement).value })}
            /></label>`
          : nothing
      }
    </fieldset>
    ${toggle('updateExisting', t.optionUpdate)}
    ${toggle('deleteMissing', t.optionDelete, t.optionDeleteHelp)}
    ${toggle('importEveryTime', t.optionEveryTime)}
    <label class="block"
      >${t.notifyEmail}
      <input
        name="notify"
        type="email"
        autocomplete="email"
        .value=${d.notifyEmail}
        @input=${(e: Event) => c.edit({ notifyEmail: (e.target as HTMLInputElement).value })}
    /></label>`;
}
