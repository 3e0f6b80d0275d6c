import { isAscii } from 'node:buffer';

// Heads files are written as ASCII JSON: every character above `~` as its `\uXXXX` escape,
// which JSON.parse reads back to the very same string. Bytes known to be ASCII are then read
// as one byte a character (`latin1`, a copy) instead of being decoded as UTF-8: at 67,000
// stories the heads files' text and parse took 240-265 ms as UTF-8 and 175 ms as ASCII, a part
// of every opening that grows with the library. The escaping costs ~4 ms per MB written, so
// bodies files (twice the heads' size, read a story at a time) stay UTF-8. Files written before
// are read as they always were; any reader of JSON reads both.

const NON_ASCII = /[\u007f-\uffff]/g;
const escape = (char: string) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`;

/** JSON.stringify's text with every character outside printable ASCII escaped (parses to the same value). */
export function asciiJson(value: unknown): string {
  const text = JSON.stringify(value);
  return text.replace(NON_ASCII, escape);
}

/** How to decode the first `length` bytes of a file: `latin1` (a byte a character) when all are ASCII, else `utf8`. */
export function jsonEncodingOf(bytes: Buffer, length: number): 'latin1' | 'utf8' {
  return isAscii(bytes.subarray(0, length)) ? 'latin1' : 'utf8';
}
