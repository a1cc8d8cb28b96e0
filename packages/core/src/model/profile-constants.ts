export const DELIMITER_CHOICES = ['auto', ',', ';', '\t', '|'] as const;
export const ENCODINGS = ['auto', 'utf-8', 'windows-1252', 'utf-16le', 'utf-16be'] as const;
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
