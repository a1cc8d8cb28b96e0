import { css } from 'lit';

/**
 * Theme with custom properties (--cs-*) and `::part(table | button | status | problems | dialog)`.
 * Light by default; the host's `color-scheme: dark` switches the defaults.
 */
export const historyGridStyles = css`
  :host {
    display: block;
    font: var(--cs-font, 0.95rem/1.4 system-ui, sans-serif);
    color: var(--cs-color-text, light-dark(#1d2433, #e6e9ef));
    --_surface: var(--cs-color-surface, light-dark(#ffffff, #1c2230));
    --_border: var(--cs-color-border, light-dark(#d8dce3, #3a4254));
    --_accent: var(--cs-color-accent, light-dark(#2456c7, #8fb0ff));
    --_ok: var(--cs-color-success, light-dark(#1f7a3a, #6fd08c));
    --_warn: var(--cs-color-warning, light-dark(#9a5b00, #f1b84c));
    --_bad: var(--cs-color-danger, light-dark(#b42318, #ff8a80));
  }
  table {
    width: 100%;
    border-collapse: collapse;
    background: var(--_surface);
  }
  caption {
    text-align: start;
    font-weight: 600;
    padding: 0.5rem 0;
  }
  th,
  td {
    text-align: start;
    padding: 0.45rem 0.6rem;
    border-bottom: 1px solid var(--_border);
    vertical-align: middle;
  }
  button {
    font: inherit;
    padding: 0.25rem 0.7rem;
    border-radius: 6px;
    border: 1px solid var(--_border);
    background: transparent;
    color: inherit;
    cursor: pointer;
  }
  button.primary {
    border-color: var(--_accent);
    color: var(--_accent);
  }
  button:focus-visible {
    outline: 3px solid var(--_accent);
    outline-offset: 2px;
  }
  button[disabled] {
    opacity: 0.6;
    cursor: progress;
  }
  .status {
    position: relative;
    display: inline-flex;
    gap: 0.35rem;
    align-items: center;
    border: none;
    padding: 0.1rem 0.3rem;
  }
  .icon {
    font-weight: 700;
  }
  .success .icon {
    color: var(--_ok);
  }
  .warnings .icon,
  .refused .icon,
  .interrupted .icon {
    color: var(--_warn);
  }
  .failed .icon {
    color: var(--_bad);
  }
  [role='tooltip'] {
    position: absolute;
    z-index: 1;
    inset-inline-start: 0;
    top: 100%;
    min-width: 18rem;
    max-width: 32rem;
    margin: 0.25rem 0 0;
    padding: 0.5rem 0.75rem 0.5rem 1.5rem;
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: 6px;
    box-shadow: 0 4px 12px rgb(0 0 0 / 15%);
    text-align: start;
  }
  .status:not(:hover):not(:focus-visible) [role='tooltip'] {
    display: none;
  }
  .actions {
    display: flex;
    gap: 0.4rem;
  }
  dialog {
    border: 1px solid var(--_border);
    border-radius: 8px;
    background: var(--_surface);
    color: inherit;
    max-width: 28rem;
  }
`;
