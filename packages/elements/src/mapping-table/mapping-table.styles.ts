import { css } from 'lit';

export const mappingTableStyles = css`
  table {
    width: 100%;
  }
  :host {
    container-type: inline-size;
  }
  /* Should the rows still not fit, the table scrolls inside its own box, never the page
     (positioned, so that its visually hidden header stays inside it too). */
  .scroll {
    overflow-x: auto;
    position: relative;
  }
  .narrow-only {
    display: none;
  }
  /* A phone: each column becomes a card (name, samples, then its field, key and Remove), so the
     menus stay in view; the headers are still read to screen readers. */
  @container (max-width: 34rem) {
    table,
    tbody,
    tbody th,
    tbody td {
      display: block;
    }
    caption {
      display: block;
      text-align: start;
    }
    thead {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip-path: inset(50%);
    }
    tbody tr {
      display: grid;
      grid-template-columns: minmax(0, 1fr) auto;
      align-items: center;
      gap: 0.3rem 0.75rem;
      padding-block: 0.6rem;
      border-block-end: 1px solid var(--_border);
    }
    tbody th,
    tbody td {
      padding: 0;
      border: 0;
    }
    tbody th,
    .samples,
    .field {
      grid-column: 1 / -1;
    }
    .field select {
      max-width: calc(100% - 6rem);
    }
    .samples li {
      max-width: 100%;
    }
    .key {
      text-align: start;
    }
    .narrow-only {
      display: inline;
      margin-inline-start: 0.3rem;
    }
  }
  .samples ul {
    margin: 0;
    padding: 0;
    list-style: none;
    color: var(--_muted);
    font-size: 0.9em;
  }
  .samples li {
    max-width: 16rem;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .badge {
    margin-inline-start: 0.4rem;
    padding: 0.05rem 0.45rem;
    border-radius: 999px;
    font-size: 0.8em;
    border: 1px solid var(--_accent);
    color: var(--_accent);
  }
  .key {
    text-align: center;
  }
  .new-field td {
    background: var(--_muted-surface);
  }
  /* The new field's controls in a row that wraps, aligned on their inputs. */
  .new-field .form {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-end;
    gap: 0.6rem 0.75rem;
  }
  .new-field label {
    display: flex;
    flex-direction: column;
    gap: 0.2rem;
  }
  .new-field label.check {
    flex-direction: row;
    align-items: center;
    min-block-size: 2.2rem;
  }
  .new-field textarea {
    font: inherit;
    min-inline-size: 12rem;
  }
  .error:empty {
    display: none;
  }
  /* After the rules above, which it overrides on a phone: the new field's form in one column. */
  @container (max-width: 34rem) {
    .new-field td {
      grid-column: 1 / -1;
      padding: 0.5rem;
    }
    .new-field .form {
      flex-direction: column;
      align-items: stretch;
    }
    .new-field button {
      align-self: flex-start;
    }
  }
`;
