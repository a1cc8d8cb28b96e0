import { live } from 'lit/directives/live.js';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import {
  mapColumn,
  MAX_OPTION_LENGTH,
  setKeyStrategy,
  unmapColumn,
  type BehaviourOptions,
  type FieldDef,
  type FieldType,
  type FilePreview,
  type Mapping,
} from '@contactsync/sdk';
import { FieldAddedEvent, MappingChangeEvent } from '../events.ts';
import { CsElement } from '../shared/cs-element.ts';
import { baseStyles } from '../shared/base.styles.ts';
import { mappingTableStyles } from './mapping-table.styles.ts';
import { mappingProblem } from './mapping-problem.ts';
import { describeThrown } from '../shared/describe.ts';

const NEW_FIELD = '__new__';
const NEW_FIELD_TYPES: readonly FieldType[] = ['text', 'email', 'phone', 'date', 'number', 'url'];

/** What the "New field…" form holds while the person fills it in. */
interface NewFieldDraft {
  column: number;
  label: string;
  type: FieldType;
  required: boolean;
  /** Allowed values as typed, one per line; empty for any value. */
  options: string;
}

/** The mapping a preview suggests, without its "suggested" marks. */
export function mappingFromPreview(preview: FilePreview): Mapping {
  return {
    columns: preview.suggestion.columns.map(({ column, header, field }) => ({
      column,
      header,
      field,
    })),
    key: preview.suggestion.key,
  };
}

/**
 * Matches a file's columns to contact fields: sample values beside each column, suggestions
 * marked as such, a new custom field added inline, the unique-key column or generated keys with
 * what each means, and removing a mapping. Works inside the wizard or on its own.
 *
 * @tag cs-mapping-table
 * @fires {MappingChangeEvent} cs-mapping-change - the mapping changed; read `event.mapping`.
 * @fires {FieldAddedEvent} cs-field-added - a custom field was added to the address book.
 * @csspart table - The mapping table.
 * @csspart button - Every button.
 * @csspart suggested - The "Suggested" badge.
 * @csspart key-help - The explanation of the chosen key.
 * @cssprop --cs-color-accent - Focus rings, badges and primary buttons.
 */
export class MappingTable extends CsElement {
  static override styles = [baseStyles, mappingTableStyles];
  static override properties = {
    bookId: { attribute: 'book-id' },
    preview: { attribute: false },
    mapping: { attribute: false },
    fields: { attribute: false },
    bookFields: { state: true },
    behaviour: { attribute: false },
    adding: { state: true },
    problem: { state: true },
    optionsInvalid: { state: true },
  };
  static override tagName = 'cs-mapping-table';

  /** The address book whose fields are offered (and where new fields are added). */
  declare bookId: string | null;
  /** The file preview from `sync.preview()`: columns, samples and the suggested mapping. */
  declare preview: FilePreview | null;
  /** The current mapping; the preview's suggestion when unset. */
  declare mapping: Mapping | null;
  /** The fields to offer; the address book's own (kept up to date) when unset. */
  declare fields: FieldDef[] | null;
  declare private bookFields: FieldDef[];
  /** Update/delete modes, so the table can explain what generated keys would break. */
  declare behaviour: BehaviourOptions | null;
  declare private adding: NewFieldDraft | null;
  declare private problem: string;
  /** The allowed values of the new field's form hold one that is too long. */
  declare private optionsInvalid: boolean;

