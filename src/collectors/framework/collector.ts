import type { AwsCredentialIdentityProvider } from '@smithy/types';
import type { ResourceInput, UnknownMark } from '../../core/index.js';

/** What one call gave: the value, or why there is none (`reason` is `collection_failed:<iam action>`). */
export type CallResult<T> = { ok: true; value: T; absent: boolean } | { ok: false; reason: string; code: string; outcome: string };

export interface CallOptions {
  /** The uid of the resource whose data this call reads (several for a batch call); recorded as affected when it fails. */
  resource?: string | readonly string[];
  /** Error codes that mean "nothing configured" (NoSuchBucketPolicy): the call succeeded, the value is absent. */
  absent?: readonly string[];
}

export interface SendOptions {
  abortSignal: AbortSignal;
}

/** What a collector sees: its clients, a recorded `call`, and where to put what it found. */
export interface CollectorContext<Op extends string = string> {
  readonly account: string;
  /** The Region being scanned, or `global` for account-wide collectors. */
  readonly region: string;
  /** The Region API calls go to (for global collectors: the home Region). */
  readonly apiRegion: string;
  readonly now: Date;
  /**
   * An SDK v3 client for this Region, configured for the scan (credentials, endpoint, retries, timeouts). `region`
   * overrides it for a global service whose resources each live in a Region (S3 answers a request signed for another
   * Region than the bucket's with a 301 redirect).
   */
  client<C>(ctor: new (config: never) => C, region?: string): C;
  /** Sends one call, classifying and recording its outcome under the operation's IAM action. */
  call<T>(operation: Op, send: (options: SendOptions) => Promise<T>, options?: CallOptions): Promise<CallResult<T>>;
  /** Follows every page (never silently truncated; a repeated token is an error); the items of all pages, or why not. */
  pages<P, I>(
    operation: Op,
    fetch: (token: string | undefined, options: SendOptions) => Promise<P>,
    next: (page: P) => string | undefined,
    items: (page: P) => readonly I[] | undefined,
    options?: CallOptions,
  ): Promise<CallResult<I[]>>;
  /**
   * Says a listing that succeeded completed `types` too, beyond what `listings` declares. Only for an inventory that a
   * fallback listing completes when the first one fails (iam.ts: GetAccountAuthorizationDetails, else ListUsers): the
   * fallback is declared in `listings`, and the first listing names those types here, after it succeeded, so its
   * failure hands the inventory to the fallback instead of leaving it incomplete. Every other listing is static.
   */
  listed(operation: Op, types: readonly string[]): void;
  /** Adds a resource; account, Region, source and time are filled in. */
  emit(resource: Omit<ResourceInput, 'source'> & { source?: 'live' }): void;
  /** Adds facts to the account's `AWS::Account` resource (or this Region's `AWS::Account::Region` with `region`). */
  accountFacts(properties: Record<string, unknown>, unknown?: UnknownMark[]): void;
  regionFacts(properties: Record<string, unknown>, unknown?: UnknownMark[]): void;
  /** The reason for a failed call, for unknown marks. */
  reasonFor(operation: Op): string;
}

export interface Collector<Op extends string = string> {
  /** The AWS service, as in IAM action prefixes (`s3`, `ec2`). One collector per service and file. */
  service: string;
  /** `global` services are read once per account; `regional` ones in every scanned Region. */
  scope: 'global' | 'regional';
  /** Every SDK operation the collector sends, and the IAM action it needs (ListBuckets → s3:ListAllMyBuckets). */
  operations: Record<Op, string>;
  /**
   * The listing operations, each with the resource types whose whole inventory it gives in the account and Region it
   * runs in (`ListBuckets: ['AWS::S3::Bucket', 'AWS::S3::BucketPolicy']`). The framework attaches the types to the
   * operation's collection record whenever the operation is called, whatever the outcome: an `ok` record completes the
   * inventory, a failed one (a page denied, throttled, unsupported) leaves it incomplete with the reason
   * `collection_failed:<iam action>`. A call that reads one resource's own data (GetBucketPolicy, DescribeTable) is
   * never a listing: its failure is an unknown mark on that resource (docs/dev/writing-collectors.md).
   */
  listings?: Partial<Record<Op, readonly string[]>>;
  /** The resource types it writes. */
  produces: readonly string[];
  collect(ctx: CollectorContext<Op>): Promise<void>;
}

/** Declares a collector; the operation names type `ctx.call`, so an undeclared call does not compile. */
export function defineCollector<Op extends string>(collector: Collector<Op>): Collector {
  return collector as unknown as Collector;
}

/** Every type some listing of the collector completes. */
export function listedTypes(collector: Collector): string[] {
  return [...new Set(Object.values<readonly string[] | undefined>(collector.listings ?? {}).flatMap((types) => types ?? []))].sort();
}

export interface ScanCredentials {
  provider: AwsCredentialIdentityProvider;
}
