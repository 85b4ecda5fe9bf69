import type { EvidencePiece, Requirement } from '../catalog/schema.js';
import type { Attestation, EvidenceRef } from './schema.js';

export type EvidenceFileState = 'ok' | 'missing' | 'changed' | 'unhashed';

export interface EvidenceState {
  kind: 'file' | 'url' | 'ticket' | 'value';
  ref: string;
  covers: string[];
  /** Files: found with the recorded hash (`ok`), not found, different, or never hashed. Others are always `ok`. */
  state: EvidenceFileState;
  sha256?: string;
  actualSha256?: string;
  note?: string;
  line?: number;
}

export interface AttestationState {
  requirement: string;
  claim: Attestation['claim'];
  statement: string;
  owner: string;
  attested: string;
  /** The expiry in force: the attestation's own, else the catalog's validity from the attestation date. */
  expires: string | undefined;
  expired: boolean;
  evidence: EvidenceState[];
  /** Pieces the claim needs (the requirement's, or its alternative's for claim `alternative`). */
  expected: string[];
  covered: string[];
  missing: string[];
  answers: Record<string, string>;
  file: string;
  line?: number;
}

export function evidenceKind(ref: EvidenceRef): EvidenceState['kind'] {
  if (ref.file !== undefined) return 'file';
  if (ref.url !== undefined) return 'url';
  if (ref.ticket !== undefined) return 'ticket';
  return 'value';
}

function fits(piece: EvidencePiece, kind: EvidenceState['kind']): boolean {
  if (piece.kind === 'value') return kind === 'value';
  if (piece.kind === 'link') return kind === 'url';
  if (piece.kind === 'document') return kind === 'file' || kind === 'url';
  return kind !== 'value' || piece.kind === 'any';
}

/** Adds an ISO duration (P1Y, P3M, P90D) to a date. */
export function addDuration(date: string, duration: string): string {
  const match = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)D)?$/.exec(duration);
  const d = new Date(`${date}T00:00:00Z`);
  if (!match) return date;
  d.setUTCFullYear(d.getUTCFullYear() + Number(match[1] ?? 0));
  d.setUTCMonth(d.getUTCMonth() + Number(match[2] ?? 0));
  d.setUTCDate(d.getUTCDate() + Number(match[3] ?? 0));
  return d.toISOString().slice(0, 10);
}

/**
 * Which expected evidence pieces an attestation covers. An entry naming no pieces covers the only piece when the
 * claim expects exactly one; with several expected it covers nothing (the loader warns).
 */
export function coverage(expectedPieces: readonly EvidencePiece[], evidence: readonly EvidenceState[]): { covered: string[]; missing: string[] } {
  const covered = new Set<string>();
  for (const item of evidence) {
    if (item.state === 'missing') continue;
    const named = item.covers.length > 0 ? item.covers : expectedPieces.length === 1 ? [expectedPieces[0]!.id] : [];
    for (const id of named) {
      const piece = expectedPieces.find((p) => p.id === id);
      if (piece && fits(piece, item.kind)) covered.add(id);
    }
  }
  return {
    covered: expectedPieces.filter((p) => covered.has(p.id)).map((p) => p.id),
    missing: expectedPieces.filter((p) => !covered.has(p.id)).map((p) => p.id),
  };
}

export function expectedPieces(requirement: Requirement, claim: Attestation['claim']): EvidencePiece[] {
  return claim === 'alternative' && requirement.alternative ? requirement.alternative.evidence : requirement.evidence;
}

export function attestationState(
  attestation: Attestation,
  requirement: Requirement,
  evidence: EvidenceState[],
  defaultValidity: string,
  now: Date,
  origin: { file: string; line?: number | undefined },
): AttestationState {
  const expires = attestation.expires ?? addDuration(attestation.attested, requirement.attestationValidity ?? defaultValidity);
  const pieces = expectedPieces(requirement, attestation.claim);
  const { covered, missing } = coverage(pieces, evidence);
  return {
    requirement: attestation.requirement,
    claim: attestation.claim,
    statement: attestation.statement,
    owner: attestation.owner,
    attested: attestation.attested,
    expires,
    expired: expires < now.toISOString().slice(0, 10),
    evidence,
    expected: pieces.map((p) => p.id),
    covered,
    missing,
    answers: attestation.answers,
    file: origin.file,
    ...(origin.line !== undefined ? { line: origin.line } : {}),
  };
}
