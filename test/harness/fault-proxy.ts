// Test-only: a small HTTP proxy in front of moto that injects faults (throttling, 5xx, timeouts, access denied),
// splits list answers into pages, and stands in for the APIs and account facts moto lacks. Everything else passes
// through byte for byte (headers untouched, so SigV4 signatures stay valid; large bodies are streamed).
// How collectors' tests use it: docs/dev/testing-with-moto.md.
import { randomInt } from 'node:crypto';
import { Agent, createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { GetBucketLocationCommand, S3Client } from '@aws-sdk/client-s3';
import { DEFAULT_ACCOUNT_ID, s3Config } from './aws-clients.js';
import { forwardBuffered, forwardStreaming, isHopByHop, readSmallBody } from './proxy/forward.js';
import { RuleList, type FaultSpec, type Match, type Rule, type RuleHandle } from './proxy/faults.js';
import { identify, type RequestInfo } from './proxy/identify.js';
import { buildPage, LIST_SPECS, originalToken, pageCount, TOKEN_PATTERN, type PagedAnswer, type PaginateOptions } from './proxy/pagination.js';
import { defaultError, errorReply, type Reply } from './proxy/protocol.js';
import { ScenarioState } from './proxy/scenario.js';
import { accountStandIns } from './proxy/standins/account.js';
import { costStandIns } from './proxy/standins/cost.js';
import { motoQuirkPatches } from './proxy/standins/moto-quirks.js';
import { resilienceStandIns } from './proxy/standins/resilience.js';
import { s3StandIns } from './proxy/standins/s3.js';
import { securityStandIns } from './proxy/standins/security.js';
import type { StandIn, StandInContext } from './proxy/standins/types.js';
import { elementText } from './proxy/xml.js';

export type { FaultSpec, Match, RuleHandle } from './proxy/faults.js';
export type { ListSpec, PaginateOptions } from './proxy/pagination.js';
export type { AccountScenario, RegionScenario, SupportTier } from './proxy/scenario.js';

export interface CallRecord {
  service: string;
  operation: string;
  region: string;
  accountId: string;
  method: string;
  path: string;
  /** HTTP status sent to the client; 0 when none was (timeout, connection reset, client gave up). */
  status: number;
  /**
   * moto: forwarded as is; patched: moto's answer rewritten by a patch; stand-in: answered by the proxy instead of
   * moto; fault: an injected fault; page: a later page of a split list (served from the first answer).
   */
  answeredBy: 'moto' | 'patched' | 'stand-in' | 'fault' | 'page';
  fault?: FaultSpec['kind'];
}

export interface FaultProxyOptions {
  /** moto's endpoint, e.g. `moto.endpoint`. */
  target: string;
  /** Stand-ins and patches for what moto lacks (default true). */
  standIns?: boolean;
}

export interface FaultProxy {
  /** `http://127.0.0.1:PORT`: give this to every SDK client as `endpoint`. */
  readonly endpoint: string;
  readonly port: number;
  /** Scenario facts the stand-ins answer from, per account: `proxy.state.account('123456789012').supportTier = 'business'`. */
  readonly state: ScenarioState;
  /** Every AWS request seen, in order (moto's own /moto-api calls excluded). */
  readonly calls: readonly CallRecord[];
  /** Calls to one service (and operation). */
  callsTo(service: string, operation?: string): CallRecord[];
  /** Inject a fault on matching requests; first matching live rule wins. */
  fault(match: Match, spec: FaultSpec): RuleHandle;
  /** Split matching list answers into pages of `pageSize` (and optionally fail after some pages). */
  paginate(match: Match, options: PaginateOptions & { failWith?: FaultSpec }): RuleHandle;
  /** Remove every fault and pagination rule. */
  clearFaults(): void;
  clearCalls(): void;
  /** clearFaults + clearCalls + forget split lists and scenario state. */
  reset(): void;
  stop(): Promise<void>;
}

interface PageEntry {
  answer: PagedAnswer;
  index: number;
  failWith?: FaultSpec;
}


export async function startFaultProxy(options: FaultProxyOptions): Promise<FaultProxy> {
  const proxy = new Proxy(options);
  await proxy.listen();
  return proxy.api();
}

class Proxy {
  private readonly target: URL;
  private readonly agent = new Agent({ keepAlive: true });
  private readonly server = createServer((req, res) => {
    this.handle(req, res).catch(() => res.destroy());
  });
  private readonly sockets = new Set<Socket>();
  private readonly faults = new RuleList<FaultSpec>();
  private readonly pagers = new RuleList<PaginateOptions & { failWith?: FaultSpec }>();
  private readonly pages = new Map<string, PageEntry>();
  private readonly keyAccounts = new Map<string, string>();
  private readonly standIns = new Map<string, StandIn>();
  private readonly id = randomInt(1_000_000);
  private nextToken = 0;
  private s3?: S3Client;
  readonly state = new ScenarioState();
  readonly calls: CallRecord[] = [];
  port = 0;

  constructor(private readonly options: FaultProxyOptions) {
    this.target = new URL(options.target);
    if (options.standIns !== false) {
      for (const s of [...accountStandIns, ...costStandIns, ...securityStandIns, ...resilienceStandIns, ...s3StandIns, ...motoQuirkPatches]) {
        this.standIns.set(`${s.service}:${s.operation}`, s);
      }
    }
    this.server.on('connection', (socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
  }

  listen(): Promise<void> {
    return new Promise((done, fail) => {
      this.server.once('error', fail);
      this.server.listen(0, '127.0.0.1', () => {
        this.port = (this.server.address() as AddressInfo).port;
        done();
      });
    });
  }

  api(): FaultProxy {
    return {
      endpoint: `http://127.0.0.1:${this.port}`,
      port: this.port,
      state: this.state,
      calls: this.calls,
      callsTo: (service, operation) => this.calls.filter((c) => c.service === service && (operation === undefined || c.operation === operation)),
      fault: (match, spec) => this.faults.add(match, spec, spec),
      paginate: (match, opts) => {
        if (!opts.spec && !LIST_SPECS[`${match.service}:${match.operation}`]) {
          throw new Error(`no built-in list spec for ${match.service}:${match.operation}; pass options.spec (see proxy/pagination.ts)`);
        }
        if (!(opts.pageSize >= 1)) throw new Error('pageSize must be at least 1');
        return this.pagers.add(match, opts);
      },
      clearFaults: () => {
        this.faults.clear();
        this.pagers.clear();
      },
      clearCalls: () => {
        this.calls.length = 0;
      },
      reset: () => {
        this.faults.clear();
        this.pagers.clear();
        this.calls.length = 0;
        this.pages.clear();
        this.state.reset();
      },
      stop: () => this.stop(),
    };
  }

  private async stop(): Promise<void> {
    this.s3?.destroy();
    this.agent.destroy();
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((done) => this.server.close(() => done()));
  }

  private accountOf(req: IncomingMessage, info: RequestInfo): string {
    const header = req.headers['x-moto-account-id'];
    if (typeof header === 'string' && header) return header;
    return this.keyAccounts.get(info.accessKeyId) ?? DEFAULT_ACCOUNT_ID;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readSmallBody(req);
    const info = await identify(req.method ?? 'GET', req.url ?? '/', req.headers, body);
    const accountId = this.accountOf(req, info);
    const call: CallRecord = {
      service: info.service,
      operation: info.operation,
      region: info.region,
      accountId,
      method: info.method,
      path: info.url.pathname,
      status: 0,
      answeredBy: 'moto',
    };
    if (info.service !== 'moto-api') this.calls.push(call);
    try {
      // Faults come first, so a fault can also hit the request for a later page (which then stays servable).
      const fault = this.faults.take(info, accountId);
      if (fault && (await this.applyFault(fault.value, info, call, req, res))) return;

      const token = findPageToken(req.url ?? '', body, String(req.headers['content-type'] ?? ''));
      const entry = token ? this.pages.get(token) : undefined;
      if (entry) return await this.servePage(entry, info, call, req, res);

      const standIn = this.standIns.get(`${info.service}:${info.operation}`);
      const ctx = this.standInContext(info, body ?? Buffer.alloc(0), accountId);
      let reply = standIn?.answer ? await standIn.answer(ctx) : undefined;
      if (reply) call.answeredBy = 'stand-in';
      const pager = this.pagers.take(info, accountId);
      const observe = info.service === 'sts' || (info.service === 'iam' && info.operation === 'CreateAccessKey');
      if (!reply) {
        if (!standIn?.patch && !pager && !observe) return await forwardStreaming(this.target, this.agent, req, res, body, (status) => (call.status = status));
        reply = await forwardBuffered(this.target, this.agent, req, body);
        if (standIn?.patch) {
          const patched = await standIn.patch(ctx, reply);
          if (patched.status !== reply.status || !patched.body.equals(reply.body)) call.answeredBy = 'patched';
          reply = patched;
        }
      }
      if (observe) this.learnKeys(info, accountId, reply);
      if (pager && reply.status === 200) reply = this.startPaging(pager, info, reply);
      this.send(res, reply, call);
    } catch (error) {
      if (!res.headersSent) this.send(res, errorReply(info.protocol, 'FaultProxyError', 502, `fault proxy: ${String(error)}`), call);
      else res.destroy();
    }
  }

  private standInContext(info: RequestInfo, body: Buffer, accountId: string): StandInContext {
    const account = this.state.account(accountId);
    let parsed: Record<string, unknown> | undefined;
    return {
      info,
      body,
      accountId,
      account,
      region: account.region(info.region),
      input: () => {
        if (!parsed) {
          try {
            const value: unknown = body.length > 0 ? JSON.parse(body.toString('utf8')) : {};
            parsed = value && typeof value === 'object' ? (value as Record<string, unknown>) : {};
          } catch {
            parsed = {};
          }
        }
        return parsed;
      },
      accountOf: (id) => this.state.account(id),
      bucketRegion: (bucket) => this.bucketRegion(bucket),
    };
  }

  /** Asks moto directly (not through the proxy, so it is not logged) where a bucket lives. */
  private async bucketRegion(bucket: string): Promise<string | undefined> {
    this.s3 ??= new S3Client(s3Config(this.options.target));
    try {
      const { LocationConstraint } = await this.s3.send(new GetBucketLocationCommand({ Bucket: bucket }));
      if (!LocationConstraint) return 'us-east-1';
      return LocationConstraint === 'EU' ? 'eu-west-1' : LocationConstraint;
    } catch {
      return undefined;
    }
  }

  /** Keys from AssumeRole belong to the role's account; keys from CreateAccessKey to the caller's account. */
  private learnKeys(info: RequestInfo, accountId: string, reply: Reply): void {
    if (reply.status !== 200) return;
    const xml = reply.body.toString('utf8');
    const key = elementText(xml, 'AccessKeyId');
    if (!key) return;
    if (info.operation === 'CreateAccessKey') {
      this.keyAccounts.set(key, accountId);
      return;
    }
    const arnAccount = /arn:aws:sts::(\d{12}):/.exec(elementText(xml, 'Arn') ?? '')?.[1];
    if (arnAccount) this.keyAccounts.set(key, arnAccount);
  }

  /** Returns true when the fault produced the answer (or none at all); false for a delay that then continues. */
  private async applyFault(spec: FaultSpec, info: RequestInfo, call: CallRecord, req: IncomingMessage, res: ServerResponse): Promise<boolean> {
    call.fault = spec.kind;
    switch (spec.kind) {
      case 'delay':
        await new Promise((done) => setTimeout(done, spec.ms));
        return false;
      case 'timeout':
        call.answeredBy = 'fault';
        req.resume();
        return true;
      case 'connection_reset':
        call.answeredBy = 'fault';
        req.socket.destroy();
        return true;
      case 'error':
        call.answeredBy = 'fault';
        this.send(res, errorReply(info.protocol, spec.code, spec.status, spec.message ?? `Injected ${spec.code}`, req.headers['content-type']), call);
        return true;
      default: {
        call.answeredBy = 'fault';
        const fallback = defaultError(spec.kind, info.protocol, info.service);
        const code = spec.code ?? fallback.code;
        const message = spec.message ?? `Injected ${code} by the test fault proxy`;
        this.send(res, errorReply(info.protocol, code, spec.status ?? fallback.status, message, req.headers['content-type']), call);
        return true;
      }
    }
  }

  private startPaging(rule: Rule<PaginateOptions & { failWith?: FaultSpec }>, info: RequestInfo, reply: Reply): Reply {
    const { pageSize, failAfterPages, failWith } = rule.value;
    const spec = rule.value.spec ?? LIST_SPECS[`${info.service}:${info.operation}`];
    if (!spec) return reply;
    const answer: PagedAnswer = { reply, spec, pageSize, pageCount: pageCount(reply, spec, pageSize), failAfterPages, tailToken: originalToken(reply, spec) };
    return this.page(answer, 0, failWith);
  }

  private page(answer: PagedAnswer, index: number, failWith: FaultSpec | undefined): Reply {
    const failingNext = answer.failAfterPages !== undefined && index + 1 >= answer.failAfterPages;
    const hasMore = index + 1 < answer.pageCount;
    let next: string | undefined;
    if (failingNext || hasMore) {
      next = `ftrpage-${this.id}-${++this.nextToken}`;
      this.pages.set(next, { answer, index: index + 1, failWith: failingNext ? (failWith ?? { kind: 'server_error' }) : undefined });
    } else {
      next = answer.tailToken;
    }
    return buildPage(answer, index, next);
  }

  /** Entries stay after use, so a retried page request (after an injected fault) gets the same page again. */
  private async servePage(entry: PageEntry, info: RequestInfo, call: CallRecord, req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (entry.failWith && (await this.applyFault(entry.failWith, info, call, req, res))) return;
    call.answeredBy = 'page';
    this.send(res, this.page(entry.answer, entry.index, undefined), call);
  }

  private send(res: ServerResponse, reply: Reply, call: CallRecord): void {
    call.status = reply.status;
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(reply.headers)) if (!isHopByHop(name)) headers[name] = value;
    headers['content-length'] = String(reply.body.length);
    if (call.answeredBy !== 'moto') headers['x-ftr-fault-proxy'] = call.answeredBy;
    res.writeHead(reply.status, headers);
    res.end(reply.body);
  }
}

/** Our page tokens travel in the query string, a form body (query protocols) or a JSON body, never elsewhere. */
function findPageToken(url: string, body: Buffer | undefined, contentType: string): string | undefined {
  const fromUrl = TOKEN_PATTERN.exec(url)?.[0];
  if (fromUrl || !body || !/json|x-www-form-urlencoded/.test(contentType)) return fromUrl;
  return TOKEN_PATTERN.exec(body.toString('utf8'))?.[0];
}
