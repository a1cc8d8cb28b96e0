import { css } from 'lit';

export const contactListStyles = css`
  /* The element's own width decides its layout (a host may give it a narrow column). */
  :host {
    container: contacts / inline-size;
  }
  .layout {
    display: grid;
    grid-template-columns: minmax(9rem, 13rem) minmax(16rem, 1fr) minmax(14rem, 20rem);
    gap: 1rem;
    align-items: start;
  }
  nav ul {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  nav button {
    width: 100%;
    text-align: start;
    border: none;
    background: transparent;
    margin-bottom: 0.15rem;
  }
  nav button[aria-current='true'] {
    background: var(--_muted-surface);
    color: var(--_accent);
    font-weight: 600;
  }
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    gap: 0.6rem;
    align-items: center;
    margin-bottom: 0.5rem;
  }
  .toolbar input {
    flex: 1 1 12rem;
    min-width: 0;
  }
  .export {
    display: flex;
    gap: 0.4rem;
  }
  .sort {
    display: inline-flex;
    align-items: center;
    gap: 0.3rem;
  }
  .count {
    color: var(--_muted);
    font-size: 0.9em;
    white-space: nowrap;
  }
  .scroller {
    height: var(--cs-contact-list-height, 28rem);
    overflow-y: auto;
    /* The list places itself; the browser's scroll anchoring must not move it as rows redraw. */
    overflow-anchor: none;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    position: relative;
  }
  [role='listbox'] {
    position: relative;
    margin: 0;
    padding: 0;
    list-style: none;
  }
  [role='option'] {
    position: absolute;
    inset-inline: 0;
    height: 52px;
    box-sizing: border-box;
    padding: 0.35rem 0.7rem;
    border-bottom: 1px solid var(--_border);
    display: flex;
    flex-direction: column;
    justify-content: center;
    cursor: pointer;
    overflow: hidden;
  }
  [role='option'][aria-selected='true'] {
    background: var(--_muted-surface);
  }
  [role='option']:focus-visible {
    outline-offset: -3px;
  }
  .name,
  .sub {
    white-space: nowrap;
    overflow: hidden;
    text-overflow: ellipsis;
  }
  .sub {
    color: var(--_muted);
    font-size: 0.85em;
  }
  .details {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: 0.8rem 1rem;
    background: var(--_surface);
  }
  .details {
    min-width: 0;
  }
  .details h3 {
    margin: 0 0 0.6rem;
    overflow-wrap: anywhere;
    unicode-bidi: isolate;
    max-height: 6em;
    overflow: auto;
  }
  dl {
    margin: 0 0 0.8rem;
  }
  dt {
    color: var(--_muted);
    font-size: 0.85em;
  }
  dd {
    margin: 0 0 0.4rem;
    /* A 100 KB value scrolls inside its box instead of making the page that long. */
    max-height: 10em;
    overflow: auto;
  }
  .deleted h3 {
    margin: 0 0 0.3rem;
  }
  .deleted ul {
    list-style: none;
    margin: 0;
    padding: 0;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    max-height: var(--cs-contact-list-height, 28rem);
    overflow-y: auto;
  }
  .deleted li {
    display: flex;
    align-items: center;
    gap: 0.6rem;
    padding: 0.45rem 0.7rem;
    border-bottom: 1px solid var(--_border);
  }
  .deleted li:last-child {
    border-bottom: none;
  }
  .who .sub {
    white-space: normal;
  }
  .who {
    display: flex;
    flex-direction: column;
    min-width: 0;
    flex: 1;
  }
  .notice:empty {
    display: none;
  }
  /* A long unbroken name must not widen the page: columns may shrink below their content. */
  .main {
    min-width: 0;
  }
  @container contacts (max-width: 48rem) {
    .layout {
      grid-template-columns: minmax(0, 1fr);
    }
  }
`;