  constructor() {
    super();
    this.bookId = null;
    this.preview = null;
    this.mapping = null;
    this.fields = null;
    this.bookFields = [];
    // A field added elsewhere (another tab, the wizard of another import) appears here too.
    this.followChanges((event) => {
      if (event.type === 'books-changed') void this.load();
    });
    this.behaviour = null;
    this.adding = null;
    this.problem = '';
    this.optionsInvalid = false;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('preview') && this.preview && !this.mapping) {
      this.mapping = mappingFromPreview(this.preview);
    }
    if (this.clientChanged(changed) || changed.has('bookId')) void this.load();
  }

  private async load(): Promise<void> {
    const sync = this.client;
    if (!sync || !this.bookId) return;
    this.bookFields = (await sync.books.get(this.bookId)).fields;
  }

  /** A problem that stops this mapping from running, in words, or null. */
  get validationMessage(): string | null {
    const fields = this.fields ?? this.bookFields;
    return mappingProblem(this.mapping, this.behaviour, this.t, this.preview, fields);
  }

  private change(mapping: Mapping): void {
    this.mapping = mapping;
    this.dispatchEvent(new MappingChangeEvent(mapping));
  }

  private onFieldChosen(column: number, value: string): void {
    this.problem = '';
    if (value === NEW_FIELD) {
      this.adding = { column, label: '', type: 'text', required: false, options: '' };
      this.optionsInvalid = false;
      void this.updateComplete.then(() =>
        this.renderRoot.querySelector<HTMLInputElement>('.new-field input')?.focus(),
      );
      return;
    }
    this.change(
      value === '' ? unmapColumn(this.mapping!, column) : mapColumn(this.mapping!, column, value),
    );
  }

  private async addField(): Promise<void> {
    const adding = this.adding;
    const sync = this.client;
    if (!adding || !sync || !this.bookId) return;
    const lines = adding.options.split('\n').map((o) => o.trim());
    // Said here with its line: the SDK's refusal cannot say which of the values it was.
    const tooLong = lines.findIndex((o) => o.length > MAX_OPTION_LENGTH);
    this.optionsInvalid = tooLong >= 0;
    if (tooLong >= 0) {
      this.problem = this.t.newFieldOptionTooLong(tooLong + 1, MAX_OPTION_LENGTH);
      this.renderRoot.querySelector<HTMLTextAreaElement>('.new-field textarea')?.focus();
      return;
    }
    const options = lines.filter(Boolean);
    try {
      const field = await sync.books.addField(this.bookId, {
        label: adding.label.trim(),
        type: adding.type,
        ...(adding.required ? { required: true } : {}),
        ...(options.length ? { options } : {}),
      });
      this.bookFields = [...this.bookFields, field];
      this.adding = null;
      this.dispatchEvent(new FieldAddedEvent(field));
      this.change(mapColumn(this.mapping!, adding.column, field.id));
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLSelectElement>(`#field-${adding.column}`)?.focus();
    } catch (error) {
      this.problem = describeThrown(this.t, error);
    }
  }

  /** Changes the form as it is when the event comes, not as it was at the last render. */
  private editDraft(change: Partial<NewFieldDraft>): void {
    this.adding = { ...this.adding!, ...change };
  }

  private cancelAdding(): void {
    const column = this.adding?.column;
    this.adding = null;
    void this.updateComplete.then(() =>
      this.renderRoot.querySelector<HTMLSelectElement>(`#field-${column}`)?.focus(),
    );
  }

  private renderFieldOptions(selected: string | null) {
    const t = this.t;
    const fields = this.fields ?? this.bookFields;
    const label = (f: FieldDef) =>
      f.required ? t.fieldRequired(this.fieldLabel(f)) : this.fieldLabel(f);
    const option = (f: FieldDef) =>
      html`<option value=${f.id} ?selected=${f.id === selected}>${label(f)}</option>`;
    const custom = fields.filter((f) => !f.builtIn);
    return html`<option value="" ?selected=${selected === null}>${t.mappingIgnore}</option>
      <optgroup label=${t.mappingBuiltInFields}>
        ${fields.filter((f) => f.builtIn).map(option)}
      </optgroup>
      ${
        custom.length
          ? html`<optgroup label=${t.mappingCustomFields}>${custom.map(option)}</optgroup>`
          : nothing
      }
      ${this.bookId && this.client ? html`<option value=${NEW_FIELD}>${t.mappingNewField}</option>` : nothing}`;
  }

  private renderNewField() {
    const t = this.t;
    const adding = this.adding!;
    return html`<tr class="new-field">
      <td colspan="5">
        <div class="form">
          <label
            >${t.newFieldLabel}
            <input
              .value=${adding.label}
              @input=${(e: Event) =>
                this.editDraft({ label: (e.target as HTMLInputElement).value })}
              @keydown=${(e: KeyboardEvent) => {
                if (e.key === 'Enter') void this.addField();
                if (e.key === 'Escape') this.cancelAdding();
              }}
          /></label>
          <label
            >${t.newFieldType}
            <select
              @change=${(e: Event) =>
                this.editDraft({ type: (e.target as HTMLSelectElement).value as FieldType })}
            >
              ${NEW_FIELD_TYPES.map(
                (type) =>
                  html`<option value=${type} ?selected=${type === adding.type}>
                    ${t.fieldTypes[type]}
                  </option>`,
              )}
            </select></label
          >
          <label class="check"
            ><input
              type="checkbox"
              .checked=${adding.required}
              @change=${(e: Event) =>
                this.editDraft({ required: (e.target as HTMLInputElement).checked })}
            />${t.newFieldRequired}</label
          >
          <label
            >${t.newFieldOptions}
            <textarea
              rows="2"
              aria-invalid=${String(this.optionsInvalid)}
              aria-describedby=${this.optionsInvalid ? 'mapping-problem' : nothing}
              .value=${adding.options}
              @input=${(e: Event) => {
                if (this.optionsInvalid) [this.optionsInvalid, this.problem] = [false, ''];
                this.editDraft({ options: (e.target as HTMLTextAreaElement).value });
              }}
            ></textarea>
          </label>
          <button
            type="button"
            part="button"
            class="primary"
            ?disabled=${adding.label.trim() === ''}
            @click=${() => this.addField()}
          >
            ${t.newFieldAdd}
          </button>
          <button type="button" part="button" @click=${() => this.cancelAdding()}>
            ${t.cancel}
          </button>
        </div>
      </td>
    </tr>`;
  }

  private renderRow(column: number, header: string, field: string | null) {
    const t = this.t;
    const summary = this.preview?.columns[column];
    const suggestion = this.preview?.suggestion.columns[column];
    const suggested = !!suggestion?.suggested && suggestion.field === field && field !== null;
    const key = this.mapping!.key;
    const isKey = key.kind === 'column' && key.column === column;
    const samples = summary?.samples ?? [];
    return html`<tr>
        <th scope="row">${header}</th>
        <td class="samples">
          ${
            samples.length
              ? html`<ul>
                  ${samples.slice(0, 3).map((v) => html`<li>${v}</li>`)}
                </ul>`
              : html`<span class="hint">${t.mappingNoSamples}</span>`
          }
        </td>
        <td class="field">
          <select
            id=${`field-${column}`}
            aria-label=${t.mappingFieldFor(header)}
            .value=${live(field ?? '')}
            @change=${(e: Event) => this.onFieldChosen(column, (e.target as HTMLSelectElement).value)}
          >
            ${this.renderFieldOptions(field)}
          </select>
          ${suggested ? html`<span part="suggested" class="badge">${t.mappingSuggested}</span>` : nothing}
        </td>
        <td class="key">
          <label>
            <input
              type="radio"
              name="key"
              .checked=${isKey}
              aria-label=${t.mappingKeyFor(header)}
              @change=${() => this.change(setKeyStrategy(this.mapping!, { kind: 'column', column }))}
            />
            <span class="narrow-only" aria-hidden="true">${t.mappingKey}</span>
          </label>
        </td>
        <td>
          <button
            type="button"
            part="button"
            ?disabled=${field === null}
            aria-label=${t.mappingRemoveFor(header)}
            @click=${() => this.change(unmapColumn(this.mapping!, column))}
          >
            ${t.mappingRemove}
          </button>
        </td>
      </tr>
      ${this.adding?.column === column ? this.renderNewField() : nothing}`;
  }

  protected override render(): TemplateResult | typeof nothing {
    const t = this.t;
    const mapping = this.mapping;
    if (!mapping) return nothing;
    const key = mapping.key;
    const keyHeader =
      key.kind === 'column' ? mapping.columns.find((c) => c.column === key.column)?.header : null;
    const invalid = this.validationMessage;
    return html`<div class="scroll">
        <table part="table">
          <caption>
            ${t.mappingTitle}
          </caption>
          <thead>
            <tr>
              <th scope="col">${t.mappingColumn}</th>
              <th scope="col">${t.mappingSamples}</th>
              <th scope="col">${t.mappingField}</th>
              <th scope="col">${t.mappingKey}</th>
              <th scope="col"><span class="visually-hidden">${t.mappingRemove}</span></th>
            </tr>
          </thead>
          <tbody>
            ${mapping.columns.map((c) => this.renderRow(c.column, c.header, c.field))}
          </tbody>
        </table>
      </div>
      <p class="generated">
        <label>
          <input
            type="radio"
            name="key"
            .checked=${key.kind === 'generated'}
            @change=${() => this.change(setKeyStrategy(this.mapping!, { kind: 'generated' }))}
          />
          ${t.keyGenerated}
        </label>
      </p>
      <p part="key-help" class="hint" id="key-help">
        ${key.kind === 'generated' ? t.keyGeneratedHelp : t.keyColumnHelp(keyHeader ?? '')}
      </p>
      <p role="alert" class="error" id="mapping-problem">${this.problem || invalid || ''}</p>`;
  }
}

declare global {
  // Under its default name (`MappingTable.define()`): `document.querySelector('cs-mapping-table')` is typed.
  interface HTMLElementTagNameMap {
    'cs-mapping-table': MappingTable;
  }
}
