import type { CollectionOutcome } from '../../core/index.js';

export interface ClassifiedError {
  outcome: Exclude<CollectionOutcome, 'ok'>;
  code: string;
  message: string;
}

const ACCESS_DENIED = new Set([
  'AccessDenied',
  'AccessDeniedException',
  'UnauthorizedOperation',
  'UnauthorizedAccess',
  'UnauthorizedException',
  'AuthorizationError',
  'AuthorizationErrorException',
  'AuthFailure',
  'Forbidden',
  'ForbiddenException',
  'AllAccessDisabled',
]);
const THROTTLED = new Set([
  'Throttling',
  'ThrottlingException',
  'ThrottledException',
  'TooManyRequestsException',
  'RequestLimitExceeded',
  'RequestThrottled',
  'RequestThrottledException',
  'SlowDown',
  'ProvisionedThroughputExceededException',
  'BandwidthLimitExceeded',
  'LimitExceededException',
  'PriorRequestNotComplete',
]);
/** The service or operation is not there: an emulator without it, a Region without the service, an opt-in Region. */
const UNSUPPORTED = new Set([
  'UnknownOperationException',
  'InvalidAction',
  'UnsupportedOperation',
  'UnsupportedOperationException',
  'NotImplemented',
  'OptInRequired',
  'InvalidEndpointException',
  'UnrecognizedClientException',
  'SubscriptionRequiredException',
]);

/**
 * What a failed call means for the snapshot. An HTML or unparsable body (an emulator without the API, a Region without
 * the service) is `unsupported`, never data.
 */
export function classifyError(error: unknown): ClassifiedError {
  const e = (error ?? {}) as { name?: string; Code?: string; code?: string; message?: string; $metadata?: { httpStatusCode?: number }; $response?: unknown };
  // Node network errors carry their meaning in `code` (ENOTFOUND) and a generic name.
  const code = e.Code ?? (e.name && e.name !== 'Error' ? e.name : undefined) ?? e.code ?? 'Error';
  const message = (e.message ?? String(error)).split('\n')[0]!.slice(0, 300);
  const status = e.$metadata?.httpStatusCode;
  if (ACCESS_DENIED.has(code) || /AccessDenied|not.?authorized/i.test(code)) return { outcome: 'access_denied', code, message };
  if (THROTTLED.has(code) || status === 429) return { outcome: 'throttled', code, message };
  if (code === 'TimeoutError' || code === 'AbortError' || code === 'RequestTimeout' || /ETIMEDOUT|ESOCKETTIMEDOUT|timed out/i.test(message)) {
    return { outcome: 'error', code: 'Timeout', message };
  }
  // A code that says the service is not there wins over its status (OptInRequired comes with a 403).
  if (UNSUPPORTED.has(code) || code === 'ENOTFOUND') return { outcome: 'unsupported', code, message };
  // A 401/403 is a denial even when its body could not be parsed (a JSON service answering with an XML error page).
  if (status === 401 || status === 403) return { outcome: 'access_denied', code, message };
  const unparsable = code === 'SyntaxError' || /Deserialization error|XML parse error|Unexpected token|is not valid JSON|Invalid RFC-3339|char '<'/i.test(message);
  if (unparsable || status === 404 || status === 501) return { outcome: 'unsupported', code, message };
  return { outcome: 'error', code, message };
}
