import type { Suppression } from '../../core/index.js';
import type { FileProblem } from '../shared/input-error.js';
import type { PositionTable } from '../shared/positions.js';
import { isPlainObject } from '../shared/values.js';
import { validateWaiver } from '../shared/waivers.js';

/** The Metadata key under which a resource carries its waivers: `Metadata: { ftr-ready: { waivers: [...] } }`. */
export const METADATA_KEY = 'ftr-ready';
const WAIVER_KEYS = new Set(['rule', 'reason', 'owner', 'expires']);

/**
 * Reads the waivers in a resource's Metadata. Each needs a rule id and a reason of at least 10 characters; a bad one
 * is a problem reported with its line (and waives nothing).
 */
export function readSuppressions(metadata: unknown, file: string, positions: PositionTable, fallbackLine: number | undefined): { suppressions: Suppression[]; problems: FileProblem[] } {
  const suppressions: Suppression[] = [];
  const problems: FileProblem[] = [];
  if (!isPlainObject(metadata) || !Object.hasOwn(metadata, METADATA_KEY)) return { suppressions, problems };
  const block = metadata[METADATA_KEY];
  const blockLine = positions.of(metadata, METADATA_KEY)?.line ?? fallbackLine;
  if (!isPlainObject(block) || !Array.isArray(block['waivers'])) {
    problems.push({ message: `Metadata.${METADATA_KEY} must be a map with a \`waivers\` list of { rule, reason, owner, expires }`, line: blockLine });
    return { suppressions, problems };
  }
  const waivers = block['waivers'];
  waivers.forEach((entry, i) => {
    const line = positions.of(waivers, i)?.line ?? blockLine;
    if (!isPlainObject(entry)) {
      problems.push({ message: 'a waiver must be a map { rule, reason, owner?, expires? }', line });
      return;
    }
    const extra = Object.keys(entry).filter((key) => !WAIVER_KEYS.has(key));
    if (extra.length > 0) {
      problems.push({ message: `a waiver has unexpected key${extra.length > 1 ? 's' : ''} ${extra.map((k) => JSON.stringify(k)).join(', ')}; expected rule, reason, owner, expires`, line });
      return;
    }
    const { suppression, problem } = validateWaiver(entry, file, line);
    if (problem !== undefined) problems.push({ message: problem, line });
    if (suppression !== undefined) suppressions.push(suppression);
  });
  return { suppressions, problems };
}
