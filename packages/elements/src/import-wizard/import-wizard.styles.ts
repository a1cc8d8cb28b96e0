import { css } from 'lit';

export const importWizardStyles = css`
  section {
    /* The wizard's own width decides its layout (a host may give it a narrow column). */
    container: wizard / inline-size;
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) * 2);
    padding: 1rem 1.25rem;
  }
  .title {
    margin: 0 0 0.5rem;
    font-weight: 600;
    font-size: 1.1em;
  }
  .steps {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 1.1rem;
    margin: 0 0 1rem;
    padding: 0;
    list-style: none;
    counter-reset: step;
    color: var(--_muted);
    font-size: 0.9em;
  }
  .steps li {
    counter-increment: step;
  }
  .steps li::before {
    content: counter(step) '. ';
  }
  .steps .past {
    color: inherit;
  }
  .steps .current {
    color: var(--_accent);
    font-weight: 600;
    text-decoration: underline;
    text-underline-offset: 0.3em;
  }
  h2 {
    font-size: 1.15em;
    margin: 0 0 0.8rem;
  }
  h3 {
    font-size: 1em;
    margin: 0.8rem 0 0.3rem;
  }
  fieldset {
    border: none;
    padding: 0;
    margin: 0 0 0.8rem;
  }
  legend {
    font-weight: 600;
    padding: 0 0 0.3rem;
  }
  .choice label {
    margin-inline-end: 1rem;
    display: inline-flex;
    align-items: center;
    gap: 0.3rem;
  }
  .grid {
    display: grid;
    grid-template-columns: minmax(9rem, 14rem) 1fr;
    gap: 0.5rem 1rem;
    align-items: end;
  }
  .grid label,
  label.block {
    display: flex;
    flex-direction: column;
    gap: 0.2rem;
  }
  label.block {
    margin-block: 0.8rem;
    max-width: 30rem;
  }
  .grid .wide {
    grid-column: 1 / -1;
  }
  /* On a phone (a narrow wizard) the source's fields stack, each as wide as the wizard. */
  @container wizard (max-width: 32rem) {
    .grid {
      grid-template-columns: minmax(0, 1fr);
    }
  }
  .grid input,
  .grid select {
    min-width: 0;
    max-width: 100%;
  }
  .grid p {
    margin: 0;
    /* Example addresses are long words: they break rather than run off a phone's screen. */
    overflow-wrap: anywhere;
  }
  label.check {
    display: flex;
    align-items: center;
    gap: 0.4rem;
    margin-block: 0.4rem;
  }
  .indent {
    margin: 0 0 0.4rem 1.7rem;
  }
  input.short {
    width: 3rem;
  }
  .drop {
    border: 2px dashed var(--_border);
    border-radius: var(--_radius);
    padding: 1rem;
    margin-bottom: 0.8rem;
  }
  .drop .file {
    display: inline-flex;
    flex-direction: column;
    gap: 0.3rem;
    font-weight: 600;
    max-width: 100%;
  }
  /* A native file input is wider than a phone screen in some languages. */
  .drop .file input {
    max-width: 100%;
  }
  .scroll {
    overflow: auto;
    max-height: 22rem;
    border: 1px solid var(--_border);
  }
  .scroll table {
    width: 100%;
    font-size: 0.9em;
  }
  .scroll td {
    white-space: nowrap;
    max-width: 18rem;
    overflow: hidden;
    text-overflow: ellipsis;
  }
  .warnings,
  .guard {
    border-inline-start: 4px solid var(--_warn);
    background: var(--_muted-surface);
    padding: 0.5rem 0.8rem;
    margin-bottom: 0.8rem;
  }
  .problems ul {
    padding-inline-start: 1.1rem;
  }
  .problems li + li {
    margin-top: 0.3rem;
  }
  .notice {
    border-inline-start: 4px solid var(--_accent);
    background: var(--_muted-surface);
    padding: 0.5rem 0.8rem;
    margin: 0 0 0.8rem;
  }
  .notice .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
  }
  .notice p {
    margin-top: 0;
  }
  /* Kept in the page while silent, so that screen readers announce it when it speaks. */
  .notice.quiet {
    padding: 0;
    margin: 0;
    border: none;
  }
  .counts {
    display: flex;
    flex-wrap: wrap;
    gap: 0.6rem;
    margin: 0 0 0.8rem;
  }
  .counts div {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: 0.4rem 0.9rem;
    min-width: 6rem;
  }
  .counts dt {
    color: var(--_muted);
    font-size: 0.85em;
  }
  .counts dd {
    margin: 0;
    font-size: 1.4em;
    font-weight: 600;
    font-variant-numeric: tabular-nums;
  }
  .counts .deleted dd,
  .counts .invalid dd {
    color: var(--_bad);
  }
  progress {
    width: 100%;
    height: 1rem;
    accent-color: var(--_accent);
  }
  .result.success,
  .result.unchanged {
    color: var(--_ok);
  }
  .result.failed,
  .result.refused {
    color: var(--_bad);
  }
  .working:empty,
  .problem:empty {
    display: none;
  }
  footer {
    display: flex;
    justify-content: flex-end;
    flex-wrap: wrap;
    gap: 0.5rem;
    margin-top: 1rem;
    border-top: 1px solid var(--_border);
    padding-top: 0.8rem;
  }
  footer :first-child {
    margin-inline-end: auto;
  }
`;
