import { describe, expect, it } from 'vitest';
import { cleanText, oneLine, truncate } from './text.js';

describe('cleanText', () => {
  it('removes ANSI sequences whole: CSI, OSC (title, hyperlink), two-byte escapes and 8-bit CSI', () => {
    expect(cleanText('\u001b[2J\u001b[1;31mred\u001b[0m')).toBe('red');
    expect(cleanText('a\u001b]0;pwned\u0007b')).toBe('ab');
    expect(cleanText('a\u001b]8;;http://evil\u001b\\link\u001b]8;;\u001b\\b')).toBe('alinkb');
    expect(cleanText('a\u001bcb\u009b31mc')).toBe('abc');
    expect(cleanText('lone \u001b')).toBe('lone ');
  });

  it('drops controls and bidi overrides, keeps tabs, line feeds, emoji and accents', () => {
    expect(cleanText('a\u0000b\u0007c\u007fd\u0085e')).toBe('abcd\ne');
    expect(cleanText('invoice-\u202Egpj.exe\u2066x\u2069')).toBe('invoice-gpj.exex');
    expect(cleanText('tab\there\nnext 🚀 données')).toBe('tab\there\nnext 🚀 données');
  });

  it('normalises carriage returns and Unicode line separators to line feeds', () => {
    expect(cleanText('a\r\nb\rc\u2028d')).toBe('a\nb\nc\nd');
  });

  it('replaces lone surrogates and drops non-characters', () => {
    expect(cleanText('a\ud800b\udc00c\uffffd')).toBe('a\ufffdb\ufffdcd');
    expect(cleanText('😀')).toBe('😀');
  });
});

describe('oneLine', () => {
  it('folds line breaks and tabs into single spaces and trims', () => {
    expect(oneLine('  multi\nline\r\n\tbucket  ')).toBe('multi line bucket');
  });
});

describe('truncate', () => {
  it('cuts by code points, never inside an emoji', () => {
    expect(truncate('🚀🚀🚀🚀', 3)).toBe('🚀🚀…');
    expect(truncate('abcdef', 5, '...')).toBe('ab...');
    expect(truncate('abc', 3)).toBe('abc');
  });
});
