/** Typed events the components dispatch (they bubble and cross shadow roots). */

/** The user asked to edit an import profile: open the wizard for it. */
export class EditProfileEvent extends Event {
  static readonly type = 'cs-edit-profile';
  constructor(readonly profileId: string) {
    super(EditProfileEvent.type, { bubbles: true, composed: true });
  }
}

/** An import profile was deleted after the user confirmed. */
export class ProfileDeletedEvent extends Event {
  static readonly type = 'cs-profile-deleted';
  constructor(readonly profileId: string) {
    super(ProfileDeletedEvent.type, { bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    'cs-edit-profile': EditProfileEvent;
    'cs-profile-deleted': ProfileDeletedEvent;
  }
}
