import { html, nothing } from 'lit';

const checked = (e: Event) => (e.target as HTMLInputElement).checked;

/** A labelled checkbox; `help` is shown under it and read out with it. */
export function checkbox(
  name: string,
  on: boolean,
  label: string,
  change: (on: boolean) => void,
  help?: string,
) {
  const helpId = `${name}-help`;
  return html`<label class="check"
      ><input
        type="checkbox"
        name=${name}
        .checked=${on}
        aria-describedby=${help ? helpId : nothing}
        @change=${(e: Event) => change(checked(e))}
      />${label}</label
    >${help ? html`<p id=${helpId} class="hint indent">${help}</p>` : nothing}`;
}

/** One labelled radio button of the group `name`. */
export function radio(name: string, value: string, on: boolean, label: string, pick: () => void) {
  return html`<label
    ><input
      type="radio"
      name=${name}
      value=${value}
      .checked=${on}
      @change=${pick}
    />${label}</label
  >`;
}
