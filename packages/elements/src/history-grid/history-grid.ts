import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import type { RunRecord, SyncProfile } from '@contactsync/sdk';
import {
  EditProfileEvent,
  NewImportEvent,
  ProfileDeletedEvent,
  ReviewImportEvent,
  RunUndoneEvent,
} from '../events.ts';
import type { Messages } from '../i18n/en.ts';
import { CsElement } from '../shared/cs-element.ts';
import { baseStyles } from '../shared/base.styles.ts';
import {
  closeConfirmation,
  confirmDialog,
  showConfirmation,
  type Confirmation,
} from '../shared/confirm-dialog.ts';
import { historyGridStyles } from './history-grid.styles.ts';
import { describeError, describeIssueAt, describeThrown } from '../shared/describe.ts';

interface Row {
  readonly profile: SyncProfile;
  readonly latest: RunRecord | null;
  /** The latest run that changed the book (succeeded, with or without problems). */
  readonly applied: RunRecord | null;
  readonly next: number | null;
  /** Whether `applied` is the book's latest change, which Undo can take back. */
  readonly undoable: boolean;
}

/** What the dialog is asking: to delete an import, or to undo its latest run. */
type Pending =
  | { readonly kind: 'delete'; readonly profile: SyncProfile }
  | { readonly kind: 'undo'; readonly profile: SyncProfile; readonly run: RunRecord };

type StatusKey = keyof Messages['status'];

const ICONS: Record<StatusKey, string> = {
  none: '–',
  running: '…',
  success: '✓',
  warnings: '!',
  failed: '✕',
  refused: '⊘',
  unchanged: '=',
  interrupted: '↺',
  cancelled: '–',
  undone: '↶',
};

/** How many runs back to look for the last applied import (attempts in between are rare). */
const APPLIED_LOOKBACK = 25;

/** A profile's latest run, and its latest run that changed the book. */
async function latestRuns(
  sync: NonNullable<HistoryGrid['sync']>,
  profileId: string,
): Promise<{ latest: RunRecord | null; applied: RunRecord | null }> {
  // An undone run and the undo itself left the book as it was before: not imports of data.
  const applied = (r: RunRecord) =>
    (r.status === 'success' || r.status === 'warnings') && !r.undoneBy && !r.undoOf;
  // The grid reloads on every change: one run is read unless the latest changed nothing.
  const [latest] = await sync.history.list({ profileId, limit: 1 });
  if (!latest || applied(latest)) return { latest: latest ?? null, applied: latest ?? null };
  const runs = await sync.history.list({ profileId, limit: APPLIED_LOOKBACK });
  return { latest, applied: runs.find(applied) ?? null };
}

/**
 * The synchronization history: every import profile with its latest and next import, "Import
 * now" for remote sources, its status (problems on hover and on keyboard focus), Edit, Delete,
 * and "Undo import" on the import that last changed its address book (after confirmation).
 * It updates itself while runs progress, in every tab.
 *
 * @tag cs-history-grid
 * @fires {EditProfileEvent} cs-edit-profile - the user wants to edit a profile.
 * @fires {NewImportEvent} cs-new-import - the user wants to set up a new import.
 * @fires {ProfileDeletedEvent} cs-profile-deleted - a profile was deleted after confirmation.
 * @fires {RunUndoneEvent} cs-run-undone - an import was undone after confirmation.
 * @fires {ReviewImportEvent} cs-review-import - the user wants to review and confirm an import the
 *   10% guard refused (open the wizard with `review(profileId)`).
 * @csspart table - The history table.
 * @csspart button - Every button.
 * @csspart status - A status badge.
 * @csspart problems - The list of problems of a run.
 * @csspart dialog - The delete and undo confirmations.
 * @cssprop --cs-font - Font of the element.
 * @cssprop --cs-color-accent - Buttons and focus rings; see the README for every --cs-* property.
 */
export class HistoryGrid extends CsElement {
  static override styles = [baseStyles, historyGridStyles];
  static override properties = {
    bookId: { attribute: 'book-id' },
    rows: { state: true },
    busy: { state: true },
    notice: { state: true },
    pending: { state: true },
  };
  static override tagName = 'cs-history-grid';

  /** Only this address book's imports; all when unset. */
  declare bookId: string | null;

  declare private rows: Row[] | null;
  declare private busy: Set<string>;
  declare private notice: string;
  declare private pending: Pending | null;

  constructor() {
    super();
    this.bookId = null;
    this.rows = null;
    this.busy = new Set();
    this.notice = '';
    this.pending = null;
    this.followChanges((event) => {
      if (event.type === 'run-progress') return;
      if ('bookId' in event && this.bookId && event.bookId !== this.bookId) return;
      void this.reload();
    });
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (this.clientChanged(changed) || changed.has('bookId')) void this.reload();
  }

