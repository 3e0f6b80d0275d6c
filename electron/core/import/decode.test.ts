import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeBytes, type DecodeResult } from './decode';

const utf8 = (text: string) => new TextEncoder().encode(text);
const bytes = (...parts: (number[] | Uint8Array)[]) => Uint8Array.from(parts.flatMap((part) => [...part]));

function utf16(text: string, endian: 'le' | 'be'): Uint8Array {
  const out = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    out[i * 2 + (endian === 'le' ? 0 : 1)] = code & 0xff;
    out[i * 2 + (endian === 'le' ? 1 : 0)] = code >> 8;
  }
  return out;
}

function expectText(result: DecodeResult): Extract<DecodeResult, { ok: true }> {
  if (!result.ok) throw new Error(`expected text, got ${result.code}: ${result.reason}`);
  return result;
}

const SAMPLE = 'Poetin in Oekraïne\nGENÈVE (ANP) - De delegaties overlegden in Genève.';

describe('decodeBytes: encodings', () => {
  it('reads plain UTF-8', () => {
    const result = expectText(decodeBytes(utf8(SAMPLE)));
    expect(result).toEqual({ ok: true, text: SAMPLE, encoding: 'utf-8', warnings: [] });
  });

  it('reads UTF-8 with a BOM and drops the BOM', () => {
    const result = expectText(decodeBytes(bytes([0xef, 0xbb, 0xbf], utf8(SAMPLE))));
    expect(result.encoding).toBe('utf-8-bom');
    expect(result.text).toBe(SAMPLE);
  });

  it('reads UTF-16 LE and BE with a BOM', () => {
    const le = expectText(decodeBytes(bytes([0xff, 0xfe], utf16(SAMPLE, 'le'))));
    expect(le.encoding).toBe('utf-16le');
    expect(le.text).toBe(SAMPLE);
    const be = expectText(decodeBytes(bytes([0xfe, 0xff], utf16(SAMPLE, 'be'))));
    expect(be.encoding).toBe('utf-16be');
    expect(be.text).toBe(SAMPLE);
  });

  it('reads UTF-16 LE without a BOM from its byte pattern, with a warning', () => {
    const result = expectText(decodeBytes(utf16(SAMPLE, 'le')));
    expect(result.encoding).toBe('utf-16le');
    expect(result.text).toBe(SAMPLE);
    expect(result.warnings.join(' ')).toMatch(/no byte-order mark/);
  });

  it('warns when a UTF-16 file stops in the middle of a character', () => {
    const result = expectText(decodeBytes(bytes([0xff, 0xfe], utf16('Kop', 'le'), [0x41])));
    expect(result.text).toBe('Kop');
    expect(result.warnings.join(' ')).toMatch(/last byte was ignored/);
  });

  it('falls back to Windows-1252 for bytes that are not UTF-8, mapping 0x80–0x9F properly', () => {
    // "€ 5", “quotes”, en dash, Oekraïne, België: Node's TextDecoder would give C1 controls for 0x80–0x9F.
    const input = bytes([0x80, 0x20, 0x35, 0x20, 0x93, 0x6a, 0x61, 0x94, 0x20, 0x96, 0x20], iconv.encode('Oekraïne, België', 'windows-1252'));
    const result = expectText(decodeBytes(input));
    expect(result.encoding).toBe('windows-1252');
    expect(result.text).toBe('€ 5 “ja” – Oekraïne, België');
    expect(result.warnings).toEqual([]);
  });

  it('shows bytes undefined in Windows-1252 as U+FFFD and says so', () => {
    const result = expectText(decodeBytes(bytes(iconv.encode('Caf\u00e9 ', 'windows-1252'), [0x81])));
    expect(result.text).toBe('Café \uFFFD');
    expect(result.warnings.join(' ')).toMatch(/1 byte could not be decoded as Windows-1252/);
  });

  it('keeps a broken UTF-8 file with a BOM as UTF-8 and reports the bad bytes', () => {
    const result = expectText(decodeBytes(bytes([0xef, 0xbb, 0xbf], utf8('Kop '), [0xc3])));
    expect(result.encoding).toBe('utf-8-bom');
    expect(result.text).toBe('Kop \uFFFD');
    expect(result.warnings.join(' ')).toMatch(/not valid UTF-8/);
  });
});

