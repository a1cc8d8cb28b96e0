import type {
  Contact,
  FieldDef,
  Mapping,
  RunRecord,
  Schedule,
  SyncProfile,
} from '@contactsync/sdk';

/** Typed events the components dispatch (they bubble and cross shadow roots). */

abstract class CsEvent extends Event {
  constructor(type: string) {
    super(type, { bubbles: true, composed: true });
  }
}

/** The user asked to edit an import profile: open the wizard for it. */
export class EditProfileEvent extends CsEvent {
  static readonly type = 'cs-edit-profile';
  constructor(readonly profileId: string) {
    super(EditProfileEvent.type);
  }
}

/**
 * The user wants to review an import the 10% guard refused and import it after all: open the
 * wizard with `review(profileId)`, which goes to the review (with its confirmation) as far as it
 * can without asking (a local import needs its file chosen again).
 */
export class ReviewImportEvent extends CsEvent {
  static readonly type = 'cs-review-import';
  constructor(readonly profileId: string) {
    super(ReviewImportEvent.type);
  }
}

/** The user wants to set up a new import (the grid's "Set up a new import"): open the wizard. */
export class NewImportEvent extends CsEvent {
  static readonly type = 'cs-new-import';
  constructor() {
    super(NewImportEvent.type);
  }
}

/** An import profile was deleted after the user confirmed. */
export class ProfileDeletedEvent extends CsEvent {
  static readonly type = 'cs-profile-deleted';
  constructor(readonly profileId: string) {
    super(ProfileDeletedEvent.type);
  }
}

/** An import was undone after the user confirmed; `run` is the undo's history record. */
export class RunUndoneEvent extends CsEvent {
  static readonly type = 'cs-run-undone';
  constructor(readonly run: RunRecord) {
    super(RunUndoneEvent.type);
  }
}

/** The wizard saved an import profile (created or changed). */
export class ProfileSavedEvent extends CsEvent {
  static readonly type = 'cs-profile-saved';
  constructor(readonly profile: SyncProfile) {
    super(ProfileSavedEvent.type);
  }
}

/** A run started from a component ended; `run` is its history record. */
export class RunFinishedEvent extends CsEvent {
  static readonly type = 'cs-run-finished';
  constructor(readonly run: RunRecord) {
    super(RunFinishedEvent.type);
  }
}

/**
 * The file chosen in the wizard is a vCard address book, not a CSV file. Cancelable: a host
 * that imports it elsewhere (e.g. `<cs-device-sync>.openVCard(file)`) calls `preventDefault()`,
 * and the wizard says where it went.
 */
export class VCardChosenEvent extends Event {
  static readonly type = 'cs-vcard-chosen';
  constructor(readonly file: File) {
    super(VCardChosenEvent.type, { bubbles: true, composed: true, cancelable: true });
  }
}

/** The wizard was closed (finished or cancelled). */
export class WizardClosedEvent extends CsEvent {
  static readonly type = 'cs-wizard-closed';
  constructor(readonly profileId: string | null) {
    super(WizardClosedEvent.type);
  }
}

/** The user changed the column mapping. */
export class MappingChangeEvent extends CsEvent {
  static readonly type = 'cs-mapping-change';
  constructor(readonly mapping: Mapping) {
    super(MappingChangeEvent.type);
  }
}

/** A new custom field was added to the address book from the mapping table. */
export class FieldAddedEvent extends CsEvent {
  static readonly type = 'cs-field-added';
  constructor(readonly field: FieldDef) {
    super(FieldAddedEvent.type);
  }
}

/** The user changed the schedule; `schedule` is null while the form is incomplete. */
export class ScheduleChangeEvent extends CsEvent {
  static readonly type = 'cs-schedule-change';
  constructor(
    readonly schedule: Schedule | null,
    readonly notifyEmail: string,
    readonly paused: boolean,
  ) {
    super(ScheduleChangeEvent.type);
  }
}

/** A contact was deleted (and tombstoned) from the contact list. */
export class ContactDeletedEvent extends CsEvent {
  static readonly type = 'cs-contact-deleted';
  constructor(readonly contactId: string) {
    super(ContactDeletedEvent.type);
  }
}

/** A contact deleted on the web was restored from the "Deleted" view; imports update it again. */
export class ContactRestoredEvent extends CsEvent {
  static readonly type = 'cs-contact-restored';
  constructor(readonly contact: Contact) {
    super(ContactRestoredEvent.type);
  }
}

/**
 * The user exported the contacts shown (folder and search as chosen). Cancel it to handle the
 * file yourself (upload, share); otherwise the browser downloads it.
 */
export class ContactsExportedEvent extends Event {
  static readonly type = 'cs-contacts-exported';
  constructor(readonly file: File) {
    super(ContactsExportedEvent.type, { bubbles: true, composed: true, cancelable: true });
  }
}

/**
 * The user asked for the problem report (every problem row of the file, as a CSV to fix and
 * import again). Cancel it to handle the file yourself; otherwise the browser downloads it.
 */
export class ProblemReportEvent extends Event {
  static readonly type = 'cs-problem-report';
  constructor(readonly file: File) {
    super(ProblemReportEvent.type, { bubbles: true, composed: true, cancelable: true });
  }
}

/** A phone sync started from cs-device-sync ended; `run` is its history record. */
export class DeviceSyncedEvent extends CsEvent {
  static readonly type = 'cs-device-synced';
  constructor(readonly run: RunRecord) {
    super(DeviceSyncedEvent.type);
  }
}

/** The user turned phone sync on or off (their consent). */
export class DeviceConsentEvent extends CsEvent {
  static readonly type = 'cs-device-consent';
  constructor(readonly enabled: boolean) {
    super(DeviceConsentEvent.type);
  }
}

/** The recipients of the compose field changed. */
export class RecipientsChangeEvent extends CsEvent {
  static readonly type = 'cs-recipients-change';
  constructor(readonly recipients: readonly Recipient[]) {
    super(RecipientsChangeEvent.type);
  }
}

/** One addressee: who and where. */
export interface Recipient {
  readonly contactId: string | null;
  readonly name: string;
  readonly email: string;
}

declare global {
  // Global, so `document.addEventListener(...)` is typed too: the events bubble out of shadow roots.
  interface GlobalEventHandlersEventMap {
    'cs-edit-profile': EditProfileEvent;
    'cs-profile-deleted': ProfileDeletedEvent;
    'cs-run-undone': RunUndoneEvent;
    'cs-review-import': ReviewImportEvent;
    'cs-profile-saved': ProfileSavedEvent;
    'cs-run-finished': RunFinishedEvent;
    'cs-wizard-closed': WizardClosedEvent;
    'cs-mapping-change': MappingChangeEvent;
    'cs-field-added': FieldAddedEvent;
    'cs-schedule-change': ScheduleChangeEvent;
    'cs-contact-deleted': ContactDeletedEvent;
    'cs-new-import': NewImportEvent;
    'cs-contact-restored': ContactRestoredEvent;
    'cs-contacts-exported': ContactsExportedEvent;
    'cs-problem-report': ProblemReportEvent;
    'cs-device-synced': DeviceSyncedEvent;
    'cs-device-consent': DeviceConsentEvent;
    'cs-recipients-change': RecipientsChangeEvent;
  }
}
