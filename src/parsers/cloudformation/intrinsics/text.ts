import type { ResourceRef } from '../../../core/index.js';
import { isResourceRef } from '../../../core/index.js';
import { NO_VALUE, Symbolic, Unresolved } from '../../shared/values.js';
import type { TemplateScope } from '../scope.js';

/** A piece of a string built by Fn::Sub or Fn::Join: plain text, text standing for a deploy-time value, or unknown. */
export type TextPiece = { text: string; symbolic: boolean } | Unresolved;

export function textOf(value: unknown, scope: TemplateScope, what: string): TextPiece {
  if (typeof value === 'string') return { text: value, symbolic: false };
  if (typeof value === 'number' || typeof value === 'boolean') return { text: String(value), symbolic: false };
  if (value === null || value === NO_VALUE) return { text: '', symbolic: false };
  if (value instanceof Unresolved) return value;
  if (value instanceof Symbolic) return value.azRegion !== undefined ? new Unresolved('unresolved:GetAZs') : { text: value.text, symbolic: true };
  if (isResourceRef(value)) return { text: scope.textOfRef(value as ResourceRef), symbolic: true };
  return new Unresolved(`unresolved:${what}`);
}

/** Joins pieces; symbolic parts make the whole string symbolic (kept as text, but not a literal). */
export function joinPieces(pieces: readonly TextPiece[], separator: string): string | Symbolic | Unresolved {
  let text = '';
  let symbolic = false;
  for (let i = 0; i < pieces.length; i++) {
    const piece = pieces[i]!;
    if (piece instanceof Unresolved) return piece;
    if (i > 0) text += separator;
    text += piece.text;
    symbolic ||= piece.symbolic;
  }
  return symbolic ? new Symbolic(text) : text;
}

/** A value an intrinsic needs as plain text or a number (a map key, a list index, a comparison). */
export function plainScalar(value: unknown, what: string): string | number | boolean | Unresolved {
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Unresolved) return value;
  if (value instanceof Symbolic) return new Unresolved(value.reason ?? `unresolved:${what}`);
  return new Unresolved(`unresolved:${what}`);
}
