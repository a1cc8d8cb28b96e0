export { createProxyHandler, META_HEADER, STATUS_HEADER } from './handler.ts';
export { allowAnyCaller, type ProxyOptions, type SmtpOptions } from './options.ts';
export { DEFAULT_LIMITS, type FetchLimits } from './limits.ts';
export { PROXY_ERROR_CODES, ProxyError, type ProxyErrorCode } from './errors.ts';
export type { FetchOutcome, FileMeta, SinceMeta } from './fetch-types.ts';
export {
  createRemoteFetcher,
  type RemoteFetcherOptions,
  type RemoteFileRequest,
} from './remote-fetcher.ts';
export { literalAddress } from './address-guard.ts';
export { parseLocation, PROTOCOLS, type Protocol } from './url-rules.ts';
export { fingerprintOf } from './fetch-sftp.ts';
export { bearerAuthorizer, configFromEnv, smtpFromEnv, type CliConfig } from './config-from-env.ts';
export { renderReport, type RunReport } from './notify.ts';
export { createMailer } from './mailer.ts';
