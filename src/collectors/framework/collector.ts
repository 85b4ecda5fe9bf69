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
  /** Says the listing done by `operation` completed in this account and Region: the inventory of `types` is whole. */
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
  /** The resource types it writes. */
  produces: readonly string[];
  collect(ctx: CollectorContext<Op>): Promise<void>;
}

/** Declares a collector; the operation names type `ctx.call`, so an undeclared call does not compile. */
export function defineCollector<Op extends string>(collector: Collector<Op>): Collector {
  return collector as unknown as Collector;
}

export interface ScanCredentials {
  provider: AwsCredentialIdentityProvider;
}
