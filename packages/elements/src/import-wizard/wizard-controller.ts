import type { ReactiveController, ReactiveControllerHost } from 'lit';
import {
  remoteUrlProblem,
  type ContactSync,
  type Encoding,
  type FilePreview,
  type Mapping,
  type ParseOptions,
  type PlanResult,
  type RunProgress,
  type RunRecord,
  type SyncProfile,
} from '@contactsync/sdk';
import type { Messages } from '../i18n/en.ts';
import { ProblemReportEvent, VCardChosenEvent } from '../events.ts';

/** A vCard's first line, after an optional BOM and blank space (the engine checks the same). */
async function isVCard(file: Blob): Promise<boolean> {
  return /^\uFEFF?\s*BEGIN:VCARD/i.test(await file.slice(0, 64).text());
}
import { looksLikeEmail } from '../shared/email.ts';
import { mappingFromPreview } from '../mapping-table/mapping-table.ts';
import { mappingProblem } from '../mapping-table/mapping-problem.ts';
import { runFraction } from './run-fraction.ts';
import { FIELD_STEP, FieldError, type WizardField } from './field-error.ts';
import {
  draftFromProfile,
  mappingFits,
  newDraft,
  parseOptionsOf,
  profileInputOf,
  remoteUrl,
  type WizardDraft,
} from './wizard-draft.ts';
import { describeIssue, describeThrown } from '../shared/describe.ts';
import { offerDownload } from '../shared/offer-download.ts';

export const STEPS = [
  'source',
  'options',
  'preview',
  'mapping',
  'review',
  'run',
  'schedule',
  'done',
] as const;
export type Step = (typeof STEPS)[number];

export interface WizardHost extends ReactiveControllerHost {
  readonly wizardClient: ContactSync | null;
  readonly bookId: string | null;
  readonly t: Messages;
  onSaved(profile: SyncProfile): void;
  onRunFinished(run: RunRecord): void;
  dispatchEvent(event: Event): boolean;
  /** Moves keyboard focus to an input (by its `data-field`) once it is rendered. */
  focusField(field: WizardField): void;
}

/** The wizard's state machine: what was entered, which step is shown, and the SDK calls between. */
export class WizardController implements ReactiveController {
  draft: WizardDraft = newDraft();
  step: Step = 'source';
  /** The profile being edited, or the one this wizard saved. */
  profile: SyncProfile | null = null;
  /** True when this wizard created `profile` (so cancelling removes it). */
  created = false;
  /** The profile as it was before this wizard changed it (so cancelling restores it). */
  private original: SyncProfile | null = null;
  preview: FilePreview | null = null;
  /** Mapped columns of the saved import that the newly chosen file lacks (shown at the mapping). */
  columnsGone: readonly string[] = [];
  /** Said when choosing generated keys switched off updating and deleting. */
  keyNotice = false;
  /** A saved import of a file of the same name in this book, offered instead of a duplicate. */
  twin: SyncProfile | null = null;
  /** The file name for which the person chose a separate import anyway. */
  private twinDeclinedFor: string | null = null;
  plan: PlanResult | null = null;
  run: RunRecord | null = null;
  /**
   * The run's latest progress: `fraction` of the whole run (never moving back), and when the
   * row pass began (`startedAt`), so rows per second counts only the time spent on rows.
   */
  progress: { value: RunProgress; fraction: number | null; startedAt: number; at: number } | null =
    null;
  nextImport: number | null = null;
  confirmMassDelete = false;
  /** The problem shown (and announced) on the current step. */
  problem = '';
  busy = false;
  /** The profile the last `open()` asked for (set at once, before it has loaded). */
  requested: string | null | undefined = undefined;
  private remoteBlob: Blob | null = null;
  private abort: AbortController | null = null;

