import {
  DEFAULT_BEHAVIOUR,
  DEFAULT_PARSE_OPTIONS,
  type BehaviourOptions,
  type Mapping,
  type ParseOptions,
  type ProfileInput,
  type Schedule,
  type SyncProfile,
} from '@contactsync/sdk';

export const PROTOCOL_CHOICES = ['https', 'http', 'sftp', 'ftps', 'ftps-implicit', 'ftp'] as const;
export type ProtocolChoice = (typeof PROTOCOL_CHOICES)[number];
export const DELIMITER_CHOICES = ['auto', ',', ';', '\t', 'other'] as const;
export type DelimiterChoice = (typeof DELIMITER_CHOICES)[number];

/** What the wizard's form holds between steps. The password is dropped once it is sealed. */
export interface WizardDraft {
  name: string;
  sourceKind: 'local' | 'remote';
  file: File | null;
  /** The name of the local file a saved profile last imported. */
  lastFileName: string | null;
  protocol: ProtocolChoice;
  /** The location after "scheme://": host and path with "/". */
  address: string;
  username: string;
  password: string;
  /** The sealed login, and the URL and login it was sealed for. */
  credential: string | null;
  sealedFor: string | null;
  hostKey: string | null;
  header: boolean;
  delimiter: DelimiterChoice;
  otherDelimiter: string;
  behaviour: BehaviourOptions;
  notifyEmail: string;
  mapping: Mapping | null;
  schedule: Schedule | null;
  schedulePaused: boolean;
  /** Everything of a loaded profile the form does not show (encoding, date order, folder…). */
  parseRest: ParseOptions;
  folderId: string | null;
}

export function newDraft(): WizardDraft {
  return {
    name: '',
    sourceKind: 'local',
    file: null,
    lastFileName: null,
    protocol: 'https',
    address: '',
    username: '',
    password: '',
    credential: null,
    sealedFor: null,
    hostKey: null,
    header: true,
    delimiter: 'auto',
    otherDelimiter: '',
    behaviour: { ...DEFAULT_BEHAVIOUR },
    notifyEmail: '',
    mapping: null,
    schedule: null,
    schedulePaused: false,
    parseRest: { ...DEFAULT_PARSE_OPTIONS },
    folderId: null,
  };
}

/** The full address of the remote file. */
export function remoteUrl(d: WizardDraft): string {
  const scheme = d.protocol === 'ftps-implicit' ? 'ftps' : d.protocol;
  return `${scheme}://${d.address.trim().replace(/^[a-z]+:\/\//i, '')}`;
}

/** Splits a typed or saved address into the protocol menu and the rest. */
export function splitAddress(
  typed: string,
  implicitTls: boolean,
): { protocol: ProtocolChoice | null; address: string } {
  const match = /^([a-z]+):\/\/(.*)$/i.exec(typed.trim());
  if (!match) return { protocol: null, address: typed };
  const scheme = match[1]!.toLowerCase();
  const protocol = scheme === 'ftps' && implicitTls ? 'ftps-implicit' : scheme;
  return {
    protocol: (PROTOCOL_CHOICES as readonly string[]).includes(protocol)
      ? (protocol as ProtocolChoice)
      : null,
    address: match[2]!,
  };
}

export function draftFromProfile(profile: SyncProfile): WizardDraft {
  const d = newDraft();
  const { source, parse } = profile;
  const delimiter = (DELIMITER_CHOICES as readonly string[]).includes(parse.delimiter)
    ? (parse.delimiter as DelimiterChoice)
    : 'other';
  Object.assign(d, {
    name: profile.name,
    header: parse.header,
    delimiter,
    otherDelimiter: delimiter === 'other' ? parse.delimiter : '',
    behaviour: { ...profile.behaviour },
    notifyEmail: profile.notifyEmail ?? '',
    mapping: profile.mapping,
    schedule: profile.schedule ?? null,
    schedulePaused: profile.schedulePaused ?? false,
    parseRest: parse,
    folderId: profile.folderId,
  });
  if (source.kind === 'local') {
    d.lastFileName = source.fileName;
  } else if (source.kind === 'remote') {
    const { protocol, address } = splitAddress(source.url, source.implicitTls);
    Object.assign(d, {
      sourceKind: 'remote',
      protocol: protocol ?? 'https',
      address,
      credential: source.credential,
      sealedFor: source.credential ? source.url : null,
      hostKey: source.hostKey,
    });
  }
  return d;
}

export function parseOptionsOf(d: WizardDraft): ParseOptions {
  return {
    ...d.parseRest,
    header: d.header,
    delimiter: d.delimiter === 'other' ? d.otherDelimiter : d.delimiter,
  };
}

export function profileInputOf(d: WizardDraft, bookId: string, mapping: Mapping): ProfileInput {
  const remote = d.sourceKind === 'remote';
  return {
    name: d.name.trim(),
    bookId,
    folderId: d.folderId,
    source: remote
      ? {
          kind: 'remote',
          url: remoteUrl(d),
          implicitTls: d.protocol === 'ftps-implicit',
          credential: d.credential,
          hostKey: d.hostKey,
        }
      : { kind: 'local', fileName: d.file?.name ?? d.lastFileName ?? 'contacts.csv' },
    parse: parseOptionsOf(d),
    behaviour: d.behaviour,
    mapping,
    notifyEmail: d.notifyEmail.trim() || null,
    schedule: remote ? d.schedule : null,
    schedulePaused: d.schedulePaused,
  };
}

/** True when a saved mapping still fits the file's columns, so the user's choices are kept. */
export function mappingFits(mapping: Mapping | null, headers: readonly string[]): boolean {
  return (
    !!mapping &&
    mapping.columns.length === headers.length &&
    mapping.columns.every((c) => headers[c.column] === c.header)
  );
}
