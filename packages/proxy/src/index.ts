export { createProxyHandler, META_HEADER, STATUS_HEADER } from './handler.ts';
export type { ProxyOptions } from './options.ts';
export { DEFAULT_LIMITS, type FetchLimits } from './limits.ts';
export { PROXY_ERROR_CODES, ProxyError, type ProxyErrorCode } from './errors.ts';
export type { FileMeta, SinceMeta } from './fetch-types.ts';
export { literalAddress } from './address-guard.ts';
export { parseLocation, PROTOCOLS, type Protocol } from './url-rules.ts';
export { fingerprintOf } from './fetch-sftp.ts';
export { bearerAuthorizer, configFromEnv, type CliConfig } from './config-from-env.ts';
