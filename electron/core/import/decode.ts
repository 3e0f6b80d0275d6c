import iconv from 'iconv-lite';

// Turns the raw bytes of an imported file into clean text: the encoding is
// detected (BOM, strict UTF-8, otherwise Windows-1252, the usual encoding of
// text saved on Dutch Windows machines), then line ends, Unicode form and
// invisible characters are made uniform so the parser sees one shape of text.

export type TextEncodingName = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export type DecodeResult =
  | { ok: true; text: string; encoding: TextEncodingName; warnings: string[] }
  | { ok: false; code: 'empty' | 'binary'; reason: string };

/** More than this share of control characters means the file is not text… */
const BINARY_CONTROL_SHARE = 0.1;
/** …but a few stray ones in a short file are just dirt, stripped with a warning. */
const BINARY_CONTROL_MIN = 8;

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const utf16le = new TextDecoder('utf-16le', { ignoreBOM: true });
const utf16be = new TextDecoder('utf-16be', { ignoreBOM: true });

export function decodeBytes(bytes: Uint8Array): DecodeResult {
  if (bytes.length === 0) return { ok: false, code: 'empty', reason: 'The file is empty.' };

  const detected = detectAndDecode(bytes);
  if ('code' in detected) return detected;
  const { encoding, warnings } = detected;
  let raw = detected.text;

  // Nothing any step below changes or reports (the usual file): only the NFC form and the
  // check for blank text are left, and NFC leaves text below U+0300 as it is.
  if (!NEEDS_CLEANING.test(raw)) {
    const text = MAY_NEED_NFC.test(raw) ? raw.normalize('NFC') : raw;
    if (text.trim() === '') return { ok: false, code: 'empty', reason: 'The file contains only whitespace, no text.' };
    return { ok: true, text, encoding, warnings };
  }
  if (raw.includes('\u0000')) return binary('it contains NUL characters');
  if (looksLikeControlNoise(raw)) return binary('most of it is control characters');

  const replaced = countOf(raw, '\uFFFD');
  if (replaced > 0 && encoding !== 'utf-8' && encoding !== 'utf-8-bom') {
    warnings.push(`${plural(replaced, 'byte', 'bytes')} could not be decoded as ${ENCODING_LABEL[encoding]} and ${replaced === 1 ? 'is' : 'are'} shown as "\uFFFD".`);
  }

  const repaired = repairC1(raw);
  if (repaired.count > 0) {
    raw = repaired.text;
    warnings.push(
      `Repaired ${plural(repaired.count, 'character', 'characters')} stored as invisible control codes (Windows-1252 quotes, dashes or euro signs saved in the wrong encoding).`,
    );
  }
  raw = normaliseLineEnds(raw);
  const before = raw.length;
  raw = raw.replace(CONTROL_CHARS, '');
  const stripped = before - raw.length;
  if (stripped > 0) {
    warnings.push(`Removed ${plural(stripped, 'control character', 'control characters')} that cannot be displayed.`);
  }
  // Tabs separate words in copied text; a space keeps the text on one line.
  const text = raw.replace(/\t/g, ' ').replace(INVISIBLE_CHARS, '').normalize('NFC');

  if (text.trim() === '') return { ok: false, code: 'empty', reason: 'The file contains only whitespace, no text.' };
  return { ok: true, text, encoding, warnings };
}

/**
 * Every character a step of decodeBytes acts on: NUL and the other C0 controls but LF (tab,
 * CR, vertical tab and form feed included), DEL, C1 controls, U+FFFD, the line and paragraph
 * separators, and INVISIBLE_CHARS. Text without any goes through those steps unchanged.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const NEEDS_CLEANING = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u00AD\u200B\u2028\u2029\u2060\uFEFF\uFFFD]/;
/** Characters from U+0300 on (combining marks, and all that NFC may compose or change); below, NFC is the identity (astral characters are surrogates, above it too). */
const MAY_NEED_NFC = /[\u0300-\uFFFF]/;

const ENCODING_LABEL: Record<TextEncodingName, string> = {
  'utf-8': 'UTF-8',
  'utf-8-bom': 'UTF-8',
  'utf-16le': 'UTF-16 (little-endian)',
  'utf-16be': 'UTF-16 (big-endian)',
  'windows-1252': 'Windows-1252',
};

type Detected = { text: string; encoding: TextEncodingName; warnings: string[] } | { ok: false; code: 'binary'; reason: string };

function detectAndDecode(bytes: Uint8Array): Detected {
  const [b0, b1, b2] = bytes;
  if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) {
    const body = bytes.subarray(3);
    if (body.includes(0)) return binary('it contains NUL bytes');
    // A BOM promises UTF-8; if the rest is not valid UTF-8 we still keep every
    // readable character rather than guessing another encoding.
    const text = tryStrictUtf8(body);
    if (text !== null) return { text, encoding: 'utf-8-bom', warnings: [] };
    const lenient = new TextDecoder('utf-8').decode(body);
    return { text: lenient, encoding: 'utf-8-bom', warnings: [invalidUtf8Warning(countOf(lenient, '\uFFFD'))] };
  }
  if (b0 === 0xff && b1 === 0xfe) return decodeUtf16(bytes.subarray(2), 'utf-16le', []);
  if (b0 === 0xfe && b1 === 0xff) return decodeUtf16(bytes.subarray(2), 'utf-16be', []);

  if (bytes.includes(0)) {
    // Without a BOM, NUL bytes mean binary, unless they sit in every other byte
    // the way mostly-Latin text in UTF-16 looks.
    const utf16 = guessBomlessUtf16(bytes);
    if (utf16) return decodeUtf16(bytes, utf16, [`The file has no byte-order mark; it was read as ${ENCODING_LABEL[utf16]} because of its byte pattern.`]);
    return binary('it contains NUL bytes');
  }

  const text = tryStrictUtf8(bytes);
  if (text !== null) return { text, encoding: 'utf-8', warnings: [] };
  return { text: iconv.decode(toBuffer(bytes), 'windows-1252'), encoding: 'windows-1252', warnings: [] };
}

