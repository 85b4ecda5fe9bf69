// Test-only: forwarding a request to moto unchanged (method, path, headers and body as received, so SigV4
// signatures stay valid), either streamed straight back or buffered for a patch or for pagination.
import { request as httpRequest, type Agent, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Reply } from './protocol.js';

const MAX_BUFFERED_BODY = 8 * 1024 * 1024;
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'content-length']);

/** Headers a rewritten answer must not copy (Node sets them; content-length is recomputed). */
export function isHopByHop(name: string): boolean {
  return HOP_BY_HOP.has(name.toLowerCase());
}

/** Buffers bodies of known, modest size (all API calls); leaves large or chunked uploads to be streamed. */
export async function readSmallBody(req: IncomingMessage): Promise<Buffer | undefined> {
  const length = Number(req.headers['content-length'] ?? NaN);
  if (!Number.isFinite(length) || length > MAX_BUFFERED_BODY) return undefined;
  if (length === 0) return Buffer.alloc(0);
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function upstreamRequest(target: URL, agent: Agent, req: IncomingMessage, body: Buffer | undefined) {
  const upstream = httpRequest({
    protocol: target.protocol,
    hostname: target.hostname,
    port: target.port,
    method: req.method,
    path: req.url,
    headers: req.headers,
    agent,
  });
  return {
    upstream,
    send: () => {
      if (body) upstream.end(body);
      else req.pipe(upstream);
    },
  };
}

/** moto's headers as they came (raw pairs), less connection management; content-length is kept. */
function passThroughHeaders(raw: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const name = raw[i] ?? '';
    if (['connection', 'keep-alive', 'transfer-encoding'].includes(name.toLowerCase())) continue;
    out.push(name, raw[i + 1] ?? '');
  }
  return out;
}

/** Pipes moto's answer straight to the client; reports the status as soon as it is known. */
export function forwardStreaming(
  target: URL,
  agent: Agent,
  req: IncomingMessage,
  res: ServerResponse,
  body: Buffer | undefined,
  onStatus: (status: number) => void,
): Promise<void> {
  return new Promise((done, fail) => {
    const { upstream, send } = upstreamRequest(target, agent, req, body);
    upstream.on('error', fail);
    upstream.on('response', (answer) => {
      onStatus(answer.statusCode ?? 0);
      res.writeHead(answer.statusCode ?? 502, passThroughHeaders(answer.rawHeaders));
      answer.pipe(res);
      answer.on('end', () => done());
      answer.on('error', fail);
    });
    send();
  });
}

/** Collects moto's whole answer, for a patch or for splitting into pages. */
export function forwardBuffered(target: URL, agent: Agent, req: IncomingMessage, body: Buffer | undefined): Promise<Reply> {
  return new Promise((done, fail) => {
    const { upstream, send } = upstreamRequest(target, agent, req, body);
    upstream.on('error', fail);
    upstream.on('response', (answer) => {
      const chunks: Buffer[] = [];
      answer.on('data', (chunk: Buffer) => chunks.push(chunk));
      answer.on('error', fail);
      answer.on('end', () => {
        const headers: Record<string, string> = {};
        for (const [name, value] of Object.entries(answer.headers)) {
          if (value !== undefined && !isHopByHop(name)) headers[name] = Array.isArray(value) ? value.join(', ') : value;
        }
        done({ status: answer.statusCode ?? 0, headers, body: Buffer.concat(chunks) });
      });
    });
    send();
  });
}
