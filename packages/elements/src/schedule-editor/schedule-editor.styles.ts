import { css } from 'lit';

export const scheduleEditorStyles = css`
  fieldset {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    margin: 0 0 0.8rem;
    display: flex;
    flex-wrap: wrap;
    gap: 0.6rem 1rem;
    align-items: end;
    /* A fieldset is as wide as its content by default: on a phone it must shrink instead. */
    min-width: 0;
  }
  label {
    display: inline-flex;
    flex-direction: column;
    gap: 0.2rem;
    max-width: 100%;
  }
  select,
  input:not([type='checkbox'], [type='radio']) {
    max-width: 100%;
    min-width: 0;
  }
  .zone {
    flex: 1 1 16rem;
  }
  .days label,
  .range > label:has(input[type='radio']),
  label.block:has(input[type='checkbox']) {
    flex-direction: row;
    align-items: center;
    gap: 0.3rem;
  }
  .every {
    display: inline-flex;
    align-items: end;
    gap: 0.4rem;
  }
  input[type='number'] {
    width: 5rem;
  }
  label.block {
    display: flex;
    margin-block: 0.5rem;
  }
`;