  /** Reads the profiles and their latest runs again. */
  async reload(): Promise<void> {
    const sync = this.client;
    if (!sync) return;
    // Phone syncs have their own element (cs-device-sync); the history is for file imports.
    const profiles = (await sync.profiles.list(this.bookId ?? undefined)).filter(
      (p) => p.source.kind !== 'device',
    );
    const books = [...new Set(profiles.map((p) => p.bookId))];
    const undoable = new Set(await Promise.all(books.map((b) => sync.history.undoable(b))));
    const rows = await Promise.all(
      profiles.map(async (profile) => {
        const runs = await latestRuns(sync, profile.id);
        return {
          profile,
          ...runs,
          next: await sync.scheduler.next(profile.id),
          undoable: !!runs.applied && undoable.has(runs.applied.id),
        };
      }),
    );
    this.rows = rows.sort((a, b) => a.profile.name.localeCompare(b.profile.name, this.localeTag));
  }

  private async importNow(profile: SyncProfile): Promise<void> {
    this.busy = new Set([...this.busy, profile.id]);
    this.notice = '';
    try {
      const run = await this.client!.run(profile.id);
      if (run.error) this.notice = `${profile.name}: ${describeError(this.t, run.error)}`;
    } catch (error) {
      this.notice = `${profile.name}: ${describeThrown(this.t, error)}`;
    } finally {
      const busy = new Set(this.busy);
      busy.delete(profile.id);
      this.busy = busy;
      await this.reload();
    }
  }

  private ask(pending: Pending): void {
    this.pending = pending;
    void this.updateComplete.then(() => showConfirmation(this.renderRoot));
  }

  private async answer(confirmed: boolean): Promise<void> {
    const pending = this.pending;
    closeConfirmation(this.renderRoot);
    this.pending = null;
    if (!confirmed || !pending) return;
    const { profile } = pending;
    this.notice = '';
    try {
      if (pending.kind === 'delete') {
        await this.client!.profiles.delete(profile.id);
        this.dispatchEvent(new ProfileDeletedEvent(profile.id));
      } else {
        const undo = await this.client!.history.undo(pending.run.id);
        this.notice = `${profile.name}: ${this.t.undoDone(undo.counts)}`;
        this.dispatchEvent(new RunUndoneEvent(undo));
      }
    } catch (error) {
      this.notice = `${profile.name}: ${describeThrown(this.t, error)}`;
    }
    await this.reload();
    await this.updateComplete;
    // The button that opened the dialog went with what it did: keep the keyboard in the grid,
    // on the import's Edit after an undo, on "Set up a new import" after a deletion.
    const label = `${this.t.edit}: ${profile.name}`;
    const target =
      pending.kind === 'undo'
        ? [...this.renderRoot.querySelectorAll<HTMLElement>('button')].find(
            (b) => b.getAttribute('aria-label') === label,
          )
        : this.renderRoot.querySelector<HTMLElement>('button.new');
    target?.focus();
  }

  private confirmation(pending: Pending | null): Confirmation | null {
    const t = this.t;
    if (!pending) return null;
    if (pending.kind === 'delete')
      return {
        title: t.confirmDeleteTitle,
        text: t.confirmDeleteText(pending.profile.name),
        confirm: t.confirmDelete,
        cancel: t.cancel,
      };
    const { run } = pending;
    return {
      title: t.confirmUndoTitle,
      text: t.confirmUndoText(
        pending.profile.name,
        this.formatDateTime(run.finishedAt ?? run.startedAt) ?? '',
        run.counts,
      ),
      confirm: t.confirmUndo,
      cancel: t.cancel,
    };
  }

  private renderStatus(row: Row) {
    const t = this.t;
    const key: StatusKey = this.busy.has(row.profile.id)
      ? 'running'
      : row.latest?.undoOf
        ? 'undone'
        : (row.latest?.status ?? 'none');
    const run = row.latest;
    const problems =
      run && key !== 'running'
        ? [
            ...(run.error ? [describeError(this.t, run.error, run.trigger)] : []),
            ...run.issues.slice(0, 10).map((i) => describeIssueAt(this.t, i)),
            ...(run.notification
              ? [
                  run.notification.status === 'sent'
                    ? t.emailSent(run.notification.to)
                    : t.emailFailed(run.notification.to, run.notification.attempts),
                ]
              : []),
          ]
        : [];
    const tipId = `problems-${row.profile.id}`;
    return html`<button
      type="button"
      part="status"
      class="status ${key}"
      aria-describedby=${problems.length ? tipId : nothing}
    >
      <span class="icon" aria-hidden="true">${ICONS[key]}</span>
      <span>${t.status[key]}</span>
      ${
        problems.length
          ? html`<div role="tooltip" id=${tipId}>
              <strong>${t.problems(run!.issueCount + (run!.error ? 1 : 0))}</strong>
              <ul part="problems">
                ${problems.map((p) => html`<li>${p}</li>`)}
              </ul>
            </div>`
          : nothing
      }
    </button>`;
  }

