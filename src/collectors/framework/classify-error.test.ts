// What a failed call means for the snapshot: every outcome class, and the shapes AWS, the SDK, Node and emulators
// give errors in (a modeled name, an XML `Code`, a bare HTTP status, a network code, an HTML page).
import { describe, expect, it } from 'vitest';
import { classifyError } from './classify-error.js';

/** An error as the SDK throws it: a name, a message and the HTTP status. */
function sdk(name: string, status?: number, message = `${name}: something`): Error {
  return Object.assign(new Error(message), { name, ...(status !== undefined ? { $metadata: { httpStatusCode: status } } : {}) });
}

/** A Node network error: generic name, the meaning in `code`. */
function network(code: string, message: string): Error {
  return Object.assign(new Error(message), { code });
}

describe('classifyError', () => {
  it.each([
    ['AccessDeniedException (JSON services)', sdk('AccessDeniedException', 400)],
    ['AccessDenied (query services, S3)', sdk('AccessDenied', 403)],
    ['UnauthorizedOperation (EC2)', sdk('UnauthorizedOperation', 403)],
    ['AuthorizationError (SNS)', sdk('AuthorizationError', 403)],
    ['a variant naming AccessDenied', sdk('AccessDeniedForDependencyException', 400)],
    ['a code saying "not authorized"', sdk('UserNotAuthorizedException', 400)],
    ['an XML Code over a generic name', Object.assign(new Error('denied'), { name: 'S3ServiceException', Code: 'AccessDenied' })],
    ['a 403 without a code', sdk('UnknownError', 403, 'UnknownError')],
    ['a 403 whose body could not be parsed', sdk('Error', 403, 'Unexpected token < in JSON at position 0')],
    ['a 401', sdk('UnknownError', 401, 'UnknownError')],
  ])('access_denied: %s', (_name, error) => {
    expect(classifyError(error).outcome).toBe('access_denied');
  });

  it.each([
    ['ThrottlingException', sdk('ThrottlingException', 400)],
    ['Throttling (query services)', sdk('Throttling', 400)],
    ['RequestLimitExceeded (EC2)', sdk('RequestLimitExceeded', 503)],
    ['SlowDown (S3)', sdk('SlowDown', 503)],
    ['TooManyRequestsException (Lambda, API Gateway)', sdk('TooManyRequestsException', 429)],
    ['a 429 without a known code', sdk('SomethingElse', 429)],
  ])('throttled: %s', (_name, error) => {
    expect(classifyError(error).outcome).toBe('throttled');
  });

  it.each([
    ['UnknownOperationException', sdk('UnknownOperationException', 400)],
    ['InvalidAction', sdk('InvalidAction', 400)],
    ['OptInRequired (a Region not enabled)', sdk('OptInRequired', 403)],
    ['an HTML page the SDK could not parse (SyntaxError)', sdk('SyntaxError', 404, 'Unexpected token < in JSON at position 0')],
    ['an HTML 500 from an emulator (XML parse error)', sdk('Error', 500, "Deserialization error: to see the raw response, inspect the hidden field {error}.$response on this object.\nXML parse error: char '<'")],
    ['a 404 without a code', sdk('UnknownError', 404, 'UnknownError')],
    ['a 501', sdk('NotImplemented', 501)],
    ['ENOTFOUND (no endpoint for the service in this Region)', network('ENOTFOUND', 'getaddrinfo ENOTFOUND dax.ap-east-2.amazonaws.com')],
  ])('unsupported: %s', (_name, error) => {
    expect(classifyError(error).outcome).toBe('unsupported');
  });

  it('keeps the network code as the code of ENOTFOUND', () => {
    expect(classifyError(network('ENOTFOUND', 'getaddrinfo ENOTFOUND x'))).toEqual({ outcome: 'unsupported', code: 'ENOTFOUND', message: 'getaddrinfo ENOTFOUND x' });
  });

  it.each([
    ['TimeoutError (the per-call deadline)', sdk('TimeoutError')],
    ['AbortError', sdk('AbortError')],
    ['ETIMEDOUT', network('ETIMEDOUT', 'connect ETIMEDOUT 10.0.0.1:443')],
    ['a socket that timed out', sdk('Error', undefined, 'socket timed out after 5000 ms')],
  ])('error with code Timeout: %s', (_name, error) => {
    expect(classifyError(error)).toMatchObject({ outcome: 'error', code: 'Timeout' });
  });

  it.each([
    ['InternalFailure', sdk('InternalFailure', 500)],
    ['a connection reset', network('ECONNRESET', 'socket hang up')],
    ['a validation error', sdk('ValidationException', 400)],
  ])('error: %s', (_name, error) => {
    expect(classifyError(error).outcome).toBe('error');
  });

  it('survives values that are not errors', () => {
    expect(classifyError('boom')).toEqual({ outcome: 'error', code: 'Error', message: 'boom' });
    expect(classifyError(undefined)).toMatchObject({ outcome: 'error', code: 'Error' });
    expect(classifyError(null)).toMatchObject({ outcome: 'error', code: 'Error' });
  });

  it('keeps the first line of the message, at most 300 characters', () => {
    const { message } = classifyError(sdk('InternalFailure', 500, `${'x'.repeat(400)}\nsecond line`));
    expect(message).toBe('x'.repeat(300));
  });
});
