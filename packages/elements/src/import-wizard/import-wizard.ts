import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import type { RunRecord, SyncProfile } from '@contactsync/sdk';
import {
  ProfileSavedEvent,
  RunFinishedEvent,
  WizardClosedEvent,
  type MappingChangeEvent,
  type ScheduleChangeEvent,
} from '../events.ts';
import type { Messages } from '../i18n/en.ts';
import { CsElement } from '../shared/cs-element.ts';
import { baseStyles } from '../shared/base.styles.ts';
import { MappingTable } from '../mapping-table/mapping-table.ts';
import { ScheduleEditor } from '../schedule-editor/schedule-editor.ts';
import { importWizardStyles } from './import-wizard.styles.ts';
import { STEPS, WizardController, type Step } from './wizard-controller.ts';
import { formatBytes, type StepView } from './steps/step-view.ts';
import type { WizardField } from './field-error.ts';
import { sourceStep } from './steps/source-step.ts';
import { optionsStep } from './steps/options-step.ts';
import { previewStep } from './steps/preview-step.ts';
import { reviewStep } from './steps/review-step.ts';
import { doneStep, runStep } from './steps/run-step.ts';

/** The steps the indicator lists; "run" reads "schedule" while scheduling. */
const SHOWN_STEPS = STEPS.filter((s) => s !== 'schedule');

/**
 * The import setup wizard: source (local file or a server), options, preview, column mapping,
 * the dry run's review, then an import with progress or a schedule. Back and Next keep what was
 * entered; `profile-id` opens a saved import filled in.
 *
 * @tag cs-import-wizard
 * @fires {ProfileSavedEvent} cs-profile-saved - the import profile was created or changed.
 * @fires {RunFinishedEvent} cs-run-finished - an import started here ended.
 * @fires {WizardClosedEvent} cs-wizard-closed - the user closed or cancelled the wizard.
 * @fires {VCardChosenEvent} cs-vcard-chosen - the chosen file is a vCard; cancel it to take it elsewhere.
 * @fires {ProblemReportEvent} cs-problem-report - the user asked for the file's problem rows as a CSV; cancel it to keep the browser from downloading it.
 * @csspart steps - The list of steps.
 * @csspart panel - The current step.
 * @csspart button - Every footer button.
 * @csspart dropzone - Where a file can be dropped.
 * @csspart counts - The review and result figures.
 * @csspart guard - The mass-deletion warning.
 * @csspart problems - The list of problems found in the file.
 * @csspart progress - The progress bar.
 * @cssprop --cs-color-accent - The current step, primary buttons and focus rings.
 */
export class ImportWizard extends CsElement {
  static override styles = [baseStyles, importWizardStyles];
  static override properties = {
    bookId: { attribute: 'book-id' },
    profileId: { attribute: 'profile-id' },
  };
  static override tagName = 'cs-import-wizard';

  static override define(name = ImportWizard.tagName): void {
    MappingTable.define();
    ScheduleEditor.define();
    super.define(name);
  }

  /** The address book to import into. */
  declare bookId: string | null;
  /** A saved import to edit; a new import when unset. */
  declare profileId: string | null;
  private readonly c: WizardController;
  private shownStep: Step | null = null;

  constructor() {
    super();
    this.bookId = null;
    this.profileId = null;
    // The controller reads the element's current client, book and messages when it needs them.
    const read = {
      client: () => this.client,
      bookId: () => this.bookId,
      t: () => this.t,
      updateComplete: () => this.updateComplete,
    };
    this.c = new WizardController({
      addController: (controller) => this.addController(controller),
      removeController: (controller) => this.removeController(controller),
      requestUpdate: () => this.requestUpdate(),
      get updateComplete() {
        return read.updateComplete();
      },
      get wizardClient() {
        return read.client();
      },
      get bookId() {
        return read.bookId();
      },
      get t() {
        return read.t();
      },
      onSaved: (profile: SyncProfile) => this.dispatchEvent(new ProfileSavedEvent(profile)),
      onRunFinished: (run: RunRecord) => this.dispatchEvent(new RunFinishedEvent(run)),
      dispatchEvent: (event: Event) => this.dispatchEvent(event),
      focusField: (field: WizardField) =>
        void this.updateComplete.then(() =>
          this.renderRoot.querySelector<HTMLElement>(`[data-field="${field}"]`)?.focus(),
        ),
    });
  }