  constructor(private readonly host: WizardHost) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.abort?.abort();
  }

  private get sync(): ContactSync {
    const sync = this.host.wizardClient;
    if (!sync) throw new Error('No ContactSync client: set `sync` or use provideSync().');
    return sync;
  }

  private get t(): Messages {
    return this.host.t;
  }

  edit(patch: Partial<WizardDraft>): void {
    this.draft = { ...this.draft, ...patch };
    // Changing the input that was wrong (or the protocol beside an address) clears its message.
    const field = this.invalid?.field;
    if (field && (field in patch || (field === 'address' && 'protocol' in patch)))
      this.invalid = null;
    this.host.requestUpdate();
  }

  /** The input that stopped the last Next, and why; shown beside that input. */
  invalid: { readonly field: WizardField; readonly message: string } | null = null;

  /** Starts over, empty or filled in from a saved profile. */
  async open(profileId: string | null): Promise<void> {
    this.requested = profileId;
    this.abort?.abort();
    Object.assign(this, {
      step: 'source',
      profile: null,
      original: null,
      created: false,
      preview: null,
      columnsGone: [],
      keyNotice: false,
      twin: null,
      twinDeclinedFor: null,
      plan: null,
      run: null,
      progress: null,
      problem: '',
      confirmMassDelete: false,
      nextImport: null,
      remoteBlob: null,
    });
    this.draft = newDraft();
    if (profileId) {
      try {
        this.profile = await this.sync.profiles.get(profileId);
        this.original = this.profile;
        this.draft = draftFromProfile(this.profile);
      } catch (error) {
        // E.g. deleted in another tab meanwhile: say so, and offer a new import instead.
        this.problem = describeThrown(this.t, error);
      }
    }
    this.host.requestUpdate();
  }

  /** The file to read: the chosen one, or the remote one fetched for this wizard. */
  private get file(): Blob | null {
    return this.draft.sourceKind === 'local' ? this.draft.file : this.remoteBlob;
  }

  /** Problems with the source step as typed, for inline messages. */
  addressProblem(): string | null {
    if (this.draft.sourceKind !== 'remote' || this.draft.address.trim() === '') return null;
    return remoteUrlProblem(remoteUrl(this.draft));
  }

  private async guarded(work: () => Promise<void>): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    this.problem = '';
    this.host.requestUpdate();
    this.invalid = null;
    try {
      await work();
    } catch (error) {
      // Beside its input when that input is on screen; otherwise at the foot like any problem.
      if (error instanceof FieldError && FIELD_STEP[error.field] === this.step) {
        this.invalid = { field: error.field, message: error.message };
        this.host.focusField(error.field);
      } else this.problem = describeThrown(this.t, error);
    } finally {
      this.busy = false;
      this.host.requestUpdate();
    }
  }

  private go(step: Step): void {
    this.step = step;
    this.problem = '';
  }

  /** Steps on towards the review while nothing needs the person (a remote file, no problems). */
  async walkToReview(): Promise<void> {
    if (!this.profile || this.draft.sourceKind !== 'remote') return;
    for (const step of ['source', 'options', 'preview', 'mapping'] as const) {
      if (this.step !== step) return;
      await this.next();
      if (this.problem) return;
    }
  }

  next(): Promise<void> {
    return this.guarded(async () => {
      switch (this.step) {
        case 'source':
          return this.leaveSource();
        case 'options':
          return this.leaveOptions();
        case 'preview':
          return this.go('mapping');
        case 'mapping':
          return this.leaveMapping();
        default:
          return;
      }
    });
  }

  back(): void {
    const order: Step[] = ['source', 'options', 'preview', 'mapping', 'review'];
    const at = this.step === 'schedule' ? order.length : order.indexOf(this.step);
    if (at > 0) this.go(order[at - 1]!);
    this.host.requestUpdate();
  }

  private async leaveSource(): Promise<void> {
    const d = this.draft;
    if (d.sourceKind === 'local') {
      if (!d.file) throw new FieldError('file', this.t.needFile);
      if (await isVCard(d.file)) {
        // Not a CSV: the host may take it to where vCards are imported.
        const handled = !this.host.dispatchEvent(new VCardChosenEvent(d.file));
        throw new Error(handled ? this.t.vcardHandedOver : this.t.vcardNotCsv);
      }
      if (!this.profile && this.twinDeclinedFor !== d.file.name) {
        const name = d.file.name;
        this.twin =
          (await this.sync.profiles.list(this.host.bookId!)).find(
            (p) => p.source.kind === 'local' && p.source.fileName === name,
          ) ?? null;
        // Stay here: the step offers to update that import instead.
        if (this.twin) return;
      }
      if (!d.name.trim()) this.edit({ name: d.file.name });
      return this.go('options');
    }
    if (d.address.trim() === '') throw new FieldError('address', this.t.needAddress);
    const url = remoteUrl(d);
    const problem = remoteUrlProblem(url);
    if (problem) throw new FieldError('address', problem);
    const implicitTls = d.protocol === 'ftps-implicit';
    const loginFor = `${url}\n${d.username}`;
    if (d.password) {
      // Sealed once; the password leaves the form as soon as the proxy has it.
      const credential = await this.sync.credentials.seal({
        url,
        username: d.username,
        password: d.password,
        implicitTls,
      });
      this.edit({ credential, sealedFor: loginFor, password: '' });
    } else if (d.credential && d.sealedFor !== loginFor && d.sealedFor !== url) {
      // The saved login belongs to another server or user: ask again rather than send it there.
      this.edit({ credential: null, sealedFor: null });
    }
    const fetched = await this.sync.fetchRemote({
      kind: 'remote',
      url,
      implicitTls,
      credential: this.draft.credential,
      hostKey: this.draft.hostKey,
    });
    this.remoteBlob = fetched.blob;
    this.edit({
      hostKey: this.draft.hostKey ?? fetched.hostKey,
      name: this.draft.name.trim() || fetched.fileName,
    });
    this.go('options');
  }

  /** The failure email is optional, but a typed one must look like an address. */
  private checkNotifyEmail(): void {
    const email = this.draft.notifyEmail.trim();
    if (email && !looksLikeEmail(email)) throw new FieldError('notifyEmail', this.t.badEmail);
  }

  private async leaveOptions(): Promise<void> {
    const d = this.draft;
    if (d.delimiter === 'other' && [...d.otherDelimiter].length !== 1)
      throw new FieldError('otherDelimiter', this.t.needDelimiter);
    this.checkNotifyEmail();
    const preview = await this.sync.preview(this.host.bookId!, this.file!, parseOptionsOf(d));
    this.preview = preview;
    const headers = preview.columns.map((c) => c.label);
    // The saved mapping follows the file's header names; when some are gone the user is told
    // which, and maps the file again from a fresh suggestion.
    const wanted = (d.mapping?.columns ?? []).filter((c) => c.field !== null).map((c) => c.header);
    const present = new Set(headers.map((h) => h.trim().toLowerCase()));
    this.columnsGone = wanted.filter((h) => !present.has(h.trim().toLowerCase()));
    if (!mappingFits(d.mapping, headers)) this.changeMapping(mappingFromPreview(preview));
    this.go('preview');
  }

  /** Edits the saved import of the same file instead of making a second one. */
  useTwin(): Promise<void> {
    return this.guarded(async () => {
      const twin = this.twin;
      const file = this.draft.file;
      if (!twin || !file) return;
      await this.open(twin.id);
      this.edit({ file });
      this.go('options');
    });
  }

  /** A separate import of the same file after all. */
  declineTwin(): Promise<void> {
    this.twinDeclinedFor = this.draft.file?.name ?? null;
    this.twin = null;
    return this.next();
  }

  /**
   * A new mapping from the table. Generated keys cannot update or delete (every row is a new
   * contact), so choosing them switches those options off and says so, instead of a dead end.
   */
  changeMapping(mapping: Mapping): void {
    const b = this.draft.behaviour;
    const conflict = mapping.key.kind === 'generated' && (b.updateExisting || b.deleteMissing);
    this.keyNotice = conflict || (this.keyNotice && mapping.key.kind === 'generated');
    this.edit({
      mapping,
      ...(conflict ? { behaviour: { ...b, updateExisting: false, deleteMissing: false } } : {}),
    });
  }

  /** Reads the file again in the encoding the person chose; the preview rows re-render. */
  changeEncoding(encoding: Encoding): Promise<void> {
    return this.reread({ encoding });
  }

  /** Reads another sheet of a workbook; the preview rows (and, if it must, the mapping) follow. */
  changeSheet(sheet: string): Promise<void> {
    return this.reread({ sheet });
  }

  private reread(patch: Partial<ParseOptions>): Promise<void> {
    return this.guarded(async () => {
      this.edit({ parseRest: { ...this.draft.parseRest, ...patch } });
      const preview = await this.sync.preview(
        this.host.bookId!,
        this.file!,
        parseOptionsOf(this.draft),
      );
      this.preview = preview;
      const headers = preview.columns.map((c) => c.label);
      if (!mappingFits(this.draft.mapping, headers))
        this.changeMapping(mappingFromPreview(preview));
    });
  }

  /** Saves the profile (so a dry run can use it) and shows what a run would change. */
  private async leaveMapping(): Promise<void> {
    const problem = mappingProblem(this.draft.mapping, this.draft.behaviour, this.t, this.preview);
    if (problem) throw new Error(problem);
    const input = profileInputOf(this.draft, this.host.bookId!, this.draft.mapping!);
    if (this.profile) {
      this.profile = await this.sync.profiles.update(this.profile.id, input);
    } else {
      this.profile = await this.sync.profiles.create(input);
      this.created = true;
    }
    this.host.onSaved(this.profile);
    this.plan = await this.sync.plan(this.profile.id, this.file, this.draft.file?.name);
    this.confirmMassDelete = false;
    this.go('review');
  }

  /** Runs the import now, with progress, until it ends or is cancelled. */
  importNow(): Promise<void> {
    return this.guarded(async () => {
      const plan = this.plan?.plan;
      if (plan?.massDeletion && !this.confirmMassDelete) throw new Error(this.t.reviewNeedConfirm);
      this.go('run');
      this.abort = new AbortController();
      this.progress = null;
      this.host.requestUpdate();
      // A remote import fetches its file again through the proxy, as "Import now" always does,
      // so the history names the server's file and the next run can skip it unchanged.
      const file = this.draft.sourceKind === 'remote' ? null : this.file;
      const run = await this.sync.run(this.profile!.id, file, {
        signal: this.abort.signal,
        confirmMassDelete: this.confirmMassDelete,
        fileName: this.draft.file?.name,
        onProgress: (value) => {
          const at = performance.now();
          const before = this.progress;
          const fraction = runFraction(value, this.draft.sourceKind === 'remote');
          const rowsBegan = value.rows > 0 && !(before && before.value.rows > 0);
          this.progress = {
            value,
            fraction: fraction === null ? null : Math.max(fraction, before?.fraction ?? 0),
            startedAt: rowsBegan || !before ? at : before.startedAt,
            at,
          };
          this.host.requestUpdate();
        },
      });
      this.abort = null;
      this.run = run;
      this.keep();
      this.host.onRunFinished(run);
      this.go('done');
    });
  }

  /** The problem report of the file at hand, worded in the user's language. */
  downloadProblems(): Promise<void> {
    return this.guarded(async () => {
      const report = await this.sync.problemReport(this.profile!.id, this.file, {
        describe: (issue) => describeIssue(this.t, issue),
        ...(this.draft.file ? { fileName: this.draft.file.name } : {}),
      });
      if (this.host.dispatchEvent(new ProblemReportEvent(report))) offerDownload(report);
    });
  }

  /** The user's explicit yes (or no) to a deletion past the 10% guard. */
  confirmDeletion(on: boolean): void {
    this.confirmMassDelete = on;
    this.host.requestUpdate();
  }

  cancelRun(): void {
    this.abort?.abort();
  }

  openSchedule(): void {
    this.go('schedule');
    this.host.requestUpdate();
  }

  /** Saves the schedule and the email for failures, then shows when the next import is. */
  finishSchedule(): Promise<void> {
    return this.guarded(async () => {
      const d = this.draft;
      if (!d.schedule) throw new Error(this.t.scheduleIncomplete);
      this.checkNotifyEmail();
      this.profile = await this.sync.profiles.update(this.profile!.id, {
        schedule: d.schedule,
        schedulePaused: d.schedulePaused,
        notifyEmail: d.notifyEmail.trim() || null,
      });
      this.keep();
      this.host.onSaved(this.profile);
      this.nextImport = await this.sync.scheduler.next(this.profile.id);
      this.run = null;
      this.go('done');
    });
  }

  /** Keeps the saved profile as it is now: nothing to undo any more. */
  private keep(): void {
    this.created = false;
    this.original = this.profile;
  }

  /** Ends the wizard with the profile saved, without running it now. */
  saveOnly(): void {
    this.keep();
    this.run = null;
    this.nextImport = null;
    this.go('done');
    this.host.requestUpdate();
  }

  /**
   * Leaves the wizard. A profile it created but never ran, scheduled or saved is removed, and
   * an edited one gets its earlier settings back.
   */
  async discard(): Promise<void> {
    this.abort?.abort();
    const { profile, original } = this;
    if (this.created && profile) await this.sync.profiles.delete(profile.id);
    else if (profile && original && profile.updatedAt !== original.updatedAt) {
      const { id: _id, createdAt: _c, updatedAt: _u, state: _s, ...input } = original;
      await this.sync.profiles.update(original.id, input);
    }
    this.created = false;
    this.original = this.profile;
  }
}
