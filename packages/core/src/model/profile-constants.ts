export const DELIMITER_CHOICES = ['auto', ',', ';', '\t', '|'] as const;
/**
 * "auto" tells UTF-8 (with or without BOM), UTF-16 and Windows-1252 apart; the others are the
 * user's choice, as no byte pattern tells e.g. Windows-1250 from Windows-1257 reliably.
 */
export const ENCODINGS = [
  'auto',
  'utf-8',
  'windows-1252',
  'utf-16le',
  'utf-16be',
  'windows-1250',
  'windows-1251',
  'windows-1257',
  'iso-8859-1',
  'iso-8859-2',
  'iso-8859-13',
  'iso-8859-15',
  'shift_jis',
  'gb18030',
] as const;
export type Encoding = (typeof ENCODINGS)[number];
export const DATE_ORDERS = ['DMY', 'MDY'] as const;
export type DateOrder = (typeof DATE_ORDERS)[number];

import type { BehaviourOptions, ParseOptions, ProfileState } from './profile.ts';

export const DEFAULT_PARSE_OPTIONS: ParseOptions = {
  header: true,
  delimiter: 'auto',
  encoding: 'auto',
  dateOrder: 'DMY',
  defaultRegion: 'US',
};

export const DEFAULT_BEHAVIOUR: BehaviourOptions = {
  updateExisting: true,
  deleteMissing: false,
  importEveryTime: false,
};

export const EMPTY_PROFILE_STATE: ProfileState = {
  lastFingerprint: null,
  lastConfigSignature: null,
  lastRunAt: null,
  lastStatus: null,
  lastSourceMeta: null,
};
