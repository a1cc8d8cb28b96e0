import { css } from 'lit';

export const recipientPickerStyles = css`
  :host {
    position: relative;
  }
  .label {
    font-weight: 600;
    display: block;
    margin-bottom: 0.2rem;
  }
  .field {
    display: flex;
    flex-wrap: wrap;
    gap: 0.3rem;
    align-items: center;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    padding: 0.25rem;
  }
  .field:focus-within {
    outline: 3px solid var(--_accent);
    outline-offset: 2px;
  }
  .chosen {
    display: contents;
    list-style: none;
  }
  .recipient {
    display: inline-flex;
    align-items: center;
    gap: 0.25rem;
    background: var(--_muted-surface);
    border-radius: 999px;
    padding: 0.1rem 0.3rem 0.1rem 0.6rem;
  }
  .recipient button {
    border: none;
    background: transparent;
    padding: 0 0.35rem;
    line-height: 1.2;
  }
  .email {
    color: var(--_muted);
    font-size: 0.9em;
  }
  .recipient,
  [role='option'] {
    max-width: 100%;
    min-width: 0;
  }
  .recipient .name,
  .recipient .email,
  [role='option'] .name {
    display: inline-block;
    vertical-align: bottom;
    white-space: nowrap;
    overflow: hidden;
    text-overflow: ellipsis;
    max-width: 20rem;
  }
  input {
    flex: 1;
    min-width: 10rem;
    border: none;
  }
  input:focus-visible {
    outline: none;
  }
  [role='listbox'] {
    position: absolute;
    z-index: 2;
    inset-inline: 0;
    margin: 0.2rem 0 0;
    padding: 0.2rem 0;
    list-style: none;
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    box-shadow: 0 6px 16px rgb(0 0 0 / 15%);
  }
  [role='option'] {
    padding: 0.35rem 0.7rem;
    cursor: pointer;
  }
  [role='option'][aria-selected='true'] {
    background: var(--_accent);
    color: var(--_on-accent);
  }
  [role='option'][aria-selected='true'] .email {
    color: inherit;
  }
`;