function decodeUtf16(body: Uint8Array, encoding: 'utf-16le' | 'utf-16be', warnings: string[]): Detected {
  const decoder = encoding === 'utf-16le' ? utf16le : utf16be;
  if (body.length % 2 === 1) warnings.push(`The file ends in the middle of a ${ENCODING_LABEL[encoding]} character; the last byte was ignored.`);
  const text = decoder.decode(body.subarray(0, body.length - (body.length % 2)));
  return { text, encoding, warnings };
}

/**
 * UTF-16 without a BOM: in mostly-Latin text one byte of every pair is zero.
 * Require it for nearly all pairs, and the other byte almost never zero.
 */
function guessBomlessUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  if (bytes.length < 4 || bytes.length % 2 === 1) return null;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < bytes.length; i += 2) {
    if (bytes[i] === 0) evenZero++;
    if (bytes[i + 1] === 0) oddZero++;
  }
  const pairs = bytes.length / 2;
  if (oddZero >= pairs * 0.7 && evenZero <= pairs * 0.02) return 'utf-16le';
  if (evenZero >= pairs * 0.7 && oddZero <= pairs * 0.02) return 'utf-16be';
  return null;
}

function tryStrictUtf8(bytes: Uint8Array): string | null {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return null;
  }
}

const invalidUtf8Warning = (count: number) =>
  `The file says it is UTF-8 but ${plural(count, 'byte sequence is', 'byte sequences are')} not valid UTF-8; ${count === 1 ? 'it is' : 'they are'} shown as "\uFFFD".`;

const binary = (why: string) => ({ ok: false as const, code: 'binary' as const, reason: `The file looks binary (${why}), not text.` });

const toBuffer = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);

// CRLF (Windows) and lone CR (old Mac) become LF; so do the Unicode line and
// paragraph separators, vertical tab and form feed, which all end a line.
function normaliseLineEnds(text: string): string {
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  return text.replace(/\r\n?|[\u000B\u000C\u2028\u2029]/g, '\n');
}

/**
 * C1 controls (U+0080–U+009F) in decoded text are nearly always Windows-1252
 * punctuation that went through a Latin-1 conversion: U+0093 was “, U+0096 –,
 * U+0080 €, U+0085 …. Browsers read them the same way, so do we.
 */
const C1_CHARS = /[\u0080-\u009F]/g;
const HAS_C1 = /[\u0080-\u009F]/;
let c1Repairs: Map<string, string> | null = null;

function repairC1(text: string): { text: string; count: number } {
  if (!HAS_C1.test(text)) return { text, count: 0 };
  c1Repairs ??= new Map(
    Array.from({ length: 0x20 }, (_, i) => [String.fromCharCode(0x80 + i), iconv.decode(Buffer.from([0x80 + i]), 'windows-1252')] as const).filter(([, char]) => char !== '\uFFFD'),
  );
  const repairs = c1Repairs;
  let count = 0;
  const repaired = text.replace(C1_CHARS, (char) => {
    const replacement = repairs.get(char);
    if (replacement === undefined) return char; // undefined in Windows-1252: stripped below as a control
    count++;
    return replacement;
  });
  return { text: repaired, count };
}

/** C0 controls except tab and LF, DEL, and C1 controls that had no repair: never meant to be seen. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_CHARS = /[\u0000-\u0008\u000E-\u001F\u007F-\u009F]/g;

/**
 * Invisible characters web pages and word processors leave in copied text:
 * zero-width space, word joiner, BOMs inside the text and soft hyphens. They
 * would break matching (`Oekra\u00ADïne` ≠ `Oekraïne`) and show nothing.
 * Zero-width (non-)joiners are kept: they shape emoji and some scripts.
 */
const INVISIBLE_CHARS = /[\u200B\u2060\uFEFF\u00AD]/g;

function looksLikeControlNoise(text: string): boolean {
  const controls = countControls(text);
  return controls >= BINARY_CONTROL_MIN && controls > text.length * BINARY_CONTROL_SHARE;
}

function countControls(text: string): number {
  let controls = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    // C1 codes are not counted: in decoded text they are misencoded punctuation (see repairC1).
    if ((code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d && code !== 0x0c) || code === 0x7f) controls++;
  }
  return controls;
}

function countOf(text: string, char: string): number {
  let count = 0;
  for (let at = text.indexOf(char); at !== -1; at = text.indexOf(char, at + 1)) count++;
  return count;
}

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;
