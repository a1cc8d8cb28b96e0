import { css } from 'lit';

/**
 * Shared look: custom properties (--cs-*) with light and dark defaults, controls and focus.
 * `theme="dark"` or `theme="light"` on an element overrides the page's color-scheme.
 */
export const baseStyles = css`
  :host {
    display: block;
    font: var(--cs-font, 0.95rem/1.45 system-ui, sans-serif);
    color: var(--cs-color-text, light-dark(#1d2433, #e6e9ef));
    --_surface: var(--cs-color-surface, light-dark(#ffffff, #1c2230));
    --_muted-surface: var(--cs-color-muted-surface, light-dark(#f3f5f9, #252c3b));
    --_muted: var(--cs-color-muted, light-dark(#596275, #a9b1c2));
    --_border: var(--cs-color-border, light-dark(#c9ced8, #4a5368));
    --_accent: var(--cs-color-accent, light-dark(#2456c7, #8fb0ff));
    --_on-accent: var(--cs-color-on-accent, light-dark(#ffffff, #10162a));
    --_ok: var(--cs-color-success, light-dark(#1f7a3a, #6fd08c));
    --_warn: var(--cs-color-warning, light-dark(#8a5200, #f1b84c));
    --_bad: var(--cs-color-danger, light-dark(#b42318, #ff8a80));
    --_radius: var(--cs-radius, 6px);
  }
  :host([theme='dark']) {
    color-scheme: dark;
  }
  :host([theme='light']) {
    color-scheme: light;
  }
  [hidden] {
    display: none !important;
  }
  button {
    font: inherit;
    padding: 0.3rem 0.8rem;
    border-radius: var(--_radius);
    border: 1px solid var(--_border);
    background: var(--_surface);
    color: inherit;
    cursor: pointer;
  }
  button.primary {
    background: var(--_accent);
    border-color: var(--_accent);
    color: var(--_on-accent);
  }
  button.danger {
    border-color: var(--_bad);
    color: var(--_bad);
  }
  button[disabled] {
    opacity: 0.6;
    cursor: not-allowed;
  }
  /* Checkboxes and radios in the theme's accent; their unchecked state follows color-scheme. */
  input[type='checkbox'],
  input[type='radio'] {
    accent-color: var(--_accent);
  }
  input,
  select {
    font: inherit;
    color: inherit;
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: 0.3rem 0.45rem;
  }
  input[aria-invalid='true'] {
    border-color: var(--_bad);
  }
  :focus-visible {
    outline: 3px solid var(--_accent);
    outline-offset: 2px;
  }
  .hint {
    color: var(--_muted);
    font-size: 0.9em;
  }
  .error {
    color: var(--_bad);
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  table {
    border-collapse: collapse;
    background: var(--_surface);
  }
  th,
  td {
    text-align: start;
    padding: 0.4rem 0.55rem;
    border-bottom: 1px solid var(--_border);
    vertical-align: middle;
  }
  caption {
    text-align: start;
    font-weight: 600;
    padding: 0.5rem 0;
  }
  dialog {
    border: 1px solid var(--_border);
    border-radius: 8px;
    background: var(--_surface);
    color: inherit;
    max-width: 28rem;
  }
  .dialog-actions {
    display: flex;
    gap: 0.5rem;
    justify-content: flex-end;
  }
  /* Contact data in its own direction context: a right-to-left override in one value never
     reorders the text around it (an address drawn backwards inside a name). Long values wrap
     instead of widening the page. */
  .name,
  .sub,
  .email,
  .value,
  dd {
    unicode-bidi: isolate;
    overflow-wrap: anywhere;
  }
`;
