import { describe, expect, it } from 'vitest';
import { baseName, safeSegment, slug, uniqueName } from './paths.js';

describe('safeSegment', () => {
  it('keeps ordinary names, letters of any script included', () => {
    expect(safeSegment('report-2026 (v2).pdf')).toBe('report-2026 (v2).pdf');
    expect(safeSegment('Prüfbericht.pdf')).toBe('Prüfbericht.pdf');
  });

  it('turns separators, traversal and hidden names into plain names', () => {
    expect(safeSegment('../../etc/passwd')).toBe('etc-passwd');
    expect(safeSegment('..')).toBe('file');
    expect(safeSegment('.env')).toBe('env');
    expect(safeSegment('a\\b:c*d?e"f<g>h|i')).toBe('a-b-c-d-e-f-g-h-i');
  });

  it('drops control and bidirectional characters, and what Windows refuses', () => {
    expect(safeSegment('inv\u202egpj.exe')).toBe('invgpj.exe');
    expect(safeSegment('\u001b[2Jred')).toBe('red');
    expect(safeSegment('a\u0000b')).toBe('ab');
    expect(safeSegment('CON')).toBe('_CON');
    expect(safeSegment('nul.txt')).toBe('_nul.txt');
    expect(safeSegment('trailing. ')).toBe('trailing');
  });

  it('bounds the length without splitting a character', () => {
    expect(Array.from(safeSegment('日本'.repeat(100))).length).toBe(80);
    expect(safeSegment('🚀')).toBe('file');
    expect(safeSegment('', 'fallback')).toBe('fallback');
  });
});

describe('slug, baseName, uniqueName', () => {
  it('slugs titles into lower-case ASCII words', () => {
    expect(slug('Critical components run on AWS; any non-AWS CDN, DNS')).toBe('critical-components-run-on-aws-any-non-aws-cdn-dns');
    expect(slug('Déjà vu')).toBe('deja-vu');
    expect(slug('!!!')).toBe('requirement');
  });

  it('takes the last real segment of a path with either separator', () => {
    expect(baseName('evidence/plan.pdf')).toBe('plan.pdf');
    expect(baseName('C:\\docs\\plan.pdf')).toBe('plan.pdf');
    expect(baseName('x/..')).toBe('x');
    expect(baseName('..')).toBe('');
  });

  it('numbers clashing names before the extension, ignoring case', () => {
    const used = new Set<string>();
    expect([uniqueName('a.md', used), uniqueName('A.md', used), uniqueName('a.md', used), uniqueName('b', used), uniqueName('b', used)]).toEqual(['a.md', 'A-2.md', 'a-3.md', 'b', 'b-2']);
  });
});
