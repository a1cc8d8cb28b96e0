import { css } from 'lit';

export const syncStatusStyles = css`
  :host {
    display: block;
  }
  .status {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.25rem 0.5rem;
    margin: 0;
  }
  /* Inside the text, so that a narrow screen never leaves it alone on a line. */
  .dot {
    display: inline-block;
    inline-size: 0.6rem;
    block-size: 0.6rem;
    border-radius: 50%;
    background: var(--_muted);
    margin-inline-end: 0.45rem;
    vertical-align: 0.05em;
  }
  :host([state='synced']) .dot {
    background: var(--_ok);
  }
  :host([state='syncing']) .dot,
  :host([state='standby']) .dot {
    background: var(--_accent);
  }
  :host([state='retrying']) .dot {
    background: var(--_warn);
  }
  .detail {
    color: var(--_muted);
  }
  button {
    padding: 0.1rem 0.6rem;
  }
`;
