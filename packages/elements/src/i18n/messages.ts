/** Every string the components show. Hosts replace any of them through the `messages` property. */
export interface Messages {
  historyTitle: string;
  historyEmpty: string;
  columnName: string;
  columnLatest: string;
  columnNext: string;
  columnImportNow: string;
  columnStatus: string;
  columnActions: string;
  never: string;
  notScheduled: string;
  paused: string;
  importNow: string;
  importing: string;
  edit: string;
  delete: string;
  confirmDeleteTitle: string;
  confirmDeleteText: (name: string) => string;
  confirmDelete: string;
  cancel: string;
  problems: (count: number) => string;
  status: Record<
    | 'none'
    | 'running'
    | 'success'
    | 'warnings'
    | 'failed'
    | 'refused'
    | 'unchanged'
    | 'interrupted'
    | 'cancelled',
    string
  >;
}

export const en: Messages = {
  historyTitle: 'Synchronization history',
  historyEmpty: 'No imports have been set up yet.',
  columnName: 'Name',
  columnLatest: 'Latest import',
  columnNext: 'Next import',
  columnImportNow: 'Import now',
  columnStatus: 'Status',
  columnActions: 'Actions',
  never: 'Never',
  notScheduled: 'Not scheduled',
  paused: 'Paused',
  importNow: 'Go',
  importing: 'Importing…',
  edit: 'Edit',
  delete: 'Delete',
  confirmDeleteTitle: 'Delete this import?',
  confirmDeleteText: (name) =>
    `"${name}" and its history will be removed. Contacts it imported stay in the address book.`,
  confirmDelete: 'Delete',
  cancel: 'Cancel',
  problems: (count) => (count === 1 ? '1 problem' : `${count} problems`),
  status: {
    none: 'Not run yet',
    running: 'Running',
    success: 'Succeeded',
    warnings: 'Finished with problems',
    failed: 'Failed',
    refused: 'Refused',
    unchanged: 'File unchanged',
    interrupted: 'Interrupted',
    cancelled: 'Cancelled',
  },
};

export const lv: Messages = {
  historyTitle: 'Sinhronizācijas vēsture',
  historyEmpty: 'Vēl nav iestatīts neviens imports.',
  columnName: 'Nosaukums',
  columnLatest: 'Pēdējais imports',
  columnNext: 'Nākamais imports',
  columnImportNow: 'Importēt tagad',
  columnStatus: 'Statuss',
  columnActions: 'Darbības',
  never: 'Nekad',
  notScheduled: 'Nav ieplānots',
  paused: 'Apturēts',
  importNow: 'Sākt',
  importing: 'Importē…',
  edit: 'Labot',
  delete: 'Dzēst',
  confirmDeleteTitle: 'Dzēst šo importu?',
  confirmDeleteText: (name) =>
    `"${name}" un tā vēsture tiks dzēsta. Importētie kontakti paliks adrešu grāmatā.`,
  confirmDelete: 'Dzēst',
  cancel: 'Atcelt',
  problems: (count) => `Problēmas: ${count}`,
  status: {
    none: 'Vēl nav palaists',
    running: 'Notiek',
    success: 'Izdevās',
    warnings: 'Pabeigts ar problēmām',
    failed: 'Neizdevās',
    refused: 'Atteikts',
    unchanged: 'Fails nav mainījies',
    interrupted: 'Pārtraukts',
    cancelled: 'Atcelts',
  },
};
