import { css } from 'lit';

export const deviceSyncStyles = css`
  .card {
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) * 2);
    padding: 1rem 1.25rem;
  }
  h2 {
    font-size: 1.1em;
    margin: 0 0 0.6rem;
  }
  h3 {
    font-size: 1em;
    margin: 0.8rem 0 0.3rem;
  }
  .switch {
    display: inline-flex;
    align-items: center;
    gap: 0.6rem;
    border: none;
    background: transparent;
    padding: 0.2rem 0;
    font-weight: 600;
    text-align: start;
  }
  .track {
    flex-shrink: 0;
    width: 2.6rem;
    height: 1.5rem;
    border-radius: 999px;
    background: var(--_border);
    position: relative;
    transition: background 0.15s;
  }
  .thumb {
    position: absolute;
    top: 0.15rem;
    inset-inline-start: 0.15rem;
    width: 1.2rem;
    height: 1.2rem;
    border-radius: 50%;
    background: var(--_surface);
    transition: inset-inline-start 0.15s;
  }
  [aria-checked='true'] .track {
    background: var(--_accent);
  }
  [aria-checked='true'] .thumb {
    inset-inline-start: 1.25rem;
  }
  ul {
    list-style: none;
    padding: 0;
    margin: 0 0 0.6rem;
    max-height: 16rem;
    overflow: auto;
  }
  li label {
    display: flex;
    gap: 0.4rem;
    align-items: baseline;
    padding: 0.2rem 0;
  }
  li label .name,
  li label .hint {
    min-width: 0;
    white-space: nowrap;
    overflow: hidden;
    text-overflow: ellipsis;
  }
  .source label {
    display: flex;
    flex-direction: column;
    gap: 0.2rem;
    margin-block: 0.4rem;
  }
  .issues {
    color: var(--_warn);
  }
  .notice:empty {
    display: none;
  }
`;