  /**
   * Starts again: empty, or filled in from a saved import. Keyboard focus moves to the wizard's
   * heading, as after "Edit" or "Set up a new import" in the history grid.
   */
  async open(profileId: string | null = null): Promise<void> {
    this.profileId = profileId;
    await this.c.open(profileId);
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('h2')?.focus();
  }

  /**
   * Opens a saved import at its review, with the 10% guard's confirmation when it applies (the
   * grid's "Review and import" after a refusal). A remote import fetches its file on the way; a
   * local one stops at the file chooser, since only the person can choose the file again.
   */
  async review(profileId: string): Promise<void> {
    await this.open(profileId);
    await this.c.walkToReview();
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('h2')?.focus();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const wanted = this.profileId ?? null;
    if ((changed.has('profileId') || this.clientChanged(changed)) && this.client) {
      if (this.c.requested !== wanted) void this.c.open(wanted);
    }
  }

  protected override updated(): void {
    // Each step announces itself: focus moves to its heading.
    if (this.shownStep !== this.c.step) {
      const first = this.shownStep === null;
      this.shownStep = this.c.step;
      if (!first || this.profileId) this.renderRoot.querySelector<HTMLElement>('h2')?.focus();
    }
  }

  private async close(): Promise<void> {
    const profileId = this.c.profile?.id ?? null;
    try {
      await this.c.discard();
    } finally {
      this.dispatchEvent(new WizardClosedEvent(profileId));
      await this.c.open(null);
      this.profileId = null;
    }
  }

  /** The editor holds a complete schedule from the start; take it even if nothing was changed. */
  private finishSchedule(): Promise<void> {
    const editor = this.renderRoot.querySelector<ScheduleEditor>('cs-schedule-editor');
    if (editor) this.c.edit({ schedule: editor.value });
    return this.c.finishSchedule();
  }

  private get view(): StepView {
    return {
      c: this.c,
      t: this.t,
      formatNumber: (n) => this.formatNumber(n),
      formatDateTime: (ms) => this.formatDateTime(ms),
      formatBytes: (n) => formatBytes(n, this.localeTag),
    };
  }

  private heading(t: Messages): string {
    const c = this.c;
    return {
      source: t.sourceHeading,
      options: t.optionsHeading,
      preview: t.previewHeading,
      mapping: t.mappingHeading,
      review: t.reviewHeading,
      run: t.runHeading,
      schedule: t.scheduleTitle,
      done: t.doneHeading,
    }[c.step];
  }

  private renderBody() {
    const c = this.c;
    const v = this.view;
    switch (c.step) {
      case 'source':
        return html`${
          c.twin
            ? html`<div class="notice" part="twin" role="group" aria-labelledby="twin-text">
                <p id="twin-text" role="status">${this.t.twinFound(c.twin.name)}</p>
                <div class="actions">
                  <button type="button" class="primary" @click=${() => void c.useTwin()}>
                    ${this.t.twinUpdate(c.twin.name)}
                  </button>
                  <button type="button" @click=${() => void c.declineTwin()}>
                    ${this.t.twinNew}
                  </button>
                </div>
              </div>`
            : nothing
        }${sourceStep(v, this.localeTag)}`;
      case 'options':
        return optionsStep(v);
      case 'preview':
        return previewStep(v);
      case 'mapping':
        return html`${
            c.columnsGone.length
              ? html`<p class="warnings" role="status" part="warnings">
                  ${this.t.mappingColumnsGone(c.columnsGone.join(', '))}
                </p>`
              : nothing
          }
          <p class=${c.keyNotice ? 'notice' : 'notice quiet'} role="status" part="notice">
            ${c.keyNotice ? this.t.keyGeneratedOptionsOff(this.t.optionUpdate, this.t.optionDelete) : nothing}
          </p>
          <cs-mapping-table
            .sync=${this.client}
            .bookId=${this.bookId}
            .preview=${c.preview}
            .mapping=${c.draft.mapping}
            .behaviour=${c.draft.behaviour}
            .messages=${this.messages}
            .locale=${this.locale}
            @cs-mapping-change=${(e: MappingChangeEvent) => c.changeMapping(e.mapping)}
          ></cs-mapping-table>`;
      case 'review':
        return reviewStep(v);
      case 'run':
        return runStep(v);
      case 'schedule':
        return html`<cs-schedule-editor
          .sync=${this.client}
          .schedule=${c.draft.schedule}
          .notifyEmail=${c.draft.notifyEmail}
          .paused=${c.draft.schedulePaused}
          .messages=${this.messages}
          .locale=${this.locale}
          @cs-schedule-change=${(e: ScheduleChangeEvent) =>
            c.edit({ schedule: e.schedule, notifyEmail: e.notifyEmail, schedulePaused: e.paused })}
        ></cs-schedule-editor>`;
      case 'done':
        return doneStep(v);
    }
  }