  private renderRow(row: Row) {
    const t = this.t;
    const { profile } = row;
    const remote = profile.source.kind === 'remote';
    const busy = this.busy.has(profile.id);
    const next = profile.schedule
      ? profile.schedulePaused
        ? t.paused
        : (this.formatDateTime(row.next) ?? t.notScheduled)
      : t.notScheduled;
    const { latest, applied } = row;
    // A refused, failed or unchanged attempt is not an import of data: shown apart.
    const attempt = latest && latest !== applied && latest.status !== 'running' ? latest : null;
    return html`<tr>
      <th scope="row">${profile.name}</th>
      <td>
        ${applied ? this.formatDateTime(applied.finishedAt ?? applied.startedAt) : t.never}
        ${
          attempt?.undoOf
            ? html`<div class="attempt">
                ${t.undoneLine(this.formatDateTime(attempt.finishedAt ?? attempt.startedAt) ?? '')}
              </div>`
            : attempt
              ? html`<div class="attempt">
                  ${t.lastAttempt(
                    this.formatDateTime(attempt.finishedAt ?? attempt.startedAt) ?? '',
                    t.status[attempt.status] ?? attempt.status,
                  )}
                </div>`
              : nothing
        }
      </td>
      <td>${next}</td>
      <td>
        ${
          remote
            ? html`<button
                type="button"
                part="button"
                class="primary"
                ?disabled=${busy}
                aria-label=${`${busy ? t.importing : t.importNow}: ${profile.name}`}
                @click=${() => this.importNow(profile)}
              >
                ${busy ? t.importing : t.importNow}
              </button>`
            : nothing
        }
      </td>
      <td>${this.renderStatus(row)}</td>
      <td>
        <div class="actions">
          <button
            type="button"
            part="button"
            aria-label=${`${t.edit}: ${profile.name}`}
            @click=${() => this.dispatchEvent(new EditProfileEvent(profile.id))}
          >
            ${t.edit}
          </button>
          <button
            type="button"
            part="button"
            aria-label=${`${t.delete}: ${profile.name}`}
            @click=${() => this.ask({ kind: 'delete', profile })}
          >
            ${t.delete}
          </button>
          ${
            latest?.error?.code === 'mass-delete-refused'
              ? html`<button
                  type="button"
                  part="button"
                  class="review"
                  aria-label=${`${t.reviewAndImport}: ${profile.name}`}
                  @click=${() => this.dispatchEvent(new ReviewImportEvent(profile.id))}
                >
                  ${t.reviewAndImport}
                </button>`
              : nothing
          }
          ${
            row.undoable && applied
              ? html`<button
                  type="button"
                  part="button"
                  class="undo"
                  ?disabled=${busy}
                  aria-label=${`${t.undo}: ${profile.name}`}
                  @click=${() => this.ask({ kind: 'undo', profile, run: applied })}
                >
                  ${t.undo}
                </button>`
              : nothing
          }
        </div>
      </td>
    </tr>`;
  }

  protected override render(): TemplateResult | typeof nothing {
    const t = this.t;
    const rows = this.rows;
    return html`
      <div class="toolbar">
        <button
          type="button"
          part="button"
          class="new"
          @click=${() => this.dispatchEvent(new NewImportEvent())}
        >
          ${t.newImport}
        </button>
      </div>
      <div class="scroll">
        <table part="table">
          <caption>
            ${t.historyTitle}
          </caption>
          <thead>
            <tr>
              <th scope="col">${t.columnName}</th>
              <th scope="col">${t.columnLatest}</th>
              <th scope="col">${t.columnNext}</th>
              <th scope="col">${t.columnImportNow}</th>
              <th scope="col">${t.columnStatus}</th>
              <th scope="col">${t.columnActions}</th>
            </tr>
          </thead>
          <tbody>
            ${
              rows && rows.length === 0
                ? html`<tr>
                    <td colspan="6">${t.historyEmpty}</td>
                  </tr>`
                : (rows ?? []).map((row) => this.renderRow(row))
            }
          </tbody>
        </table>
      </div>
      <p role="status" aria-live="polite">${this.notice}</p>
      ${confirmDialog(this.confirmation(this.pending), (ok) => this.answer(ok))}
    `;
  }
}

declare global {
  // Under its default name (`HistoryGrid.define()`): `document.querySelector('cs-history-grid')` is typed.
  interface HTMLElementTagNameMap {
    'cs-history-grid': HistoryGrid;
  }
}
