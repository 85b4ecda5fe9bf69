// Test-only: the wire protocols the fault proxy answers in, and protocol-correct error bodies for each, so the
// real SDK v3 surfaces an injected fault as the same error name AWS would produce.
import { randomUUID } from 'node:crypto';
import { escapeXml } from './xml.js';

/**
 * json: awsJson1_0/1_1 (X-Amz-Target); query: awsQuery (Action=, IAM/STS/RDS…); ec2: ec2Query;
 * s3: S3's REST-XML (unwrapped <Error>); restXml: Route 53, CloudFront, S3 Control; restJson: everything else.
 */
export type Protocol = 'json' | 'query' | 'ec2' | 's3' | 'restXml' | 'restJson';

export interface Reply {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

export type FaultKind = 'throttle' | 'server_error' | 'access_denied';

interface ErrorDefault {
  code: string;
  status: number;
}

const THROTTLE: Record<Protocol, ErrorDefault> = {
  json: { code: 'ThrottlingException', status: 400 },
  query: { code: 'Throttling', status: 400 },
  ec2: { code: 'RequestLimitExceeded', status: 503 },
  s3: { code: 'SlowDown', status: 503 },
  restXml: { code: 'Throttling', status: 400 },
  restJson: { code: 'ThrottlingException', status: 429 },
};

// Services whose own throttling error is TooManyRequestsException (as modeled in their SDK clients).
const THROTTLE_BY_SERVICE: Record<string, ErrorDefault> = {
  lambda: { code: 'TooManyRequestsException', status: 429 },
  apigateway: { code: 'TooManyRequestsException', status: 429 },
  apigatewayv2: { code: 'TooManyRequestsException', status: 429 },
  s3control: { code: 'SlowDown', status: 503 },
};

const ACCESS_DENIED: Record<Protocol, ErrorDefault> = {
  json: { code: 'AccessDeniedException', status: 400 },
  query: { code: 'AccessDenied', status: 403 },
  ec2: { code: 'UnauthorizedOperation', status: 403 },
  s3: { code: 'AccessDenied', status: 403 },
  restXml: { code: 'AccessDenied', status: 403 },
  restJson: { code: 'AccessDeniedException', status: 403 },
};

const SERVER_ERROR: Record<Protocol, ErrorDefault> = {
  json: { code: 'InternalFailure', status: 500 },
  query: { code: 'InternalFailure', status: 500 },
  ec2: { code: 'InternalError', status: 500 },
  s3: { code: 'InternalError', status: 500 },
  restXml: { code: 'InternalFailure', status: 500 },
  restJson: { code: 'InternalFailure', status: 500 },
};

export function defaultError(kind: FaultKind, protocol: Protocol, service: string): ErrorDefault {
  if (kind === 'throttle') return THROTTLE_BY_SERVICE[service] ?? THROTTLE[protocol];
  if (kind === 'access_denied') return ACCESS_DENIED[protocol];
  return SERVER_ERROR[protocol];
}

const JSON_CONTENT_TYPE = 'application/x-amz-json-1.1';

/** An AWS error in the given protocol's wire format. */
export function errorReply(protocol: Protocol, code: string, status: number, message: string, requestContentType?: string): Reply {
  const requestId = randomUUID();
  const base = { 'x-amzn-requestid': requestId };
  const xmlReply = (xml: string): Reply => ({
    status,
    headers: { ...base, 'content-type': 'text/xml', 'x-amz-request-id': requestId },
    body: Buffer.from(`<?xml version="1.0" encoding="UTF-8"?>\n${xml}`),
  });
  const c = escapeXml(code);
  const m = escapeXml(message);
  const type = status >= 500 ? 'Receiver' : 'Sender';
  switch (protocol) {
    case 'json':
      return {
        status,
        headers: { ...base, 'content-type': requestContentType?.startsWith('application/x-amz-json') ? requestContentType : JSON_CONTENT_TYPE },
        body: Buffer.from(JSON.stringify({ __type: code, message })),
      };
    case 'restJson':
      return {
        status,
        headers: { ...base, 'content-type': 'application/json', 'x-amzn-errortype': code },
        body: Buffer.from(JSON.stringify({ message, Message: message })),
      };
    case 'query':
    case 'restXml':
      return xmlReply(
        `<ErrorResponse><Error><Type>${type}</Type><Code>${c}</Code><Message>${m}</Message></Error><RequestId>${requestId}</RequestId></ErrorResponse>`,
      );
    case 'ec2':
      return xmlReply(`<Response><Errors><Error><Code>${c}</Code><Message>${m}</Message></Error></Errors><RequestID>${requestId}</RequestID></Response>`);
    case 's3':
      return xmlReply(`<Error><Code>${c}</Code><Message>${m}</Message><RequestId>${requestId}</RequestId><HostId>ftr-fault-proxy</HostId></Error>`);
  }
}

/** A successful JSON answer (awsJson or restJson). */
export function jsonReply(protocol: Protocol, value: unknown, status = 200, requestContentType?: string): Reply {
  const contentType = protocol === 'json' ? (requestContentType?.startsWith('application/x-amz-json') ? requestContentType : JSON_CONTENT_TYPE) : 'application/json';
  return {
    status,
    headers: { 'content-type': contentType, 'x-amzn-requestid': randomUUID() },
    body: Buffer.from(JSON.stringify(value)),
  };
}

/** A successful awsQuery answer: `<OpResponse><OpResult>…</OpResult><ResponseMetadata/></OpResponse>`. */
export function queryReply(operation: string, resultXml: string, xmlns: string): Reply {
  const requestId = randomUUID();
  const xml =
    `<?xml version="1.0" encoding="UTF-8"?>\n<${operation}Response xmlns="${xmlns}"><${operation}Result>${resultXml}</${operation}Result>` +
    `<ResponseMetadata><RequestId>${requestId}</RequestId></ResponseMetadata></${operation}Response>`;
  return { status: 200, headers: { 'content-type': 'text/xml', 'x-amzn-requestid': requestId }, body: Buffer.from(xml) };
}