  private button(label: string, action: () => unknown, kind = '', disabled = false) {
    return html`<button
      type="button"
      part="button"
      class=${kind}
      ?disabled=${disabled || this.c.busy}
      @click=${action}
    >
      ${label}
    </button>`;
  }

  private renderFooter(t: Messages) {
    const c = this.c;
    const remote = c.draft.sourceKind === 'remote';
    const cancel = this.button(t.cancel, () => this.close());
    const back = this.button(t.back, () => c.back());
    switch (c.step) {
      case 'source':
        return html`${cancel}${this.button(t.next, () => c.next(), 'primary')}`;
      case 'options':
      case 'preview':
      case 'mapping':
        return html`${cancel}${back}${this.button(t.next, () => c.next(), 'primary')}`;
      case 'review': {
        const plan = c.plan?.plan;
        // Two explicit choices: keep the settings for later, or import now.
        return html`${cancel}${back}${this.button(t.saveForLater, () => c.saveOnly())}
        ${remote ? this.button(t.scheduleButton, () => c.openSchedule()) : nothing}
        ${this.button(
          t.importNowButton,
          () => c.importNow(),
          'primary',
          plan ? plan.massDeletion && !c.confirmMassDelete : c.plan?.record.status !== 'unchanged',
        )}`;
      }
      case 'run':
        return html`<button type="button" part="button" @click=${() => c.cancelRun()}>
          ${t.cancel}
        </button>`;
      case 'schedule':
        return html`${cancel}${back}${this.button(t.finish, () => this.finishSchedule(), 'primary')}`;
      case 'done':
        return this.button(t.close, () => this.close(), 'primary');
    }
  }

  /**
   * The wizard's problem, unless the mapping table already shows the same words beside the
   * mapping (it announced them when the mapping changed): one message, where it belongs.
   */
  private shownProblem(): string {
    const problem = this.c.problem;
    if (this.c.step !== 'mapping' || !problem) return problem;
    const table = this.renderRoot.querySelector<MappingTable>('cs-mapping-table');
    return table?.validationMessage === problem ? '' : problem;
  }

  protected override render(): TemplateResult | typeof nothing {
    const t = this.t;
    const c = this.c;
    const shown = SHOWN_STEPS.map((s) => (s === 'run' && c.step === 'schedule' ? 'schedule' : s));
    const at = shown.indexOf(c.step);
    // While it runs and after, the wizard is about that import, not about editing it.
    const title = !c.profile
      ? t.wizardTitle
      : c.step === 'run' || c.step === 'done'
        ? t.wizardRunTitle(c.profile.name)
        : c.created
          ? t.wizardTitle
          : t.wizardEditTitle(c.profile.name);
    return html`<section aria-labelledby="title" aria-busy=${c.busy ? 'true' : 'false'}>
      <header>
        <p id="title" class="title">${title}</p>
        <ol part="steps" class="steps">
          ${shown.map(
            (s, i) =>
              html`<li
                class=${i < at ? 'past' : i === at ? 'current' : ''}
                aria-current=${i === at ? 'step' : nothing}
              >
                ${t.wizardSteps[s]}
              </li>`,
          )}
        </ol>
      </header>
      <div part="panel" class="panel">
        <h2 tabindex="-1">
          <span class="visually-hidden">${t.stepOf(at + 1, shown.length)}: </span>${this.heading(t)}
        </h2>
        ${this.renderBody()}
        <p role="status" class="hint working">${c.busy ? t.working : ''}</p>
        <p role="alert" class="error problem">${this.shownProblem()}</p>
      </div>
      <footer>${this.renderFooter(t)}</footer>
    </section>`;
  }
}

declare global {
  // Under its default name (`ImportWizard.define()`): `document.querySelector('cs-import-wizard')` is typed.
  interface HTMLElementTagNameMap {
    'cs-import-wizard': ImportWizard;
  }
}
