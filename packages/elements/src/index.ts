export { HistoryGrid } from './history-grid/history-grid.ts';
export { EditProfileEvent, ProfileDeletedEvent } from './events.ts';
export { en, lv, type Messages } from './i18n/messages.ts';
