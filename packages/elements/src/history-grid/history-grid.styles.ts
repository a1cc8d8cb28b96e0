import { css } from 'lit';

/** The grid's own look on top of baseStyles; parts: table, button, status, problems, dialog. */
export const historyGridStyles = css`
  table {
    width: 100%;
  }
  /* On a narrow screen the table scrolls inside its own box, never the page. */
  .scroll {
    overflow-x: auto;
  }
  button.primary {
    background: transparent;
    color: var(--_accent);
  }
  button[disabled] {
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
  /* In a div, not on the cell: a flex table cell loses its row's borders and alignment. */
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.4rem;
  }
  .attempt {
    color: var(--_muted);
    font-size: 0.85em;
  }
  .toolbar {
    display: flex;
    justify-content: flex-end;
    margin-bottom: 0.5rem;
  }
`;