describe('decodeBytes: normalising the text', () => {
  it('turns CRLF and lone CR line ends into LF', () => {
    expect(expectText(decodeBytes(utf8('Kop\r\nAlinea een.\r\nAlinea twee.\r\n'))).text).toBe('Kop\nAlinea een.\nAlinea twee.\n');
    expect(expectText(decodeBytes(utf8('Kop\rAlinea een.\rAlinea twee.'))).text).toBe('Kop\nAlinea een.\nAlinea twee.');
    expect(expectText(decodeBytes(iconv.encode('Kop\r\nÉén alinea.', 'windows-1252'))).text).toBe('Kop\nÉén alinea.');
  });

  it('turns Unicode line and paragraph separators into LF', () => {
    expect(expectText(decodeBytes(utf8('Kop\u2028Alinea.\u2029Nog een.'))).text).toBe('Kop\nAlinea.\nNog een.');
  });

  it('makes NFD text NFC', () => {
    const nfd = 'Oekrai\u0308ne en Gene\u0300ve';
    const result = expectText(decodeBytes(utf8(nfd)));
    expect(result.text).toBe('Oekraïne en Genève');
    expect(result.text).toBe(result.text.normalize('NFC'));
  });

  it('strips control characters (with a warning), keeps newlines and makes tabs spaces', () => {
    const result = expectText(decodeBytes(utf8('Kop\u0007\nAlinea\tmet\u001b tab.\u007f')));
    expect(result.text).toBe('Kop\nAlinea met tab.');
    expect(result.warnings).toEqual(['Removed 3 control characters that cannot be displayed.']);
  });

  it('repairs Windows-1252 punctuation stored as C1 control codes (UTF-8 mojibake)', () => {
    // “Kom”, zei hij – 5 € … as produced by a Latin-1 round trip: U+0093, U+0094, U+0096, U+0080, U+0085.
    const result = expectText(decodeBytes(utf8('\u0093Kom\u0094, zei hij \u0096 5 \u0080 \u0085 en\u0081 klaar.')));
    expect(result.text).toBe('“Kom”, zei hij – 5 € … en klaar.');
    expect(result.warnings).toEqual([
      'Repaired 5 characters stored as invisible control codes (Windows-1252 quotes, dashes or euro signs saved in the wrong encoding).',
      'Removed 1 control character that cannot be displayed.',
    ]);
    // The same repair applies to the next file too (no regex state carried over).
    expect(expectText(decodeBytes(utf8('A\u0096B'))).text).toBe('A–B');
  });

  it('strips zero-width spaces, soft hyphens and stray BOMs inside the text', () => {
    const result = expectText(decodeBytes(utf8('Oekra\u00ADïne\u200B en \uFEFFGenève\u2060')));
    expect(result.text).toBe('Oekraïne en Genève');
    expect(result.warnings).toEqual([]);
  });

  it('keeps zero-width joiners, which shape emoji and some scripts', () => {
    expect(expectText(decodeBytes(utf8('Kop 👩\u200D💻'))).text).toBe('Kop 👩\u200D💻');
  });
});

describe('decodeBytes: rejections', () => {
  it('rejects an empty file', () => {
    expect(decodeBytes(new Uint8Array())).toEqual({ ok: false, code: 'empty', reason: 'The file is empty.' });
  });

  it('rejects whitespace-only text in any encoding', () => {
    for (const input of [utf8('  \n\t\r\n  '), bytes([0xef, 0xbb, 0xbf], utf8('\n\n')), bytes([0xff, 0xfe], utf16(' \n ', 'le')), utf8('\u200B\u00A0\n')]) {
      const result = decodeBytes(input);
      expect(result).toMatchObject({ ok: false, code: 'empty' });
      if (!result.ok) expect(result.reason).toBe('The file contains only whitespace, no text.');
    }
  });

  it('rejects NUL bytes as binary', () => {
    const result = decodeBytes(bytes(utf8('Kop\nTekst'), [0x00, 0x01, 0x02, 0x03], utf8('meer tekst en nog veel meer')));
    expect(result).toEqual({ ok: false, code: 'binary', reason: 'The file looks binary (it contains NUL bytes), not text.' });
  });

  it('rejects a PNG-like header as binary', () => {
    expect(decodeBytes(bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]))).toMatchObject({ ok: false, code: 'binary' });
  });

  it('rejects NUL characters inside a UTF-16 file as binary', () => {
    expect(decodeBytes(bytes([0xff, 0xfe], utf16('Kop\u0000\u0000', 'le')))).toMatchObject({ ok: false, code: 'binary' });
  });

  it('rejects text that is mostly control characters as binary', () => {
    const result = decodeBytes(bytes(utf8('Kop'), [1, 2, 3, 4, 5, 6, 7, 8, 0x0e, 0x0f, 0x10, 0x11]));
    expect(result).toEqual({ ok: false, code: 'binary', reason: 'The file looks binary (most of it is control characters), not text.' });
  });
});
