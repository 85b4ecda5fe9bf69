// Test-only: S3 answers where moto differs from today's AWS: ListBuckets without BucketRegion, and
// GetBucketEncryption "not found" for buckets that AWS encrypts with SSE-S3 by default (since January 2023).
import { escapeXml, childElements, findElement, splice } from '../xml.js';
import type { StandIn } from './types.js';

const listBuckets: StandIn = {
  service: 's3',
  operation: 'ListBuckets',
  async patch(ctx, upstream) {
    if (upstream.status !== 200) return upstream;
    let xml = upstream.body.toString('utf8');
    const list = findElement(xml, 'Buckets');
    if (!list) return upstream;
    // Work from the end so earlier offsets stay valid while inserting.
    for (const bucket of childElements(xml, list).reverse()) {
      const inner = xml.slice(bucket.innerStart, bucket.innerEnd);
      if (inner.includes('<BucketRegion>')) continue;
      const name = /<Name>([^<]*)<\/Name>/.exec(inner)?.[1];
      const region = name ? await ctx.bucketRegion(name) : undefined;
      if (region) xml = splice(xml, bucket.innerEnd, bucket.innerEnd, `<BucketRegion>${escapeXml(region)}</BucketRegion>`);
    }
    return { ...upstream, body: Buffer.from(xml) };
  },
};

const DEFAULT_ENCRYPTION =
  '<?xml version="1.0" encoding="UTF-8"?>\n<ServerSideEncryptionConfiguration xmlns="http://s3.amazonaws.com/doc/2006-03-01/">' +
  '<Rule><ApplyServerSideEncryptionByDefault><SSEAlgorithm>AES256</SSEAlgorithm></ApplyServerSideEncryptionByDefault>' +
  '<BucketKeyEnabled>false</BucketKeyEnabled></Rule></ServerSideEncryptionConfiguration>';

const bucketEncryption: StandIn = {
  service: 's3',
  operation: 'GetBucketEncryption',
  patch(ctx, upstream) {
    if (upstream.status !== 404 || !ctx.account.s3DefaultEncryption) return upstream;
    if (!upstream.body.toString('utf8').includes('ServerSideEncryptionConfigurationNotFoundError')) return upstream;
    return { status: 200, headers: { 'content-type': 'application/xml' }, body: Buffer.from(DEFAULT_ENCRYPTION) };
  },
};

export const s3StandIns: StandIn[] = [listBuckets, bucketEncryption];
