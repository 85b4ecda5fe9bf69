import { createHash } from 'node:crypto';
import type { Snapshot } from '../../core/index.js';

/**
 * The sha256 an in-memory snapshot is identified by in an assessment (one that was never a file). It hashes the JSON
 * of each top-level field and of each resource and record in turn, so a repository of 100,000 resources is never
 * held as one string; the digest therefore differs from the sha256 of the snapshot written out as a file.
 */
export function snapshotDigest(snapshot: Snapshot): string {
  const hash = createHash('sha256');
  for (const [key, value] of Object.entries(snapshot)) {
    hash.update(JSON.stringify(key));
    if (Array.isArray(value)) {
      hash.update(`[${value.length}]`);
      for (const item of value) hash.update(JSON.stringify(item));
    } else {
      hash.update(JSON.stringify(value) ?? 'undefined');
    }
  }
  return hash.digest('hex');
}
