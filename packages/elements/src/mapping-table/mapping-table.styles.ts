import { css } from 'lit';

export const mappingTableStyles = css`
  table {
    width: 100%;
  }
  /* On a narrow screen the table scrolls inside its own box, never the page (positioned, so
     that its visually hidden header stays inside it too). */
  .scroll {
    overflow-x: auto;
    position: relative;
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
  .new-field label {
    margin-inline-end: 0.6rem;
  }
  .error:empty {
    display: none;
  }
`;
