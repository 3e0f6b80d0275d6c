import { describe, expect, it } from 'vitest';
import { introParagraphs } from './intro';

describe('introParagraphs', () => {
  it('splits on blank lines (LF or CRLF) and keeps single line breaks inside a paragraph', () => {
    expect(introParagraphs('Eerste alinea.\nNog steeds de eerste.\n\nTweede alinea.\r\n  \r\nDerde.')).toEqual([
      'Eerste alinea.\nNog steeds de eerste.',
      'Tweede alinea.',
      'Derde.',
    ]);
  });

  it('has no paragraphs for empty or blank text', () => {
    expect(introParagraphs('')).toEqual([]);
    expect(introParagraphs(' \n\n \n')).toEqual([]);
  });
});
